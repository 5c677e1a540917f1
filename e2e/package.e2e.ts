/**
 * `npm run package` (scripts/package.js): both store zips are written from the production build, and the Firefox
 * zip passes `web-ext lint` — AMO's own linter — with 0 errors. Not a browser test, but it needs the production
 * build that `npm test` makes before the browser tests; it runs in the Firefox pass only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, ROOT } from './harness';

const OUT = join(ROOT, '.tmp/package-test');
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
/** `npm test` runs the browser tests once per browser: this one with Firefox's (AMO's linter is Firefox's). */
const once = BROWSERS.includes('firefox');

/** The entries of a zip file (central directory), with a reader for the stored or deflated ones. */
function zipEntries(file: string): Map<string, () => Buffer> {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file}: not a zip`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, () => Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    out.set(name, () => {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

interface Listing {
  name: string;
  summary: string;
  description: string[];
  privacy: string[];
  permissions: Record<string, string>;
}
/** The store texts (store/listing.json) fit the stores' limits and justify every permission the manifest asks. */
function listingCovers(manifest: { permissions?: string[]; optional_host_permissions?: string[]; host_permissions?: string[]; content_scripts?: Array<{ matches: string[] }> }) {
  const listing = JSON.parse(readFileSync(join(ROOT, 'store/listing.json'), 'utf8')) as Record<'fr' | 'en', Listing>;
  const asked = [
    ...(manifest.permissions ?? []),
    ...(manifest.optional_host_permissions?.length ? ['optional_host_permissions'] : []),
    ...(manifest.host_permissions ?? []).map((h) => `host_permissions:${h}`),
    ...(manifest.content_scripts ?? []).flatMap((c) => c.matches.map((m) => `content_scripts:${m}`)),
  ];
  for (const lang of ['fr', 'en'] as const) {
    const l = listing[lang];
    expect(l.name.length).toBeLessThanOrEqual(45);
    expect(l.summary.length, `${lang} summary fits the Chrome Web Store's 132 characters`).toBeLessThanOrEqual(132);
    expect(l.description.join('\n').length).toBeLessThanOrEqual(16000);
    expect(l.privacy.join('\n').length).toBeGreaterThan(100);
    // One justification per permission, none for a permission the manifest no longer asks.
    expect(Object.keys(l.permissions).sort(), `${lang} permission justifications`).toEqual([...new Set(asked)].sort());
    for (const text of Object.values(l.permissions)) expect(text.length).toBeGreaterThan(40);
  }
}

describe.runIf(once)('store packages', () => {
  it('npm run package writes both zips from the production build and the Firefox zip lints with 0 errors', () => {
    rmSync(OUT, { recursive: true, force: true });
    const built = existsSync(join(ROOT, 'dist/chrome/manifest.json')) && existsSync(join(ROOT, 'dist/firefox/manifest.json'));
    const r = spawnSync(process.execPath, ['scripts/package.js', ...(built ? ['--no-build'] : [])], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PG_ARTIFACTS_DIR: OUT },
    });
    expect(r.stdout + r.stderr).toMatch(/web-ext lint \(firefox zip\): 0 errors/);
    expect(r.status).toBe(0);

    for (const browser of ['chrome', 'firefox'] as const) {
      const zip = join(OUT, `prospect-guard-${browser}-${version}.zip`);
      expect(existsSync(zip)).toBe(true);
      const entries = zipEntries(zip);
      // The stores want the manifest at the root, the locales, the icons, and nothing hidden (.vite/ …).
      expect([...entries.keys()]).toContain('manifest.json');
      expect([...entries.keys()]).toContain('_locales/fr/messages.json');
      expect([...entries.keys()]).toContain('icons/icon-128.png');
      expect([...entries.keys()].filter((n) => n.split('/').some((part) => part.startsWith('.')))).toEqual([]);
      const manifest = JSON.parse(entries.get('manifest.json')!().toString('utf8'));
      expect(manifest.version).toBe(version);
      expect(manifest.default_locale).toBe('fr');
      // A store build grants exactly the source manifest's hosts (test builds may add some, PG_TEST_HOSTS).
      expect(manifest.host_permissions ?? []).toEqual(JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')).host_permissions ?? []);
      if (browser === 'firefox') {
        expect(manifest.browser_specific_settings.gecko.id).toBe('prospect-guard@prospect-guard.eu');
        expect(manifest.background.scripts).toHaveLength(1);
      } else {
        expect(manifest.browser_specific_settings).toBeUndefined();
        expect(typeof manifest.background.service_worker).toBe('string');
      }
      // Every file the manifest names is in the zip.
      const named = [
        manifest.background.service_worker ?? manifest.background.scripts[0],
        manifest.action.default_popup,
        manifest.options_ui.page,
        ...Object.values(manifest.icons as Record<string, string>),
        ...manifest.content_scripts.flatMap((c: { js: string[] }) => c.js),
      ];
      for (const f of named) expect(entries.has(f), `${browser} zip holds ${f}`).toBe(true);
      listingCovers(manifest);
    }
  });
});
