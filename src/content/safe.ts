/** Nothing the extension does may throw into the page: errors go to console.debug, once each. */
const seen = new Set<string>();

export function report(where: string, err: unknown): void {
  try {
    const msg = `${where}: ${err instanceof Error ? err.message : String(err)}`;
    if (seen.has(msg) || seen.size > 200) return;
    seen.add(msg);
    console.debug('[Prospect Guard]', msg);
  } catch {
    /* console may be replaced by the page; nothing else to do */
  }
}

/** Runs fn; on error reports it and returns the fallback. */
export function guard<T>(where: string, fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (e) {
    report(where, e);
    return fallback;
  }
}

/** Wraps a callback so it never throws. */
export function safely<A extends unknown[]>(where: string, fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (e) {
      report(where, e);
    }
  };
}
