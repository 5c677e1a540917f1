/**
 * Introduction templates, pure: the user's (or the company's) own wording of the first-contact introduction, with
 * variables filled per sender and per recipient. The service worker's introduction (src/background/intro.ts) and the
 * options page's live preview both render through `renderIntroTemplate`, so the preview is what the overlay inserts.
 *
 *   {firstName} {lastName} {company}  the recipient (display name, else the address; company from the domain)
 *   {source}                          where the contact comes from (the user's default contact source)
 *   {activity}                        the sender's activity, in one sentence
 *   {unsubscribe}                     the unsubscribe sentence with its link (else it goes on its own line at the end)
 *   {sender} {senderCompany}          the sender's name and company
 *
 * `{firstName|Madame, Monsieur}` gives a fallback when the value is unknown.
 *
 * French that reads right whatever the user types, as src/rules/intro.ts does: "de {company}" with "Exemple PME" gives
 * "d’Exemple PME", "de {source}" with "le salon Vivatech" gives "du salon Vivatech" (and with "sur LinkedIn" just "sur
 * LinkedIn"), "à {source}" with "le salon" gives "au salon"; a value that starts a sentence gets its capital; a
 * value's own final period does not double the template's.
 *
 * Nothing unfinished is ever inserted: an unknown variable, or a sender variable without its value (and no
 * fallback), makes the template not ready (`ready: false`, with what is missing). A recipient's name without a value
 * is left out ("Bonjour {firstName}," → "Bonjour,"); a missing {company} without a fallback makes it not ready too.
 * An element is filled only when the rendered text really carries it — its variable with a value, or the user's own
 * words for it (the message analysis' cues). The legal elements a template does not carry are completed with the
 * rules' own sentences, after the template's text, so that what is inserted always holds the four. Paragraphs are one
 * line each, without blank lines between them (see `renderIntroTemplate`).
 */
import { buildIntroduction, frenchDe, INTRO_ELEMENTS, type IntroAudience, type IntroElement, type IntroSettings } from './intro.js';
import { scanMessage } from './message/scan.js';
import type { Lang } from './reasons.js';

export const TEMPLATE_VARIABLES = ['firstName', 'lastName', 'company', 'source', 'activity', 'unsubscribe', 'sender', 'senderCompany'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** LinkedIn's limit for a connection note (Premium; 200 on a free account: src/rules/linkedin). */
export const LINKEDIN_NOTE_MAX = 300;
export const TEMPLATE_MAX = 5000;

export type TemplateValues = Partial<Record<TemplateVariable, string>>;

export interface TemplatePart {
  /** Literal text, or a variable (with its fallback). */
  text?: string;
  variable?: string;
  fallback?: string;
  /** Offset in the template, for pointing at an unknown variable. */
  at: number;
}

const VAR_RE = /\{([A-Za-z]+)(?:\|([^{}]*))?\}/g;
const isVariable = (v: string): v is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(v);

export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of template.matchAll(VAR_RE)) {
    if (m.index! > last) parts.push({ text: template.slice(last, m.index), at: last });
    const p: TemplatePart = { variable: m[1]!, at: m.index! };
    if (m[2] !== undefined) p.fallback = m[2];
    parts.push(p);
    last = m.index! + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last), at: last });
  return parts;
}

export interface TemplateCheck {
  /** Variables used that are not in TEMPLATE_VARIABLES, with where they are. */
  unknown: Array<{ name: string; at: number }>;
  used: TemplateVariable[];
  tooLong: boolean;
  /** For the LinkedIn variant. */
  tooLongForLinkedIn: boolean;
}

export function checkTemplate(template: string, opts: { linkedin?: boolean } = {}): TemplateCheck {
  const unknown: TemplateCheck['unknown'] = [];
  const used = new Set<TemplateVariable>();
  for (const p of parseTemplate(template)) {
    if (p.variable === undefined) continue;
    if (isVariable(p.variable)) used.add(p.variable);
    else unknown.push({ name: p.variable, at: p.at });
  }
  return {
    unknown,
    used: TEMPLATE_VARIABLES.filter((v) => used.has(v)),
    tooLong: template.length > TEMPLATE_MAX,
    tooLongForLinkedIn: opts.linkedin === true && template.length > LINKEDIN_NOTE_MAX,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering with French grammar.

const capital = (w: string) => (w ? w[0]!.toLocaleUpperCase('fr') + w.slice(1) : w);
const looksLikeLink = (v: string) => /^(https?:|mailto:)|@/i.test(v);
const FR_PREPOSITION_START = /^(?:d['’]|(?:à|au|aux|sur|chez|via|lors|pendant|par|dans|en|auprès|depuis|grâce|parmi|avec|selon|durant|de|du|dès|après|suite)(?:\s|$))/i;

/** "à" + a noun phrase: "le salon" → "au salon", "les salons" → "aux salons"; null when it starts with a preposition. */
function frenchA(value: string): string | null {
  if (FR_PREPOSITION_START.test(value)) return null;
  const m = /^(le|les)\s+(.+)$/is.exec(value);
  if (m) return `${m[1]!.toLowerCase() === 'le' ? 'au' : 'aux'} ${m[2]}`;
  return `à ${value}`;
}

/**
 * The literal before a variable ends with "de " / "d'" / "à ": the value takes the preposition as French wants it.
 * Returns the literal without the preposition and the value with it, or null when nothing changes.
 */
function joinPreposition(before: string, value: string): { before: string; value: string } | null {
  const de = /(^|[\s(«"“])([dD])(?:e\s+|['’])$/.exec(before);
  if (de) {
    const head = before.slice(0, de.index + de[1]!.length);
    const upper = de[2] === 'D';
    const withDe = frenchDe(value);
    let v: string;
    if (withDe !== null) v = withDe;
    else if (FR_PREPOSITION_START.test(value)) v = value; // "de sur LinkedIn" → "sur LinkedIn"
    else v = `de ${value}`; // an h, mute or not: "de Hachette"
    return { before: head, value: upper ? capital(v) : v };
  }
  const a = /(^|[\s(«"“])([àÀ])\s+$/.exec(before);
  if (a) {
    const head = before.slice(0, a.index + a[1]!.length);
    const v = frenchA(value) ?? value;
    return { before: head, value: a[2] === 'À' ? capital(v) : v };
  }
  return null;
}

/** Where the output stands at a sentence's start (nothing yet, or after . ! ? … or a blank line). */
function atSentenceStart(out: string): boolean {
  const t = out.replace(/[ \t]+$/, '');
  return t === '' || /[.!?…]$|\n$/.test(t);
}

/** One line, spaces collapsed (a value is a phrase, not a paragraph). */
function cleanValue(v: string | undefined): string {
  return (v ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Fills a template: values as they are, else the variable's fallback, else nothing. Unknown variables stay as written
 * (the preview shows them; `renderIntroTemplate` never lets them through). French grammar with `lang` 'fr'.
 */
export function renderTemplate(template: string, values: TemplateValues, lang: Lang = 'fr'): string {
  let out = '';
  const parts = parseTemplate(template);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.variable === undefined) {
      out += p.text;
      continue;
    }
    if (!isVariable(p.variable)) {
      out += `{${p.variable}${p.fallback !== undefined ? `|${p.fallback}` : ''}}`;
      continue;
    }
    let v = cleanValue(values[p.variable]) || cleanValue(p.fallback);
    if (!v) continue;
    // The value's own final period when the template puts punctuation right after it.
    const next = parts[i + 1]?.text ?? '';
    if (/^[.,;:!?]/.test(next)) v = v.replace(/\s*[.,;:]+$/, '').replace(/([^.])\.\.\.$/, '$1…');
    if (!looksLikeLink(v) && p.variable !== 'unsubscribe') {
      if (lang === 'fr') {
        const joined = joinPreposition(out, v);
        if (joined) {
          out = joined.before;
          v = joined.value;
        }
      }
      if (atSentenceStart(out)) v = capital(v);
    }
    out += v;
  }
  return tidy(out);
}

/** What a left-out value leaves behind: double spaces, a space before , or ., an empty "Bonjour ,". */
function tidy(s: string): string {
  return s
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \t]{2,}/g, ' ')
        .replace(/ ([,.])/g, '$1')
        .replace(/,([,.])/g, '$1')
        .replace(/^[ \t]*,[ \t]*(.?)/, (_m, c: string) => capital(c))
        .replace(/[ \t]+$/, ''),
    )
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

// ---------------------------------------------------------------------------------------------------------------
// The recipient's variables.

/**
 * The recipient's first and last name: from the display name when there is one ("Dupont, Jean", "Jean Dupont",
 * "DUPONT Jean"), else from a local part such as jean.dupont or jean_dupont. Nothing for a role address (contact@).
 */
export function recipientNames(address: string, displayName?: string): { firstName?: string; lastName?: string } {
  const name = (displayName ?? '').replace(/["']/g, '').trim();
  if (name && !name.includes('@')) {
    if (name.includes(',')) {
      const [last, first] = name.split(',').map((s) => s.trim());
      return { ...(first ? { firstName: first } : {}), ...(last ? { lastName: last } : {}) };
    }
    const words = name.split(/\s+/);
    if (words.length === 1) return { firstName: words[0] };
    // "DUPONT Jean": the upper-case word is the last name.
    const upper = words.findIndex((w) => w.length > 1 && w === w.toLocaleUpperCase('fr') && /\p{L}/u.test(w));
    if (upper >= 0) {
      const last = words[upper]!;
      const rest = words.filter((_, i) => i !== upper).join(' ');
      return { firstName: rest, lastName: capital(last.toLocaleLowerCase('fr')) };
    }
    return { firstName: words[0], lastName: words.slice(1).join(' ') };
  }
  const local = address.slice(0, Math.max(0, address.lastIndexOf('@'))).split('+')[0]!;
  const bits = local.split(/[._-]/).filter((b) => /^\p{L}{2,}$/u.test(b));
  if (bits.length !== 2) return {};
  return { firstName: capital(bits[0]!.toLocaleLowerCase('fr')), lastName: capital(bits[1]!.toLocaleLowerCase('fr')) };
}

/** A company name guessed from a registrable domain: acme-industrie.fr → "Acme Industrie". */
export function companyFromDomain(domain: string | null | undefined): string | undefined {
  if (!domain) return undefined;
  const label = domain.split('.')[0] ?? '';
  if (!label) return undefined;
  return label
    .split('-')
    .filter(Boolean)
    .map((w) => capital(w))
    .join(' ');
}

export interface TemplateRecipient {
  address: string;
  /** The display name the compose shows, when it shows one. */
  name?: string;
  /** The registrable domain (the rules' result), else the address's domain. */
  domain?: string | null;
}

export interface TemplateContext {
  sender: { name: string; company: string; activity: string };
  /** The source chosen for this message (default: the first of the user's contact sources). */
  source: string;
  /** The unsubscribe sentence with its link, as the introduction's last line carries it. */
  unsubscribeLine: string;
  recipient?: TemplateRecipient;
}

/** The variables' values for one message (one recipient, or none for a message to several). */
export function templateValues(c: TemplateContext): TemplateValues {
  const names = c.recipient ? recipientNames(c.recipient.address, c.recipient.name) : {};
  const company = companyFromDomain(c.recipient?.domain ?? (c.recipient ? c.recipient.address.split('@')[1] : undefined));
  const v: TemplateValues = {
    sender: c.sender.name,
    senderCompany: c.sender.company,
    activity: c.sender.activity,
    source: c.source,
    unsubscribe: c.unsubscribeLine,
  };
  if (names.firstName) v.firstName = names.firstName;
  if (names.lastName) v.lastName = names.lastName;
  if (company) v.company = company;
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// A template as the introduction the overlay previews and inserts.

export interface IntroTemplateText {
  lang: Lang;
  text: string;
  /** The LinkedIn note variant. */
  short?: string;
}

export interface TemplateIntroInput {
  /** The sender's settings; `unsubscribe` is the value for this message (src/rules/unsubscribe.ts `unsubscribeValue`). */
  settings: Partial<IntroSettings>;
  recipient?: TemplateRecipient;
  audience?: IntroAudience;
}

export interface TemplateIntroduction {
  /** Every element is in the text, and no variable is left unfilled: only then is `intro` insertable. */
  ready: boolean;
  /** The legal elements the settings do not fill yet (what the overlay's inline setup asks for). */
  missing: IntroElement[];
  /** Variables the template uses whose value is not set (no fallback), and unknown ones as written. */
  missingVariables: string[];
  /** Per element: really carried by the text. */
  filled: Record<IntroElement, boolean>;
  /** The elements the rules added after the template's text (the template did not carry them). */
  completed: IntroElement[];
  /** The text to insert at the caret ('' until ready). */
  intro: string;
  /** The unsubscribe line for the end of the message; '' when the template carries it ({unsubscribe}). */
  unsubscribe: string;
  /** The rendered text as it stands (the preview shows it even when not ready). */
  preview: string;
}

const SENDER_VARIABLES: ReadonlySet<TemplateVariable> = new Set(['activity', 'source', 'sender', 'senderCompany', 'company']);
const VARIABLE_ELEMENT: Partial<Record<TemplateVariable, IntroElement>> = { activity: 'activity', source: 'contact-source', unsubscribe: 'unsubscribe' };

function valuesFor(input: TemplateIntroInput, lang: Lang): { values: TemplateValues; builtin: ReturnType<typeof buildIntroduction> } {
  const s = input.settings ?? {};
  const builtin = buildIntroduction(s, lang, input.audience ?? 'business');
  const values = templateValues({
    sender: { name: s.senderName ?? '', company: s.company ?? '', activity: s.activity ?? '' },
    source: s.contactSource ?? '',
    unsubscribeLine: builtin.unsubscribe,
    ...(input.recipient ? { recipient: input.recipient } : {}),
  });
  return { values, builtin };
}

/** The variables a text uses that would be left unfilled (no value, no fallback), and the unknown ones. */
function unfilled(text: string, values: TemplateValues): string[] {
  const out: string[] = [];
  for (const p of parseTemplate(text)) {
    if (p.variable === undefined) continue;
    const name = p.variable;
    if (!isVariable(name)) out.push(`{${name}}`);
    else if (SENDER_VARIABLES.has(name) && !cleanValue(values[name]) && !cleanValue(p.fallback)) out.push(name);
  }
  return [...new Set(out)];
}

/** Which elements a text carries: its variables with a value, or the user's own words (the message analysis' cues). */
function carried(text: string, rendered: string, values: TemplateValues): Set<IntroElement> {
  const found = new Set<IntroElement>();
  for (const p of parseTemplate(text)) {
    const el = p.variable && isVariable(p.variable) ? VARIABLE_ELEMENT[p.variable] : undefined;
    if (el && (cleanValue(values[p.variable as TemplateVariable]) || cleanValue(p.fallback))) found.add(el);
  }
  const facts = scanMessage({ body: rendered, subject: '' });
  for (const el of INTRO_ELEMENTS) if (facts.elements[el].length > 0) found.add(el);
  return found;
}

/**
 * A template rendered for one message: the text the overlay previews and inserts, which elements it really carries,
 * the rules' sentences for those it lacks, or why it cannot be used yet.
 */
export function renderIntroTemplate(template: IntroTemplateText, input: TemplateIntroInput): TemplateIntroduction {
  const lang: Lang = template.lang === 'en' ? 'en' : 'fr';
  const { values, builtin } = valuesFor(input, lang);
  const text = template.text ?? '';
  const rendered = renderTemplate(text, values, lang);
  const missingVariables = unfilled(text, values);
  const has = carried(text, rendered, values);
  const inline = has.has('unsubscribe') && parseTemplate(text).some((p) => p.variable === 'unsubscribe');
  // The elements the template lacks, completed with the rules' sentences (the sender's name is the template's affair).
  const completed: IntroElement[] = [];
  const extra: string[] = [];
  const plain = buildIntroduction({ ...input.settings, senderName: '', company: '' }, lang, input.audience ?? 'business');
  for (const el of ['activity', 'contact-source', 'future-offers'] as const) {
    if (has.has(el)) continue;
    const sentence = plain.elements[el];
    if (sentence) {
      extra.push(sentence);
      completed.push(el);
    }
  }
  // After the template's text — but before its own unsubscribe line, which stays last.
  let body = rendered;
  if (extra.length) {
    const at = inline ? rendered.lastIndexOf(builtin.unsubscribe) : -1;
    const head = (at >= 0 ? rendered.slice(0, at) : rendered).replace(/\s+$/, '');
    const tail = at >= 0 ? `\n${rendered.slice(at)}` : '';
    body = `${head ? `${head}\n` : ''}${extra.join(' ')}${tail}`;
  }
  // One line per paragraph: a blank line inside the inserted block is what the editors' insertion refuses in Firefox
  // (src/content/insert*.ts); the insertion itself puts a blank line between the user's text and the introduction.
  body = body.replace(/\n(?:[ \t]*\n)+/g, '\n');
  const filled = {} as Record<IntroElement, boolean>;
  const missing: IntroElement[] = [];
  for (const el of INTRO_ELEMENTS) {
    filled[el] = el === 'unsubscribe' || has.has(el) || completed.includes(el);
    if (!filled[el]) missing.push(el);
  }
  // A variable whose element the settings do not fill is what the inline setup asks for.
  if (missingVariables.includes('activity') && !missing.includes('activity')) missing.unshift('activity');
  if (missingVariables.includes('source') && !missing.includes('contact-source')) missing.push('contact-source');
  if (missing.includes('activity') || missing.includes('contact-source')) {
    filled.activity = filled.activity && !missingVariables.includes('activity');
    filled['contact-source'] = filled['contact-source'] && !missingVariables.includes('source');
  }
  const ready = missing.length === 0 && missingVariables.length === 0 && rendered.trim().length > 0;
  return {
    ready,
    missing: INTRO_ELEMENTS.filter((e) => missing.includes(e)),
    missingVariables,
    filled,
    completed,
    intro: ready ? body : '',
    unsubscribe: inline ? '' : builtin.unsubscribe,
    preview: inline ? body : `${body}\n${builtin.unsubscribe}`,
  };
}

/**
 * The LinkedIn invitation note from a template's short variant: the rendered note, or nothing when the template has
 * none, one of its variables is unfilled, or it exceeds `max` (an invitation note holds 300 characters at most).
 * Returned as a list of variants, longest first, for `fitNote` (src/rules/linkedin): put them before the rules' own
 * short variants.
 */
export function templateNoteVariants(template: IntroTemplateText, input: TemplateIntroInput, max = LINKEDIN_NOTE_MAX): string[] {
  const short = (template.short ?? '').trim();
  if (!short) return [];
  const lang: Lang = template.lang === 'en' ? 'en' : 'fr';
  const { values } = valuesFor(input, lang);
  if (unfilled(short, values).length) return [];
  const note = renderTemplate(short, values, lang).replace(/\s*\n\s*/g, ' ').trim();
  return note && note.length <= max ? [note] : [];
}

/** The template a message in `lang` gets: the first of the user's templates in that language, else none. */
export function templateFor<T extends { lang: string }>(templates: readonly T[], lang: Lang): T | null {
  return templates.find((t) => t.lang === lang) ?? null;
}
