/**
 * The rules page: what the engine applies, rendered from the rules data (model.ts) — a matrix per country by
 * channel and recipient type, the dated changes (the 11 August 2026 phone change), the calling days and hours, the
 * bans, and every rule's conditions with its source and confidence. Country names, weekdays and dates come from
 * the browser's Intl in the page's language, so a country added to the data needs no new string.
 */
import type { ComponentChildren } from 'preact';
import { sourceRef, sourceText } from '../../rules/citation';
import { JURISDICTION_INFO, type JurisdictionInfo } from '../../rules/jurisdictions';
import { LAW_STATE_DATE, PHONE_CANVASSING_LIMITS, type RegimeRule } from '../../rules/regime';
import type { Source } from '../../rules/types';
import type { UiLang } from '../../storage/schema';
import type { MessageKey, T } from '../overlay/i18n';
import { ruleAnchor, rulesView, type JurisdictionView, type RulesView } from './model';

export interface RulesProps {
  t: T;
  lang: UiLang;
  /** Defaults to the engine's data; tests pass other data to show the page follows it. */
  view?: RulesView;
  phone?: typeof PHONE_CANVASSING_LIMITS;
  lawDate?: string;
  /** The jurisdictions' names and domains (src/rules/jurisdictions.ts); a code missing there is named by Intl. */
  info?: readonly JurisdictionInfo[];
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9]/g, '_');

export function Rules({ t, lang, view = rulesView(), phone = PHONE_CANVASSING_LIMITS, lawDate = LAW_STATE_DATE, info = JURISDICTION_INFO }: RulesProps) {
  /** A catalogue string for a data id, or the id itself when the catalogue has none (new data, no string yet). */
  const label = (prefix: string, id: string) => {
    const key = `${prefix}${slug(id)}` as MessageKey;
    const s = t(key);
    return s && s !== key ? s : id;
  };
  const regions = safeDisplayNames(lang);
  const infoOf = (code: string) => info.find((j) => j.code === code);
  const country = (code: string) => infoOf(code)?.name[lang] ?? regions?.of(code) ?? code;
  const domains = (code: string) => (infoOf(code)?.ccTLDs ?? []).map((d) => `.${d}`);
  const list = (items: string[]) => listFormat(lang, items);
  const date = (iso: string) => formatDate(lang, iso);
  const channel = (c: string) => label('rulesCh_', c);
  const audience = (a: string) => label('rulesAud_', a);
  const regime = (r: string) => label('rulesRegime_', r);
  const period = (r: RegimeRule) =>
    [r.from ? t('rulesFrom', date(r.from)) : '', r.until ? t('rulesUntil', date(r.until)) : ''].filter(Boolean).join(' ');

  const SourceLine = ({ source }: { source: Source }) => (
    <p class="source">
      {t('rulesSource', sourceText(source, lang))} <span class={`conf conf-${source.confidence}`}>({label('rulesConf_', source.confidence)})</span>
    </p>
  );

  const Matrix = ({ v }: { v: JurisdictionView }) => (
    <table data-testid={`matrix-${v.code}`}>
      <caption>{t('rulesMatrixCaption', country(v.code))}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rulesChannel')}</th>
          {v.audiences.map((a) => (
            <th scope="col" key={a}>
              {audience(a)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {v.rows.map((row) => (
          <tr key={row.channel} data-channel={row.channel}>
            <th scope="row">{channel(row.channel)}</th>
            {v.audiences.map((a) => {
              const rules = row.cells[a] ?? [];
              return (
                <td key={a} data-audience={a}>
                  {rules.length === 0 ? (
                    <span class="regime regime-opt-in">{t('rulesNoRow')}</span>
                  ) : (
                    rules.map((r) => (
                      <div class="cell-rule" key={r.id} data-rule={r.id}>
                        <span class={`regime regime-${r.regime}`}>{regime(r.regime)}</span>
                        {period(r) && <span class="period"> — {period(r)}</span>}
                        <br />
                        <a href={`#${ruleAnchor(r)}`} class="ref">
                          {sourceRef(r.source, lang)}
                          {r.source.confidence === 'NC' ? ` (${label('rulesConf_', 'NC')})` : ''}
                        </a>
                      </div>
                    ))
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );

  const RuleDetails = ({ r }: { r: RegimeRule }) => (
    <li id={ruleAnchor(r)} data-rule-details={r.id}>
      <p>
        <strong>
          {r.channels.length === 0 ? t('rulesAllChannels') : list(r.channels.map(channel))} — {list(r.audiences.map(audience))}
        </strong>
        {lang === 'fr' ? ' : ' : ': '}
        <span class={`regime regime-${r.regime}`}>{regime(r.regime)}</span>
        {period(r) && <span class="period"> — {period(r)}</span>}
        {r.topic && <span> — {t('rulesTopic', label('rulesTopic_', r.topic))}</span>}
      </p>
      <p>{r.conditions[lang]}</p>
      <SourceLine source={r.source} />
    </li>
  );

  const Section = ({ id, title, children }: { id: string; title: string; children: ComponentChildren }) => (
    <section id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );

  const [home, ...others] = view.jurisdictions;
  const weekdays = phone.weekdays.map((d) => weekdayName(lang, d));
  const windows = phone.windows.map((w) => t('rulesPhoneWindow', [w.from, w.to]));

  return (
    <main>
      <h1>{t('rulesTitle')}</h1>
      <p class="help">{t('rulesIntro', date(lawDate))}</p>
      <nav aria-label={t('rulesContents')}>
        <ul>
          {home && (
            <li>
              <a href={`#j-${home.code}`}>{country(home.code)}</a>
            </li>
          )}
          {view.changes.length > 0 && (
            <li>
              <a href="#changes">{t('rulesChangesTitle')}</a>
            </li>
          )}
          <li>
            <a href="#phone">{t('rulesPhoneTitle')}</a>
          </li>
          {view.bans.length > 0 && (
            <li>
              <a href="#bans">{t('rulesBansTitle')}</a>
            </li>
          )}
          {others.length > 0 && (
            <li>
              <a href="#other">{t('rulesOtherTitle')}</a> ({list(others.map((o) => country(o.code)))})
            </li>
          )}
          <li>
            <a href="#general">{t('rulesGeneralTitle')}</a>
          </li>
        </ul>
      </nav>

      {home && (
        <Section id={`j-${home.code}`} title={t('rulesMatrixTitle', country(home.code))}>
          <Matrix v={home} />
        </Section>
      )}

      {view.changes.length > 0 && (
        <Section id="changes" title={t('rulesChangesTitle')}>
          <ul data-testid="changes">
            {view.changes.map((c) => (
              <li key={`${c.after.id}-${c.audience}-${c.channel}`} data-change={c.after.id}>
                <p>
                  <strong>{t('rulesChange', [channel(c.channel), audience(c.audience), country(c.jurisdiction), date(c.date)])}</strong>
                </p>
                <p>
                  {t('rulesBefore')} <span class={`regime regime-${c.before.regime}`}>{regime(c.before.regime)}</span> — {period(c.before)} (
                  <a href={`#${ruleAnchor(c.before)}`}>{sourceRef(c.before.source, lang)}</a>)
                </p>
                <p>
                  {t('rulesAfter')} <span class={`regime regime-${c.after.regime}`}>{regime(c.after.regime)}</span> — {period(c.after)} (
                  <a href={`#${ruleAnchor(c.after)}`}>{sourceRef(c.after.source, lang)}</a>)
                </p>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section id="phone" title={t('rulesPhoneTitle')}>
        <ul data-testid="phone">
          <li>{t('rulesPhoneDays', list(weekdays))}</li>
          <li>{t('rulesPhoneHours', [label('rulesPhoneTimeOf_', phone.timeOf), list(windows)])}</li>
          <li>{phone.publicHolidays ? t('rulesPhoneHolidaysAllowed') : t('rulesPhoneNoHolidays')}</li>
          <li>{t('rulesPhoneMax', [String(phone.maxCalls), String(phone.periodDays)])}</li>
          <li>{t('rulesPhoneAnnounce', list(phone.mustAnnounce.map((m) => label('rulesAnnounce_', m))))}</li>
        </ul>
        <SourceLine source={phone.source} />
      </Section>

      {view.bans.length > 0 && (
        <Section id="bans" title={t('rulesBansTitle')}>
          <ul data-testid="bans">
            {view.bans.map((r) => (
              <li key={r.id} data-ban={r.id}>
                <p>
                  <strong>{r.topic ? label('rulesTopic_', r.topic) : regime(r.regime)}</strong> ({country(r.jurisdiction === '*' ? 'FR' : r.jurisdiction)}) —{' '}
                  {t('rulesBanChannels', [list(r.channels.map(channel)), list(r.audiences.map(audience))])}
                </p>
                <p>{r.conditions[lang]}</p>
                <SourceLine source={r.source} />
              </li>
            ))}
          </ul>
        </Section>
      )}

      {home && (
        <Section id={`details-${home.code}`} title={t('rulesDetailsTitle', country(home.code))}>
          <ul class="details">
            {home.rules.map((r) => (
              <RuleDetails r={r} key={r.id} />
            ))}
          </ul>
        </Section>
      )}

      {others.length > 0 && (
        <Section id="other" title={t('rulesOtherTitle')}>
          <p class="help">{t('rulesOtherIntro')}</p>
          {others.map((v) => (
            <section id={`j-${v.code}`} key={v.code} aria-labelledby={`j-${v.code}-h`}>
              <h3 id={`j-${v.code}-h`}>{country(v.code)}</h3>
              {domains(v.code).length > 0 && <p class="help">{t('rulesDomains', list(domains(v.code)))}</p>}
              <Matrix v={v} />
              <ul class="details">
                {v.rules.map((r) => (
                  <RuleDetails r={r} key={r.id} />
                ))}
              </ul>
            </section>
          ))}
        </Section>
      )}

      <Section id="general" title={t('rulesGeneralTitle')}>
        <ul class="details">
          {view.general.map((r) => (
            <RuleDetails r={r} key={r.id} />
          ))}
        </ul>
      </Section>
    </main>
  );
}

function safeDisplayNames(lang: UiLang): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' });
  } catch {
    return null;
  }
}

function listFormat(lang: UiLang, items: string[]): string {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

function formatDate(lang: UiLang, iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** ISO weekday (1 = Monday) in words; 2024-01-01 was a Monday. */
function weekdayName(lang: UiLang, isoDay: number): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, isoDay)));
}
