/**
 * The few extension APIs the content script uses, straight from the browser (no polyfill in the page: Firefox's
 * `browser` and Chrome's MV3 `chrome` both return promises for these). Captured once at start: after the extension
 * is updated or reloaded, this instance's bindings are the old ones, and `alive()` says so.
 */
import type { I18nApi } from '../ui/overlay/i18n';

export interface ContentExt {
  runtime: {
    readonly id: string | undefined;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage?: {
      addListener(cb: (msg: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => boolean | undefined): void;
      removeListener(cb: (msg: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => boolean | undefined): void;
    };
  };
  i18n: I18nApi;
  /** Chrome: the extension's view of closed shadow roots (Firefox has Element.openOrClosedShadowRoot instead). */
  dom?: { openOrClosedShadowRoot(el: Element): ShadowRoot | null };
  storage: {
    onChanged: {
      addListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
      removeListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
    };
  };
}

/** The extension API of this content script's world, or null outside an extension. */
export function contentExt(): ContentExt | null {
  const g = globalThis as unknown as { browser?: ContentExt; chrome?: ContentExt };
  const api = g.browser?.runtime?.id ? g.browser : g.chrome?.runtime?.id ? g.chrome : null;
  return api ?? null;
}

/**
 * Whether the extension context this instance started in still exists. After an update, a reload or an uninstall,
 * an old content script's `runtime.id` is undefined (or reading it throws) and sendMessage fails with
 * "Extension context invalidated".
 */
export function contextAlive(runtime: ContentExt['runtime']): boolean {
  try {
    return typeof runtime.id === 'string' && runtime.id.length > 0;
  } catch {
    return false;
  }
}

/** True for the errors the browser raises when this content script's extension context is gone. */
export function isContextGone(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : String(err);
  return /context invalidated|dead object/i.test(msg);
}

/**
 * The browser's way for an extension to see any element's shadow root, closed ones included: Chrome's
 * chrome.dom.openOrClosedShadowRoot, Firefox's Element.openOrClosedShadowRoot (content scripts only).
 */
export function shadowOpener(ext: ContentExt): (el: Element) => ShadowRoot | null {
  return (el) => {
    if (ext.dom && typeof ext.dom.openOrClosedShadowRoot === 'function') return ext.dom.openOrClosedShadowRoot(el);
    const ff = (el as unknown as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
    return ff ?? el.shadowRoot ?? null;
  };
}
