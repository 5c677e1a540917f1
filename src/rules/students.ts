/**
 * Students and alumni (data/students.ts): a school's student domain or subdomain, a student mark
 * in the local part, a lifelong alumni address — private; a domain shared by staff and students —
 * `mixed` (the classifier answers `unknown` and says why).
 */
import { FRENCH_UNIVERSITY_DOMAIN, STUDENT_DOMAINS, STUDENT_LABELS, STUDENT_LOCAL_MARKS, type StudentClass, type StudentDomain } from './data/students.js';

export type { StudentClass } from './data/students.js';

const DOMAINS: ReadonlyMap<string, StudentDomain> = new Map(STUDENT_DOMAINS.map((e) => [e.domain, e]));
const LABELS: ReadonlyMap<string, 'student' | 'alumni'> = new Map(STUDENT_LABELS.map((e) => [e.label, e.kind]));

/** The student-domain entry for a host or its nearest listed parent (down to its registrable domain). */
export function studentDomain(asciiHost: string, registrable: string | null): StudentDomain | null {
  const stop = registrable === null ? asciiHost.length : registrable.length;
  let pos = 0;
  for (;;) {
    const name = pos === 0 ? asciiHost : asciiHost.slice(pos);
    const e = DOMAINS.get(name);
    if (e !== undefined) return e;
    if (name.length <= stop) return null;
    const dot = asciiHost.indexOf('.', pos);
    if (dot < 0) return null;
    pos = dot + 1;
  }
}

/** The kind of the first student label left of the registrable domain (etu.univ-x.fr → student), or null. */
export function studentLabel(asciiHost: string, registrable: string | null): 'student' | 'alumni' | null {
  if (registrable === null || asciiHost.length <= registrable.length) return null;
  const sub = asciiHost.slice(0, asciiHost.length - registrable.length - 1);
  for (const label of sub.split('.')) {
    const k = LABELS.get(label);
    if (k !== undefined) return k;
  }
  return null;
}

/** True when a label of the subdomain part (left of the registrable domain) is a student or alumni label. */
export function hasStudentLabel(asciiHost: string, registrable: string | null): boolean {
  return studentLabel(asciiHost, registrable) !== null;
}

const MARK_DOMAINS: ReadonlySet<string> = new Set(STUDENT_LOCAL_MARKS.flatMap((m) => m.domains));

/** True when a student mark in the local part is read at this registrable domain. */
export function mayHaveMark(registrable: string): boolean {
  return MARK_DOMAINS.has(registrable) || FRENCH_UNIVERSITY_DOMAIN.test(registrable);
}

/** A student mark ending the local part ("prenom.nom.etu") at a domain where it is read. */
export function hasStudentMark(local: string, registrable: string | null): boolean {
  if (registrable === null) return false;
  for (const m of STUDENT_LOCAL_MARKS) {
    if (local.length > m.suffix.length && local.endsWith(m.suffix) && (m.domains.includes(registrable) || FRENCH_UNIVERSITY_DOMAIN.test(registrable))) {
      return true;
    }
  }
  return false;
}

export interface StudentFinding {
  kind: StudentClass;
  /** What said so: a listed domain, a subdomain label or a local-part mark. */
  by: 'domain' | 'label' | 'mark';
  entry?: StudentDomain;
}

/**
 * Students and alumni for one address: `local` lower-case without "+tag", `asciiHost` the domain,
 * `registrable` its registrable ASCII domain. A label wins over the school's domain (alumni.hec.edu
 * is a graduate's, etu.sciencespo.fr a student's), a mark over a mixed domain.
 */
export function studentClass(local: string, asciiHost: string, registrable: string | null): StudentFinding | null {
  const label = studentLabel(asciiHost, registrable);
  if (label !== null) return { kind: label, by: 'label' };
  const entry = studentDomain(asciiHost, registrable);
  if (entry !== null && entry.kind !== 'mixed') return { kind: entry.kind, by: 'domain', entry };
  if (hasStudentMark(local, registrable)) return { kind: 'student', by: 'mark' };
  if (entry !== null) return { kind: 'mixed', by: 'domain', entry };
  return null;
}
