import { describe, expect, it } from 'vitest';
import { judgeHeadline, PRIVATE_CUES, type CueKind, type PersonAudience } from './headline';

/**
 * Headlines as LinkedIn members write them, French and English, with what the rules must say: [headline, audience,
 * the cue or 'role' that decides, and the organisation read (when one is named)].
 */
type Case = [headline: string, audience: PersonAudience, cue: CueKind | 'role' | null, company?: string | null];

const CASES: Case[] = [
  // ---------------------------------------------------------------- the issue's own, and the tricky ones
  ["Ex-étudiant, aujourd'hui ingénieur chez Thales", 'professional', 'role', 'Thales'],
  ['Retraité actif, consultant indépendant', 'private', 'retired'],
  ['Student Ambassador at Microsoft', 'private', 'student', 'Microsoft'],
  ['Head of Procurement chez Schneider Electric', 'professional', 'role', 'Schneider Electric'],
  ['Student Recruitment Manager at University of Leeds', 'professional', 'role', 'University of Leeds'],
  ['Head of Student Services at King’s College London', 'professional', 'role', 'King\'s College London'],
  ['Conseillère retraite chez AG2R La Mondiale', 'professional', 'role', 'AG2R La Mondiale'],
  ['Retirement Planning Specialist at Fidelity', 'professional', 'role', 'Fidelity'],
  ["Chargée d'accompagnement des demandeurs d'emploi chez France Travail", 'professional', 'role', 'France Travail'],
  ['Banque des particuliers – Conseiller clientèle chez LCL', 'professional', 'role', 'LCL'],
  ['Responsable des stages et de l’alternance chez Capgemini', 'professional', 'role', 'Capgemini'],
  ['Chargée de relations avec les étudiants à l’ESSEC', 'unknown', null],
  ['Internship Program Manager at Google', 'professional', 'role', 'Google'],
  ['Master Data Manager at Nestlé', 'professional', 'role', 'Nestlé'],
  ['Administrateur indépendant chez Vinci', 'professional', 'role', 'Vinci'],
  ['Independent Non-Executive Director at Barclays', 'professional', 'role', 'Barclays'],
  ['Retired Army Colonel | Now Head of Security at Airbus', 'professional', 'role', 'Airbus'],
  ['Ancien DRH chez Renault, aujourd’hui coach indépendant', 'private', 'sole-trader'],
  ['Former student, now Data Engineer at Spotify', 'professional', 'role', 'Spotify'],
  ['Diplômé de HEC | Analyste chez BNP Paribas', 'professional', 'role', 'BNP Paribas'],
  ['Alumni Sciences Po · Chargé de mission chez Ministère des Armées', 'professional', 'role', 'Ministère des Armées'],
  ['Head of Sales at Acme | Open to new opportunities', 'unknown', 'job-seeker', 'Acme'],
  ['Directeur financier chez Total | Retraité depuis peu', 'unknown', 'retired', 'Total'],
  ['Fondatrice de Studio Lune | Designer freelance', 'unknown', 'sole-trader', 'Studio Lune'],
  ['Helping job seekers land their next role', 'unknown', null],
  // ---------------------------------------------------------------- professionals (FR)
  ['Directrice des achats chez Decathlon', 'professional', 'role', 'Decathlon'],
  ['Responsable RH @ Leroy Merlin', 'professional', 'role', 'Leroy Merlin'],
  ['CTO @ Doctolib | Angel investor', 'professional', 'role', 'Doctolib'],
  ['CEO@Qonto', 'professional', 'role', 'Qonto'],
  ['Fondateur de Malt', 'professional', 'role', 'Malt'],
  ['Co-fondatrice et présidente de Ynsect', 'professional', 'role', 'Ynsect'],
  ['Ingénieur logiciel chez Dassault Systèmes, passionné de voile', 'professional', 'role', 'Dassault Systèmes'],
  ['Acheteur industriel au sein de Safran Aircraft Engines', 'professional', 'role', 'Safran Aircraft Engines'],
  ['Juriste droit social chez Michelin depuis 2015', 'professional', 'role', 'Michelin'],
  ['DSI - Groupe Casino', 'unknown', null],
  ['Travaille chez Renault', 'professional', 'role', 'Renault'],
  ['Contrôleur de gestion chez Airbus en tant que manager', 'professional', 'role', 'Airbus'],
  // ---------------------------------------------------------------- professionals (EN)
  ['Senior Product Manager at Shopify', 'professional', 'role', 'Shopify'],
  ['VP Engineering @ Stripe', 'professional', 'role', 'Stripe'],
  ['Founder & CEO of Acme Robotics', 'professional', 'role', 'Acme Robotics'],
  ['Procurement Director at Unilever | Supply chain enthusiast', 'professional', 'role', 'Unilever'],
  ['Account Executive at Salesforce since 2021', 'professional', 'role', 'Salesforce'],
  ['Partner at McKinsey & Company', 'professional', 'role', 'McKinsey & Company'],
  ['Working at Deloitte', 'professional', 'role', 'Deloitte'],
  // ---------------------------------------------------------------- students, apprentices, interns
  ['Étudiante en Master 2 Marketing à l’ESSEC', 'private', 'student'],
  ['Etudiant en informatique - EPITA', 'private', 'student'],
  ['M2 Finance @ ESSEC', 'private', 'student', 'ESSEC'],
  ['Élève ingénieur à Centrale Lyon', 'private', 'student'],
  ['Doctorant en biologie à l’Institut Pasteur', 'private', 'student'],
  ['Alternante chargée de communication chez Orange', 'private', 'apprentice', 'Orange'],
  ['Apprenti développeur chez Sopra Steria', 'private', 'apprentice', 'Sopra Steria'],
  ['En alternance chez Safran | BTS MCO', 'private', 'apprentice', 'Safran'],
  ['Stagiaire Data Analyst chez BNP Paribas', 'private', 'intern', 'BNP Paribas'],
  ['À la recherche d’un stage de fin d’études en finance', 'private', 'intern'],
  ['Computer Science Student at MIT', 'private', 'student', 'MIT'],
  ['MBA candidate at INSEAD', 'private', 'student', 'INSEAD'],
  ['PhD candidate in Physics at ETH Zürich', 'private', 'student', 'ETH Zürich'],
  ['Software Engineering Intern at Meta', 'private', 'intern', 'Meta'],
  ['Undergraduate at Oxford | Aspiring lawyer', 'private', 'student', 'Oxford'],
  ['Étudiant, aujourd’hui en alternance chez Safran', 'private', 'apprentice', 'Safran'],
  // ---------------------------------------------------------------- retired
  ['Retraitée de l’Éducation nationale', 'private', 'retired'],
  ['Jeune retraité, passionné de randonnée', 'private', 'retired'],
  ['À la retraite depuis 2020 – ancien directeur d’usine', 'private', 'retired'],
  ['Retired Head of Sales at IBM', 'private', 'retired', 'IBM'],
  ['Retired teacher and grandmother', 'private', 'retired'],
  ['Semi-retired, enjoying life', 'private', 'retired'],
  // ---------------------------------------------------------------- looking for a job
  ['En recherche d’emploi – Contrôleur de gestion', 'private', 'job-seeker'],
  ['À la recherche d’un nouveau poste de Responsable logistique', 'private', 'job-seeker'],
  ['Demandeuse d’emploi | Assistante de direction', 'private', 'job-seeker'],
  ['En reconversion professionnelle vers le développement web', 'private', 'job-seeker'],
  ['Disponible immédiatement - Comptable', 'private', 'job-seeker'],
  ['Open to work', 'private', 'job-seeker'],
  ['#OpenToWork | Marketing Manager', 'private', 'job-seeker'],
  ['Looking for my next challenge in B2B sales', 'private', 'job-seeker'],
  ['Seeking new opportunities in supply chain', 'private', 'job-seeker'],
  ['Ex-Head of Sales at Oracle | Open to work', 'private', 'job-seeker'],
  ['Between jobs, former project manager', 'private', 'job-seeker'],
  // ---------------------------------------------------------------- private individuals, said so
  ['Particulier', 'private', 'private-person'],
  ['Mère au foyer et bénévole', 'private', 'private-person'],
  ['Stay-at-home dad', 'private', 'private-person'],
  // ---------------------------------------------------------------- sole traders / freelancers
  ['Freelance UX designer', 'private', 'sole-trader'],
  ['Consultante indépendante en stratégie digitale', 'private', 'sole-trader'],
  ['Développeur freelance React / Node', 'private', 'sole-trader'],
  ['Auto-entrepreneur – Photographe', 'private', 'sole-trader'],
  ['Self-employed bookkeeper', 'private', 'sole-trader'],
  ['Independent consultant, ex-Accenture', 'private', 'sole-trader'],
  // ---------------------------------------------------------------- cannot tell
  ['Directeur commercial', 'unknown', null],
  ['Passionné de voile', 'unknown', null],
  ['Entrepreneur | Speaker | Dreamer', 'unknown', null],
  ['', 'unknown', null],
];

describe('LinkedIn headlines → professional / private / unknown', () => {
  it(`covers at least 60 headlines, French and English (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    const fr = CASES.filter(([h]) => /[àâçéèêëîïôûùüÿœ]|\b(chez|de|en|et)\b/i.test(h)).length;
    expect(fr).toBeGreaterThanOrEqual(25);
    expect(CASES.length - fr).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('%j → %s (%s)', (headline, audience, cue, company) => {
    const j = judgeHeadline(headline);
    expect(j.audience).toBe(audience);
    if (cue === 'role') {
      expect(j.role).toBe(true);
      if (audience === 'professional') expect(j.cue).toBeNull();
    } else expect(j.cue).toBe(cue);
    if (company !== undefined) expect(j.company).toBe(company);
  });

  it('a role beside a private cue is said so, and a role without an organisation too', () => {
    expect(judgeHeadline('Head of Sales at Acme | Open to new opportunities').why).toBe('role-and-private-cue');
    expect(judgeHeadline('Directeur commercial').why).toBe('role-without-organisation');
    expect(judgeHeadline('Passionné de voile').why).toBe('nothing');
    expect(judgeHeadline('   ').why).toBe('empty');
  });

  it('the #OPEN_TO_WORK frame makes a job seeker, and beside a current role, someone to check', () => {
    expect(judgeHeadline('Comptable', { openToWork: true })).toMatchObject({ audience: 'private', cue: 'job-seeker' });
    expect(judgeHeadline('Comptable chez Fiducial', { openToWork: true })).toMatchObject({ audience: 'unknown', cue: 'job-seeker', company: 'Fiducial' });
    expect(judgeHeadline('Comptable chez Fiducial')).toMatchObject({ audience: 'professional' });
  });

  it('reads headlines without accents, in capitals, with typographic apostrophes', () => {
    expect(judgeHeadline('ETUDIANTE EN DROIT').audience).toBe('private');
    expect(judgeHeadline('RETRAITÉ').audience).toBe('private');
    expect(judgeHeadline('a la retraite').audience).toBe('private');
    expect(judgeHeadline('En recherche d’emploi').cue).toBe('job-seeker');
    expect(judgeHeadline("En recherche d'emploi").cue).toBe('job-seeker');
  });

  it('never throws, whatever it is given', () => {
    for (const v of [undefined, null, 42, {}, 'x'.repeat(10000), '|||,,,', '@', 'chez']) {
      expect(() => judgeHeadline(v as string)).not.toThrow();
    }
  });

  it('every cue is data with a note and a language', () => {
    for (const c of PRIVATE_CUES) {
      expect(c.note.length).toBeGreaterThan(10);
      expect(['fr', 'en', 'both']).toContain(c.lang);
      expect(c.re).toBeInstanceOf(RegExp);
    }
    const kinds = new Set(PRIVATE_CUES.map((c) => c.kind));
    for (const k of ['student', 'apprentice', 'intern', 'retired', 'job-seeker', 'private-person', 'sole-trader']) expect(kinds.has(k as CueKind)).toBe(true);
  });
});

describe('the organisation the page shows', () => {
  it('a role with the organisation shown apart from the headline (a Sales Navigator lockup) is a professional', () => {
    expect(judgeHeadline('Head of Procurement', { company: 'Airbus' })).toMatchObject({ audience: 'professional', company: 'Airbus', role: true });
    // … but the headline's own organisation wins, and a private cue still decides.
    expect(judgeHeadline('Acheteur chez Safran', { company: 'Airbus' }).company).toBe('Safran');
    expect(judgeHeadline('Étudiant', { company: 'Airbus' }).audience).toBe('private');
    expect(judgeHeadline('Passionné de voile', { company: 'Airbus' }).audience).toBe('unknown');
  });
});
