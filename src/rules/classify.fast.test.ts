/**
 * classify() takes shortcuts (a lane for plain addresses, caches keyed by the address's
 * characters, options and rules read once): it must give exactly what classifyReference gives,
 * the same classification without any of them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, classifyMany, classifyReference } from './classify.js';
import type { ClassifyOptions, RecipientResult } from './types.js';
import { prng } from '../../bench/prng';


const CONSUMER = ['gmail.com', 'yahoo.fr', 'hotmail.fr', 'outlook.com', 'live.fr', 'icloud.com', 'laposte.net', 'proton.me', 'gmx.de', 'web.de', 'yahoo.co.uk', 'mailinator.com', 'yopmail.com'];
const ISP = ['orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'neuf.fr', 'bbox.fr', 'club-internet.fr', 'cegetel.net'];
const CORPORATE = ['acme.fr', 'orange.com', 'laposte.fr', 'google.com', 'sfr.com', 'siemens.de', 'tesco.co.uk', 'bbc.co.uk', 'telefonica.es', 'proximus.be', 'ibm.us', 'startup.io', 'cabinet-avocats.paris', 'economie.gouv.fr', 'société-générale.fr', 'münchen.de', 'mycompany.fr', 'gouv.fr', 'co.uk', 'x.blogspot.com', 'a-very-long-organisation-domain-name.example.fr'];
const SUBDOMAIN = ['etu.univ-lyon1.fr', 'student.uliege.be', 'mail.acme.fr', 'fr.ibm.com', 'paris.cci.fr', 'sales.mycompany.fr', 'etu.unistra.fr'];
const ROLES = ['contact', 'info', 'sales', 'rh', 'recrutement', 'compta', 'comptabilité', 'no-reply', 'admin', 'accueil', 'service.client', 'contact2', 'info-lyon', 'webmaster', 'postmaster'];
const FIRST = ['jean', 'marie', 'hélène', 'françois', 'zoé', 'anne-laure', 'inès', 'léa', 'max', 'élodie', 'øystein', 'łukasz', 'ÉMILE', 'µ', 'o\'neil'];
const LAST = ['dupont', 'martin', 'lefèvre', 'müller', 'garcía', 'dubois'];
const SYL = ['ta', 'ko', 'ri', 'mex', 'lon', 'sa', 'vi', 'tra', 'neo', 'gal', 'pro', 'tek'];
const TLDS = ['fr', 'fr', 'com', 'de', 'be', 'es', 'co.uk', 'us', 'io', 'eu', 'net', 'ch'];
const ODD = [
  '', 'jean.dupont', 'jean.dupont@', '@acme.fr', 'jean@localhost', 'a b@acme.fr', 'jean@@acme.fr', 'jean@acme..fr', 'jean@-acme.fr',
  'x'.repeat(300) + '@acme.fr', 'jean@acme.fr>', '<jean@acme.fr', 'jean@acme,fr', '"unterminated@acme.fr', 'İx@acme.fr', 'xİ@acme.fr',
  'A+B@x.fr', '+a@x.fr', 'a+@x.fr', 'a++b@x.fr', 'contact+promo@acme.fr', 'x@[192.0.2.1]', 'x@192.0.2.1', 'x@[IPv6:2001:db8::1]',
  'mailto:jean@acme.fr', 'MAILTO:Jean@Acme.FR?subject=x', 'jean@acme.fr (Jean)', '"Dupont, Jean" <JEAN@ACME.FR>', 'Jean <jean@acme.fr.>',
  'µ@x.fr', '×ª@x.fr', 'ÉLÈVE@ÉCOLE.FR', 'ﬁ@x.fr', 'jean@xn--mnchen-3ya.de', 'jean@XN--MNCHEN-3YA.DE', 'a@b.c1', 'a@1.2', 'a@b.123',
  'jean@acme.fr\u200b', '\u00a0jean@acme.fr', 'j..d@acme.fr', '.j@acme.fr', 'j.@acme.fr', '"j d"@acme.fr', 'a'.repeat(33) + '@acme.fr',
  'a'.repeat(64) + '@acme.fr', 'a'.repeat(65) + '@acme.fr', 'jean@' + 'b'.repeat(40) + '.fr', 'jean@' + 'b'.repeat(63) + '.fr', 'jean@' + 'b'.repeat(64) + '.fr',
  'rh@acme.fr', 'r.h@acme.fr', 'RH@ACME.FR', 'r-h_2@acme.fr', 'contact@gmail.com', 'info@yopmail.com', 'contact@mycompany.fr', 'x@sales.mycompany.fr',
];

/** Varied addresses in the benchmark's spirit: providers, organisations, one-off domains, roles, subdomains, case, spaces, names, odd ones. */
function addresses(n: number, seed: number): string[] {
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const randomDomain = (): string => {
    let s = pick(SYL) + pick(SYL);
    if (rnd() < 0.5) s += pick(SYL);
    if (rnd() < 0.2) s += '-' + pick(SYL) + pick(SYL);
    return `${s}.${pick(TLDS)}`;
  };
  const person = (): string => {
    const k = rnd();
    if (k < 0.5) return `${pick(FIRST)}.${pick(LAST)}`;
    if (k < 0.7) return `${pick(FIRST)[0]}${pick(LAST)}`;
    if (k < 0.85) return `${pick(FIRST)}${Math.floor(rnd() * 100)}`;
    return `${pick(FIRST)}_${pick(LAST)}+tag${Math.floor(rnd() * 10)}`;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = rnd();
    let addr: string;
    if (k < 0.05) addr = pick(ODD);
    else if (k < 0.3) addr = `${person()}@${pick(CONSUMER)}`;
    else if (k < 0.4) addr = `${person()}@${pick(ISP)}`;
    else if (k < 0.55) addr = `${person()}@${pick(CORPORATE)}`;
    else if (k < 0.8) addr = `${person()}@${randomDomain()}`;
    else if (k < 0.9) addr = `${pick(ROLES)}@${rnd() < 0.5 ? pick(CORPORATE) : randomDomain()}`;
    else addr = `${person()}@${pick(SUBDOMAIN)}`;
    const d = rnd();
    if (d < 0.07) addr = addr.toUpperCase();
    else if (d < 0.12) addr = `  ${addr} `;
    else if (d < 0.15) addr = addr.replace(/^./, (c) => c.toUpperCase());
    if (rnd() < 0.08) addr = rnd() < 0.5 ? `"${pick(LAST).toUpperCase()}, ${pick(FIRST)}" <${addr}>` : `${pick(FIRST)} ${pick(LAST)} <${addr}>`;
    out.push(addr);
  }
  return out;
}

const OPTION_SETS: ClassifyOptions[] = [
  { ownDomains: ['mycompany.fr'], date: '2026-11-28' },
  {},
  { ownDomains: ['acme.fr', 'mail.siemens.de', 'gmail.com'], jurisdiction: 'DE', channel: 'sms', date: '2020-01-01' },
  {
    ownDomains: ['startup.io'],
    overrides: { 'gmail.com': 'business', 'jean.dupont@acme.fr': 'private', 'orange.fr': 'private', 'mex.fr': 'business', 'tesco.co.uk': 'private' },
    date: 'not a date',
  },
  { topic: 'energy-renovation', channel: 'phone', jurisdiction: 'UK' as never, date: '2026-08-10T09:00' },
  { channel: 'linkedin', ownDomains: ['xn--mnchen-3ya.de', 'co.uk'], date: '2026-11-28' },
];

/** Same keys in the same order, same values; reasons are shared constants, compared by identity. */
function same(a: RecipientResult, b: RecipientResult): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i]) return false;
    if (k === 'flags' || k === 'reasons') continue;
    if ((a as unknown as Record<string, unknown>)[k] !== (b as unknown as Record<string, unknown>)[k]) return false;
  }
  if (a.flags.length !== b.flags.length || a.reasons.length !== b.reasons.length) return false;
  for (let i = 0; i < a.flags.length; i++) if (a.flags[i] !== b.flags[i]) return false;
  for (let i = 0; i < a.reasons.length; i++) if (a.reasons[i] !== b.reasons[i]) return false;
  return true;
}

function expectSame(inputs: readonly string[], options: ClassifyOptions): void {
  const many = classifyMany(inputs, options);
  for (let i = 0; i < inputs.length; i++) {
    const s = inputs[i]!;
    const want = classifyReference(s, options);
    const first = classify(s, options);
    const again = classify(s, options);
    if (!same(first, want)) expect(first, JSON.stringify(s)).toStrictEqual(want);
    if (!same(again, want)) expect(again, JSON.stringify(s)).toStrictEqual(want);
    if (!same(many[i]!, want)) expect(many[i], JSON.stringify(s)).toStrictEqual(want);
    // fresh, mutable arrays, as before
    if (Object.isFrozen(first.flags) || Object.isFrozen(first.reasons) || first.flags === again.flags || first.reasons === again.reasons) {
      expect.fail(`shared or frozen arrays for ${JSON.stringify(s)}`);
    }
  }
}

describe('classify — same results as classifyReference', () => {
  it('on benchmark-like addresses, with several option sets (caches cycling: many one-off domains)', () => {
    OPTION_SETS.forEach((o, k) => expectSame(addresses(20_000, 100 + k), o));
  });

  it('on the odd inputs, in every option set', () => {
    for (const o of OPTION_SETS) expectSame([...ODD, ...ODD.map((s) => s.toUpperCase()), ...ODD.map((s) => ` ${s}\t`)], o);
  });

  it('when the options object changes between calls (own domains edited in place, overrides replaced)', () => {
    const own = ['acme.fr'];
    const o: { ownDomains: string[]; overrides?: Record<string, 'business' | 'private'>; date: string } = { ownDomains: own, date: '2026-11-28' };
    const inputs = ['jean@acme.fr', 'jean@mycompany.fr', 'x@sales.mycompany.fr', 'contact@startup.io', 'a@gmail.com'];
    expectSame(inputs, o);
    own.push('mycompany.fr');
    expectSame(inputs, o);
    own.length = 0;
    expectSame(inputs, o);
    own.push('startup.io');
    o.overrides = { 'gmail.com': 'business' };
    expectSame(inputs, o);
    o.ownDomains = ['acme.fr'];
    delete o.overrides;
    expectSame(inputs, o);
    // alternating between option objects
    for (let r = 0; r < 3; r++) for (const x of OPTION_SETS) expectSame(inputs, x);
  });

  it('on generated addresses, in upper case and with display names', () => {
    fc.assert(
      fc.property(
        fc.emailAddress(),
        fc.constantFrom(...OPTION_SETS),
        fc.constantFrom('plain', 'upper', 'name', 'spaces'),
        (e, o, how) => {
          const s = how === 'upper' ? e.toUpperCase() : how === 'name' ? `Jean Dupont <${e}>` : how === 'spaces' ? ` ${e} ` : e;
          expectSame([s], o);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('on strings made of email-ish pieces', () => {
    const piece = fc.constantFrom(
      ...'aZé0.@-_+"\\<> ,;:()[]'.split(''),
      'xn--', 'contact', 'info', 'rh', 'jean', 'acme.fr', 'gmail.com', 'mycompany.fr', '.fr', '.co.uk', 'É', 'İ', 'µ', 'ﬁ', '\u00a0', 'mailto:',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom(...OPTION_SETS), (parts, o) => {
        expectSame([parts.join('')], o);
      }),
      { numRuns: 3000 },
    );
  });
});
