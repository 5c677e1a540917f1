/**
 * Mounts the overlay: a plain <div> host (content scripts have no custom elements) with a shadow root holding
 * the styles and the Preact tree. Production builds: a closed shadow root and no attribute the page could read.
 * Test builds (`npm run build:test`, TEST_HOOKS): an open shadow root, and the host carries the state as
 * data-prospect-guard, data-verdict, data-recipients and data-state for the browser tests and the demo.
 */
import { render } from 'preact';
import { Overlay } from './Overlay';
import { OVERLAY_CSS, OVERLAY_MARK } from './styles';
import { hostMessage, hostVerdict, type OverlayActions, type OverlayModel } from './model';
import type { T } from './i18n';
import type { UiLang } from '../../storage/schema';
import { TEST_HOOKS } from '../../build-flags';
import { isOwn, markOwn } from '../../content/own-ui';

/** Test builds only: the attribute marking an overlay host. */
export const HOST_ATTR = 'data-prospect-guard';

export interface OverlayController {
  readonly host: HTMLElement;
  /** Renders the model (synchronously) and updates the host's attributes. */
  update(model: OverlayModel): void;
  /** Marks the host as waiting for a classification without re-rendering. */
  setChecking(checking: boolean): void;
  /** Hides the overlay for good (until destroyed); attributes keep updating. */
  dismiss(): void;
  readonly dismissed: boolean;
  /** The model last rendered (what the overlay shows now). */
  readonly model: OverlayModel | null;
  destroy(): void;
}

export interface OverlayOptions {
  doc: Document;
  /** The translator for a language (the model says which language to show). */
  translator: (lang: UiLang) => T;
  actions: Omit<OverlayActions, 'dismiss'>;
  /** Called after the user dismissed the overlay (e.g. to move the focus back to the message). */
  onDismiss?: () => void;
  /** Open shadow root and state attributes on the host (default: the build's TEST_HOOKS). */
  testHooks?: boolean;
  /** The compose window the overlay sits in: the overlay never takes more than a third of its height. */
  frame?: () => HTMLElement | null;
}

/** The overlay's bar, always shown whole (px). */
const MIN_HEIGHT = 32;

const HOST_STYLE = 'all: initial; display: block; position: relative; z-index: 1;';

export function isOverlayHost(node: Node | null | undefined): boolean {
  return isOwn(node);
}

/** The extension's view of any element's shadow root, closed ones included (Chrome: chrome.dom; Firefox: the element). */
export type ShadowOpener = (el: Element) => ShadowRoot | null;

/**
 * Removes overlays an earlier instance of the content script left in the page: after an update or a reload, Firefox
 * unloads the old script but keeps the elements it made. Recognised by the extension's own view of their closed
 * shadow root (our style sheet's first line), which the page cannot see. Returns how many were removed.
 */
export function removeStaleHosts(doc: Document, open: ShadowOpener): number {
  let removed = 0;
  // Our hosts are empty divs with an inline style (its serialisation varies: Firefox expands `all`).
  for (const el of Array.from(doc.querySelectorAll('div[style]:empty'))) {
    if (isOwn(el)) continue;
    let root: ShadowRoot | null = null;
    try {
      root = open(el);
    } catch {
      continue;
    }
    const style = root?.firstElementChild;
    if (style?.tagName === 'STYLE' && (style.textContent ?? '').startsWith(OVERLAY_MARK)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

export function createOverlay(opts: OverlayOptions): OverlayController {
  const { doc } = opts;
  const hooks = opts.testHooks ?? TEST_HOOKS;
  const host = doc.createElement('div');
  markOwn(host);
  host.setAttribute('style', HOST_STYLE);
  const attr = (name: string, value: string) => {
    if (hooks) host.setAttribute(name, value);
  };
  attr(HOST_ATTR, '');
  attr('data-verdict', 'none');
  attr('data-recipients', '0');
  attr('data-state', 'checking');
  const shadow = host.attachShadow({ mode: hooks ? 'open' : 'closed' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  shadow.appendChild(style);
  const container = doc.createElement('div');
  shadow.appendChild(container);

  let model: OverlayModel | null = null;
  let dismissed = false;
  let destroyed = false;

  /**
   * Fits the overlay in its compose window: at most a third of the window's height (the details scroll), and never
   * so tall that the window's title bar leaves the screen (a popup anchored at the bottom grows upwards). Once the
   * title bar had to be brought back, that cap stays until the browser window is resized.
   */
  let cap = -1;
  let titleCap: number | null = null;
  let frameRequested = false;
  function fit() {
    frameRequested = false;
    const root = opts.frame?.();
    if (destroyed || !root || !host.isConnected) return;
    const r = root.getBoundingClientRect();
    const own = host.getBoundingClientRect().height;
    let next = Math.max(MIN_HEIGHT, Math.floor(Math.max(0, r.height - own) / 2));
    if (r.top < 0) titleCap = Math.max(MIN_HEIGHT, Math.floor(own + r.top));
    if (titleCap !== null) next = Math.min(next, titleCap);
    if (next !== cap) {
      cap = next;
      container.style.setProperty('--pg-max-height', `${next}px`);
    }
  }
  /** After layout, outside the observer's own callback (no resize loop). */
  function fitSoon() {
    if (frameRequested || destroyed) return;
    frameRequested = true;
    const view = doc.defaultView;
    if (view && typeof view.requestAnimationFrame === 'function') view.requestAnimationFrame(() => fit());
    else setTimeout(fit, 0);
  }
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const resizes = view && typeof view.ResizeObserver === 'function' ? new view.ResizeObserver(() => fitSoon()) : null;
  const onWindowResize = () => {
    titleCap = null;
    fitSoon();
  };
  view?.addEventListener('resize', onWindowResize);
  let observedFrame: HTMLElement | null = null;
  function observeFrame() {
    const root = opts.frame?.() ?? null;
    if (!resizes || root === observedFrame) return;
    if (observedFrame) resizes.unobserve(observedFrame);
    observedFrame = root;
    if (root) resizes.observe(root);
  }
  resizes?.observe(host);

  const actions: OverlayActions = {
    ...opts.actions,
    dismiss: () => controller.dismiss(),
  };

  function visible(m: OverlayModel): boolean {
    if (m.guard) return true; // the confirm before send shows even over a dismissed overlay
    if (dismissed) return false;
    if (m.state !== 'ready') return true;
    return m.verdict !== 'internal' && m.verdict !== 'none';
  }

  function paint() {
    if (destroyed || !model) return;
    const show = visible(model);
    host.hidden = !show;
    host.style.setProperty('display', show ? 'block' : 'none', 'important');
    render(<Overlay model={model} actions={actions} t={opts.translator(model.lang)} />, container);
    if (show) {
      observeFrame();
      fitSoon();
    }
  }

  const controller: OverlayController = {
    host,
    get dismissed() {
      return dismissed;
    },
    get model() {
      return model;
    },
    update(m) {
      if (destroyed) return;
      model = m;
      attr('data-verdict', hostVerdict(m));
      attr('data-recipients', String(m.count));
      attr('data-state', m.state);
      attr('data-message', hostMessage(m));
      attr('data-first-contact', m.message ? String(m.message.firstContact) : '');
      attr('data-guard', m.guard?.kind ?? '');
      container.setAttribute('lang', m.lang);
      paint();
    },
    setChecking(checking) {
      if (destroyed) return;
      if (checking) attr('data-state', 'checking');
      else if (model) attr('data-state', model.state);
    },
    dismiss() {
      if (destroyed || dismissed) return;
      const hadFocus = shadow.activeElement != null;
      dismissed = true;
      attr('data-dismissed', 'true');
      paint();
      if (hadFocus) opts.onDismiss?.();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      resizes?.disconnect();
      view?.removeEventListener('resize', onWindowResize);
      try {
        render(null, container);
      } finally {
        host.remove();
      }
    },
  };
  return controller;
}
