/**
 * The hooks classify.ts calls for the mailbox classes (lists.ts, roles.ts, students.ts), as small
 * codes it can cache and pack:
 * - localCode(base): what the local part alone says (none, impersonal function, function title);
 * - domainStudentCode(host, registrable): what the domain alone says about students;
 * - addressCodes(...): the two refined with what needs both parts (a school's UAI address at an
 *   académie, a prefecture's pref-… address, a student mark in the local part).
 */
import type { ProviderKind } from './lists.js';
import { MAILBOX_REASONS } from './mailbox-reasons.js';
import { REASONS } from './reasons.js';
import { LOCAL_CLASS_IMPERSONAL, LOCAL_CLASS_NONE, LOCAL_CLASS_TITLE, localClass, publicServiceRule } from './roles.js';
import { hasStudentMark, mayHaveMark, studentDomain, studentLabel } from './students.js';
import type { Audience, Flag, Reason } from './types.js';

export const LOCAL_NONE = LOCAL_CLASS_NONE;
export const LOCAL_IMPERSONAL = LOCAL_CLASS_IMPERSONAL;
export const LOCAL_FUNCTION_TITLE = LOCAL_CLASS_TITLE;
export const LOCAL_PUBLIC_SERVICE = 3;

export const STUDENT_NONE = 0;
export const STUDENT_DOMAIN = 1;
export const STUDENT_ALUMNI = 2;
export const STUDENT_MIXED = 3;
export const STUDENT_MARK = 4;

/** What the local part (lower-case, no "+tag") says by itself. */
export function localCode(base: string): number {
  return localClass(base);
}

/** What the domain says about students: a student domain or label, an alumni one, a domain shared with staff. */
export function domainStudentCode(asciiHost: string, registrable: string | null): number {
  // a label is more specific than the school's domain: alumni.hec.edu is a graduate's
  const label = studentLabel(asciiHost, registrable);
  if (label !== null) return label === 'alumni' ? STUDENT_ALUMNI : STUDENT_DOMAIN;
  const entry = studentDomain(asciiHost, registrable);
  if (entry === null) return STUDENT_NONE;
  return entry.kind === 'student' ? STUDENT_DOMAIN : entry.kind === 'alumni' ? STUDENT_ALUMNI : STUDENT_MIXED;
}

const MAY_BE_PUBLIC = /(?:^ac-[a-z-]+\.fr|gouv\.fr)$/;
const MAY_HAVE_MARK = /\.etud?$/;

/** The local part of `email` (its '@' at `at`) before any "+tag"; a quoted local part is left whole. */
function baseOf(email: string, at: number): string {
  if (email.charCodeAt(0) === 34) return email.slice(0, at);
  const plus = email.indexOf('+');
  return email.slice(0, plus > 0 && plus < at ? plus : at);
}

/** domainMarks(): the registrable domain is a French public-sector one, where a service address may be read. */
export const DOMAIN_MAY_BE_PUBLIC = 1;
/** domainMarks(): a student mark in the local part is read at this registrable domain. */
export const DOMAIN_MAY_HAVE_MARK = 2;

/**
 * What addressCodes needs to know of the domain alone (its registrable domain), as bits: worked
 * out once per domain (classify.ts keeps it with the domain's facts) instead of once per address.
 */
export function domainMarks(registrable: string | null): number {
  if (registrable === null) return 0;
  return (MAY_BE_PUBLIC.test(registrable) ? DOMAIN_MAY_BE_PUBLIC : 0) | (mayHaveMark(registrable) ? DOMAIN_MAY_HAVE_MARK : 0);
}

/**
 * The local and student codes once both parts are known: `email` the normalised address with its
 * '@' at `at`, `registrable` the registrable domain, `marks` its domainMarks(). Returns local code
 * × 8 + student code. The local part is only cut out when the domain is one where it can matter.
 */
export function addressCodes(email: string, at: number, registrable: string | null, local: number, student: number, marks: number): number {
  let l = local;
  let s = student;
  if (registrable !== null) {
    if (l !== LOCAL_IMPERSONAL && (marks & DOMAIN_MAY_BE_PUBLIC) !== 0 && publicServiceRule(baseOf(email, at), registrable) !== null) l = LOCAL_PUBLIC_SERVICE;
    if ((s === STUDENT_NONE || s === STUDENT_MIXED) && (marks & DOMAIN_MAY_HAVE_MARK) !== 0) {
      const base = baseOf(email, at);
      if (MAY_HAVE_MARK.test(base) && hasStudentMark(base, registrable)) s = STUDENT_MARK;
    }
  }
  return l * 8 + s;
}

/** Index in UNKNOWN_REASONS: 0 none, 1 IP literal, 2 unknown suffix, 3 bare public suffix. */
const UNKNOWN_REASONS: readonly (Reason | null)[] = [null, REASONS.unknownIp, REASONS.unknownSuffix, REASONS.unknownPublicSuffix];

export interface AudienceFacts {
  override: { kind: 'business' | 'private'; scope: 'address' | 'domain' } | null;
  internal: boolean;
  provider: ProviderKind | null;
  /** addressCodes(): local code × 8 + student code. */
  codes: number;
  /** 0 none, 1 IP literal, 2 unknown suffix, 3 bare public suffix. */
  unknown: number;
  /** A corporate exception decided that the domain is no consumer provider. */
  corporate: boolean;
}

export interface AudienceDecision {
  audience: Audience;
  reasons: Reason[];
  flags: Flag[];
}

/**
 * Who the recipient is, in this order: the user's override, the user's own domains, a consumer
 * provider (free webmail, ISP, disposable), a student's or alumnus' address, a domain we cannot
 * read, an impersonal function or a public service (organization), a domain shared by staff and
 * students (unknown, unless the local part is a role or a title), a function title held by one
 * person (professional), any other address at an organisation's domain (professional).
 * Flags in a fixed order: provider, student, alumni, role, public-service, function-title, override.
 */
export function decideAudience(f: AudienceFacts): AudienceDecision {
  const local = f.codes >> 3;
  const student = f.codes & 7;
  const role = local === LOCAL_IMPERSONAL || local === LOCAL_PUBLIC_SERVICE;
  const reasons: Reason[] = [];
  let audience: Audience;
  if (f.override !== null) {
    if (f.override.kind === 'business') {
      audience = role ? 'organization' : 'professional';
      reasons.push(f.override.scope === 'address' ? REASONS.overrideBusinessAddress : REASONS.overrideBusinessDomain);
    } else {
      audience = 'private';
      reasons.push(f.override.scope === 'address' ? REASONS.overridePrivateAddress : REASONS.overridePrivateDomain);
    }
  } else if (f.internal) {
    audience = 'internal';
    reasons.push(REASONS.internal);
  } else if (f.provider !== null) {
    audience = 'private';
    if (f.provider === 'disposable') reasons.push(REASONS.disposable);
    else reasons.push(f.provider === 'isp' ? REASONS.isp : REASONS.freeMail, REASONS.soleTrader);
    if (role) reasons.push(REASONS.roleAtConsumer);
  } else if (student === STUDENT_DOMAIN || student === STUDENT_ALUMNI || student === STUDENT_MARK) {
    audience = 'private';
    reasons.push(student === STUDENT_ALUMNI ? MAILBOX_REASONS.alumni : student === STUDENT_MARK ? MAILBOX_REASONS.studentMark : REASONS.student);
  } else if (f.unknown !== 0) {
    audience = 'unknown';
    reasons.push(UNKNOWN_REASONS[f.unknown]!);
  } else if (role) {
    audience = 'organization';
    reasons.push(local === LOCAL_PUBLIC_SERVICE ? MAILBOX_REASONS.publicService : REASONS.organization);
  } else if (local === LOCAL_FUNCTION_TITLE) {
    audience = 'professional';
    reasons.push(MAILBOX_REASONS.functionTitle);
  } else if (student === STUDENT_MIXED) {
    audience = 'unknown';
    reasons.push(MAILBOX_REASONS.mixedStudentStaff);
  } else {
    audience = 'professional';
    reasons.push(REASONS.professional);
  }
  if (f.corporate && f.override === null && !f.internal && (audience === 'professional' || audience === 'organization')) reasons.push(MAILBOX_REASONS.corporateException);

  const flags: Flag[] = [];
  if (f.provider !== null) flags.push(f.provider);
  if (student === STUDENT_DOMAIN || student === STUDENT_MARK || student === STUDENT_ALUMNI) flags.push('student');
  if (student === STUDENT_ALUMNI) flags.push('alumni');
  if (role) flags.push('role');
  if (local === LOCAL_PUBLIC_SERVICE) flags.push('public-service');
  if (local === LOCAL_FUNCTION_TITLE) flags.push('function-title');
  if (f.override !== null) flags.push('override');
  return { audience, reasons, flags };
}
