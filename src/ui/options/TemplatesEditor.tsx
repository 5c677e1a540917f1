/**
 * Introduction templates: several per user, French and English, each with a short variant for LinkedIn notes;
 * variables inserted by button at the caret; a live preview for a sample recipient, with which of the four
 * elements of a first B2B contact the rendered text carries (the message analysis of src/rules/message). Templates
 * the company pushes (team policy) are shown locked, with who manages them, and can be duplicated.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { analyzeMessage } from '../../rules/message/index';
import type { IntroElement } from '../../rules/intro';
import type { T } from '../overlay/i18n';
import { checkTemplate, LINKEDIN_NOTE_MAX, renderTemplate, TEMPLATE_MAX, TEMPLATE_VARIABLES, type TemplateValues, type TemplateVariable } from './templates';

export interface IntroTemplate {
  id: string;
  name: string;
  lang: 'fr' | 'en';
  text: string;
  /** LinkedIn note variant (≤ 300 characters). */
  short?: string;
}

export interface TemplatesEditorProps {
  t: T;
  templates: IntroTemplate[];
  /** Ids of templates the policy manages → who manages them. */
  lockedBy?: Record<string, string | null>;
  /** The sender's values (identity) and a sample recipient, for the preview. */
  sample: TemplateValues;
  onSave(templates: IntroTemplate[]): Promise<string | void>;
}

const ELEMENTS: IntroElement[] = ['activity', 'contact-source', 'future-offers', 'unsubscribe'];
const ELEMENT_KEYS: Record<IntroElement, 'optElActivity' | 'optElSource' | 'optElFuture' | 'optElUnsubscribe'> = {
  activity: 'optElActivity',
  'contact-source': 'optElSource',
  'future-offers': 'optElFuture',
  unsubscribe: 'optElUnsubscribe',
};
const VAR_KEYS: Record<TemplateVariable, `optVar_${TemplateVariable}`> = Object.fromEntries(TEMPLATE_VARIABLES.map((v) => [v, `optVar_${v}`])) as never;

export function newTemplateId(existing: readonly IntroTemplate[]): string {
  let n = existing.length + 1;
  while (existing.some((x) => x.id === `t${n}`)) n++;
  return `t${n}`;
}

export function TemplatesEditor({ t, templates, lockedBy = {}, sample, onSave }: TemplatesEditorProps) {
  const [list, setList] = useState<IntroTemplate[]>(templates);
  const [current, setCurrent] = useState<string | null>(templates[0]?.id ?? null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const shortRef = useRef<HTMLTextAreaElement>(null);
  const [lastField, setLastField] = useState<'text' | 'short'>('text');

  const tpl = list.find((x) => x.id === current) ?? null;
  const locked = tpl ? tpl.id in lockedBy : false;
  const update = (patch: Partial<IntroTemplate>) => setList(list.map((x) => (x.id === current ? { ...x, ...patch } : x)));

  const rendered = tpl ? renderTemplate(tpl.text, sample) : '';
  const renderedShort = tpl?.short ? renderTemplate(tpl.short, sample) : '';
  const check = tpl ? checkTemplate(tpl.text) : null;
  const shortCheck = tpl?.short ? checkTemplate(tpl.short, { linkedin: true }) : null;
  const present = useMemo(() => {
    if (!rendered) return new Set<IntroElement>();
    const a = analyzeMessage({ body: rendered, subject: '' }, { audience: 'professional', alreadyContacted: false });
    return new Set(a.present);
  }, [rendered]);

  const add = (from?: IntroTemplate) => {
    const id = newTemplateId(list);
    const base: IntroTemplate = from
      ? { ...from, id, name: t('optTplCopyOf', from.name) }
      : { id, name: t('optTplNew'), lang: 'fr', text: t('optTplStarter'), short: '' };
    setList([...list, base]);
    setCurrent(id);
  };
  const remove = () => {
    if (!tpl || locked) return;
    const next = list.filter((x) => x.id !== tpl.id);
    setList(next);
    setCurrent(next[0]?.id ?? null);
  };
  const insertVariable = (v: TemplateVariable) => {
    const el = lastField === 'short' ? shortRef.current : textRef.current;
    if (!el || !tpl || locked) return;
    const token = `{${v}}`;
    const start = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? start;
    const value = el.value.slice(0, start) + token + el.value.slice(end);
    update(lastField === 'short' ? { short: value } : { text: value });
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const save = async () => {
    const own = list.filter((x) => !(x.id in lockedBy));
    const problems = own.filter((x) => !x.name.trim() || !x.text.trim() || x.text.length > TEMPLATE_MAX || (x.short ?? '').length > LINKEDIN_NOTE_MAX);
    if (problems.length) {
      setStatus({ ok: false, text: t('optTplInvalid', problems.map((x) => x.name || x.id).join(', ')) });
      return;
    }
    const err = await onSave(own).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    setStatus(err ? { ok: false, text: t('optSaveFailed', err) } : { ok: true, text: t('optSaved') });
  };

  return (
    <section aria-labelledby="tpl-h" data-testid="templates">
      <h2 id="tpl-h">{t('optTplHeading')}</h2>
      <p class="help">{t('optTplHelp')}</p>
      <p>
        <label for="tpl-pick">{t('optTplPick')}</label>{' '}
        <select id="tpl-pick" value={current ?? ''} onChange={(e) => setCurrent((e.currentTarget as HTMLSelectElement).value)} data-testid="tpl-pick">
          {list.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name} ({x.lang.toUpperCase()}){x.id in lockedBy ? ` — ${t('optLocked')}` : ''}
            </option>
          ))}
        </select>{' '}
        <button type="button" onClick={() => add()} data-testid="tpl-add">
          {t('optTplAdd')}
        </button>{' '}
        {tpl && (
          <button type="button" onClick={() => add(tpl)} data-testid="tpl-duplicate">
            {t('optTplDuplicate')}
          </button>
        )}{' '}
        {tpl && !locked && (
          <button type="button" onClick={remove} data-testid="tpl-delete">
            {t('optTplDelete')}
          </button>
        )}
      </p>
      {tpl && (
        <div class="template" data-template={tpl.id}>
          {locked && (
            <p class="locked" data-testid="tpl-locked">
              <span aria-hidden="true">🔒 </span>
              {t('optManagedBy', lockedBy[tpl.id] ?? t('optManagedByAdmin'))}
            </p>
          )}
          <label class="field">
            <span>{t('optTplName')}</span>
            <input type="text" maxLength={100} value={tpl.name} readOnly={locked} onInput={(e) => update({ name: (e.currentTarget as HTMLInputElement).value })} data-testid="tpl-name" />
          </label>
          <label class="field">
            <span>{t('optTplLang')}</span>
            <select value={tpl.lang} disabled={locked} onChange={(e) => update({ lang: (e.currentTarget as HTMLSelectElement).value as 'fr' | 'en' })} data-testid="tpl-lang">
              <option value="fr">Français</option>
              <option value="en">English</option>
            </select>
          </label>
          <label class="field">
            <span>{t('optTplText')}</span>
            <textarea
              ref={textRef}
              rows={7}
              maxLength={TEMPLATE_MAX}
              value={tpl.text}
              readOnly={locked}
              onFocus={() => setLastField('text')}
              onInput={(e) => update({ text: (e.currentTarget as HTMLTextAreaElement).value })}
              data-testid="tpl-text"
            />
          </label>
          <label class="field">
            <span>{t('optTplShort', String(LINKEDIN_NOTE_MAX))}</span>
            <textarea
              ref={shortRef}
              rows={3}
              value={tpl.short ?? ''}
              readOnly={locked}
              aria-describedby="tpl-short-count"
              onFocus={() => setLastField('short')}
              onInput={(e) => update({ short: (e.currentTarget as HTMLTextAreaElement).value })}
              data-testid="tpl-short"
            />
          </label>
          <p id="tpl-short-count" class={shortCheck?.tooLongForLinkedIn ? 'bad' : 'help'}>
            {t('optTplShortCount', [String((tpl.short ?? '').length), String(LINKEDIN_NOTE_MAX)])}
          </p>
          {!locked && (
            <p role="group" aria-label={t('optTplVariables')}>
              {t('optTplVariables')}{' '}
              {TEMPLATE_VARIABLES.map((v) => (
                <button type="button" key={v} onClick={() => insertVariable(v)} class="chip" title={t(VAR_KEYS[v])} data-var={v}>
                  {`{${v}}`}
                </button>
              ))}
            </p>
          )}
          {(check?.unknown.length || shortCheck?.unknown.length) ? (
            <p role="alert" class="bad" data-testid="tpl-unknown">
              {t('optTplUnknownVars', [...(check?.unknown ?? []), ...(shortCheck?.unknown ?? [])].map((u) => `{${u.name}}`).join(', '))}
            </p>
          ) : null}
          <h3>{t('optPreview')}</h3>
          <div class="preview" data-testid="tpl-preview" aria-live="polite">
            {rendered}
          </div>
          <ul class="checklist" data-testid="tpl-elements" aria-label={t('optTplElements')}>
            {ELEMENTS.map((el) => (
              <li key={el} data-element={el} data-present={present.has(el) ? 'yes' : 'no'} class={present.has(el) ? 'ok' : 'bad'}>
                <span aria-hidden="true">{present.has(el) ? '✓ ' : '✗ '}</span>
                {t(ELEMENT_KEYS[el])} — {present.has(el) ? t('optTplPresent') : t('optTplMissing')}
              </li>
            ))}
          </ul>
          {renderedShort && (
            <>
              <h3>{t('optTplShortPreview')}</h3>
              <div class="preview" data-testid="tpl-short-preview">
                {renderedShort}
              </div>
            </>
          )}
        </div>
      )}
      <p>
        <button type="button" class="primary" onClick={() => void save()} data-testid="tpl-save">
          {t('optTplSave')}
        </button>{' '}
        <span role="status" aria-live="polite" class={status ? (status.ok ? 'ok' : 'bad') : ''} data-testid="tpl-status">
          {status?.text ?? ''}
        </span>
      </p>
    </section>
  );
}
