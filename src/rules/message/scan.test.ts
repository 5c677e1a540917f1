import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMessageScanner, scanMessage } from './scan';

const corpus = ['tuning', 'held-out']
  .flatMap((set) => {
    const dir = new URL(`./corpus/${set}/`, import.meta.url).pathname;
    return readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
  })
  .map((t) => t.slice(t.indexOf('\n---\n') + 5));

describe('incremental scanning', () => {
  it('gives exactly the one-off scan after any sequence of edits (property)', () => {
    const edit = fc.record({
      pick: fc.nat(),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      del: fc.nat({ max: 30 }),
      ins: fc.constantFrom('', 'a', ' ', '.', '. ', '\n', '\n\n', 'é', 'STOP', ' offre ', 'https://x.fr/desinscription ', 'Le 3 nov. 2026, A <a@b.fr> a écrit :\n> x', '> cité\n'),
    });
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 25 }), (start, edits) => {
        const scanner = createMessageScanner();
        let body = corpus[start % corpus.length]!;
        scanner.scan({ body });
        for (const e of edits) {
          const at = Math.floor(e.at * body.length);
          body = body.slice(0, at) + e.ins + body.slice(Math.min(body.length, at + e.del));
          if (e.pick % 5 === 0) body = corpus[e.pick % corpus.length]! + body; // a paste in front
          expect(scanner.scan({ body, subject: 'Re: x' })).toEqual(scanMessage({ body, subject: 'Re: x' }));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('re-reads only the sentence being typed in a long draft', () => {
    const draft = Array.from({ length: 60 }, (_, i) => `Paragraphe ${i}. Nous sommes une agence web spécialisée dans les sites pour artisans et commerçants.`).join('\n\n');
    const scanner = createMessageScanner();
    scanner.scan({ body: draft });
    expect(scanner.lastScanned()).toBe(60); // one block per paragraph (its first sentence is too short to stand alone)
    const at = draft.indexOf('Paragraphe 30.') + 20;
    const edited = `${draft.slice(0, at)}x${draft.slice(at)}`;
    scanner.scan({ body: edited });
    expect(scanner.lastScanned()).toBe(1);
    scanner.scan({ body: edited });
    expect(scanner.lastScanned()).toBe(0);
  });

  it('never throws on odd input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.option(fc.string({ maxLength: 50 })), (body, subject) => {
        const s = createMessageScanner();
        s.scan({ body, subject: subject ?? undefined });
        s.scan({ body: body + body, subject: subject ?? undefined });
      }),
      { numRuns: 300 },
    );
    expect(() => scanMessage(null as never)).not.toThrow();
    expect(() => scanMessage({ body: 42 as never, subject: {} as never })).not.toThrow();
  });
});
