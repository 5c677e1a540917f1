/**
 * What the first bytes of an input look like: a text list we read as it streams, a spreadsheet we
 * hand to the spreadsheet reader, or something we refuse with one line saying what it is (zip
 * archive, PDF, image, program …) and what to export instead.
 *
 * Only magic numbers and the NUL/control-character pattern are used: a file's name never decides.
 */

export type Refusal =
  | 'zip'
  | 'word'
  | 'presentation'
  | 'pdf'
  | 'image'
  | 'archive'
  | 'executable'
  | 'database'
  | 'rtf'
  | 'html'
  | 'xml'
  | 'office-legacy'
  | 'binary';

export type Sniffed =
  | { kind: 'text' }
  /** A zip (xlsx, ods, Numbers) or OLE2 (xls) or SpreadsheetML file: read whole by the spreadsheet reader. */
  | { kind: 'spreadsheet'; container: 'zip' | 'ole' | 'xml' }
  | { kind: 'refused'; what: Refusal };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
};
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** The ASCII text of the first bytes, lower-cased (NULs of UTF-16 dropped), for prefix tests. */
function asciiHead(b: Uint8Array, n: number): string {
  let s = '';
  for (let i = 0; i < Math.min(b.length, n); i++) {
    const c = b[i]!;
    if (c === 0) continue;
    s += c < 0x80 ? String.fromCharCode(c) : '\u0080';
  }
  return s.toLowerCase();
}

/** Latin-1 view of the whole buffer (one byte, one char): for searching zip entry names. */
function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

/**
 * Classifies a zip by the names of its entries (local headers and central directory both hold them).
 * Needs the whole file (a zip's directory is at its end), which the caller reads anyway for a spreadsheet.
 */
export function sniffZip(whole: Uint8Array): Sniffed {
  const s = latin1(whole);
  if (s.includes('xl/workbook.xml') || s.includes('xl/workbook.bin')) return { kind: 'spreadsheet', container: 'zip' };
  // ODF: the first entry is "mimetype", stored, holding the document type.
  if (s.includes('application/vnd.oasis.opendocument.spreadsheet')) return { kind: 'spreadsheet', container: 'zip' };
  if (s.includes('Index/Document.iwa')) return { kind: 'spreadsheet', container: 'zip' }; // Apple Numbers
  if (s.includes('word/document.xml') || s.includes('application/vnd.oasis.opendocument.text')) return { kind: 'refused', what: 'word' };
  if (s.includes('ppt/presentation.xml') || s.includes('application/vnd.oasis.opendocument.presentation')) return { kind: 'refused', what: 'presentation' };
  // An OpenDocument file whose mimetype entry is compressed (not as the standard says, but some
  // writers do it): the spreadsheet reader tells.
  if (s.includes('META-INF/manifest.xml') && s.includes('content.xml')) return { kind: 'spreadsheet', container: 'zip' };
  return { kind: 'refused', what: 'zip' };
}

export function isZip(head: Uint8Array): boolean {
  return startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]) || startsWith(head, [0x50, 0x4b, 0x07, 0x08]);
}

/**
 * Looks at the first bytes (a few KiB are enough). A zip answers { kind: 'spreadsheet', container: 'zip' }
 * provisionally: sniffZip on the whole file tells a workbook from a Word document or a plain archive.
 */
export function sniff(head: Uint8Array): Sniffed {
  const b = head;
  if (isZip(b)) return { kind: 'spreadsheet', container: 'zip' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'spreadsheet', container: 'ole' };
  if (startsWith(b, ascii('%PDF-'))) return { kind: 'refused', what: 'pdf' };
  if (
    startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) ||
    startsWith(b, [0xff, 0xd8, 0xff]) ||
    startsWith(b, ascii('GIF87a')) ||
    startsWith(b, ascii('GIF89a')) ||
    (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) ||
    startsWith(b, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (startsWith(b, ascii('ftyp'), 4) && /^(heic|heix|mif1|avif)/.test(asciiHead(b.subarray(8), 4)))
  ) {
    return { kind: 'refused', what: 'image' };
  }
  if (
    startsWith(b, [0x1f, 0x8b]) ||
    startsWith(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) ||
    startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) ||
    startsWith(b, ascii('Rar!\u001a\u0007')) ||
    (startsWith(b, ascii('BZh')) && startsWith(b, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4))
  ) {
    return { kind: 'refused', what: 'archive' };
  }
  if (
    startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) ||
    (startsWith(b, ascii('MZ')) && b.length > 3 && (b[2]! < 0x20 || b[3]! < 0x20)) ||
    startsWith(b, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(b, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(b, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(b, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(b, [0xca, 0xfe, 0xba, 0xbe]) ||
    startsWith(b, [0x00, 0x61, 0x73, 0x6d])
  ) {
    return { kind: 'refused', what: 'executable' };
  }
  if (startsWith(b, ascii('SQLite format 3\u0000'))) return { kind: 'refused', what: 'database' };

  // Text-like formats we cannot read as a list (after an optional BOM, in UTF-8 or UTF-16).
  const text = asciiHead(b, 1024).replace(/^(\u0080)+/, '').trimStart();
  if (text.startsWith('{\\rtf')) return { kind: 'refused', what: 'rtf' };
  if (text.startsWith('<?xml') && text.includes('urn:schemas-microsoft-com:office:spreadsheet')) return { kind: 'spreadsheet', container: 'xml' };
  if (text.startsWith('<!doctype html') || text.startsWith('<html')) return { kind: 'refused', what: 'html' };
  if (text.startsWith('<?xml')) {
    // Excel 2003 XML names its schema a little further down.
    const more = asciiHead(b, 4096);
    if (more.includes('urn:schemas-microsoft-com:office:spreadsheet')) return { kind: 'spreadsheet', container: 'xml' };
    return { kind: 'refused', what: 'xml' };
  }
  if (looksBinary(b)) return { kind: 'refused', what: 'binary' };
  return { kind: 'text' };
}

/**
 * Binary data: NUL bytes that are not the pattern of UTF-16 text, or many control characters.
 * UTF-16 text (with or without BOM) has NULs on one side of each pair and is text.
 */
export function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  if (n === 0) return false;
  const bomUtf16 = startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff]);
  let nul = 0;
  let evenNul = 0;
  let oddNul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) {
      nul++;
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    } else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a) {
      control++;
    }
  }
  if (nul > 0) {
    const pairs = n / 2;
    const utf16 = bomUtf16 || (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) || (evenNul > pairs * 0.3 && oddNul < pairs * 0.05);
    // In UTF-16 the high byte of a Cyrillic or Greek letter is a "control" byte: only the NULs tell.
    return !utf16;
  }
  return control > n * 0.05;
}
