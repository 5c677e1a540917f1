/**
 * Who a LinkedIn member is, from the headline under their name: a professional in a current role at an
 * organisation, a private individual (student, apprentice, intern, retired, looking for a job, "particulier", or a
 * sole trader / freelancer, whom French law protects as a natural person), or someone we cannot place.
 *
 * Pure: the cue lists below are data, each with a note saying why it is there, in French and English; the decision
 * is `judgeHeadline`. A headline is split into clauses (at "|", "•", ",", " - "… and before "aujourd'hui", "now",
 * "currently"): a clause that starts with "ex-", "ancien", "former"… speaks of the past and says nothing about today.
 *
 * Decision, in order:
 *  1. "particulier", "parent au foyer"… → private.
 *  2. a student, an apprentice or an intern → private, even "at" an organisation ("Alternante chez Orange",
 *     "Student Ambassador at …"): their own situation is that of a student.
 *  3. retired or looking for a job (the headline, or the profile picture's #OPEN_TO_WORK frame) → private, unless
 *     another clause names a current role at an organisation: then we cannot tell (unknown).
 *  4. a sole trader / freelancer → private (law.md: L34-5 protects every natural person; no CNIL position), unless
 *     another clause names a role at an organisation (unknown).
 *  5. a role at an organisation ("Head of Procurement chez Schneider", "CTO @ Doctolib", "Fondateur de Malt", or a
 *     role with the organisation the page shows apart from the headline) → professional.
 *  6. a role without an organisation, or nothing we recognise → unknown.
 *
 * A cue word used for the people a professional serves is no cue: "Student Recruitment Manager", "Conseillère
 * retraite", "Accompagnement des demandeurs d'emploi", "Banque des particuliers".
 */

export type PersonAudience = 'professional' | 'private' | 'unknown';

/** What a cue says about the person. */
export type CueKind =
  | 'private-person'
  | 'student'
  | 'apprentice'
  | 'intern'
  | 'retired'
  | 'job-seeker'
  | 'sole-trader';

export interface Cue {
  kind: CueKind;
  /** Matched against the clause in lower case without accents (`flat`), or with its accents (`text`). */
  on: 'flat' | 'text';
  re: RegExp;
  lang: 'fr' | 'en' | 'both';
  /** Why this is a cue (and what it is not). */
  note: string;
}

/** The clause as matched: lower case, one kind of apostrophe, single spaces; `flat` also without accents. */
interface Clause {
  raw: string;
  text: string;
  flat: string;
  past: boolean;
}

export const PRIVATE_CUES: readonly Cue[] = Object.freeze([
  // ---------------------------------------------------------------- a private individual, said so
  { kind: 'private-person', on: 'flat', lang: 'fr', re: /^(?:je suis )?(?:un |une )?particulier(?:e|ere)?\b/, note: 'Says they are a "particulier" (only at the start of a clause: "Banque des particuliers" is a job).' },
  { kind: 'private-person', on: 'flat', lang: 'en', re: /^(?:a )?private (?:individual|person)\b/, note: 'Says they are a private individual.' },
  { kind: 'private-person', on: 'flat', lang: 'fr', re: /\b(?:mere|pere|parent|maman|papa) au foyer\b/, note: 'Stay-at-home parent: no professional activity.' },
  { kind: 'private-person', on: 'flat', lang: 'en', re: /\b(?:stay[- ]at[- ]home (?:mom|mum|dad|parent|mother|father)|homemaker|housewife|househusband)\b/, note: 'Stay-at-home parent / homemaker.' },
  { kind: 'private-person', on: 'flat', lang: 'fr', re: /^sans (?:profession|activite)\b/, note: 'No occupation.' },
  // ---------------------------------------------------------------- students
  { kind: 'student', on: 'flat', lang: 'fr', re: /\betudiant(?:e|es|s)?\b/, note: 'Étudiant(e): a student (the issue and law.md: a private individual).' },
  { kind: 'student', on: 'flat', lang: 'fr', re: /\beleves?(?:[- ](?:ingenieur|avocat|officier|directeur|infirmier)\w*)?\b/, note: 'Élève (élève ingénieur, élève avocat…): in training at a school.' },
  { kind: 'student', on: 'flat', lang: 'fr', re: /\b(?:lyceen|collegien)(?:ne|nes|s)?\b/, note: 'Pupil at a lycée / collège.' },
  { kind: 'student', on: 'flat', lang: 'fr', re: /\bdoctorant(?:e|es|s)?\b/, note: 'Doctoral candidate: a student, even under a doctoral contract (the safe side).' },
  { kind: 'student', on: 'flat', lang: 'fr', re: /\ben (?:master|licence|bachelor|bts|but|dut|mba|m1|m2|l1|l2|l3|classe preparatoire|prepa|doctorat|these)\b|^(?:m1|m2|l1|l2|l3|master [12]|licence [123]|bts|dut)\b/, note: 'Studying for a degree ("en master", "M2 Finance @ ESSEC"); not "MBA" or "Master Data" at the start of a clause, which name a degree held or a trade.' },
  { kind: 'student', on: 'flat', lang: 'en', re: /\bstudents?\b/, note: 'Student (a student ambassador is a student too).' },
  { kind: 'student', on: 'flat', lang: 'en', re: /\b(?:undergrad(?:uate)?|freshman|sophomore|pupil)\b/, note: 'Undergraduate / pupil.' },
  { kind: 'student', on: 'flat', lang: 'en', re: /\b(?:phd|doctoral|mba|msc|master'?s|bachelor'?s) candidate\b/, note: 'Degree candidate: studying.' },
  // ---------------------------------------------------------------- apprentices and interns
  { kind: 'apprentice', on: 'flat', lang: 'fr', re: /\balternant(?:e|es|s)?\b|\ben alternance\b|\ben apprentissage\b|\bapprenti(?:e|es|s)?\b/, note: 'Alternant(e) / apprenti(e): a student under a work-study contract (the issue: private).' },
  { kind: 'apprentice', on: 'flat', lang: 'en', re: /\bapprentice\b|\bwork[- ]study\b/, note: 'Apprentice / work-study student.' },
  { kind: 'intern', on: 'flat', lang: 'fr', re: /\bstagiaire\b|\ben stage\b|\b(?:recherche|cherche) (?:d'?un |un )?stage\b/, note: 'Stagiaire: a student on placement (treated as a student, the safe side).' },
  { kind: 'intern', on: 'flat', lang: 'en', re: /\bintern\b|\binternship\b/, note: 'Intern: a student on placement.' },
  // ---------------------------------------------------------------- retired (the adjective, not "retraite", a pension)
  { kind: 'retired', on: 'text', lang: 'fr', re: /\bretraité(?:e|es|s)?(?![\p{L}\p{N}])/u, note: 'Retraité(e): retired. "Retraite" alone is a pension ("Conseiller retraite" is a job).' },
  { kind: 'retired', on: 'flat', lang: 'fr', re: /\b(?:a la|en) retraite\b|\bjeune retraite\b|^retraite (?:active|heureuse|depuis)\b/, note: 'À la retraite / jeune retraité written without accents.' },
  { kind: 'retired', on: 'flat', lang: 'en', re: /\b(?:semi-)?retired\b|\bretiree\b|\bpensioner\b/, note: 'Retired (not "retirement": "Retirement Planning Specialist" is a job).' },
  // ---------------------------------------------------------------- looking for a job
  { kind: 'job-seeker', on: 'flat', lang: 'both', re: /#?\bopen ?to ?work\b|#opentowork/, note: 'Open to work (also LinkedIn\u2019s #OPEN_TO_WORK frame).' },
  { kind: 'job-seeker', on: 'flat', lang: 'fr', re: /\b(?:en|a la) recherche (?:active )?(?:d'?(?:un |une )?(?:nouvel(?:le)? |nouveau )?(?:emploi|poste|opportunite|cdi|cdd|defi|challenge|experience|job|mission)|de (?:nouvelles? )?(?:opportunites?|poste|missions?|job))\b|\ben recherche active\b|\bcherche (?:un )?(?:emploi|poste|cdi)\b/, note: 'En recherche d\u2019emploi / à la recherche d\u2019un poste, d\u2019une opportunité.' },
  { kind: 'job-seeker', on: 'flat', lang: 'fr', re: /\bdemandeu(?:r|se) d'?emploi\b|\bsans emploi\b|\ben (?:transition|reconversion)(?: professionnelle)?\b|\bdisponible (?:immediatement|de suite|rapidement)\b/, note: 'Demandeur d\u2019emploi, sans emploi, en transition / reconversion, disponible immédiatement.' },
  { kind: 'job-seeker', on: 'flat', lang: 'en', re: /\bjob ?seeker\b|\b(?:looking|searching) for (?:a |my )?(?:new |next )?(?:job|role|position|opportunit\w*|challenge|employment)\b|\bseeking (?:a |my )?(?:new |next )?(?:job|role|position|opportunit\w*|employment|challenge)\b|\bopen to (?:new )?(?:opportunit\w*|roles|positions|offers)\b|\bavailable for (?:hire|work|new opportunities)\b|\bunemployed\b|\bbetween jobs\b|\bcareer (?:transition|break)\b/, note: 'Job seeker, looking for / seeking a role, open to opportunities, between jobs.' },
  // ---------------------------------------------------------------- sole traders, freelancers
  { kind: 'sole-trader', on: 'flat', lang: 'both', re: /\bfree[- ]?lance(?:r|s)?\b/, note: 'Freelance: a natural person in business on their own (law.md: treated as a private individual).' },
  { kind: 'sole-trader', on: 'flat', lang: 'fr', re: /\b(?:auto|micro)[- ]?entrepreneu(?:r|se)\b|\bentrepreneu(?:r|se) individuel(?:le)?\b|\bentreprise individuelle\b|\ba mon compte\b|\bprofession liberale\b/, note: 'Auto-/micro-entrepreneur, entreprise individuelle, à mon compte.' },
  { kind: 'sole-trader', on: 'flat', lang: 'fr', re: /\b(?:consultant|formateur|coach|traducteur|redacteur|photographe|graphiste|developpeur|designer|architecte|conseiller|agent|artisan|commercial)(?:e|rice|euse)? independant(?:e)?\b|^independant(?:e)?\b/, note: 'Consultant(e) indépendant(e)… (not "administrateur indépendant", a board seat).' },
  { kind: 'sole-trader', on: 'flat', lang: 'en', re: /\bself[- ]employed\b|\bsole (?:trader|proprietor)\b|\bindependent (?:consultant|contractor|advis[oe]r|coach|trainer|designer|developer|photographer|writer|translator|professional|agent|recruiter)\b/, note: 'Self-employed, sole trader, independent consultant (not "Independent Director", a board seat).' },
]);

/**
 * A cue word followed by one of these is the people a job serves: "Student Recruitment Manager", "Retirement
 * Planning", "Intern Program Lead". (Not "ambassador": a student ambassador is a student.)
 */
const SERVED_AFTER =
  /^[\s-]*(?:services?|affairs|recruit\w*|success|experience|life|union|housing|support|advis[oe]rs?|officers?|counsel\w*|coordinat\w*|managers?|engagement|programs?|programmes?|relations|mobility|outreach|admissions?|enrol+ment|loans?|placement|planning|accounts?|coach\w*|mentor\w*)\b/;
/** … or preceded by one of these: "des étudiants", "for students", "Conseillère retraite", "helping job seekers". */
const SERVED_BEFORE =
  /(?:\b(?:des|les|aux|pour|of|for|to|with|helping|help|supporting|accompagn\w*|aide[rs]?|coach\w*|conseill\w*|recrut\w*|recruit\w*|service|services|vie|relations?|responsable|chargee?s? (?:de|des)|bureau|office|clientele|marche|segment|banque|assurance|mutuelle|caisse|epargne|planning|formation|insertion|emploi)\s+(?:d'|de |du |des |aux |the |our |new |young |les |jeunes )?)$/;
/** Clauses that speak of the past. */
const PAST = /^(?:ex[- ]|ancien(?:ne)?s?\b|former(?:ly)?\b|previously\b|anciennement\b|autrefois\b|precedemment\b|past\b|alumn[iau]s?\b|diplomee?s? (?:de|d'|du)|graduated? (?:of|from)\b)/;
/** Words before which a headline starts a new clause: what the person does today. */
const NOW = /\s+(?=(?:aujourd'hui|now|currently|désormais|desormais|actuellement|today)\b)/i;
const NOW_START = /^(?:aujourd'hui|now|currently|desormais|actuellement|today)\b/;
/** Clause separators in a headline. */
const SEPARATORS = /\s*(?:\||•|·|⋅|▪|●|◆|★|✦|;|\/\/|,|\s[-–—]\s|\s\/\s)\s*/;

/** Words for a role held in an organisation (flat: lower case, no accents). */
export const ROLE_WORDS: readonly string[] = Object.freeze([
  // leadership
  'ceo', 'cto', 'cfo', 'coo', 'cmo', 'cio', 'ciso', 'cpo', 'cro', 'chro', 'pdg', 'dg', 'dga', 'drh', 'daf', 'dsi', 'rssi', 'vp', 'svp', 'evp',
  'president', 'presidente', 'vice-president', 'vice-presidente', 'chairman', 'chairwoman', 'chair',
  'fondateur', 'fondatrice', 'cofondateur', 'cofondatrice', 'co-fondateur', 'co-fondatrice', 'founder', 'co-founder', 'cofounder',
  'gerant', 'gerante', 'associe', 'associee', 'partner', 'owner', 'proprietaire', 'managing director', 'general manager',
  'directeur', 'directrice', 'director', 'head of', 'head', 'chef', 'cheffe', 'lead', 'leader', 'team lead', 'manager', 'responsable',
  // functions
  'ingenieur', 'ingenieure', 'engineer', 'developpeur', 'developpeuse', 'developer', 'architect', 'architecte', 'technicien', 'technicienne', 'technician',
  'consultant', 'consultante', 'conseiller', 'conseillere', 'advisor', 'adviser', 'analyst', 'analyste', 'specialist', 'specialiste', 'expert', 'experte',
  'commercial', 'commerciale', 'sales', 'account executive', 'account manager', 'business developer', 'business development', 'key account', 'charge', 'chargee',
  'acheteur', 'acheteuse', 'buyer', 'procurement', 'achats', 'purchasing', 'approvisionneur', 'approvisionneuse',
  'comptable', 'accountant', 'controleur', 'controleuse', 'controller', 'tresorier', 'tresoriere', 'auditeur', 'auditrice', 'auditor',
  'avocat', 'avocate', 'lawyer', 'attorney', 'juriste', 'counsel', 'notaire', 'paralegal',
  'medecin', 'pharmacien', 'pharmacienne', 'infirmier', 'infirmiere', 'nurse', 'doctor', 'physician', 'dentiste', 'veterinaire',
  'chercheur', 'chercheuse', 'researcher', 'scientist', 'professeur', 'professeure', 'professor', 'enseignant', 'enseignante', 'teacher', 'lecturer', 'maitre de conferences',
  'recruteur', 'recruteuse', 'recruiter', 'talent acquisition', 'rh', 'hr', 'hrbp', 'people',
  'marketing', 'communication', 'product owner', 'product manager', 'chef de projet', 'project manager', 'program manager', 'scrum master', 'data scientist', 'designer',
  'coordinateur', 'coordinatrice', 'coordinator', 'superviseur', 'superviseuse', 'supervisor', 'officer', 'administrateur', 'administratrice', 'administrator',
  'assistant', 'assistante', 'secretaire', 'secretary', 'office manager', 'operateur', 'operatrice', 'operator', 'agent', 'employe', 'employee', 'collaborateur', 'collaboratrice',
  'delegue', 'deleguee', 'representative', 'rep', 'merchandiser', 'planner', 'planificateur', 'logisticien', 'logisticienne', 'pilote', 'pilot',
  'maire', 'adjoint', 'adjointe', 'elu', 'elue', 'depute', 'deputee', 'senateur', 'senatrice', 'fonctionnaire', 'inspecteur', 'inspectrice', 'commissaire',
]);

const ROLE_RE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${[...new Set(ROLE_WORDS)].sort((a, b) => b.length - a.length).map((w) => w.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'u');

/** An organisation named after "chez", "at", "@", "au sein de" — in the original spelling (a capital or a digit first). */
const ORG_MARKER = /(?:(?:^|\s)(?:(?:chez|at)\s+|au sein (?:de la|de l'|du|des|de|d')\s*)|@\s*)(?=[\p{Lu}\p{N}"«“'])/u;
/** "Fondateur de Malt", "CEO of Acme": roles that are the organisation's own. */
const OWN_ORG = /\b(?:fondat(?:eur|rice)|co-?fondat(?:eur|rice)|(?:co-?)?founder|ceo|pdg|dg|gerante?|president(?:e)?|directeur general|directrice generale|owner|proprietaire|managing director)\s+(?:de la |de l'|du |des |de |d'|of |at )(?=\S)/;

export interface HeadlineJudgement {
  audience: PersonAudience;
  /** The cue that decided (for private), or null. */
  cue: CueKind | null;
  /** Every cue seen in a current clause, in order (for the explanation). */
  cues: CueKind[];
  /** A current role at an organisation was named. */
  role: boolean;
  /** The organisation the headline names for the current role, as written; null when none. */
  company: string | null;
  /** Why it is unknown: no headline, a role without an organisation, nothing recognised, or a role beside a private cue. */
  why?: 'empty' | 'role-without-organisation' | 'nothing' | 'role-and-private-cue';
}

const APOSTROPHES = /[\u2019\u2018\u02bc`´]/g;

function clauses(headline: string): Clause[] {
  const out: Clause[] = [];
  for (const part of headline.replace(APOSTROPHES, "'").split(SEPARATORS)) {
    for (const piece of part.split(NOW)) {
      const raw = piece.trim();
      if (!raw) continue;
      const text = raw.toLowerCase().replace(/\s+/g, ' ');
      const flat = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out.push({ raw, text, flat, past: PAST.test(flat) });
    }
  }
  return out;
}

/** Whether the cue match at `index` (length `len`) in `s` names the people someone serves rather than the person. */
function served(s: string, index: number, len: number): boolean {
  return SERVED_AFTER.test(s.slice(index + len)) || SERVED_BEFORE.test(s.slice(0, index));
}

function cuesIn(c: Clause): CueKind[] {
  const found: CueKind[] = [];
  for (const cue of PRIVATE_CUES) {
    const s = cue.on === 'flat' ? c.flat : c.text;
    const m = cue.re.exec(s);
    if (!m) continue;
    if (cue.kind !== 'private-person' && cue.kind !== 'sole-trader' && cue.kind !== 'job-seeker' && served(s, m.index, m[0].length)) continue;
    if (cue.kind === 'job-seeker' && SERVED_BEFORE.test(s.slice(0, m.index)) && !/open ?to ?work/.test(m[0])) continue;
    if (!found.includes(cue.kind)) found.push(cue.kind);
  }
  return found;
}

/** The organisation named in a clause of the original headline, or null. */
function organisation(raw: string, flat: string): string | null {
  const m = ORG_MARKER.exec(raw.replace(APOSTROPHES, "'"));
  let start = -1;
  if (m) start = m.index + m[0].length;
  else {
    const own = OWN_ORG.exec(flat);
    // `flat` keeps the positions of `raw` (accents are dropped from letters, not letters from the text) only when
    // no character decomposed into several: find the same words in the original then.
    if (own) {
      const after = flat.slice(own.index + own[0].length);
      const at = raw.length - after.length;
      if (at >= 0 && /^[\p{Lu}\p{N}"«“']/u.test(raw.slice(at))) start = at;
    }
  }
  if (start < 0) return null;
  const name = raw
    .slice(start)
    .replace(/^["«“']\s*|\s*["»”']$/g, '')
    .replace(/\s+(?:depuis|since|en tant que|as)\s.*$/iu, '')
    .trim();
  return name && name.length <= 80 ? name : null;
}

function hasRole(flat: string): boolean {
  return ROLE_RE.test(flat);
}

/**
 * The decision for one headline (see the file's header). `openToWork`: the profile picture carries LinkedIn's
 * #OPEN_TO_WORK frame (its alt text).
 */
export function judgeHeadline(headline: string | null | undefined, opts: { openToWork?: boolean; company?: string | null } = {}): HeadlineJudgement {
  const text = typeof headline === 'string' ? headline.slice(0, 500) : '';
  const all = clauses(text);
  // A headline that says what the person does now ("…, aujourd'hui ingénieur chez …") tells what came before as past.
  const nowAt = all.findIndex((c) => NOW_START.test(c.flat));
  const current = all.filter((c, i) => !c.past && (nowAt < 0 || i >= nowAt));
  const perClause = current.map(cuesIn);
  const cues: CueKind[] = [];
  for (const list of perClause) for (const k of list) if (!cues.includes(k)) cues.push(k);
  if (opts.openToWork && !cues.includes('job-seeker')) cues.push('job-seeker');

  // A current role at an organisation, and in which clause.
  let company: string | null = null;
  let roleClause = -1;
  let roleOnly = false;
  current.forEach((c, i) => {
    if (roleClause >= 0) return;
    const org = organisation(c.raw, c.flat);
    if (org) {
      company = org;
      roleClause = i;
    } else if (hasRole(c.flat)) roleOnly = true;
  });
  // The page names the organisation apart from the headline (a Sales Navigator lockup): a role is held there.
  const pageCompany = typeof opts.company === 'string' ? opts.company.trim() : '';
  if (roleClause < 0 && roleOnly && pageCompany) {
    company = pageCompany;
    roleClause = current.findIndex((c) => hasRole(c.flat));
  }
  const role = roleClause >= 0;
  /** A role at an organisation in a clause without the cue (the cue is then about something else, or the past). */
  const roleElsewhere = (kinds: readonly CueKind[]) => role && !kinds.some((k) => perClause[roleClause]!.includes(k));

  const base = { cues, role, company } as const;
  const pick = (kinds: readonly CueKind[]) => cues.find((k) => kinds.includes(k)) ?? null;

  const priv = pick(['private-person']);
  if (priv) return { ...base, audience: 'private', cue: priv };
  const student = pick(['student', 'apprentice', 'intern']);
  if (student) return { ...base, audience: 'private', cue: student };
  const away = pick(['retired', 'job-seeker']);
  if (away) {
    const clauseKinds: CueKind[] = ['retired', 'job-seeker'];
    // The #OPEN_TO_WORK frame is in no clause: beside a current role it cannot be placed either.
    if (roleElsewhere(clauseKinds) || (role && away === 'job-seeker' && !perClause.some((l) => l.includes('job-seeker')))) {
      return { ...base, audience: 'unknown', cue: away, why: 'role-and-private-cue' };
    }
    return { ...base, audience: 'private', cue: away };
  }
  if (cues.includes('sole-trader')) {
    if (roleElsewhere(['sole-trader'])) return { ...base, audience: 'unknown', cue: 'sole-trader', why: 'role-and-private-cue' };
    return { ...base, audience: 'private', cue: 'sole-trader' };
  }
  if (role) return { ...base, audience: 'professional', cue: null };
  if (!text.trim()) return { ...base, audience: 'unknown', cue: null, why: 'empty' };
  return { ...base, audience: 'unknown', cue: null, why: roleOnly ? 'role-without-organisation' : 'nothing' };
}
