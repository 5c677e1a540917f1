import type { Plugin } from 'vite';
/** See overlay-messages.js. */
export function overlayMessages(): Plugin;
