/** The content script for proton pages: the shared core and this one site file (built as its own IIFE). */
import { proton } from '../../sites/proton';
import { runContentScript } from '../main';

runContentScript(proton);
