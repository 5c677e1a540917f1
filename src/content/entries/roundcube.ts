/** The content script for Roundcube (self-hosted, on the domains the user enabled): the shared core and this one site file. */
import { roundcube } from '../../sites/roundcube';
import { runContentScript } from '../main';

runContentScript(roundcube);
