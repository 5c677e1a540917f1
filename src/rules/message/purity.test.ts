import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('.', import.meta.url).pathname;
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return f.endsWith('.ts') && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('src/rules/message is pure', () => {
  it('imports no Node builtin and touches no DOM or extension API', () => {
    const files = sources(root);
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) {
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, f).not.toMatch(/from\s+['"](?:node:|fs|path|os|crypto|child_process)['"/]/);
      expect(code, f).not.toMatch(/\b(?:document|window|navigator|chrome|browser|indexedDB|localStorage)\s*\./);
      expect(code, f).not.toMatch(/\bprocess\.|\brequire\(/);
    }
  });
});
