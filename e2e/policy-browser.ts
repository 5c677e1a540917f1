/**
 * Enterprise policy for one browser test, without touching the machine's own policy folders (which every other
 * browser on the machine reads).
 *
 * Both browsers read extension policy ("3rdparty") only from machine-wide places on Linux:
 * - Chromium: /etc/chromium/policies/managed/*.json → `{"3rdparty": {"extensions": {"<id>": {…}}}}`; no
 *   command-line switch or per-profile file replaces it.
 * - Firefox: policies.json → `{"policies": {"3rdparty": {"Extensions": {"<id>": {…}}}}}` in the installation's
 *   distribution/ folder (/usr/lib/firefox-esr/distribution; Debian's firefox-esr did not read
 *   /etc/firefox-esr/policies/ when tried). `browser.policies.alternatePath` would point elsewhere, but release and
 *   ESR builds honour it only under Cu.isInAutomation (Mozilla's own test harness), not in a WebDriver BiDi session
 *   (EnterprisePoliciesParent.sys.mjs). Firefox's other source of managed storage, a native manifest in
 *   ~/.mozilla/managed-storage/<id>.json, is not enterprise policy and is not what administrators deploy.
 *
 * So the test browser is started through a small wrapper that runs it in a private mount namespace
 * (`unshare --mount`; as a non-root user `--user --map-root-user` too), where a copy of the configuration folder
 * holding this test's policy is bind-mounted over /etc/chromium (or Firefox's distribution/). Only that browser process
 * and its children see the policy; the machine's folders are not written (the copies are real directories: Debian's
 * /usr/lib/firefox-esr/distribution is a symlink, which a plain copy would have kept — and written through). Import this module before the harness:
 * it points CHROMIUM_PATH / FIREFOX_PATH at the wrappers.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
export const GECKO_ID = 'prospect-guard@prospect-guard.eu';
const CHROMIUM_REAL = process.env.PG_REAL_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIREFOX_REAL = process.env.PG_REAL_FIREFOX ?? process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const CHROMIUM_ETC = '/etc/chromium';
const FIREFOX_DIST = join(process.env.FIREFOX_DIR ?? '/usr/lib/firefox-esr', 'distribution');

/** The id Chromium gives an unpacked extension: SHA-256 of its absolute path, 32 hex digits written a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** Why a private mount namespace cannot be made here, or null. */
export function namespaceProblem(): string | null {
  try {
    execFileSync('unshare', [...unshareArgs(), 'true'], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return `unshare --mount failed (${e instanceof Error ? e.message.split('\n')[0] : e}): the policy test needs a private mount namespace (root, or unprivileged user namespaces)`;
  }
}

function unshareArgs(): string[] {
  return process.getuid?.() === 0 ? ['--mount', '--propagation', 'private'] : ['--user', '--map-root-user', '--mount', '--propagation', 'private'];
}

/**
 * A real-directory copy of `from` at `to` (symlinks followed: Debian's Firefox distribution/ is a symlink, and a
 * copied symlink would send the test's policy to the machine's folder). Throws unless `to` is a directory of its own
 * inside `dir`.
 */
function stage(from: string, to: string, dir: string): string {
  if (!existsSync(from)) throw new Error(`${from} not found: the policy test binds its own copy over it`);
  cpSync(realpathSync(from), to, { recursive: true, dereference: true });
  if (lstatSync(to).isSymbolicLink() || !realpathSync(to).startsWith(realpathSync(dir) + '/')) throw new Error(`policy test: ${to} is not a private copy`);
  return to;
}

function wrapper(dir: string, name: string, staged: string, target: string, real: string): string {
  // Bind over the real folder (mount follows symlinks anyway; the path is resolved so the script says what it does).
  target = realpathSync(target);
  const file = join(dir, name);
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      `# Runs the browser in a private mount namespace where ${target} is this test's copy (with its policy).`,
      `exec unshare ${unshareArgs().join(' ')} -- /bin/sh -c 'mount --bind "$0" "$1" && shift && exec "$@"' ${q(staged)} ${q(target)} ${q(real)} "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(file, 0o755);
  return file;
}

export interface PolicySetup {
  /** Chromium's id for the unpacked extension the harness loads. */
  chromiumId: string;
  dir: string;
  /** Removes the wrappers and the copies (the browsers must be closed). */
  remove(): void;
}

/**
 * Writes the wrappers that give `policy` (the extension's managed storage values) to the test build in both
 * browsers, and points the harness at them. `extension` is the unpacked Chromium build the harness loads.
 */
export function useManagedPolicy(policy: Record<string, unknown>, extension = process.env.PG_DIST ?? 'dist-test/chrome'): PolicySetup {
  const dir = mkdtempSync(join(tmpdir(), 'pg-policy-'));
  const chromiumId = unpackedExtensionId(resolve(ROOT, extension));
  // Chromium: a copy of /etc/chromium (Debian keeps master_preferences there) plus policies/managed/.
  const chromiumEtc = stage(CHROMIUM_ETC, join(dir, 'etc-chromium'), dir);
  mkdirSync(join(chromiumEtc, 'policies/managed'), { recursive: true });
  writeFileSync(join(chromiumEtc, 'policies/managed/prospect-guard-test.json'), JSON.stringify({ '3rdparty': { extensions: { [chromiumId]: policy } } }, null, 2));
  // Firefox: a copy of the installation's distribution/ folder (Debian keeps search plugins there) plus policies.json.
  const firefoxDist = stage(FIREFOX_DIST, join(dir, 'firefox-distribution'), dir);
  writeFileSync(join(firefoxDist, 'policies.json'), JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } }, null, 2));
  process.env.PG_REAL_CHROMIUM = CHROMIUM_REAL;
  process.env.PG_REAL_FIREFOX = FIREFOX_REAL;
  process.env.CHROMIUM_PATH = wrapper(dir, 'chromium', chromiumEtc, CHROMIUM_ETC, CHROMIUM_REAL);
  process.env.FIREFOX_PATH = wrapper(dir, 'firefox', firefoxDist, FIREFOX_DIST, FIREFOX_REAL);
  return { chromiumId, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
