// @vitest-environment happy-dom
import { PAGE_CATALOGUES } from '../overlay/page-catalogues';
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { PHONE_CANVASSING_LIMITS, RULES, type RegimeRule } from '../../rules/regime';
import { JURISDICTION_INFO } from '../../rules/jurisdictions';
import { createT } from '../overlay/i18n';
import { Rules } from './Rules';
import { rulesView } from './model';
import { englishIn, FILE_PATH, frenchIn } from '../../rules/language-test-support';

function show(lang: 'fr' | 'en', props: Partial<Parameters<typeof Rules>[0]> = {}) {
  document.body.innerHTML = '<div id="app"></div>';
  render(<Rules t={createT(lang, null, PAGE_CATALOGUES)} lang={lang} {...props} />, document.getElementById('app')!);
  return document.getElementById('app')!;
}

describe('rules model', () => {
  it('puts every rule of the data somewhere: a matrix cell, a ban or the rows that hold everywhere', () => {
    const v = rulesView();
    const shown = new Set<string>();
    for (const j of v.jurisdictions) {
      for (const row of j.rows) for (const cell of Object.values(row.cells)) for (const r of cell) shown.add(r.id);
      for (const r of j.rules) if (r.topic) expect(v.bans.map((b) => b.id)).toContain(r.id);
    }
    for (const r of v.general) shown.add(r.id);
    for (const r of v.bans) shown.add(r.id);
    expect([...shown].sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('finds the 2026-08-11 phone change from the rows’ dates', () => {
    const c = rulesView().changes.find((x) => x.channel === 'phone' && x.jurisdiction === 'FR' && x.audience === 'private')!;
    expect(c.date).toBe('2026-08-11');
    expect(c.before.regime).toBe('opt-out');
    expect(c.before.until).toBe('2026-08-10');
    expect(c.after.regime).toBe('opt-in');
  });

  it('follows the data: a country, a channel and a dated change added to the rules appear by themselves', () => {
    const base = RULES.filter((r) => r.jurisdiction === 'FR' || r.jurisdiction === '*');
    const extra: RegimeRule[] = [
      { id: 'IT-email-old', jurisdiction: 'IT' as never, channels: ['email'], audiences: ['private', 'professional'], regime: 'opt-out', until: '2027-01-31', conditions: { fr: 'ancien', en: 'old' }, source: { ref: 'Codice privacy art. 130', confidence: 'P' } },
      { id: 'IT-email-new', jurisdiction: 'IT' as never, channels: ['email'], audiences: ['private', 'professional'], regime: 'opt-in', from: '2027-02-01', conditions: { fr: 'nouveau', en: 'new' }, source: { ref: 'Codice privacy art. 130', confidence: 'S' } },
      { id: 'IT-whatsapp', jurisdiction: 'IT' as never, channels: ['whatsapp' as never], audiences: ['private'], regime: 'opt-in', conditions: { fr: 'messagerie', en: 'messaging' }, source: { ref: 'Garante', confidence: 'NC' } },
    ];
    const v = rulesView([...base, ...extra], ['FR']);
    expect(v.jurisdictions.map((j) => j.code)).toEqual(['FR', 'IT']);
    const it = v.jurisdictions[1]!;
    expect(it.rows.map((r) => r.channel)).toEqual(['email', 'whatsapp']);
    expect(v.changes.map((c) => [c.jurisdiction, c.date, c.audience])).toContainEqual(['IT', '2027-02-01', 'private']);

    const app = show('en', { view: v });
    expect(app.querySelector('#j-IT h3')!.textContent).toBe('Italy');
    const m = app.querySelector('[data-testid="matrix-IT"]')!;
    expect(m.querySelector('[data-channel="whatsapp"] th')!.textContent).toBe('whatsapp');
    expect(m.querySelector('[data-channel="whatsapp"] [data-audience="professional"]')!.textContent).toContain('No rule in our reference');
    expect(m.querySelector('[data-channel="email"] [data-audience="private"]')!.textContent).toContain('until January 31, 2027');
    expect(app.querySelector('[data-change="IT-email-new"]')!.textContent).toContain('February 1, 2027');
  });
});

describe('rules page', () => {
  it('renders France’s matrix from the data, each cell with its regime, dates and source', () => {
    const app = show('fr');
    expect(document.querySelector('h1')!.textContent).toBe('Les règles appliquées par Prospect Guard');
    const fr = app.querySelector('[data-testid="matrix-FR"]')!;
    expect(fr.querySelector('caption')!.textContent).toContain('France');
    expect([...fr.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Canal',
      'Particulier',
      'Professionnel (adresse nominative)',
      'Adresse générique d’organisation',
    ]);
    const rows = [...fr.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-channel'));
    expect(rows).toEqual(['email', 'sms', 'mms', 'automated-call', 'fax', 'phone', 'postal', 'linkedin']);
    const email = fr.querySelector('[data-channel="email"]')!;
    expect(email.querySelector('[data-audience="private"]')!.textContent).toContain('Consentement préalable (opt-in)');
    expect(email.querySelector('[data-audience="private"]')!.textContent).toContain('CPCE art. L34-5');
    expect(email.querySelector('[data-audience="professional"]')!.textContent).toContain('Permis sauf opposition (opt-out)');
    // The phone cell for consumers holds both rows, with their dates.
    const phone = fr.querySelector('[data-channel="phone"] [data-audience="private"]')!;
    expect([...phone.querySelectorAll('[data-rule]')].map((d) => d.getAttribute('data-rule'))).toEqual([
      'FR-phone-consumer-bloctel',
      'FR-phone-consumer-consent',
    ]);
    expect(phone.textContent).toContain('jusqu’au 10 août 2026');
    expect(phone.textContent).toContain('à partir du 11 août 2026');
    // Every cell links to the rule's conditions, which carry the rule's own text and source.
    for (const a of fr.querySelectorAll('a[href^="#rule-"]')) {
      const target = app.querySelector(a.getAttribute('href')!);
      expect(target, a.getAttribute('href')!).not.toBeNull();
    }
    const details = app.querySelector('[data-rule-details="FR-electronic-private"]')!;
    expect(details.textContent).toContain(RULES.find((r) => r.id === 'FR-electronic-private')!.conditions.fr);
    expect(details.textContent).toContain('(source primaire)');
  });

  it('shows the phone change, the calling hours from the data, the bans and the other countries', () => {
    const app = show('fr');
    expect(app.querySelector('[data-change="FR-phone-consumer-consent"]')!.textContent).toContain('le 11 août 2026');
    const phone = app.querySelector('[data-testid="phone"]')!.textContent!;
    expect(phone).toContain('lundi, mardi, mercredi, jeudi et vendredi');
    expect(phone).toContain('de 10:00 à 13:00 et de 14:00 à 20:00');
    expect(phone).toContain(`Au plus ${PHONE_CANVASSING_LIMITS.maxCalls} appels ou tentatives par période de ${PHONE_CANVASSING_LIMITS.periodDays} jours`);
    expect(phone).toContain('Jamais un jour férié');
    expect(app.querySelector('#phone .source')!.textContent).toContain('C. conso D223-9 (décret n° 2022-1313)');
    const bans = [...app.querySelectorAll('[data-ban]')].map((b) => b.getAttribute('data-ban'));
    expect(bans).toEqual(RULES.filter((r) => r.regime === 'banned').map((r) => r.id));
    expect(app.querySelector('[data-ban="FR-banned-energy-renovation"]')!.textContent).toContain('rénovation énergétique');
    const others = [...app.querySelectorAll('#other h3')].map((h) => h.textContent);
    // Every jurisdiction of the data but France, named from the jurisdictions table, in the data's order.
    const codes = [...new Set(RULES.map((r) => r.jurisdiction).filter((j) => j !== '*' && j !== 'FR'))];
    expect(codes.length).toBeGreaterThanOrEqual(5);
    expect(others).toEqual(codes.map((c) => JURISDICTION_INFO.find((j) => j.code === c)!.name.fr));
    expect(app.querySelector('#j-DE .help')!.textContent).toContain('.de');
    expect(app.querySelector('[data-testid="matrix-DE"] [data-channel="email"] [data-audience="professional"]')!.textContent).toContain('opt-in');
    expect(app.querySelector('[data-testid="matrix-GB"] [data-channel="email"] [data-audience="professional"]')!.textContent).toContain('PECR');
  });

  it('speaks English, and marks unconfirmed sources', () => {
    const app = show('en');
    expect(document.querySelector('h1')!.textContent).toBe('The rules Prospect Guard applies');
    expect(app.querySelector('[data-testid="matrix-FR"] [data-channel="linkedin"] [data-audience="private"]')!.textContent).toContain('(not confirmed)');
    expect(app.querySelector('[data-testid="phone"]')!.textContent).toContain('Monday, Tuesday, Wednesday, Thursday, and Friday');
    expect(app.querySelector('[data-change="FR-phone-consumer-consent"]')!.textContent).toContain('on August 11, 2026');
  });

  it.each(['fr', 'en'] as const)('cites every source in the page’s language (%s): the matrix cells, the changes, each rule’s source line', (lang) => {
    const app = show(lang);
    const cited = [...app.querySelectorAll('.source, a.ref, [data-change] a')].map((e) => e.textContent!);
    expect(cited.length).toBeGreaterThan(RULES.length);
    for (const c of cited) {
      expect(lang === 'fr' ? englishIn(c) : frenchIn(c), c).toEqual([]);
      expect(c).not.toMatch(FILE_PATH);
    }
    // a rule's source line: the citation and its note, in the page's language
    const mms = app.querySelector('[data-rule-details="FR-banned-energy-renovation-mms-automated"] .source')!.textContent;
    expect(mms).toBe(
      lang === 'fr'
        ? 'Source : C. conso L223-1 al. 5 (notre lecture : l’interdiction vaut aussi pour les MMS et les appels automatisés) (non confirmé)'
        : 'Source: C. conso L223-1 al. 5 (our reading: the ban covers MMS and automated calls too) (not confirmed)',
    );
    // a matrix cell: the citation alone
    const phone = app.querySelector('[data-testid="matrix-FR"] [data-channel="phone"] [data-audience="private"] [data-rule="FR-phone-consumer-consent"] a.ref')!.textContent;
    expect(phone).toBe(lang === 'fr' ? 'loi n° 2025-594 du 30 juin 2025, art. 13 III ; C. conso L223-1, D223-9' : 'Law 2025-594 of 30 June 2025, art. 13 III; C. conso L223-1, D223-9');
  });
});
