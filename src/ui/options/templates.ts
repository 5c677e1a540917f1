/**
 * Introduction templates, pure: a user's (or the company's) own wording of the first-contact introduction, with
 * variables filled per recipient and per sender.
 *
 *   {firstName} {lastName} {company}  the recipient (display name, else the address; company from the domain)
 *   {source}                          where the contact comes from (the source chosen for this message)
 *   {activity}                        the sender's activity, in one sentence
 *   {unsubscribe}                     the unsubscribe link, or the "reply STOP" sentence
 *   {sender} {senderCompany}          the sender's name and company
 *
 * `{firstName|Madame, Monsieur}` gives a fallback when the value is unknown. An unknown variable is reported, and
 * rendered as written (never silently dropped), so that the user sees it in the preview.
 */

export const TEMPLATE_VARIABLES = ['firstName', 'lastName', 'company', 'source', 'activity', 'unsubscribe', 'sender', 'senderCompany'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** LinkedIn's limit for a connection note. */
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
    if ((TEMPLATE_VARIABLES as readonly string[]).includes(p.variable)) used.add(p.variable as TemplateVariable);
    else unknown.push({ name: p.variable, at: p.at });
  }
  return {
    unknown,
    used: TEMPLATE_VARIABLES.filter((v) => used.has(v)),
    tooLong: template.length > TEMPLATE_MAX,
    tooLongForLinkedIn: opts.linkedin === true && template.length > LINKEDIN_NOTE_MAX,
  };
}

/** Fills a template. Missing values take the variable's fallback, else nothing; unknown variables stay as written. */
export function renderTemplate(template: string, values: TemplateValues): string {
  let out = '';
  for (const p of parseTemplate(template)) {
    if (p.variable === undefined) {
      out += p.text;
      continue;
    }
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(p.variable)) {
      out += `{${p.variable}${p.fallback !== undefined ? `|${p.fallback}` : ''}}`;
      continue;
    }
    const v = values[p.variable as TemplateVariable]?.trim();
    out += v ? v : (p.fallback ?? '');
  }
  // A missing value must not leave a double space, or a space before a comma or a full stop (French keeps its space
  // before ; : ! ?).
  return out.replace(/[ \t]{2,}/g, ' ').replace(/ ([,.])/g, '$1');
}

const capital = (w: string) => (w ? w[0]!.toLocaleUpperCase('fr') + w.slice(1) : w);

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

export interface TemplateContext {
  sender: { name: string; company: string; activity: string };
  /** The source chosen for this message (default: the first of the user's contact sources). */
  source: string;
  /** The unsubscribe sentence with its link, as the introduction's last line carries it. */
  unsubscribeLine: string;
  recipient?: { address: string; name?: string; domain?: string | null };
}

/** The variables' values for one message (one recipient, or none for a preview without a recipient). */
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
