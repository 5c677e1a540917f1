/**
 * Which rows and columns of a table hold the addresses, decided on a sample of its first rows.
 *
 * - The header is the first row (of the first 20) naming an address column — Google's "E-mail 1 - Value",
 *   Outlook's "E-mail 2 Address" / "Adresse de messagerie 2", HubSpot's "Additional email addresses",
 *   "email", "professionalEmail", "courriel" … — with no "@" in it; rows above it with no "@" are a
 *   preamble (LinkedIn's Connections.csv starts with notes). Without such a name, a first row with no "@"
 *   above rows whose address column is (nearly) all addresses, and whose cell there reads like a label,
 *   is an unnamed header. A lone line is a header only when it names an address column: anything that
 *   could be data is data.
 * - Address columns: every column named like one (Outlook's "E-mail Display Name" / "Nom complet de
 *   l'adresse de messagerie" and the "… Type" / "… Label" columns are not); without any, every column
 *   where most filled cells hold an "@"; for a one-column list, that column.
 * - Name and company columns, for the table's contact column.
 */
import { splitCell } from './cells';

export interface Layout {
  /** Index (in the sample) of the header row; -1 when there is none. */
  headerIndex: number;
  header: string[] | null;
  /** True when the header was recognised by its shape, not by a column name. */
  headerGuessed: boolean;
  width: number;
  addressColumns: number[];
  /** Columns the contact (name, company) is read from, -1 when absent. */
  name: number;
  first: number;
  last: number;
  company: number;
  /** One row can give several addresses (several address columns, or a sampled cell holding several). */
  multi: boolean;
}

export type LayoutResult =
  | { ok: true; layout: Layout }
  | { ok: false; reason: 'header-only'; header: string[] }
  | { ok: false; reason: 'no-address-column'; header: string[] | null }
  | { ok: false; reason: 'unknown-column'; column: string; header: string[] | null };

/** "E-mail 1 - Value" → "email1value"; accents and punctuation dropped, lower case. */
export function headerKey(cell: string): string {
  return cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const QUALIFIER =
  '(?:work|business|professional|professionnel(?:le)?|pro|personal|personnel(?:le)?|perso|private|privee?|home|other|autre|primary|principale?|main|secondary|secondaire|additional|alternate|alt|contact|lead|prospect|verified|direct|company|corporate|entreprise|generic|generique|current)';
const WORD =
  '(?:e?mails?|courriels?|mels?|e?mailaddress(?:es)?|adressee?mails?|adressede?e?mails?|adressedemessagerie|adressemessagerie|adresseelectronique|adressecourriel|adressedecourriel|adressemel|correo(?:electronico)?)';
/** Names of an address column: a word for e-mail, qualifiers, a number, "value"/"address". */
const ADDRESS_NAME = new RegExp(`^(?:${QUALIFIER})*${WORD}(?:${QUALIFIER})*\\d*(?:value|address(?:es)?|adresses?)?\\d*$`);
/** Names containing "mail" that are about an address column but are not one. */
const NOT_AN_ADDRESS = /(type|label|display|nomcomplet|fullname|status|statut|valid|verif|optout|opt|unsub|desinscri|bounce|date|count|nombre|domain|domaine|mailing|format|consent|provider|fournisseur|score|source|campaign|campagne|sent|envoy|open|ouvert|click|clic|reply|repon|quality|qualite|confidence|list|liste|merge)/;

/** 2 an address column's name, 1 a name that may be one (checked on the content), 0 not. */
export function headerScore(cell: string): number {
  if (cell.includes('@')) return 0;
  const k = headerKey(cell);
  if (!k || k.length > 40) return 0;
  if (ADDRESS_NAME.test(k)) return 2;
  if (NOT_AN_ADDRESS.test(k) || cell.includes('.')) return 0;
  if (/(mail|courriel)/.test(k)) return 1;
  if (k === 'adresse' || k === 'address' || k === 'adresses' || k === 'addresses') return 1;
  return 0;
}

const FULL_NAME = new Set(['name', 'fullname', 'nomcomplet', 'nometprenom', 'prenometnom', 'displayname', 'contactname', 'nomducontact', 'contact', 'leadname']);
const FIRST_NAME = new Set(['firstname', 'first', 'givenname', 'prenom', 'prenoms', 'forename']);
const LAST_NAME = new Set(['lastname', 'last', 'surname', 'familyname', 'nom', 'nomdefamille', 'lastnames']);
const COMPANY = new Set([
  'company',
  'companyname',
  'organization',
  'organisation',
  'organizationname',
  'organisationname',
  'organization1name',
  'org',
  'societe',
  'entreprise',
  'raisonsociale',
  'accountname',
  'employer',
  'currentcompany',
  'nomdelentreprise',
  'nomentreprise',
  'companyname1',
]);

const hasAt = (row: readonly string[]): boolean => row.some((c) => c.includes('@'));
const isBlank = (row: readonly string[]): boolean => row.every((c) => c.trim() === '');

/** Share of filled cells of column c (over rows) that hold an "@"; 0 when none is filled. */
function atRatio(rows: readonly (readonly string[])[], c: number): { ratio: number; filled: number } {
  let filled = 0;
  let at = 0;
  for (const r of rows) {
    const v = (r[c] ?? '').trim();
    if (!v) continue;
    filled++;
    if (v.includes('@')) at++;
  }
  return { ratio: filled ? at / filled : 0, filled };
}

/** A spreadsheet column letter: 0 → A, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** --column NAME: a header name (case- and accent-insensitive), a column letter (A, B …) or a 1-based number. */
function findColumn(name: string, header: string[] | null, width: number): number {
  const t = name.trim();
  if (header) {
    const exact = header.findIndex((h) => h.trim().toLowerCase() === t.toLowerCase());
    if (exact >= 0) return exact;
    const k = headerKey(t);
    const byKey = header.findIndex((h) => headerKey(h) === k && k !== '');
    if (byKey >= 0) return byKey;
  }
  if (/^\d+$/.test(t)) {
    const i = Number(t) - 1;
    return i >= 0 && i < Math.max(width, 1) ? i : -1;
  }
  if (/^[A-Za-z]{1,3}$/.test(t)) {
    for (let i = 0; i < Math.max(width, 1); i++) if (columnLetter(i) === t.toUpperCase()) return i;
  }
  return -1;
}

const LABEL_LIKE = /^[\p{L}][\p{L}\p{M}\d _'’()/-]*$/u;

export function detectLayout(sample: readonly string[][], forced: readonly string[] = []): LayoutResult {
  const rows = sample;
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;

  // 1. A header naming an address column, possibly under a preamble without addresses.
  let headerIndex = -1;
  let headerGuessed = false;
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const r = rows[i]!;
    if (hasAt(r)) break; // data (or a preamble with addresses): no header further down
    if (r.some((c) => headerScore(c) === 2)) {
      headerIndex = i;
      break;
    }
  }
  if (headerIndex < 0 && rows.length > 0 && !hasAt(rows[0]!) && rows[0]!.some((c) => headerScore(c) === 1)) {
    // A looser name ("Mail du contact"): a header only when its column holds addresses below.
    const r0 = rows[0]!;
    const below = rows.slice(1);
    if (r0.some((c, i) => headerScore(c) === 1 && atRatio(below, i).ratio >= 0.5)) headerIndex = 0;
  }
  if (headerIndex < 0 && rows.length > 1 && width > 1 && !hasAt(rows[0]!)) {
    // 2. An unnamed header: a row of labels above a column of addresses.
    const below = rows.slice(1);
    let best = -1;
    let bestRatio = 0;
    for (let c = 0; c < width; c++) {
      const { ratio } = atRatio(below, c);
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = c;
      }
    }
    const cell = (rows[0]![best] ?? '').trim();
    if (best >= 0 && bestRatio >= 0.8 && LABEL_LIKE.test(cell) && !cell.includes('.')) {
      headerIndex = 0;
      headerGuessed = true;
    }
  }

  const header = headerIndex >= 0 ? rows[headerIndex]!.map((c) => c.trim()) : null;
  const data = rows.slice(headerIndex + 1).filter((r) => !isBlank(r));
  if (header && data.length === 0 && rows.length === headerIndex + 1) {
    // Only a header (and what came above it). Unless forced, there is no address to audit.
    if (forced.length === 0) return { ok: false, reason: 'header-only', header };
  }
  if (header && header.length > width) width = header.length;

  // 3. Address columns.
  let addressColumns: number[] = [];
  if (forced.length) {
    for (const f of forced) {
      const i = findColumn(f, header, width);
      if (i < 0) return { ok: false, reason: 'unknown-column', column: f, header };
      if (!addressColumns.includes(i)) addressColumns.push(i);
    }
  } else {
    if (header) {
      for (let c = 0; c < header.length; c++) {
        const s = headerScore(header[c]!);
        if (s === 2) addressColumns.push(c);
        else if (s === 1) {
          const { ratio, filled } = atRatio(data, c);
          if (ratio >= 0.5 || filled === 0) addressColumns.push(c);
        }
      }
    }
    if (addressColumns.length === 0) {
      for (let c = 0; c < width; c++) if (atRatio(data, c).ratio >= 0.5) addressColumns.push(c);
    }
    if (addressColumns.length === 0) {
      let best = -1;
      let bestN = 0;
      for (let c = 0; c < width; c++) {
        const { ratio, filled } = atRatio(data, c);
        if (ratio * filled > bestN) {
          bestN = ratio * filled;
          best = c;
        }
      }
      if (best >= 0) addressColumns = [best];
      else if (width <= 1) addressColumns = [0]; // a one-column list: its rows are the entries, valid or not
      // for the message: the first row, when it reads like column names
      else return { ok: false, reason: 'no-address-column', header: header ?? (rows[0] && !hasAt(rows[0]) ? rows[0].map((c) => c.trim()) : null) };
    }
  }

  // 4. Contact columns.
  const find = (set: ReadonlySet<string>) => (header ? header.findIndex((h, i) => set.has(headerKey(h)) && !addressColumns.includes(i)) : -1);
  const first = find(FIRST_NAME);
  const last = find(LAST_NAME);
  const name = find(FULL_NAME);
  const company = find(COMPANY);

  let multi = addressColumns.length > 1;
  if (!multi) {
    for (const r of data) {
      let n = 0;
      for (const c of addressColumns) n += splitCell(r[c] ?? '').length;
      if (n > 1) {
        multi = true;
        break;
      }
    }
  }
  return { ok: true, layout: { headerIndex, header, headerGuessed, width, addressColumns, name, first, last, company, multi } };
}

/** The contact shown beside an address: "First Last (Company)", "Name", "Company" or "". */
/** What contactOf reads: a row's cells, or a row that finds a cell in place without splitting its line (Row). */
export type CellSource = readonly string[] | { cell(i: number): string };

function cellAt(cells: CellSource, i: number): string {
  if (i < 0) return '';
  return ('cell' in cells ? cells.cell(i) : (cells[i] ?? '')).trim();
}

export function contactOf(layout: Layout, cells: CellSource): string {
  const first = cellAt(cells, layout.first);
  const last = cellAt(cells, layout.last);
  const person = first && last ? `${first} ${last}` : first || last || cellAt(cells, layout.name);
  const company = cellAt(cells, layout.company);
  if (person && company) return `${person} (${company})`;
  return person || company;
}

/** The name of column i for messages and output: its header, else its letter. */
export function columnName(layout: Pick<Layout, 'header'>, i: number): string {
  const h = layout.header?.[i]?.trim();
  return h ? h : columnLetter(i);
}
