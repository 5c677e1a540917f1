/** The content script for yahoo pages: the shared core and this one site file (built as its own IIFE). */
import { yahoo } from '../../sites/yahoo';
import { runContentScript } from '../main';

runContentScript(yahoo);
