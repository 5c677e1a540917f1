/**
 * Students and alumni: a student's school mailbox and a graduate's lifelong forwarding address are
 * a natural person's own addresses (private), not the school's. Where one domain serves staff and
 * students alike, nothing in the address tells them apart: `unknown`, and the reason says why.
 *
 * Sources: the schools' published address formats where we found them; otherwise addresses that
 * students publish themselves in public project pages (marked weak: it shows the domain in use,
 * not who else uses it).
 */

export type StudentClass = 'student' | 'alumni' | 'mixed';

export interface StudentDomain {
  /** Lower-case ASCII domain or host; its subdomains are covered too. */
  domain: string;
  kind: StudentClass;
  school: string;
  country: string;
  note: string;
  source: string;
  weak?: true;
}

const WP_FR = (title: string): string => `https://fr.wikipedia.org/wiki/${title}`;
const SEEN = ' Source weak: the format is seen in addresses students publish on public code-hosting pages, not in a school document.';

export const STUDENT_DOMAINS: readonly StudentDomain[] = [
  // Students of grandes écoles (the school's staff use another domain)
  {
    domain: 'student-cs.fr',
    kind: 'student',
    school: 'CentraleSupélec',
    country: 'FR',
    note: 'CentraleSupélec students\u2019 mailboxes (prenom.nom@student-cs.fr); staff are on centralesupelec.fr.' + SEEN,
    source: 'https://github.com/search?q=%22%40student-cs.fr%22&type=code',
    weak: true,
  },
  {
    domain: 'edu.escp.eu',
    kind: 'student',
    school: 'ESCP Business School',
    country: 'FR',
    note: 'ESCP students\u2019 mailboxes (prenom.nom@edu.escp.eu); staff are on escp.eu.' + SEEN,
    source: 'https://github.com/search?q=%22%40edu.escp.eu%22&type=code',
    weak: true,
  },
  {
    domain: 'edu.em-lyon.com',
    kind: 'student',
    school: 'emlyon business school',
    country: 'FR',
    note: 'emlyon students\u2019 mailboxes; staff are on em-lyon.com.' + SEEN,
    source: 'https://github.com/search?q=%22%40edu.em-lyon.com%22&type=code',
    weak: true,
  },
  {
    domain: 'hec.edu',
    kind: 'student',
    school: 'HEC Paris',
    country: 'FR',
    note: 'HEC Paris students\u2019 and graduates\u2019 mailboxes; staff are on hec.fr.' + SEEN,
    source: 'https://github.com/search?q=%22%40hec.edu%22&type=code',
    weak: true,
  },
  {
    domain: 'dauphine.eu',
    kind: 'student',
    school: 'Université Paris Dauphine-PSL',
    country: 'FR',
    note: 'Paris-Dauphine students\u2019 mailboxes; staff are on dauphine.psl.eu / dauphine.fr.' + SEEN,
    source: 'https://github.com/search?q=%22%40dauphine.eu%22&type=code',
    weak: true,
  },
  {
    domain: 'u.nus.edu',
    kind: 'student',
    school: 'National University of Singapore',
    country: 'SG',
    note: 'NUS students\u2019 mailboxes; staff are on nus.edu.sg (a corporate exception).' + SEEN,
    source: 'https://github.com/search?q=%22%40u.nus.edu%22&type=code',
    weak: true,
  },
  // Lifelong alumni addresses (forwarding to the graduate\u2019s own mailbox)
  {
    domain: 'polytechnique.org',
    kind: 'alumni',
    school: 'École polytechnique (association Polytechnique.org)',
    country: 'FR',
    note: 'Polytechnique.org: lifelong forwarding addresses of X graduates and students, run by their association.',
    source: 'https://www.polytechnique.org/',
  },
  {
    domain: 'm4x.org',
    kind: 'alumni',
    school: 'École polytechnique (association Polytechnique.org)',
    country: 'FR',
    note: 'Polytechnique.org\u2019s second domain for the same lifelong addresses.',
    source: 'https://www.polytechnique.org/',
    weak: true,
  },
  {
    domain: 'normalesup.org',
    kind: 'alumni',
    school: 'École normale supérieure (association des anciens)',
    country: 'FR',
    note: 'Lifelong addresses of ENS graduates (archicubes), run by their association.',
    source: WP_FR('%C3%89cole_normale_sup%C3%A9rieure_(Paris)'),
    weak: true,
  },
  {
    domain: 'gadz.org',
    kind: 'alumni',
    school: 'Arts et Métiers (Société des ingénieurs Arts et Métiers)',
    country: 'FR',
    note: 'Lifelong addresses of Arts et Métiers graduates (gadzarts).',
    source: WP_FR('Soci%C3%A9t%C3%A9_des_ing%C3%A9nieurs_Arts_et_M%C3%A9tiers'),
    weak: true,
  },
  {
    domain: 'centraliens.net',
    kind: 'alumni',
    school: 'Centrale Paris (association Centrale-Supélec Alumni)',
    country: 'FR',
    note: 'Lifelong addresses of Centrale graduates.',
    source: WP_FR('CentraleSup%C3%A9lec_Alumni'),
    weak: true,
  },
  {
    domain: 'supelec.org',
    kind: 'alumni',
    school: 'Supélec (association Centrale-Supélec Alumni)',
    country: 'FR',
    note: 'Lifelong addresses of Supélec graduates.',
    source: WP_FR('CentraleSup%C3%A9lec_Alumni'),
    weak: true,
  },
  // One domain for staff and students: nothing in the address tells them apart
  {
    domain: 'polytechnique.edu',
    kind: 'mixed',
    school: 'École polytechnique',
    country: 'FR',
    note: 'École polytechnique gives the same domain to students and staff.',
    source: WP_FR('%C3%89cole_polytechnique_(France)'),
    weak: true,
  },
  {
    domain: 'essec.edu',
    kind: 'mixed',
    school: 'ESSEC Business School',
    country: 'FR',
    note: 'ESSEC gives the same domain to students and staff.',
    source: WP_FR('ESSEC'),
    weak: true,
  },
  {
    domain: 'sciencespo.fr',
    kind: 'mixed',
    school: 'Sciences Po',
    country: 'FR',
    note: 'Sciences Po gives the same domain to students and staff.',
    source: WP_FR('Institut_d%27%C3%A9tudes_politiques_de_Paris'),
    weak: true,
  },
  {
    domain: 'insa-lyon.fr',
    kind: 'mixed',
    school: 'INSA Lyon',
    country: 'FR',
    note: 'INSA Lyon gives the same domain to students and staff.',
    source: WP_FR('Institut_national_des_sciences_appliqu%C3%A9es_de_Lyon'),
    weak: true,
  },
  {
    domain: 'universite-paris-saclay.fr',
    kind: 'mixed',
    school: 'Université Paris-Saclay',
    country: 'FR',
    note: 'Université Paris-Saclay gives the same domain to students and staff.',
    source: WP_FR('Universit%C3%A9_Paris-Saclay'),
    weak: true,
  },
  {
    domain: 'ens.psl.eu',
    kind: 'mixed',
    school: 'École normale supérieure – PSL',
    country: 'FR',
    note: 'ENS gives the same domain to students and staff.',
    source: WP_FR('%C3%89cole_normale_sup%C3%A9rieure_(Paris)'),
    weak: true,
  },
];

/**
 * Subdomain labels that mark a school's student (or alumni) mailboxes, left of the registrable
 * domain (etu.univ-lyon1.fr, alumni.hec.edu …). The school's own domain stays an organisation.
 */
export const STUDENT_LABELS: readonly { label: string; kind: 'student' | 'alumni'; note: string }[] = [
  { label: 'etu', kind: 'student', note: 'French universities: etu.univ-xxx.fr student mailboxes' },
  { label: 'etud', kind: 'student', note: 'French universities: etud.univ-xxx.fr student mailboxes' },
  { label: 'etudiant', kind: 'student', note: 'French universities: etudiant.univ-xxx.fr student mailboxes' },
  { label: 'etudiants', kind: 'student', note: 'French universities: etudiants.xxx.fr student mailboxes' },
  { label: 'eleve', kind: 'student', note: 'French grandes écoles / lycées: eleve.xxx.fr pupil mailboxes' },
  { label: 'eleves', kind: 'student', note: 'French grandes écoles: eleves.xxx.fr pupil mailboxes' },
  { label: 'student', kind: 'student', note: 'English/Dutch/German universities: student.xxx mailboxes' },
  { label: 'students', kind: 'student', note: 'English-speaking universities: students.xxx mailboxes' },
  { label: 'stud', kind: 'student', note: 'German universities: stud.uni-xxx.de student mailboxes' },
  { label: 'studenti', kind: 'student', note: 'Italian universities: studenti.xxx.it student mailboxes' },
  { label: 'estudiantes', kind: 'student', note: 'Spanish universities: estudiantes.xxx.es student mailboxes' },
  { label: 'alumnos', kind: 'student', note: 'Spanish universities: alumnos.xxx.es student mailboxes' },
  { label: 'alumni', kind: 'alumni', note: 'graduates\u2019 lifelong forwarding addresses (alumni.xxx): a natural person' },
  { label: 'anciens', kind: 'alumni', note: 'French alumni associations: anciens.xxx.fr forwarding addresses' },
];

/**
 * Student marks in the local part, where a university gives students and staff the same domain
 * but marks the students\u2019 addresses: Université de Lille writes prenom.nom.etu@univ-lille.fr.
 * `domains` lists the registrable domains where the mark is known; a mark on any French
 * university domain (univ-….fr, u-….fr) is read the same way.
 */
export const STUDENT_LOCAL_MARKS: readonly { suffix: string; domains: readonly string[]; note: string; source: string; weak?: true }[] = [
  {
    suffix: '.etu',
    domains: ['univ-lille.fr'],
    note: 'Université de Lille: students are prenom.nom.etu@univ-lille.fr, staff prenom.nom@univ-lille.fr.' + SEEN,
    source: 'https://github.com/search?q=%22.etu%40univ-lille.fr%22&type=code',
    weak: true,
  },
  {
    suffix: '.etud',
    domains: [],
    note: 'Same mark in its longer form, read on French university domains.',
    source: 'https://github.com/search?q=%22.etud%40univ-%22&type=code',
    weak: true,
  },
];

/** French university registrable domains on which a student local mark is read (univ-lille.fr, u-bordeaux.fr …). */
export const FRENCH_UNIVERSITY_DOMAIN = /^(?:univ|u)-[a-z0-9-]+\.fr$/;
