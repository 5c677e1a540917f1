/** The content script for ox pages: the shared core and this one site file (built as its own IIFE). */
import { ox } from '../../sites/ox';
import { runContentScript } from '../main';

runContentScript(ox);
