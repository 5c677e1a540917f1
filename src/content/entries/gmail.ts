/** The content script for gmail pages: the shared core and this one site file (built as its own IIFE). */
import { gmail } from '../../sites/gmail';
import { runContentScript } from '../main';

runContentScript(gmail);
