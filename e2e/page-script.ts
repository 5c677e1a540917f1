/**
 * A fixture page's script (the real editors from npm, a site's stand-in widgets), bundled with esbuild at test time
 * into one minified IIFE that can sit inline in the page's HTML: the page then makes no request at all.
 */
import { build } from 'esbuild';

export async function pageScript(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    legalComments: 'none',
    loader: { '.css': 'text', '.html': 'text' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  // An inline script ends at the first "</script": escape it wherever it appears in strings.
  return out.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script');
}
