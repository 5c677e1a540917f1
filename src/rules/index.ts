/**
 * Public API of the Prospect Guard rules engine (pure: no DOM, no extension API, no Node builtins).
 */
export type * from './types.js';
export { classify, classifyMany } from './classify.js';
export { normalizeDate, isCalendarDate, daysInMonth, today } from './dates.js';
export {
  parseAddress,
  parseAddressList,
  splitAddressList,
  findAddresses,
  normalizeAddress,
  normalizeDomain,
  trimAll,
  MAX_ADDRESS_LENGTH,
  MAX_INPUT_LENGTH,
} from './address.js';
export type { ParsedAddress, ParsedAddressOk, ParsedAddressError, ListedAddress } from './address.js';
export {
  regimeFor,
  regimeStrictness,
  ruleReason,
  normalizeJurisdiction,
  RULES,
  INTERNAL_RULE,
  FALLBACK_RULE,
  PHONE_CANVASSING_LIMITS,
  LAW_STATE_DATE,
  ALL_CHANNELS,
  JURISDICTIONS,
} from './regime.js';
export type { RegimeRule, RegimeLookup, RuleAudience } from './regime.js';
export { reasonText, invalidReason, jurisdictionReason, staticReasons, REASONS, SOURCES } from './reasons.js';
export type { Lang, InvalidDetail } from './reasons.js';
export { strictestVerdict, strictest, recipientVerdict, compareVerdicts, isConsumerMailbox, VERDICT_ORDER } from './verdict.js';
export type { Verdict } from './verdict.js';
export {
  buildIntroduction,
  unsubscribeLink,
  DEFAULT_INTRO_SETTINGS,
  DEFAULT_INTRO_SETTINGS_BY_LANG,
  INTRO_ELEMENTS,
} from './intro.js';
export type { IntroSettings, IntroElement, Introduction } from './intro.js';
export {
  FREE_MAIL_DOMAINS,
  DISPOSABLE_DOMAINS,
  ISP_DOMAINS,
  ROLE_LOCAL_PARTS,
  STUDENT_LABEL_SET,
  CORPORATE_DOMAIN_SET,
  FREE_MAIL_SUPPLEMENT,
  ISP_CONSUMER_DOMAINS,
  CORPORATE_DOMAINS,
  FR_ROLE_WORDS,
  ROLE_EXCLUSIONS,
  STUDENT_LABELS,
  isRoleLocalPart,
  providerKind,
} from './lists.js';
export { toASCII, toUnicode, domainToASCII, domainToUnicode, punycodeDecode } from './punycode.js';
export { frenchPublicHolidays, isFrenchPublicHoliday, isPhoneCanvassingAllowedAt, easterSunday, isoWeekday } from './phone.js';
