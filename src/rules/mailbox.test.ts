/**
 * domainMarks: what addressCodes needs to know of a domain, worked out once per domain. A domain
 * without a mark never has its local part read for a public service or a student mark.
 */
import { describe, expect, it } from 'vitest';
import { addressCodes, DOMAIN_MAY_BE_PUBLIC, DOMAIN_MAY_HAVE_MARK, domainMarks, LOCAL_NONE, LOCAL_PUBLIC_SERVICE, STUDENT_MARK, STUDENT_NONE } from './mailbox.js';

describe('domainMarks', () => {
  it.each([
    ['ac-paris.fr', DOMAIN_MAY_BE_PUBLIC],
    ['seine-saint-denis.gouv.fr', DOMAIN_MAY_BE_PUBLIC],
    ['univ-lille.fr', DOMAIN_MAY_HAVE_MARK],
    ['u-bordeaux.fr', DOMAIN_MAY_HAVE_MARK],
    ['acme.fr', 0],
    ['gouv.fr.acme.com', 0],
  ])('%s', (domain, marks) => {
    expect(domainMarks(domain)).toBe(marks);
  });

  it('no registrable domain, no marks', () => {
    expect(domainMarks(null)).toBe(0);
  });

  it('addressCodes reads the local part only where the marks say so', () => {
    const at = (email: string) => email.indexOf('@');
    const school = 'ce.0751234a@ac-paris.fr';
    expect(addressCodes(school, at(school), 'ac-paris.fr', LOCAL_NONE, STUDENT_NONE, domainMarks('ac-paris.fr')) >> 3).toBe(LOCAL_PUBLIC_SERVICE);
    expect(addressCodes(school, at(school), 'ac-paris.fr', LOCAL_NONE, STUDENT_NONE, 0) >> 3).toBe(LOCAL_NONE);
    const student = 'jean.dupont.etu@univ-lille.fr';
    expect(addressCodes(student, at(student), 'univ-lille.fr', LOCAL_NONE, STUDENT_NONE, domainMarks('univ-lille.fr')) & 7).toBe(STUDENT_MARK);
    expect(addressCodes(student, at(student), 'univ-lille.fr', LOCAL_NONE, STUDENT_NONE, 0) & 7).toBe(STUDENT_NONE);
  });
});
