/**
 * Mounts the overlay: a plain <div> host (content scripts have no custom elements) carrying the state
 * as attributes (data-verdict, data-recipients, data-state), with an open shadow root holding the
 * styles and the Preact tree.
 */
import { render } from 'preact';
import { Overlay } from './Overlay';
import { OVERLAY_CSS } from './styles';
import { hostVerdict, type OverlayActions, type OverlayModel } from './model';
import type { T } from './i18n';
import type { UiLang } from '../../storage/schema';

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
}

const HOST_STYLE = 'all: initial; display: block; position: relative; z-index: 1;';

export function isOverlayHost(node: Node | null | undefined): boolean {
  return !!node && node.nodeType === 1 && (node as Element).hasAttribute(HOST_ATTR);
}

export function createOverlay(opts: OverlayOptions): OverlayController {
  const { doc } = opts;
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTR, '');
  host.setAttribute('style', HOST_STYLE);
  host.setAttribute('data-verdict', 'none');
  host.setAttribute('data-recipients', '0');
  host.setAttribute('data-state', 'checking');
  const shadow = host.attachShadow({ mode: 'open' });
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
      host.setAttribute('data-verdict', hostVerdict(m));
      host.setAttribute('data-recipients', String(m.count));
      host.setAttribute('data-state', m.state);
      host.setAttribute('lang', m.lang);
      paint();
    },
    setChecking(checking) {
      if (destroyed) return;
      if (checking) host.setAttribute('data-state', 'checking');
      else if (model) host.setAttribute('data-state', model.state);
    },
    dismiss() {
      if (destroyed || dismissed) return;
      const hadFocus = shadow.activeElement != null;
      dismissed = true;
      host.setAttribute('data-dismissed', 'true');
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
