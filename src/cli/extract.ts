/**
 * Text → the list of address cells to classify, one per data row, in input order.
 *
 * - Delimiter detected among `;` (French Excel), `,`, tab and `|`, quote-aware; none → one address per line.
 * - Header detected by name (email, e-mail, courriel, adresse mail… case/accent-insensitive); without a
 *   known name, a first row with no "@" and no "." in the address column above rows holding addresses.
 * - Address column: by header name; else the column holding "@"; else the first column.
 * - Every row yields an entry (empty or short rows give ""); trailing blank rows are ignored.
 * - A cell such as `"Dupont, Jean" <j@x.fr>` survives even when it is not valid CSV quoting.
 * - A header-less line of several addresses ("a@x.fr; b@y.fr") yields each address.
 * - Excel's optional first line "sep=;" is honoured.
 */
import Papa from 'papaparse';

export type Delimiter = ';' | ',' | '\t' | '|';
const CANDIDATES: readonly Delimiter[] = [';', '\t', ',', '|'];

export interface Extracted {
  /** One cell per data row (or per address in a header-less address list), trimmed. */
  addresses: string[];
  /** Null when the input is a plain list (one address per line). */
  delimiter: Delimiter | null;
  /** The header row, when one was detected. */
  header: string[] | null;
  /** Index of the address column; -1 when every cell of a header-less address list was taken. */
  column: number;
}

const SAMPLE_LINES = 50;
const SAMPLE_ROWS = 200;

/** Counts `d` outside double quotes in one line. */
function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === d && !inQuotes) n++;
  }
  return n;
}

/** Detects the delimiter from the first lines, or null for a plain one-column list. */
export function detectDelimiter(text: string): Delimiter | null {
  const lines: string[] = [];
  let start = 0;
  const limit = Math.min(text.length, 1 << 16);
  while (start < limit && lines.length < SAMPLE_LINES) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const line = text.slice(start, end);
    if (line.trim() !== '') lines.push(line);
    start = end + 1;
  }
  if (lines.length === 0) return null;
  let best: Delimiter | null = null;
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const present = counts.filter((c) => c > 0).length;
    if (present === 0) continue;
    // The most frequent non-zero count, and how many lines have exactly it.
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let modeLines = 0;
    for (const v of freq.values()) if (v > modeLines) modeLines = v;
    // A real delimiter is on (nearly) every line, usually the same number of times.
    const presence = present / lines.length;
    if (lines.length >= 3 && presence < 0.6) continue;
    const score = presence + modeLines / lines.length;
    if (score > bestScore + 1e-9) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * A CSV parser for inputs papaparse rejects: quoted fields are honoured when they are
 * well formed; a quote closed before something else than a delimiter (`"Dupont, Jean" <j@x.fr>`)
 * is kept literally and the cell runs to the next delimiter or line end.
 */
export function parseLenient(text: string, d: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const n = text.length;
  let i = 0;
  const rawEnd = (from: number): number => {
    let e = from;
    while (e < n) {
      const c = text[e];
      if (c === d || c === '\n' || c === '\r') break;
      e++;
    }
    return e;
  };
  for (;;) {
    let field: string;
    let done = false;
    if (text[i] === '"') {
      let closed = -1;
      let j = i + 1;
      for (;;) {
        const k = text.indexOf('"', j);
        if (k < 0) break;
        if (text[k + 1] === '"') {
          j = k + 2;
          continue;
        }
        closed = k;
        break;
      }
      if (closed >= 0) {
        const after = text[closed + 1];
        if (after === undefined || after === d || after === '\n' || after === '\r') {
          field = text.slice(i + 1, closed).replace(/""/g, '"');
          i = closed + 1;
          done = true;
        } else if (!/[\r\n]/.test(text.slice(i, closed))) {
          const e = rawEnd(closed + 1);
          field = text.slice(i, e);
          i = e;
          done = true;
        }
      }
      if (!done) {
        const e = rawEnd(i);
        field = text.slice(i, e);
        i = e;
      }
    } else {
      const e = rawEnd(i);
      field = text.slice(i, e);
      i = e;
    }
    row.push(field!);
    if (i >= n) {
      rows.push(row);
      break;
    }
    const c = text[i];
    if (c === d) {
      i++;
      continue;
    }
    i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
  }
  return rows;
}

/** `"…"` around a whole line of a one-column list is CSV quoting: remove it. */
function unquoteWhole(line: string): string {
  const t = line.trim();
  if (t.length >= 2 && t[0] === '"' && t[t.length - 1] === '"') {
    const inner = t.slice(1, -1);
    // Only when every inner quote is doubled, i.e. it is genuinely one quoted CSV field.
    if (!inner.replace(/""/g, '').includes('"')) return inner.replace(/""/g, '"');
  }
  return line;
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Header cell → 2 an address-column name, 1 a likely one, 0 not. */
export function headerScore(cell: string): number {
  if (cell.includes('@')) return 0;
  const k = cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  if (!k) return 0;
  if (EXACT_HEADERS.has(k)) return 2;
  // Looser names: not when the cell looks like a (bad) address or domain.
  if (cell.includes('.')) return 0;
  if (k === 'adresse' || k === 'address' || k === 'adresses') return 1;
  if (k.includes('mail') || k.includes('courriel')) return 1;
  return 0;
}

const EXACT_HEADERS = new Set([
  'email',
  'emails',
  'mail',
  'mails',
  'courriel',
  'courriels',
  'mel',
  'adressemail',
  'adressemails',
  'adresseemail',
  'adressemel',
  'adressecourriel',
  'adresseelectronique',
  'adressedemessagerie',
  'adressemessagerie',
  'adressedecourriel',
  'adressedemail',
  'emailaddress',
  'emailaddresses',
  'mailaddress',
  'emailadresse',
  'emailadres',
  'courrielpro',
  'emailpro',
  'mailpro',
  'emailprofessionnel',
  'courrielprofessionnel',
  'adressemailpro',
  'adresseemailpro',
  'workemail',
  'businessemail',
  'email1',
  'email1value',
  'emailvalue',
  'primaryemail',
  'correo',
  'correoelectronico',
]);

function isBlankRow(row: readonly string[]): boolean {
  for (const c of row) if (c.trim() !== '') return false;
  return true;
}

export function extractAddresses(text: string): Extracted {
  // Excel's "sep=;" first line names the delimiter.
  const sep = /^sep=([;,\t|])[ \t]*(\r\n|\n|\r|$)/i.exec(text);
  if (sep) text = text.slice(sep[0].length);
  const delimiter = sep ? (sep[1] as Delimiter) : detectDelimiter(text);
  let rows: string[][];
  if (delimiter === null) {
    rows = splitLines(text).map((l) => [unquoteWhole(l)]);
  } else {
    const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false });
    rows = parsed.errors.some((e) => e.type === 'Quotes') ? parseLenient(text, delimiter) : parsed.data;
  }
  // Trailing blank rows (final newline, Excel's ";;;" lines) are not entries.
  let end = rows.length;
  while (end > 0 && isBlankRow(rows[end - 1]!)) end--;
  if (end === 0) return { addresses: [], delimiter, header: null, column: 0 };
  if (end < rows.length) rows.length = end;

  const first = rows[0]!;
  const sample = rows.slice(1, 1 + SAMPLE_ROWS);
  let width = first.length;
  for (const r of sample) if (r.length > width) width = r.length;

  const atRatio = (col: number, from: readonly string[][]): number => {
    if (from.length === 0) return 0;
    let n = 0;
    for (const r of from) if ((r[col] ?? '').includes('@')) n++;
    return n / from.length;
  };

  const names = Array.from({ length: width }, (_, c) => headerScore(first[c] ?? ''));
  const ratios = Array.from({ length: width }, (_, c) => atRatio(c, sample));
  let header = names.some((s) => s > 0);
  let column = 0;
  if (header) {
    let bestKey: number[] = [];
    for (let c = 0; c < width; c++) {
      if (names[c]! === 0) continue;
      const key = [names[c] === 2 ? 1 : 0, ratios[c]! > 0 ? 1 : 0, names[c]!, ratios[c]!, -c];
      if (bestKey.length === 0 || compareKeys(key, bestKey) > 0) {
        bestKey = key;
        column = c;
      }
    }
  } else {
    let best = 0;
    for (let c = 0; c < width; c++) {
      if (ratios[c]! > best) {
        best = ratios[c]!;
        column = c;
      }
    }
    // A first row without any "@", above rows that hold addresses, is an unnamed header
    // (only for real tables: in a one-column list it is more likely a bad address).
    const cell = first[column] ?? '';
    if (width > 1 && best > 0 && !first.some((c) => c.includes('@')) && !cell.includes('.')) header = true;
  }

  if (!header && delimiter !== null) {
    // A header-less list of addresses separated by the delimiter ("a@x.fr; b@y.fr; …").
    const head = rows.slice(0, 1 + SAMPLE_ROWS);
    let multi = false;
    let allAt = true;
    for (const r of head) {
      let filled = 0;
      for (const c of r) {
        const t = c.trim();
        if (t === '') continue;
        filled++;
        if (!t.includes('@')) allAt = false;
      }
      if (filled > 1) multi = true;
    }
    if (multi && allAt) {
      const addresses: string[] = [];
      for (const r of rows) {
        let any = false;
        for (const c of r) {
          const t = c.trim();
          if (t !== '') {
            addresses.push(t);
            any = true;
          }
        }
        if (!any) addresses.push('');
      }
      return { addresses, delimiter, header: null, column: -1 };
    }
  }

  const startRow = header ? 1 : 0;
  const addresses = new Array<string>(rows.length - startRow);
  for (let r = startRow; r < rows.length; r++) addresses[r - startRow] = (rows[r]![column] ?? '').trim();
  return { addresses, delimiter, header: header ? first : null, column };
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
