/**
 * `npm run lists:generate`: rewrites src/rules/data/upstream.generated.ts from the pinned npm lists
 * (see scripts/upstream-lists.ts). Run it after bumping one of them; the unit tests say when it is due.
 */
import { writeFileSync } from 'node:fs';
import { buildUpstreamLists, GENERATED_PATH, generatedModule } from './upstream-lists.js';

const lists = buildUpstreamLists();
const text = generatedModule(lists);
writeFileSync(GENERATED_PATH, text);
console.log(
  `upstream.generated.ts: ${lists.freeMail.length} consumer webmail + ${lists.disposable.length} disposable domains, ` +
    `${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB (${Object.entries(lists.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
);
for (const [p, bad] of Object.entries(lists.rejected)) console.log(`  ${p}: ${bad.length} entries that are not domains dropped: ${bad.slice(0, 5).join(', ')}`);
