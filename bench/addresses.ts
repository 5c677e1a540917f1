/** Deterministic varied addresses for the classifier's benchmark and the equivalence check. */
import { prng } from './prng';

const CONSUMER = ['gmail.com', 'yahoo.fr', 'hotmail.fr', 'hotmail.com', 'outlook.fr', 'outlook.com', 'live.fr', 'icloud.com', 'laposte.net', 'proton.me', 'gmx.de', 'web.de', 'yahoo.co.uk', 'mailinator.com', 'yopmail.com'];
const ISP = ['orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'neuf.fr', 'bbox.fr', 'numericable.fr', 'aliceadsl.fr', 'club-internet.fr', 'cegetel.net', 'tutanota.com'];
const CORPORATE = ['acme.fr', 'orange.com', 'laposte.fr', 'google.com', 'microsoft.com', 'apple.com', 'sfr.com', 'societegenerale.fr', 'bnpparibas.com', 'airbus.com', 'michelin.com', 'siemens.de', 'bosch.de', 'tesco.co.uk', 'bbc.co.uk', 'telefonica.es', 'santander.es', 'proximus.be', 'ugent.be', 'ibm.us', 'example.us', 'startup.io', 'agence-web.eu', 'cabinet-avocats.paris', 'lyon.fr', 'economie.gouv.fr', 'interieur.gouv.fr', 'société-générale.fr', 'münchen.de', 'mycompany.fr'];
const SUBDOMAIN = ['etu.univ-lyon1.fr', 'etud.univ-paris8.fr', 'student.uliege.be', 'univ-lyon1.fr', 'mail.acme.fr', 'fr.ibm.com', 'paris.cci.fr', 'ac-versailles.fr', 'ens.fr', 'etu.unistra.fr'];
const ROLES = ['contact', 'info', 'sales', 'commercial', 'rh', 'recrutement', 'compta', 'support', 'no-reply', 'admin', 'direction', 'accueil', 'hello', 'marketing', 'webmaster', 'postmaster'];
const FIRST = ['jean', 'marie', 'pierre', 'sophie', 'luc', 'hélène', 'françois', 'zoé', 'ahmed', 'nguyen', 'anne-laure', 'jean-baptiste', 'camille', 'olivier', 'inès', 'thomas', 'léa', 'max', 'klaus', 'john'];
const LAST = ['dupont', 'martin', 'bernard', 'durand', 'petit', 'leroy', 'moreau', 'fournier', 'girard', 'lefèvre', 'müller', 'smith', 'garcía', 'dubois', 'lambert'];
const SYL = ['ta', 'ko', 'ri', 'mex', 'lon', 'sa', 'vi', 'tra', 'neo', 'gal', 'pro', 'tek', 'bio', 'ver', 'dis', 'ga', 'zu', 'phi'];
const TLDS = ['fr', 'fr', 'fr', 'com', 'com', 'de', 'be', 'es', 'co.uk', 'us', 'io', 'eu', 'net', 'org', 'ch', 'it'];
const INVALID = ['', 'jean.dupont', 'jean.dupont@', '@acme.fr', 'jean@localhost', 'a b@acme.fr', 'jean@@acme.fr', 'jean@acme..fr', 'not an address', 'jean@-acme.fr', 'x'.repeat(300) + '@acme.fr', 'jean@acme.fr>', '<jean@acme.fr', 'jean@acme,fr', '"unterminated@acme.fr'];

/** Deterministic varied addresses: consumer, ISP, corporate, roles, subdomains, display names, IDN, invalid. */
export function generateAddresses(n: number, seed = 42): string[] {
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const randomDomain = () => {
    let s = pick(SYL) + pick(SYL);
    if (rnd() < 0.5) s += pick(SYL);
    if (rnd() < 0.2) s += '-' + pick(SYL) + pick(SYL);
    return `${s}.${pick(TLDS)}`;
  };
  const person = () => {
    const f = pick(FIRST);
    const l = pick(LAST);
    const k = rnd();
    if (k < 0.5) return `${f}.${l}`;
    if (k < 0.7) return `${f[0]}${l}`;
    if (k < 0.85) return `${f}${Math.floor(rnd() * 100)}`;
    return `${f}_${l}${Math.floor(rnd() * 10)}`;
  };
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const k = rnd();
    let addr: string;
    if (k < 0.04) {
      out[i] = pick(INVALID);
      continue;
    } else if (k < 0.3) addr = `${person()}@${pick(CONSUMER)}`;
    else if (k < 0.42) addr = `${person()}@${pick(ISP)}`;
    else if (k < 0.6) addr = `${person()}@${pick(CORPORATE)}`;
    else if (k < 0.8) addr = `${person()}@${randomDomain()}`; // many distinct organisation domains
    else if (k < 0.9) addr = `${pick(ROLES)}@${rnd() < 0.5 ? pick(CORPORATE) : randomDomain()}`;
    else addr = `${person()}@${pick(SUBDOMAIN)}`;
    const d = rnd();
    if (d < 0.05) addr = addr.toUpperCase();
    else if (d < 0.1) addr = `  ${addr} `;
    if (rnd() < 0.08) {
      const name = `${pick(LAST).toUpperCase()}, ${pick(FIRST)}`;
      addr = rnd() < 0.5 ? `"${name}" <${addr}>` : `${pick(FIRST)} ${pick(LAST)} <${addr}>`;
    }
    out[i] = addr;
  }
  return out;
}
