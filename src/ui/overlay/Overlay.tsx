/**
 * The overlay shown in a compose window. Compact: one line with the verdict and the main action; the reasons,
 * the recipients, the introduction's preview and the forms are one click away. Everything from the page or the
 * rules engine is rendered as text (Preact text nodes): no innerHTML anywhere. Keyboard: every action is a
 * button, Esc hides the overlay for this compose, the headline is a polite live region.
 *
 * Every action handler (clicks, submits, key shortcuts) ignores events the browser did not mark `isTrusted` (real
 * user input): a script of the page cannot click or submit for the user, in test builds either. Form fields only
 * mirror their value into the display (a Save button enabled); what a form saves is read from the fields when the
 * user's own submit arrives.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { sourceRef, sourceText } from '../../rules/citation';
import type { IntroElement } from '../../rules/intro';
import type { MessageSummary } from '../../background/protocol';
import type { Reason } from '../../rules/types';
import type { RecipientVerdict } from '../../rules/verdict';
import type { RecipientWording } from '../../rules/wording';
import { unsubscribeLink } from '../../rules/intro';
import { CONSENT_METHODS, type ConsentMethod, type IntroSetup } from '../../storage/schema';
import type { MessageKey, T } from './i18n';
import { fitNote, type InsertOutcome, type Introduction, type OverlayActions, type OverlayModel, type RecipientView } from './model';

export interface OverlayProps {
  model: OverlayModel;
  actions: OverlayActions;
  t: T;
}

/** Wraps a handler so that only real user input reaches it. */
export function trusted<E extends Event>(fn: (e: E) => void): (e: E) => void {
  return (e: E) => {
    if (e.isTrusted === true) fn(e);
  };
}

/** A form's submit: never let the page navigate, act only on the user's own submit. */
function onUserSubmit(fn: (form: HTMLFormElement) => void) {
  return (e: Event) => {
    e.preventDefault();
    if (e.isTrusted === true) fn(e.currentTarget as HTMLFormElement);
  };
}

const ELEMENTS: Array<[keyof Introduction['filled'], MessageKey]> = [
  ['activity', 'ovElementActivity'],
  ['contact-source', 'ovElementContactSource'],
  ['future-offers', 'ovElementFutureOffers'],
  ['unsubscribe', 'ovElementUnsubscribe'],
];

const METHOD_LABELS: Record<ConsentMethod, MessageKey> = {
  form: 'ovMethodForm',
  written: 'ovMethodWritten',
  oral: 'ovMethodOral',
  other: 'ovMethodOther',
};

const INSERT_REASONS: Record<string, MessageKey> = {
  'no-body': 'ovInsertNoBody',
  'not-editable': 'ovInsertNotEditable',
  'exec-failed': 'ovInsertExecFailed',
  'already-present': 'ovInsertAlreadyPresent',
  incomplete: 'ovInsertIncomplete',
  'note-full': 'ovInsertNoteFull',
};

/** How a recipient is named: a LinkedIn member by their name (their key is no address), else the address. */
const who = (r: RecipientView) => (r.result.person ? r.name || r.result.person.name || r.address : r.address);

/** Recipients shown in full (reasons, actions); the others are listed on one line each. */
const MAX_DETAILED = 8;

const ORDER: RecipientVerdict[] = ['banned', 'opt-in', 'unknown', 'opt-out', 'organization', 'consent', 'internal'];

export function tone(model: OverlayModel): string {
  if (model.state === 'unreadable' || model.state === 'unavailable') return 'muted';
  if (model.suppressed) return 'danger';
  switch (model.verdict) {
    case 'banned':
    case 'opt-in':
      return 'danger';
    case 'unknown':
      return 'warn';
    case 'opt-out':
    case 'organization':
    case 'consent':
      return 'ok';
    default:
      return 'muted';
  }
}

/** The overlay's own states (not legal text): reading, cannot read, cannot check. */
function stateKeys(model: OverlayModel): { headline: MessageKey; body?: MessageKey } | null {
  if (model.state === 'unreadable') return { headline: 'ovHeadUnreadable', body: 'ovBodyUnreadable' };
  if (model.state === 'unavailable') return { headline: 'ovHeadUnavailable', body: 'ovBodyUnavailable' };
  if (model.state === 'checking') return { headline: 'ovChecking' };
  return null;
}

function ReasonLine({ reason, lang, t }: { reason: Reason; lang: 'fr' | 'en'; t: T }) {
  const text = reason[lang] || reason.fr || reason.en || '';
  const src = reason.source;
  // The engine's texts usually end with their citation already; add it only when they do not (in the overlay's language).
  const ref = src ? sourceRef(src, lang) : '';
  const cite = src && ref && !text.includes(ref);
  return (
    <li class="reason" data-reason={reason.id}>
      <span>{text}</span>
      {cite ? (
        <span class="source">
          {' '}
          ({t('ovSource', sourceText(src, lang))}
          {src.confidence === 'S' ? ` — ${t('ovConfidenceS')}` : src.confidence === 'NC' ? ` — ${t('ovConfidenceNC')}` : ''})
        </span>
      ) : null}
    </li>
  );
}

/** "How did you get their consent?" — the method is required, a proof note is optional. */
function ConsentForm({ r, t, busy, onSave, onCancel }: { r: RecipientView; t: T; busy: boolean; onSave: (m: ConsentMethod, note: string) => void; onCancel: () => void }) {
  const [method, setMethod] = useState<ConsentMethod | ''>('');
  return (
    <form
      class="form"
      data-testid="consent-form"
      onSubmit={onUserSubmit((form) => {
        const field = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value ?? '').trim();
        const m = field('method');
        if (CONSENT_METHODS.includes(m as ConsentMethod)) onSave(m as ConsentMethod, field('note'));
      })}
    >
      <label class="field">
        <span>{t('ovConsentHow', who(r))}</span>
        <select name="method" onChange={(e) => setMethod((e.currentTarget as HTMLSelectElement).value as ConsentMethod | '')}>
          <option value="">{t('ovConsentChoose')}</option>
          {CONSENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(METHOD_LABELS[m])}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('ovConsentNote')}</span>
        <input name="note" type="text" maxLength={300} placeholder={t('ovConsentNoteExample')} />
      </label>
      <div class="row">
        <button type="submit" class="primary" data-action="consent-save" disabled={busy || !method}>
          {t('ovConsentSave')}
        </button>
        <button type="button" class="secondary" data-action="consent-cancel" onClick={trusted(() => onCancel())}>
          {t('ovCancel')}
        </button>
      </div>
    </form>
  );
}

interface RecipientProps {
  r: RecipientView;
  model: OverlayModel;
  t: T;
  busy: boolean;
  run: (fn: () => Promise<unknown>) => void;
  actions: OverlayActions;
  detailed: boolean;
  consentOpen: boolean;
  setConsentFor: (address: string | null) => void;
}

/** The rules' reason for this recipient, with the rule's own source as the rules cite it. */
function WordingReason({ w, t }: { w: RecipientWording; t: T }) {
  if (!w.reason) return null;
  return (
    <li class="reason" data-reason="rule">
      <span>{w.reason}</span>
      {w.citation ? <span class="source"> ({t('ovSource', w.citation)})</span> : null}
    </li>
  );
}

function Recipient({ r, model, t, busy, run, actions, detailed, consentOpen, setConsentFor }: RecipientProps) {
  const label = `${r.wording.audienceLabel} — ${r.wording.verdictLabel}`;
  const needsDecision = r.verdict === 'opt-in' || r.verdict === 'unknown';
  const mine = r.result.flags.includes('override');
  const action = (name: string, text: string, aria: string, fn: () => Promise<unknown>) => (
    // The accessible name starts with the visible text (WCAG 2.5.3 "label in name"), then says which recipient.
    <button type="button" class="secondary" data-action={name} disabled={busy} aria-label={`${text} — ${aria}`} onClick={trusted(() => run(fn))}>
      {text}
    </button>
  );
  return (
    <li class={`recipient v-${r.verdict}${r.suppressed ? ' v-suppressed' : ''}`} data-address={r.address} data-recipient-verdict={r.suppressed ? 'suppressed' : r.verdict}>
      <div class="who">
        <span class="addr">{r.result.person ? who(r) : r.name ? `${r.name} <${r.address}>` : r.address}</span>
        <span class="label">
          {' — '}
          {r.suppressed ? <strong class="objected">{t('ovSuppressedLabel')}</strong> : label}
          {mine ? ` ${t('ovYourChoice')}` : ''}
        </span>
      </div>
      {r.result.person?.headline ? <div class="headline-line">{t('ovPersonHeadline', r.result.person.headline)}</div> : null}
      {r.consent ? <div class="consent">{t('ovConsentOn', r.consent.date)}</div> : null}
      {detailed && r.verdict !== 'internal' ? (
        <ul class="reasons">
          <WordingReason w={r.wording} t={t} />
          {r.wording.notes.map((n) => (
            <li key={n} class="note-line">
              {n}
            </li>
          ))}
        </ul>
      ) : null}
      {detailed && r.verdict !== 'internal' && r.result.reasons.length > 0 ? (
        <details class="more">
          <summary>{t('ovMoreReasons')}</summary>
          <ul class="reasons">
            {r.result.reasons.map((reason) => (
              <ReasonLine key={reason.id} reason={reason} lang={model.lang} t={t} />
            ))}
          </ul>
        </details>
      ) : null}
      {detailed && consentOpen ? (
        <ConsentForm
          r={r}
          t={t}
          busy={busy}
          onCancel={() => setConsentFor(null)}
          onSave={(method, note) => run(() => actions.recordConsent(r.address, method, note || undefined).then(() => setConsentFor(null)))}
        />
      ) : null}
      {detailed && !consentOpen && needsDecision ? (
        <div class="actions" role="group" aria-label={who(r)}>
          <button
            type="button"
            class="secondary"
            data-action="consent"
            disabled={busy}
            aria-label={`${t('ovActionConsent')} — ${t('ovActionConsentLabel', who(r))}`}
            onClick={trusted(() => setConsentFor(r.address))}
          >
            {t('ovActionConsent')}
          </button>
          {action('business', t('ovActionBusiness'), t(r.result.person ? 'ovActionBusinessPersonLabel' : 'ovActionBusinessLabel', who(r)), () => actions.setOverride(r.address, 'business'))}
          {r.businessDomain
            ? action('business-domain', t('ovActionBusinessDomain', r.businessDomain), t('ovActionBusinessDomainLabel', r.businessDomain), () =>
                actions.setOverride(r.businessDomain!, 'business'),
              )
            : null}
          {r.verdict === 'unknown' || !mine
            ? action('private', t('ovActionPrivate'), t('ovActionPrivateLabel', who(r)), () => actions.setOverride(r.address, 'private'))
            : null}
        </div>
      ) : null}
      {detailed && (r.verdict === 'opt-out' || r.verdict === 'organization') ? (
        <div class="actions" role="group" aria-label={who(r)}>
          {action('private', t('ovActionPrivate'), t('ovActionPrivateLabel', who(r)), () => actions.setOverride(r.address, 'private'))}
        </div>
      ) : null}
    </li>
  );
}

/** The checklist: ✓ only for what the user's settings really fill. */
function Checklist({ intro, t }: { intro: Introduction; t: T }) {
  return (
    <div class="elements">
      <span class="elements-title">{t('ovElements')} </span>
      <ul>
        {ELEMENTS.map(([id, key]) => (
          <li key={id} data-element={id} class={intro.filled[id] ? 'yes' : 'no'}>
            <span aria-hidden="true">{intro.filled[id] ? '✓ ' : '✗ '}</span>
            {t(key)}
            <span class="sr">{intro.filled[id] ? t('ovElementFilled') : t('ovElementMissing')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The live checklist: what this message owes its recipients (the four elements of a first B2B contact, or the way to
 * object), each present one ticked with the words that show it, each missing one added on its own in one click.
 */
function LiveChecks({ m, t, onAdd }: { m: MessageSummary; t: T; onAdd: (id: IntroElement) => void }) {
  const labels = new Map(ELEMENTS);
  const since = m.since ? t('ovFollowUpSince', m.since) : '';
  return (
    <div class="checks" data-testid="checklist">
      {m.status === 'already-contacted' ? <span class="note">{t('ovFollowUp', since)} </span> : m.required.length > 1 ? <span class="elements-title">{t('ovCheckElements')} </span> : null}
      {m.required.map((id) => {
        const label = t(labels.get(id)!);
        return m.missing.includes(id) ? (
          <button key={id} type="button" class="add" data-action="add-element" data-element={id} aria-label={t('ovAddElementLabel', label)} onClick={trusted(() => onAdd(id))}>
            + {label}
          </button>
        ) : (
          <span key={id} class="yes" data-element={id} title={m.where[id] ?? ''}>
            ✓ {label}
            <span class="sr">{t('ovElementFilled')}</span>
          </span>
        );
      })}
      {m.banned.length ? (
        <p class="error" role="alert">
          {m.reasons.filter((r, i) => i > 0 && /L223-1/.test(r)).join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** The confirm before send: who never said yes, and the three answers (the user keeps the last word). */
function GuardPanel({ model, t, answer }: { model: OverlayModel; t: T; answer: (c: 'send' | 'cancel' | 'consent') => void }) {
  const g = model.guard!;
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (g.kind === 'ask') first.current?.focus();
  }, [g.kind]);
  if (g.kind !== 'ask') return <p class="guard-line" role="status">{t(g.kind === 'checking' ? 'ovGuardChecking' : 'ovGuardAgain')}</p>;
  // "J’ai son consentement" for one person who never said yes, "J’ai leur consentement" for several.
  const one = g.who.filter((w) => w.verdict === 'opt-in').length === 1;
  return (
    <div class="guard" role="alertdialog" aria-labelledby="pg-guard-title" data-testid="guard">
      <p id="pg-guard-title" class="headline">
        {t('ovGuardTitle')}
      </p>
      <p class="body">{t(g.who.length === 1 ? 'ovGuardBodyOne' : 'ovGuardBody')}</p>
      <ul class="reasons">
        {g.who.map((w) => (
          <li key={w.address}>
            <span class="addr">{w.name ?? w.address}</span> — {w.verdict === 'suppressed' ? t('ovGuardSuppressed') : w.label}
          </li>
        ))}
      </ul>
      {g.reason ? <p class="note">{g.reason}</p> : null}
      {g.banned ? <p class="error">{t('ovGuardBanned')}</p> : null}
      <div class="row">
        <button ref={first} type="button" class="secondary" data-action="guard-cancel" onClick={trusted(() => answer('cancel'))}>
          {t('ovGuardCancel')}
        </button>
        <button type="button" class="danger" data-action="guard-send" onClick={trusted(() => answer('send'))}>
          {t('ovGuardSend')}
        </button>
        {!g.banned && g.who.some((w) => w.verdict === 'opt-in') ? (
          <button type="button" class="primary" data-action="guard-consent" title={t(one ? 'ovGuardConsentHelpOne' : 'ovGuardConsentHelp')} onClick={trusted(() => answer('consent'))}>
            {t(one ? 'ovGuardConsentOne' : 'ovGuardConsent')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** The inline setup: what the introduction needs before anything can be inserted. Saved by the service worker. */
function Setup({
  setup,
  needsSource,
  t,
  onSave,
  onCancel,
}: {
  setup: IntroSetup;
  /** The introduction needs where the contact comes from (a business one; a consumer one says consent instead). */
  needsSource: boolean;
  t: T;
  onSave: (s: IntroSetup) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [how, setHow] = useState<'stop' | 'link'>(setup.unsubscribe ? 'link' : 'stop');
  const [error, setError] = useState<MessageKey | null>(null);
  const [saving, setSaving] = useState(false);
  return (
    <form
      class="form setup"
      data-testid="setup"
      onSubmit={onUserSubmit((form) => {
        const field = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '').trim();
        const activity = field('activity');
        const contactSource = field('contactSource');
        const byLink = (form.elements.namedItem('how') as RadioNodeList | null)?.value === 'link';
        const unsubscribe = byLink ? field('unsubscribe') : '';
        if (!activity || (needsSource && !contactSource)) return setError('ovSetupMissing');
        if (byLink && !unsubscribeLink(unsubscribe)) return setError('ovSetupBadLink');
        setError(null);
        setSaving(true);
        onSave({ activity, contactSource, unsubscribe })
          .catch(() => setError('ovActionFailed'))
          .finally(() => setSaving(false));
      })}
    >
      <p class="form-title">{t('ovSetupTitle')}</p>
      <label class="field">
        <span>{t('ovSetupActivity')}</span>
        <input name="activity" type="text" maxLength={500} defaultValue={setup.activity} placeholder={t('ovSetupActivityExample')} />
      </label>
      <label class="field">
        <span>{t('ovSetupSource')}</span>
        <input name="contactSource" type="text" maxLength={500} defaultValue={setup.contactSource} placeholder={t('ovSetupSourceExample')} />
      </label>
      <fieldset class="field">
        <legend>{t('ovSetupUnsubscribe')}</legend>
        <label class="choice">
          <input type="radio" name="how" value="stop" defaultChecked={how === 'stop'} onChange={() => setHow('stop')} /> {t('ovSetupStop')}
        </label>
        <label class="choice">
          <input type="radio" name="how" value="link" defaultChecked={how === 'link'} onChange={() => setHow('link')} /> {t('ovSetupLink')}
        </label>
        <input
          name="unsubscribe"
          type="text"
          maxLength={500}
          hidden={how !== 'link'}
          defaultValue={setup.unsubscribe}
          aria-label={t('ovSetupLink')}
          placeholder="https://…"
        />
      </fieldset>
      {error ? (
        <p class="error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <div class="row">
        <button type="submit" class="primary" data-action="setup-save" disabled={saving}>
          {t('ovSetupSave')}
        </button>
        <button type="button" class="secondary" data-action="setup-cancel" onClick={trusted(() => onCancel())}>
          {t('ovCancel')}
        </button>
      </div>
    </form>
  );
}

/** An invitation note: the short variant that fits what is left, and the count. */
function NotePreview({ text, left, limit, lang, t }: { text: string | null; left: number; limit: number; lang: string; t: T }) {
  return (
    <div class="preview" lang={lang}>
      {text ? (
        <p class="intro" data-testid="intro">
          {text}
        </p>
      ) : null}
      <p class="note" data-testid="note-count">
        {text ? t('ovNoteCount', [String(text.length), String(left), String(limit)]) : t('ovNoteFull', [String(left), String(limit)])}
      </p>
    </div>
  );
}

function Preview({ intro, lang }: { intro: Extract<Introduction, { complete: true }>; lang: string }) {
  return (
    <div class="preview" lang={lang}>
      <p class="intro" data-testid="intro">
        {intro.intro}
      </p>
      <p class="unsub" data-testid="unsubscribe">
        {intro.unsubscribe}
      </p>
    </div>
  );
}

export function Overlay({ model, actions, t }: OverlayProps) {
  const [userExpanded, setUserExpanded] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [consentFor, setConsentFor] = useState<string | null>(null);
  const [setupOpen, setSetupOpen] = useState(false);
  const [inserting, setInserting] = useState(false);
  const [result, setResult] = useState<InsertOutcome | null>(null);

  const expanded = userExpanded ?? false;
  const msg = model.state === 'ready' ? (model.message ?? null) : null;
  // A reply, a forward, an invoice…: a small neutral state, the reason one click away.
  const quiet = !!msg?.ordinary;
  // In the ready state every word about the law comes from the rules' wording policy; the others are our own states.
  const own = stateKeys(model);
  // A recipient on a suppression list objected: nothing is offered to send them, whatever the audience says.
  const suppressed = model.state === 'ready' && !quiet ? (model.suppressed ?? 0) : 0;
  const headline = quiet ? t('ovQuiet') : own ? t(own.headline) : suppressed ? t('ovSuppressedHead', String(suppressed)) : (model.wording?.headline ?? '');
  const body = quiet ? msg!.reasons[0] : own ? (own.body ? t(own.body) : null) : suppressed ? t('ovSuppressedBody') : (model.wording?.body ?? null);
  const notes = own || quiet ? [] : (model.wording?.notes ?? []);
  // A follow-up owes no introduction: the checklist offers what it still owes.
  const intro = model.state === 'ready' && !quiet && !suppressed && msg?.status !== 'already-contacted' ? model.introduction : null;
  const live = msg && !quiet && !suppressed && msg.required.length > 0 && (msg.prospecting || msg.present.length > 0) ? msg : null;
  const noteFit = intro?.complete && intro.note && model.note ? fitNote(intro.note, model.note.limit, model.note.used) : null;
  const recipients = [...model.recipients].sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));
  const showRecipients = model.state === 'ready' && recipients.length > 0 && !quiet;
  const deciding = recipients.filter((r) => r.verdict === 'opt-in' || r.verdict === 'unknown');
  const hasDetails = !!(body || notes.length || showRecipients || intro);

  const run = (fn: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    Promise.resolve()
      .then(fn)
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  };

  const insert = () => {
    if (!intro || inserting) return;
    if (!intro.complete) {
      // Nothing unfinished is inserted: the short setup comes first, then the preview and Insert.
      setSetupOpen(true);
      setUserExpanded(true);
      return;
    }
    setInserting(true);
    setResult(null);
    actions
      .insert(intro)
      .then(
        (r) => setResult(r),
        (e: unknown) => setResult({ ok: false, reason: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => setInserting(false));
  };

  /** One element on its own: its sentence from the user's settings, else the setup first (nothing unfinished). */
  const addElement = (id: IntroElement) => {
    const text = model.introduction?.elements?.[id];
    if (!text || !actions.addElement) {
      setSetupOpen(true);
      setUserExpanded(true);
      return;
    }
    if (inserting) return;
    setInserting(true);
    setResult(null);
    actions
      .addElement(id, text)
      .then(
        (r) => setResult(r),
        (e: unknown) => setResult({ ok: false, reason: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => setInserting(false));
  };

  const onKeyDown = trusted((e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      actions.dismiss();
    } else if (e.key === 'Enter' || e.key === ' ') {
      // Keep the webmail's own shortcuts from acting on keys meant for our buttons.
      e.stopPropagation();
    }
  });

  let main = null;
  if (intro && result?.ok) {
    // Inserted: the feedback (with its Ctrl+Z hint) takes the button's place; a second insertion would be refused.
  } else if (intro) {
    main = (
      <button type="button" class="primary" data-action="insert" aria-label={`${t('ovInsert')} — ${t('ovInsertLabel')}`} disabled={inserting || (!!noteFit && !noteFit.text)} onClick={trusted(insert)}>
        {t('ovInsert')}
      </button>
    );
  } else if (model.state === 'ready' && deciding.length === 1 && !quiet) {
    const only = deciding[0];
    main = (
      <button
        type="button"
        class="primary"
        data-action="consent-main"
        aria-label={`${t('ovActionConsent')} — ${t('ovActionConsentLabel', who(only))}`}
        onClick={trusted(() => {
          setConsentFor(only.address);
          setUserExpanded(true);
        })}
      >
        {t('ovActionConsent')}
      </button>
    );
  }

  return (
    <section
      class={`pg tone-${quiet ? 'muted' : tone(model)}`}
      role="region"
      aria-label={t('ovRegionLabel')}
      aria-busy={model.state === 'checking' ? 'true' : 'false'}
      onKeyDown={onKeyDown}
    >
      <div class="bar">
        <span class="dot" aria-hidden="true" />
        <p class="headline" role="status" aria-live="polite" data-testid="headline">
          {headline}
        </p>
        {main || intro || live ? (
          <span class="main">
            {main}
            {intro || live ? (
              <span class={`feedback ${result ? (result.ok ? 'good' : 'bad') : ''}`} role="status" aria-live="polite" data-testid="insert-feedback">
                {result ? (result.ok ? t('ovInserted') : t('ovInsertFailed', INSERT_REASONS[result.reason] ? t(INSERT_REASONS[result.reason]) : result.reason)) : ''}
              </span>
            ) : null}
          </span>
        ) : null}
        {hasDetails ? (
          <button
            type="button"
            class="link"
            data-action="toggle"
            aria-expanded={expanded ? 'true' : 'false'}
            aria-controls="pg-details"
            onClick={trusted(() => setUserExpanded(!expanded))}
          >
            {expanded ? t('ovHideDetails') : t('ovShowDetails')}
          </button>
        ) : null}
        <button type="button" class="icon" data-action="dismiss" aria-label={t('ovDismiss')} title={t('ovDismiss')} onClick={trusted(() => actions.dismiss())}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {model.guard ? <GuardPanel model={model} t={t} answer={(c) => actions.guardAnswer?.(c)} /> : null}
      {live ? <LiveChecks m={live} t={t} onAdd={addElement} /> : null}
      <div id="pg-details" class="details" hidden={!expanded}>
        {body ? <p class="body">{body}</p> : null}
        {notes.map((n) => (
          <p key={n} class="note" data-testid="message-note">
            {n}
          </p>
        ))}
        {intro ? (
          <div class="suggestion" data-testid="suggestion">
            {intro.complete ? noteFit ? <NotePreview text={noteFit.text} left={noteFit.left} limit={noteFit.limit} lang={model.lang} t={t} /> : <Preview intro={intro} lang={model.lang} /> : null}
            <Checklist intro={intro} t={t} />
            {!intro.complete && setupOpen ? (
              <Setup setup={intro.setup} needsSource={!intro.filled['contact-source']} t={t} onCancel={() => setSetupOpen(false)} onSave={(s) => actions.saveIntro(s)} />
            ) : null}
            {!intro.complete && !setupOpen ? <p class="note">{t('ovSetupNeeded')}</p> : null}
            {intro.complete ? (
              <button type="button" class="link" data-action="options" aria-label={`${t('ovEditIntro')} — ${t('ovEditIntroLabel')}`} onClick={trusted(() => actions.openOptions())}>
                {t('ovEditIntro')}
              </button>
            ) : null}
          </div>
        ) : null}
        {showRecipients ? (
          <div class="recipients">
            <h2 class="small">{t('ovRecipients')}</h2>
            <ul>
              {recipients.map((r, i) => (
                <Recipient
                  key={r.address}
                  r={r}
                  model={model}
                  t={t}
                  busy={busy}
                  run={run}
                  actions={actions}
                  detailed={i < MAX_DETAILED}
                  consentOpen={consentFor === r.address}
                  setConsentFor={setConsentFor}
                />
              ))}
            </ul>
          </div>
        ) : null}
        {failed ? (
          <p class="error" role="alert">
            {t('ovActionFailed')}
          </p>
        ) : null}
      </div>
    </section>
  );
}
