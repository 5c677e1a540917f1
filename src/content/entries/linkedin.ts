/** The content script for linkedin pages: the shared core and this one site file (built as its own IIFE). */
import { linkedin } from '../../sites/linkedin';
import { runContentScript } from '../main';

runContentScript(linkedin);
