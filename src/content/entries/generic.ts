/**
 * The content script for the domains the user enabled that no site file recognised: the shared core and the generic
 * adapter (built as its own IIFE). At start it asks the worker to look at the page: on a domain enabled from the
 * options page (no tab to look at then) that turns out to be a known self-hosted webmail, that site's own content
 * script takes over.
 */
import { generic } from '../../sites/generic';
import { runContentScript } from '../main';

runContentScript(generic, { recognise: true });
