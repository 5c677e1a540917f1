/**
 * The suppression list's messages, answered by the background worker (the store's only owner): what an extension
 * page may ask, checked like any message (the page could be anything that got hold of the port), and the answers.
 * The worker's dispatcher hands every message whose type starts with "suppression." to `handle`.
 *
 * A file is imported in chunks: `suppression.begin` → id, then `suppression.add` with at most CHUNK_CELLS cells each,
 * then `suppression.commit` → the report. A pasted list is small enough for one `suppression.add`.
 */
import type { ImportReport, ListId, SuppressionCounts, SuppressionStore } from './suppression';

/** Cells per `suppression.add` message: small messages, whatever the file's size. */
export const CHUNK_CELLS = 20_000;
/** Longest cell taken (an address is at most 254 characters; a display name can add some). */
export const MAX_CELL = 1000;

export type SuppressionRequest =
  | { type: 'suppression.counts' }
  | { type: 'suppression.begin'; replace?: boolean }
  | { type: 'suppression.add'; id: string; cells: string[] }
  | { type: 'suppression.commit'; id: string }
  | { type: 'suppression.abort'; id: string }
  | { type: 'suppression.clear' }
  | { type: 'suppression.lookup'; addresses: string[] };

export type SuppressionResponse =
  | { ok: true; counts: SuppressionCounts }
  | { ok: true; id: string }
  | { ok: true; read: number }
  | { ok: true; report: ImportReport; counts: SuppressionCounts }
  | { ok: true; suppressed: boolean[] }
  | { ok: true }
  | { ok: false; error: 'bad-request' | 'expired' | 'failed'; detail?: string };

export function isSuppressionRequest(m: unknown): m is { type: string } {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string' && (m as { type: string }).type.startsWith('suppression.');
}

const strings = (v: unknown, max: number): string[] | null =>
  Array.isArray(v) && v.length <= max && v.every((x) => typeof x === 'string' && x.length <= MAX_CELL) ? (v as string[]) : null;

/**
 * Answers one message. Members import into and clear only their own list (`user`); the managed list comes from the
 * policy alone.
 */
export async function handleSuppression(store: SuppressionStore, m: unknown): Promise<SuppressionResponse> {
  const bad = (detail: string): SuppressionResponse => ({ ok: false, error: 'bad-request', detail });
  if (!isSuppressionRequest(m)) return bad('not a suppression message');
  const msg = m as Record<string, unknown>;
  const list: ListId = 'user';
  try {
    switch (msg.type) {
      case 'suppression.counts':
        return { ok: true, counts: await store.counts() };
      case 'suppression.begin':
        return { ok: true, id: store.beginImport(list, { replace: msg.replace === true }) };
      case 'suppression.add': {
        const cells = strings(msg.cells, CHUNK_CELLS);
        if (typeof msg.id !== 'string' || !cells) return bad(`cells: an array of at most ${CHUNK_CELLS} strings of at most ${MAX_CELL} characters`);
        return { ok: true, read: store.addToImport(msg.id, cells).read };
      }
      case 'suppression.commit': {
        if (typeof msg.id !== 'string') return bad('id');
        const report = await store.commitImport(msg.id);
        return { ok: true, report, counts: await store.counts() };
      }
      case 'suppression.abort':
        if (typeof msg.id === 'string') store.abortImport(msg.id);
        return { ok: true };
      case 'suppression.clear':
        await store.clear(list);
        return { ok: true, counts: await store.counts() };
      case 'suppression.lookup': {
        const addresses = strings(msg.addresses, 1000);
        if (!addresses) return bad('addresses: at most 1000 strings');
        return { ok: true, suppressed: await store.lookup(addresses) };
      }
      default:
        return bad(`unknown type ${String(msg.type)}`);
    }
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: /expired/.test(detail) ? 'expired' : 'failed', detail };
  }
}

/**
 * The page side of an import: sends the cells in chunks through `send` (runtime.sendMessage), reporting progress.
 * Aborts the session if a chunk fails, and throws with the worker's answer.
 */
export async function sendImport(
  send: (m: SuppressionRequest) => Promise<SuppressionResponse>,
  cells: readonly string[],
  opts: { replace?: boolean; onProgress?: (read: number, total: number) => void } = {},
): Promise<Extract<SuppressionResponse, { report: ImportReport }>> {
  const begin = await send({ type: 'suppression.begin', replace: opts.replace === true });
  if (!begin.ok || !('id' in begin)) throw new Error(`suppression import refused: ${JSON.stringify(begin)}`);
  const id = begin.id;
  try {
    for (let i = 0; i < cells.length; i += CHUNK_CELLS) {
      const chunk = cells.slice(i, i + CHUNK_CELLS).map((c) => (c.length > MAX_CELL ? c.slice(0, MAX_CELL) : c));
      const r = await send({ type: 'suppression.add', id, cells: chunk });
      if (!r.ok || !('read' in r)) throw new Error(`suppression import failed: ${JSON.stringify(r)}`);
      opts.onProgress?.(r.read, cells.length);
    }
    const done = await send({ type: 'suppression.commit', id });
    if (!done.ok || !('report' in done)) throw new Error(`suppression import failed: ${JSON.stringify(done)}`);
    return done;
  } catch (e) {
    await send({ type: 'suppression.abort', id }).catch(() => undefined);
    throw e;
  }
}
