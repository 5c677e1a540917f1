/**
 * The three ways a recipient can object, pure: a web page (the recipient's address passed as a parameter, so that
 * one click is enough), an email to a mailbox with a ready subject, or "reply STOP". Gives the value the
 * introduction's unsubscribe line carries for one recipient, and checks what the user typed.
 */

export type UnsubscribeMethod =
  | { method: 'url'; url: string }
  | { method: 'mailto'; mailto: string; subject?: string }
  | { method: 'reply' };

export type UnsubscribeProblem = 'empty' | 'not-a-url' | 'not-https' | 'not-an-address' | 'too-long';

const ADDRESS_RE = /^[^\s@<>()",;:]{1,64}@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/u;

/** What is wrong with a method as typed, or null. `{email}` in a URL is where the recipient's address goes. */
export function unsubscribeProblem(u: UnsubscribeMethod): UnsubscribeProblem | null {
  if (u.method === 'reply') return null;
  if (u.method === 'mailto') {
    const a = u.mailto.trim();
    if (!a) return 'empty';
    if (a.length > 254 || (u.subject ?? '').length > 200) return 'too-long';
    return ADDRESS_RE.test(a) ? null : 'not-an-address';
  }
  const raw = u.url.trim();
  if (!raw) return 'empty';
  if (raw.length > 1000) return 'too-long';
  let url: URL;
  try {
    url = new URL(raw.replace(/\{email\}/g, 'x'));
  } catch {
    return 'not-a-url';
  }
  if (url.protocol === 'http:') return 'not-https';
  return url.protocol === 'https:' && url.hostname.includes('.') ? null : 'not-a-url';
}

/**
 * The unsubscribe value for one recipient: the URL with {email} replaced by the (URL-encoded) address — or, when
 * the URL has no {email}, the address added as an `email` parameter if `addParameter` — the mailto: link with its
 * subject, or null for "reply STOP" (the line then says so in words).
 */
export function unsubscribeFor(u: UnsubscribeMethod, recipient?: string, opts: { addParameter?: boolean } = {}): string | null {
  if (u.method === 'reply') return null;
  if (u.method === 'mailto') return `mailto:${u.mailto.trim()}${u.subject?.trim() ? `?subject=${encodeURIComponent(u.subject.trim())}` : ''}`;
  const raw = u.url.trim();
  if (raw.includes('{email}')) {
    if (recipient) return raw.replace(/\{email\}/g, encodeURIComponent(recipient));
    // No recipient (one introduction for the whole message): the parameter goes, the page asks for the address.
    return raw.replace(/([?&])[^=&#]*=\{email\}(&?)/g, (_m, sep: string, next: string) => (next ? sep : '')).replace(/\{email\}/g, '');
  }
  if (recipient && opts.addParameter) {
    const url = new URL(raw);
    url.searchParams.set('email', recipient);
    return url.href;
  }
  return raw;
}

/** The sentence for "reply STOP". */
export const REPLY_STOP_LINE = {
  fr: 'Pour ne plus recevoir nos messages, répondez STOP à cet e-mail.',
  en: 'To stop receiving our messages, reply STOP to this email.',
} as const;
