/**
 * Team policy: an administrator's values reach the extension's managed storage in each browser through the real
 * enterprise-policy path (Chromium: /etc/chromium/policies/managed, 3rdparty.extensions; Firefox: policies.json,
 * 3rdparty.Extensions), seen only by this test's browser (e2e/policy-browser.ts: a private mount namespace).
 */
import { POLICY, POLICY_PROBLEM } from './policy-fixture';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSERS, useBrowser } from './harness';

describe.each(BROWSERS)('managed policy [%s]', (name) => {
  if (POLICY_PROBLEM) {
    it(`needs a private mount namespace`, () => expect(POLICY_PROBLEM).toBeNull());
    return;
  }
  const b = useBrowser(name);

  it('reaches the extension’s managed storage through enterprise policy', async () => {
    expect(await b.background(() => chrome.storage.managed.get(null))).toEqual(POLICY);
    // The machine's own policy folders were not written: other browsers on this machine see no policy.
    expect(existsSync('/etc/chromium/policies/managed/prospect-guard-test.json')).toBe(false);
    expect(existsSync('/usr/lib/firefox-esr/distribution/policies.json')).toBe(false);
  });
});
