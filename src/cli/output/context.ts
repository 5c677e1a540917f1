/** What every output writer is told about the input before the first row. */
import type { Item, Summary } from '../audit';
import type { Lang } from '../i18n';
import type { Delimiter } from '../source/csv';
import type { Encoding } from '../source/text';

export type SourceKind = 'csv' | 'lines' | 'sheet' | 'vcard';

export interface OutputContext {
  lang: Lang;
  kind: SourceKind;
  /** The input's header row; null when it has none. For a vCard: name, organisation. */
  header: string[] | null;
  /** Number of the input's own columns. */
  width: number;
  addressColumns: number[];
  /** One row can give several addresses: one output line per address, with row, column and address. */
  multi: boolean;
  /** The table shows a contact (name, company) column. */
  hasContact: boolean;
  delimiter: Delimiter | null;
  newline: '\r\n' | '\n' | '\r';
  encoding: Encoding;
  bom: boolean;
  /** The jurisdiction the audit defaults to (--jurisdiction, else FR): the main reason names another country's rule. */
  defaultJurisdiction: string;
  /** Width of the terminal (or COLUMNS), for the table. */
  columns: number;
}

export interface Writer {
  items(items: readonly Item[]): void;
  end(summary: Summary): void;
}
