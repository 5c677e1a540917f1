/**
 * The overlay shown in a compose window. Everything from the page or the rules engine is rendered as
 * text (Preact text nodes): no innerHTML anywhere. Keyboard: every action is a button, Esc hides the
 * overlay for this compose, the headline is a polite live region.
 */
import { useState } from 'preact/hooks';
import type { Reason } from '../../rules/types';
import type { RecipientVerdict } from '../../rules/verdict';
import type { MessageKey, T } from './i18n';
import type { InsertOutcome, Introduction, OverlayActions, OverlayModel, RecipientView } from './model';

export interface OverlayProps {
  model: OverlayModel;
  actions: OverlayActions;
  t: T;
}

const HEADLINES: Record<string, MessageKey> = {
  banned: 'ovHeadBanned',
  'opt-in': 'ovHeadOptIn',
  unknown: 'ovHeadUnknown',
  'opt-out': 'ovHeadOptOut',
  organization: 'ovHeadOrganization',
  consent: 'ovHeadConsent',
  internal: 'ovHeadInternal',
  none: 'ovHeadNone',
};

const BODIES: Partial<Record<string, MessageKey>> = {
  banned: 'ovBodyBanned',
  'opt-in': 'ovBodyOptIn',
  unknown: 'ovBodyUnknown',
  'opt-out': 'ovBodyOptOut',
  organization: 'ovBodyOrganization',
  consent: 'ovBodyConsent',
};

const RECIPIENT_LABELS: Record<RecipientVerdict, MessageKey> = {
  banned: 'ovVerdictBanned',
  'opt-in': 'ovVerdictOptIn',
  unknown: 'ovVerdictUnknown',
  consent: 'ovVerdictConsent',
  'opt-out': 'ovVerdictOptOut',
  organization: 'ovVerdictOrganization',
  internal: 'ovVerdictInternal',
};

const ELEMENTS: Array<[string, MessageKey]> = [
  ['activity', 'ovElementActivity'],
  ['contact-source', 'ovElementContactSource'],
  ['future-offers', 'ovElementFutureOffers'],
  ['unsubscribe', 'ovElementUnsubscribe'],
];

const INSERT_REASONS: Record<string, MessageKey> = {
  'no-body': 'ovInsertNoBody',
  'not-editable': 'ovInsertNotEditable',
  'exec-failed': 'ovInsertExecFailed',
  'already-present': 'ovInsertAlreadyPresent',
};

/** Recipients shown in full (reasons, actions); the others are listed on one line each. */
const MAX_DETAILED = 8;

export function tone(model: OverlayModel): string {
  if (model.state === 'unreadable' || model.state === 'unavailable') return 'muted';
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

export function headlineKey(model: OverlayModel): MessageKey {
  if (model.state === 'unreadable') return 'ovHeadUnreadable';
  if (model.state === 'unavailable') return 'ovHeadUnavailable';
  if (model.state === 'checking') return 'ovChecking';
  return HEADLINES[model.verdict] ?? 'ovHeadUnknown';
}

function bodyKey(model: OverlayModel): MessageKey | undefined {
  if (model.state === 'unreadable') return 'ovBodyUnreadable';
  if (model.state === 'unavailable') return 'ovBodyUnavailable';
  if (model.state === 'checking') return undefined;
  return BODIES[model.verdict];
}

/** Which of the four elements the engine says the introduction holds (all four when it does not say). */
function elementPresent(elements: unknown, id: string): boolean {
  if (Array.isArray(elements)) {
    return elements.some((e) =>
      typeof e === 'string' ? e === id : !!e && typeof e === 'object' && (e as { id?: unknown }).id === id && (e as { present?: unknown }).present !== false,
    );
  }
  if (elements && typeof elements === 'object') {
    const v = (elements as Record<string, unknown>)[id] ?? (elements as Record<string, unknown>)[camel(id)];
    return v === undefined ? true : !!v;
  }
  return true;
}

function camel(id: string): string {
  return id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function ReasonLine({ reason, lang, t }: { reason: Reason; lang: 'fr' | 'en'; t: T }) {
  const text = reason[lang] || reason.fr || reason.en || '';
  const src = reason.source;
  // The engine's texts usually end with their citation already; add it only when they do not.
  const cite = src && src.ref && !text.includes(src.ref);
  return (
    <li class="reason" data-reason={reason.id}>
      <span>{text}</span>
      {cite ? (
        <span class="source">
          {' '}
          ({t('ovSource', src.ref)}
          {src.confidence === 'S' ? ` — ${t('ovConfidenceS')}` : src.confidence === 'NC' ? ` — ${t('ovConfidenceNC')}` : ''})
        </span>
      ) : null}
    </li>
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
}

function Recipient({ r, model, t, busy, run, actions, detailed }: RecipientProps) {
  const label = t(RECIPIENT_LABELS[r.verdict]);
  const needsDecision = r.verdict === 'opt-in' || r.verdict === 'unknown' || r.verdict === 'banned';
  const mine = r.result.flags.includes('override');
  return (
    <li class={`recipient v-${r.verdict}`} data-address={r.address} data-recipient-verdict={r.verdict}>
      <div class="who">
        <span class="addr">{r.name ? `${r.name} <${r.address}>` : r.address}</span>
        <span class="label">
          {' — '}
          {label}
          {mine ? ` ${t('ovYourChoice')}` : ''}
        </span>
      </div>
      {r.consent ? <div class="consent">{t('ovConsentOn', r.consent.date)}</div> : null}
      {detailed && r.verdict !== 'internal' && r.result.reasons.length > 0 ? (
        <ul class="reasons">
          <ReasonLine reason={r.result.reasons[0]} lang={model.lang} t={t} />
        </ul>
      ) : null}
      {detailed && r.verdict !== 'internal' && r.result.reasons.length > 1 ? (
        <details class="more">
          <summary>{t('ovMoreReasons')}</summary>
          <ul class="reasons">
            {r.result.reasons.slice(1).map((reason) => (
              <ReasonLine key={reason.id} reason={reason} lang={model.lang} t={t} />
            ))}
          </ul>
        </details>
      ) : null}
      {detailed && needsDecision && r.verdict !== 'banned' ? (
        <div class="actions" role="group" aria-label={r.address}>
          {r.verdict === 'opt-in' || r.verdict === 'unknown' ? (
            <button
              type="button"
              data-action="consent"
              disabled={busy}
              aria-label={t('ovActionConsentLabel', r.address)}
              onClick={() => run(() => actions.recordConsent(r.address))}
            >
              {t('ovActionConsent')}
            </button>
          ) : null}
          <button
            type="button"
            data-action="business"
            disabled={busy}
            aria-label={t('ovActionBusinessLabel', r.address)}
            onClick={() => run(() => actions.setOverride(r.address, 'business'))}
          >
            {t('ovActionBusiness')}
          </button>
          {r.businessDomain ? (
            <button
              type="button"
              data-action="business-domain"
              disabled={busy}
              aria-label={t('ovActionBusinessDomainLabel', r.businessDomain)}
              onClick={() => run(() => actions.setOverride(r.businessDomain!, 'business'))}
            >
              {t('ovActionBusinessDomain', r.businessDomain)}
            </button>
          ) : null}
          {r.verdict === 'unknown' || !mine ? (
            <button
              type="button"
              data-action="private"
              disabled={busy}
              aria-label={t('ovActionPrivateLabel', r.address)}
              onClick={() => run(() => actions.setOverride(r.address, 'private'))}
            >
              {t('ovActionPrivate')}
            </button>
          ) : null}
        </div>
      ) : null}
      {detailed && (r.verdict === 'opt-out' || r.verdict === 'organization') ? (
        <div class="actions" role="group" aria-label={r.address}>
          <button
            type="button"
            data-action="private"
            class="quiet"
            disabled={busy}
            aria-label={t('ovActionPrivateLabel', r.address)}
            onClick={() => run(() => actions.setOverride(r.address, 'private'))}
          >
            {t('ovActionPrivate')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

function Suggestion({
  intro,
  model,
  actions,
  t,
}: {
  intro: Introduction;
  model: OverlayModel;
  actions: OverlayActions;
  t: T;
}) {
  const [result, setResult] = useState<InsertOutcome | null>(null);
  const [inserting, setInserting] = useState(false);
  const insert = () => {
    if (inserting) return;
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
  return (
    <div class="suggestion" data-testid="suggestion">
      <div class="preview" lang={model.lang}>
        <p class="intro" data-testid="intro">
          {intro.intro}
        </p>
        <p class="unsub" data-testid="unsubscribe">
          {intro.unsubscribe}
        </p>
      </div>
      <div class="elements">
        <span class="elements-title">{t('ovElements')} </span>
        <ul>
          {ELEMENTS.map(([id, key]) => (
            <li key={id} data-element={id} class={elementPresent(intro.elements, id) ? 'yes' : 'no'}>
              <span aria-hidden="true">{elementPresent(intro.elements, id) ? '✓ ' : '✗ '}</span>
              {t(key)}
            </li>
          ))}
        </ul>
      </div>
      <div class="row">
        <button type="button" class="primary" data-action="insert" aria-label={t('ovInsertLabel')} disabled={inserting} onClick={insert}>
          {t('ovInsert')}
        </button>
        {model.introIsDefault ? (
          <button type="button" class="quiet" data-action="options" aria-label={t('ovEditIntroLabel')} onClick={() => actions.openOptions()}>
            {t('ovEditIntro')}
          </button>
        ) : null}
        <span class={`feedback ${result ? (result.ok ? 'good' : 'bad') : ''}`} role="status" aria-live="polite" data-testid="insert-feedback">
          {result ? (result.ok ? t('ovInserted') : t('ovInsertFailed', INSERT_REASONS[result.reason] ? t(INSERT_REASONS[result.reason]) : result.reason)) : ''}
        </span>
      </div>
      {model.introIsDefault ? <p class="note">{t('ovDefaultsNote')}</p> : null}
    </div>
  );
}

export function Overlay({ model, actions, t }: OverlayProps) {
  const [userExpanded, setUserExpanded] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const defaultExpanded = model.state !== 'unreadable';
  const expanded = userExpanded ?? defaultExpanded;
  const body = bodyKey(model);
  const suggest =
    model.state === 'ready' &&
    (model.verdict === 'opt-out' || model.verdict === 'organization' || model.verdict === 'consent') &&
    model.introduction;

  const run = (fn: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    Promise.resolve()
      .then(fn)
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  };

  const order: RecipientVerdict[] = ['banned', 'opt-in', 'unknown', 'opt-out', 'organization', 'consent', 'internal'];
  const recipients = [...model.recipients].sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict));
  const showRecipients = model.state === 'ready' && recipients.length > 0;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      actions.dismiss();
    } else if (e.key === 'Enter' || e.key === ' ') {
      // Keep the webmail's own shortcuts from acting on keys meant for our buttons.
      e.stopPropagation();
    }
  };

  return (
    <section
      class={`pg tone-${tone(model)}`}
      role="region"
      aria-label={t('ovRegionLabel')}
      aria-busy={model.state === 'checking' ? 'true' : 'false'}
      onKeyDown={onKeyDown}
    >
      <div class="bar">
        <span class="dot" aria-hidden="true" />
        <p class="headline" role="status" aria-live="polite" data-testid="headline">
          {t(headlineKey(model))}
        </p>
        {body || showRecipients ? (
          <button
            type="button"
            class="icon"
            data-action="toggle"
            aria-expanded={expanded ? 'true' : 'false'}
            aria-controls="pg-details"
            aria-label={expanded ? t('ovHideDetails') : t('ovShowDetails')}
            title={expanded ? t('ovHideDetails') : t('ovShowDetails')}
            onClick={() => setUserExpanded(!expanded)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </button>
        ) : null}
        <button
          type="button"
          class="icon"
          data-action="dismiss"
          aria-label={t('ovDismiss')}
          title={t('ovDismiss')}
          onClick={() => actions.dismiss()}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div id="pg-details" class="details" hidden={!expanded}>
        {body ? <p class="body">{t(body)}</p> : null}
        {suggest ? <Suggestion key={`${model.introduction!.intro}\u0000${model.introduction!.unsubscribe}`} intro={model.introduction!} model={model} actions={actions} t={t} /> : null}
        {showRecipients ? (
          <div class="recipients">
            <h2 class="small">{t('ovRecipients')}</h2>
            <ul>
              {recipients.map((r, i) => (
                <Recipient key={r.address} r={r} model={model} t={t} busy={busy} run={run} actions={actions} detailed={i < MAX_DETAILED} />
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
