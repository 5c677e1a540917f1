/**
 * Mounts the overlay: a plain <div> host (content scripts have no custom elements) with a shadow root holding
 * the styles and the Preact tree. Production builds: a closed shadow root and no attribute the page could read.
 * Test builds (`npm run build:test`, TEST_HOOKS): an open shadow root, and the host carries the state as
 * data-prospect-guard, data-verdict, data-recipients and data-state for the browser tests and the demo.
 */
import { render } from 'preact';
import { Overlay } from './Overlay';
import { OVERLAY_CSS } from './styles';
import { hostVerdict, type OverlayActions, type OverlayModel } from './model';
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
}

const HOST_STYLE = 'all: initial; display: block; position: relative; z-index: 1;';

export function isOverlayHost(node: Node | null | undefined): boolean {
  return isOwn(node);
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

  const actions: OverlayActions = {
    ...opts.actions,
    dismiss: () => controller.dismiss(),
  };

  function visible(m: OverlayModel): boolean {
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
  }

  const controller: OverlayController = {
    host,
    get dismissed() {
      return dismissed;
    },
    update(m) {
      if (destroyed) return;
      model = m;
      attr('data-verdict', hostVerdict(m));
      attr('data-recipients', String(m.count));
      attr('data-state', m.state);
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
      try {
        render(null, container);
      } finally {
        host.remove();
      }
    },
  };
  return controller;
}
