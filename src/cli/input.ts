/** Reads the raw bytes of the list: a file, or standard input for "-" / no file. */
import { readFile } from 'node:fs/promises';

export class ReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ByteSource {
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
}

export function isStdin(file: string | undefined): boolean {
  return file === undefined || file === '-';
}

/** Throws ReadError (code ENOENT, EISDIR, EACCES, TOO_LARGE…) when the input cannot be read. */
export async function readInput(file: string | undefined, stdin: ByteSource): Promise<Uint8Array> {
  try {
    if (!isStdin(file)) return await readFile(file!);
    const chunks: Uint8Array[] = [];
    for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Uint8Array));
    return Buffer.concat(chunks);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    let code = err.code ?? 'EUNKNOWN';
    if (code === 'ERR_FS_FILE_TOO_LARGE' || e instanceof RangeError) code = 'TOO_LARGE';
    throw new ReadError(code, err.message ?? String(e));
  }
}
