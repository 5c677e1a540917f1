/** The content script for outlook pages: the shared core and this one site file (built as its own IIFE). */
import { outlook } from '../../sites/outlook';
import { runContentScript } from '../main';

runContentScript(outlook);
