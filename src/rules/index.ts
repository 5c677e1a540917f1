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
export { reasonText, invalidReason, staticReasons, REASONS, SOURCES } from './reasons.js';
export {
  JURISDICTION_INFO,
  JURISDICTION_INPUTS,
  EU_DEFAULT_CCTLDS,
  GENERIC_CCTLDS,
  jurisdictionInfo,
  jurisdictionOfCountry,
  domainCountry,
  decideJurisdiction,
  countryName,
} from './jurisdictions.js';
export type { JurisdictionInfo, DomainCountry, JurisdictionDecision, CountrySource } from './jurisdictions.js';
export type { Lang, InvalidDetail } from './reasons.js';
export { strictestVerdict, strictest, recipientVerdict, compareVerdicts, isConsumerMailbox, VERDICT_ORDER } from './verdict.js';
export type { Verdict, RecipientVerdict, ConsentLike } from './verdict.js';
export { recipientWording, messageWording, audienceLabel, verdictLabel } from './wording.js';
export { shortCitation, sourceRef, sourceText, inLang } from './citation.js';
export type { RecipientWording, MessageWording, WordingInput } from './wording.js';
export {
  buildIntroduction,
  unsubscribeLink,
  frenchDe,
  INTRO_ELEMENTS,
} from './intro.js';
export type { IntroSettings, IntroElement, IntroAudience, Introduction } from './intro.js';
export {
  CONSUMER_SUPPLEMENT,
  TRAP_PAIRS,
  CORPORATE_EXCEPTIONS,
  CORPORATE_DOMAIN_SET,
  FREE_MAIL_SUPPLEMENT,
  ISP_CONSUMER_DOMAINS,
  UPSTREAM_VERSIONS,
  FR_ROLE_WORDS,
  PERSON_TITLES,
  PUBLIC_SERVICE_RULES,
  ROLE_EXCLUSIONS,
  STUDENT_DOMAINS,
  STUDENT_LABELS,
  STUDENT_LOCAL_MARKS,
  isRoleLocalPart,
  isPersonTitle,
  roleClass,
  studentClass,
  providerKind,
  providerCountry,
  supplementEntry,
  isCorporateException,
} from './lists.js';
export type { ConsumerMailbox, TrapPair, CorporateException, ProviderKind, RoleClass } from './lists.js';
export { MAILBOX_REASONS, MAILBOX_SOURCES } from './mailbox-reasons.js';
export { toASCII, toUnicode, domainToASCII, domainToUnicode, punycodeDecode } from './punycode.js';
export { frenchPublicHolidays, isFrenchPublicHoliday, isPhoneCanvassingAllowedAt, easterSunday, isoWeekday } from './phone.js';
export {
  analyzeMessage,
  createMessageAnalyzer,
  decideMessage,
  requiredElements,
  historyKey,
  historyHashInput,
  hashHistoryKey,
  historyKeysToRecord,
  firstContactDecision,
} from './message/index.js';
export type { MessageAnalysis, MessageAnalyzer, MessageContext, MessageFacts, MessageInput, CueHit, LinkSpan, HashFunction } from './message/index.js';
export * from './linkedin/index.js';
export { buildNoteIntroduction } from './intro.js';
export type { NoteIntroduction } from './intro.js';
