/** The content script for zimbra pages: the shared core and this one site file (built as its own IIFE). */
import { zimbra } from '../../sites/zimbra';
import { runContentScript } from '../main';

runContentScript(zimbra);
