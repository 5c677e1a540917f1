/**
 * One cell → the addresses it holds. Exports put several addresses in one cell in several ways:
 * Google Contacts joins values of one kind with " ::: ", HubSpot's "Additional email addresses" uses
 * ";", people paste `Jean <jean@x.fr>, Claire <c@orange.fr>` or separate addresses by spaces.
 * Each address comes out once, in order; a display name stays with its address.
 */
import { splitAddressList } from '../rules/address';

/** Characters that may separate addresses; a cell without any is one address (the common case). */
const MAYBE_SEVERAL = /[,;:\s<"]/;

/**
 * The cell's one address when it can hold no other (trimmed, without any separator: the common
 * case), '' when the cell is blank, null when it must be split (splitCell).
 */
export function soleAddress(cell: string): string | null {
  // No separator and no space at all: nothing to trim either (the common case, one test).
  if (!MAYBE_SEVERAL.test(cell)) return cell;
  const t = cell.trim();
  if (t === '' || !MAYBE_SEVERAL.test(t)) return t;
  return null;
}

export function splitCell(cell: string): string[] {
  const one = soleAddress(cell);
  if (one !== null) return one === '' ? [] : [one];
  const t = cell.trim();
  const joined = t.includes(':::') ? t.split(/\s*:::\s*/).join('\n') : t;
  const out: string[] = [];
  for (const piece of splitAddressList(joined)) {
    // "a@x.fr b@y.fr" or "a@x.fr / b@y.fr": several bare addresses separated by spaces.
    if (/\s/.test(piece) && !/[<"(]/.test(piece) && countAt(piece) >= 2) {
      for (const token of piece.split(/\s+/)) if (token.includes('@')) out.push(token);
    } else {
      out.push(piece);
    }
  }
  return out;
}

function countAt(s: string): number {
  let n = 0;
  for (let i = s.indexOf('@'); i >= 0; i = s.indexOf('@', i + 1)) n++;
  return n;
}
