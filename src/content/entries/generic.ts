/** The content script for generic pages: the shared core and this one site file (built as its own IIFE). */
import { generic } from '../../sites/generic';
import { runContentScript } from '../main';

runContentScript(generic);
