/**
 * The administrator's policy the policy browser tests run under. Imported before e2e/harness.ts, so that the
 * harness starts its browsers through the wrappers that give them this policy (e2e/policy-browser.ts).
 */
import { afterAll } from 'vitest';
import { namespaceProblem, useManagedPolicy } from './policy-browser';

export const POLICY = {
  managedBy: 'Direction commerciale — Exemple SAS',
  identity: {
    company: 'Exemple SAS',
    activity: 'l’aménagement de bureaux pour les PME',
    activityTopic: 'none',
    contactSources: ['le salon Bureaux Expo 2026', 'votre site internet'],
    unsubscribe: { method: 'url', url: 'https://exemple-sas.fr/desinscription?email={email}' },
  },
  templates: [{ id: 'salon', name: 'Après le salon', lang: 'fr', text: 'Bonjour {firstName}, nous nous sommes croisés au salon.', short: 'Bonjour {firstName}' }],
  ownDomains: ['exemple-sas.fr'],
  suppressionList: ['opposé@exemple.fr'],
  settings: { lang: 'fr' },
};

/** Why the policy cannot be given here, or null. */
export const POLICY_PROBLEM = namespaceProblem();
if (!POLICY_PROBLEM) {
  const setup = useManagedPolicy(POLICY);
  afterAll(() => setup.remove());
}
