/**
 * The sender's identity, set once: name, company, the activity in one sentence and its topic (so that the consumer
 * bans apply), the contact sources to choose from in a compose window, and the way recipients object. Empty fields
 * show an example. Values the team policy sets are read-only, with who manages them.
 */
import { useState } from 'preact/hooks';
import type { T } from '../overlay/i18n';
import type { Topic } from '../../rules/types';
import { unsubscribeProblem, type UnsubscribeMethod, type UnsubscribeProblem } from './unsubscribe';

export interface Identity {
  senderName: string;
  company: string;
  activity: string;
  topic: Topic | null;
  /** Where contacts come from, one per line in the form; the first is the default. */
  contactSources: string[];
  unsubscribe: UnsubscribeMethod;
}

export type IdentityField = 'senderName' | 'company' | 'activity' | 'topic' | 'contactSources' | 'unsubscribe';

export interface IdentitySectionProps {
  t: T;
  value: Identity;
  onChange(next: Identity): void;
  /** Locked fields → who manages them. */
  locked?: Partial<Record<IdentityField, string | null>>;
  /** Contact sources the policy manages (shown, not editable). */
  managedSources?: string[];
}

const PROBLEM_KEYS: Record<UnsubscribeProblem, 'optUnsubEmpty' | 'optUnsubNotUrl' | 'optUnsubNotHttps' | 'optUnsubNotAddress' | 'optUnsubTooLong'> = {
  empty: 'optUnsubEmpty',
  'not-a-url': 'optUnsubNotUrl',
  'not-https': 'optUnsubNotHttps',
  'not-an-address': 'optUnsubNotAddress',
  'too-long': 'optUnsubTooLong',
};

export function identityProblems(v: Identity): Partial<Record<IdentityField, UnsubscribeProblem>> {
  const p = unsubscribeProblem(v.unsubscribe);
  return p ? { unsubscribe: p } : {};
}

export function IdentitySection({ t, value, onChange, locked = {}, managedSources = [] }: IdentitySectionProps) {
  // The sources as typed (spaces and blank lines kept while typing); the list is what they parse to.
  const [sourcesText, setSourcesText] = useState(() => value.contactSources.filter((s) => !managedSources.includes(s)).join('\n'));
  const set = <K extends keyof Identity>(k: K, v: Identity[K]) => onChange({ ...value, [k]: v });
  const Lock = ({ field }: { field: IdentityField }) =>
    field in locked ? (
      <span class="locked" data-locked={field}>
        {' '}
        <span aria-hidden="true">🔒 </span>
        {t('optManagedBy', locked[field] ?? t('optManagedByAdmin'))}
      </span>
    ) : null;
  const problem = unsubscribeProblem(value.unsubscribe);
  const u = value.unsubscribe;
  const unsubLocked = 'unsubscribe' in locked;

  return (
    <section aria-labelledby="identity-h" data-testid="identity">
      <h2 id="identity-h">{t('optIntroHeading')}</h2>
      <p class="help">{t('optIdentityHelp')}</p>
      {(['senderName', 'company'] as const).map((k) => (
        <label class="field" key={k}>
          <span>
            {t(k === 'senderName' ? 'optSenderName' : 'optCompany')}
            <Lock field={k} />
          </span>
          <input
            type="text"
            name={k}
            maxLength={200}
            placeholder={t(k === 'senderName' ? 'optSenderNameExample' : 'optCompanyExample')}
            value={value[k]}
            readOnly={k in locked}
            onInput={(e) => set(k, (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
      ))}
      <label class="field">
        <span>
          {t('optActivity')}
          <Lock field="activity" />
        </span>
        <textarea
          name="activity"
          rows={2}
          maxLength={500}
          placeholder={t('optActivityExample')}
          value={value.activity}
          readOnly={'activity' in locked}
          onInput={(e) => set('activity', (e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <label class="field">
        <span>
          {t('optTopic')}
          <Lock field="topic" />
        </span>
        <select
          name="topic"
          value={value.topic ?? ''}
          disabled={'topic' in locked}
          aria-describedby="topic-help"
          onChange={(e) => set('topic', ((e.currentTarget as HTMLSelectElement).value || null) as Topic | null)}
        >
          <option value="">{t('optTopicNone')}</option>
          <option value="energy-renovation">{t('optTopicEnergy')}</option>
          <option value="home-adaptation">{t('optTopicHome')}</option>
        </select>
      </label>
      <p id="topic-help" class="help">
        {t('optTopicHelp')}
      </p>
      <label class="field">
        <span>
          {t('optContactSources')}
          <Lock field="contactSources" />
        </span>
        {managedSources.length > 0 && (
          <ul class="locked-items" data-testid="managed-sources">
            {managedSources.map((s) => (
              <li key={s}>
                <span aria-hidden="true">🔒 </span>
                {s}
              </li>
            ))}
          </ul>
        )}
        <textarea
          name="contactSources"
          rows={3}
          placeholder={t('optContactSourcesExample')}
          value={sourcesText}
          onInput={(e) => {
            const text = (e.currentTarget as HTMLTextAreaElement).value;
            setSourcesText(text);
            set(
              'contactSources',
              [...managedSources, ...text.split('\n').map((s) => s.trim()).filter(Boolean)].slice(0, 50),
            );
          }}
        />
      </label>
      <fieldset disabled={unsubLocked}>
        <legend>
          {t('optUnsubHeading')}
          <Lock field="unsubscribe" />
        </legend>
        {(['url', 'mailto', 'reply'] as const).map((m) => (
          <label key={m} class="radio">
            <input
              type="radio"
              name="unsubMethod"
              value={m}
              checked={u.method === m}
              onChange={() => set('unsubscribe', m === 'url' ? { method: 'url', url: '' } : m === 'mailto' ? { method: 'mailto', mailto: '', subject: t('optUnsubSubjectDefault') } : { method: 'reply' })}
            />{' '}
            {t(m === 'url' ? 'optUnsubUrl' : m === 'mailto' ? 'optUnsubMailto' : 'optUnsubReply')}
          </label>
        ))}
        {u.method === 'url' && (
          <label class="field">
            <span>{t('optUnsubUrlField')}</span>
            <input type="url" name="unsubUrl" placeholder="https://exemple.fr/desinscription?email={email}" value={u.url} aria-invalid={problem ? 'true' : 'false'} aria-describedby="unsub-problem" onInput={(e) => set('unsubscribe', { method: 'url', url: (e.currentTarget as HTMLInputElement).value })} />
          </label>
        )}
        {u.method === 'mailto' && (
          <>
            <label class="field">
              <span>{t('optUnsubMailtoField')}</span>
              <input type="text" inputMode="email" spellcheck={false} name="unsubMailto" placeholder="desinscription@exemple.fr" value={u.mailto} aria-invalid={problem ? 'true' : 'false'} aria-describedby="unsub-problem" onInput={(e) => set('unsubscribe', { ...u, mailto: (e.currentTarget as HTMLInputElement).value })} />
            </label>
            <label class="field">
              <span>{t('optUnsubSubjectField')}</span>
              <input type="text" name="unsubSubject" maxLength={200} value={u.subject ?? ''} onInput={(e) => set('unsubscribe', { ...u, subject: (e.currentTarget as HTMLInputElement).value })} />
            </label>
          </>
        )}
        <p id="unsub-problem" class={problem ? 'bad' : 'help'} data-testid="unsub-problem">
          {problem ? t(PROBLEM_KEYS[problem]) : u.method === 'reply' ? t('optUnsubReplyHelp') : t('optUnsubHelp')}
        </p>
      </fieldset>
    </section>
  );
}
