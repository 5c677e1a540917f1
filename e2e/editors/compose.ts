/**
 * What every editor page of the matrix shares: a plain compose form the generic adapter reads (a "À" email field, a
 * subject, the editor, an "Envoyer" button), and the model-reading API the browser test calls in the page:
 *
 *   window.__editorModel()  → the editor's OWN model as lines (read through the editor's API, not the DOM)
 *   window.__editorReady    → true once the editor is mounted
 *
 * Pages are bundled by e2e/editors/build.ts (esbuild) at test time; nothing here is shipped in the extension.
 */

declare global {
  interface Window {
    __editorModel(): string[];
    __editorReady?: boolean;
    __editorName?: string;
  }
}

/** The compose form; returns the element the editor mounts in. */
export function composeForm(name: string, css = ''): { mount: HTMLElement; form: HTMLFormElement; send: HTMLButtonElement } {
  document.title = `Éditeur ${name} – Webmail Exemple PME`;
  const style = document.createElement('style');
  style.textContent = `body{font:15px/1.45 Arial,sans-serif;margin:16px;background:#eef2f5}
form.compose{background:#fff;border:1px solid #c9d3dc;border-radius:6px;padding:10px 14px;max-width:860px}
.ligne{display:flex;gap:10px;align-items:center;border-bottom:1px solid #eef1f3;min-height:38px}
.ligne label{width:56px;color:#5b6b79}.ligne input{flex:1;border:0;outline:0;font:inherit;height:32px}
#editor-mount{margin:10px 0;min-height:200px}
#editor-mount .editable,#editor-mount textarea{min-height:200px;width:100%;box-sizing:border-box;border:1px solid #dde3e8;padding:8px;font:inherit}
.actions{display:flex;gap:10px}.actions button{padding:8px 22px}
${css}`;
  document.head.appendChild(style);
  const form = document.createElement('form');
  form.className = 'compose';
  form.setAttribute('aria-label', 'Nouveau message');
  form.addEventListener('submit', (e) => e.preventDefault());
  form.innerHTML = `<div class="ligne"><label for="to">À</label><input id="to" name="to" type="email" autocomplete="off"></div>
<div class="ligne"><label for="subject">Objet</label><input id="subject" name="subject" autocomplete="off"></div>
<div id="editor-mount"></div>
<div class="actions"><button type="button" id="send">Envoyer</button></div>`;
  document.body.appendChild(form);
  window.__editorName = name;
  return { mount: form.querySelector('#editor-mount') as HTMLElement, form, send: form.querySelector('#send') as HTMLButtonElement };
}

const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGURE|FOOTER|H[1-6]|HEADER|LI|OL|P|PRE|SECTION|TABLE|TBODY|TD|TH|THEAD|TR|UL)$/;

/** Lines of an HTML string an editor serialised (getData / getContent): one per block, <br> splits. */
export function htmlLines(html: string): string[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out: string[] = [];
  let cur = '';
  let open = false;
  const walk = (n: Node): void => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) {
        // White space between blocks (a serialiser's newlines) is no line.
        if (!open && !/\S/.test(c.nodeValue ?? '')) continue;
        cur += c.nodeValue ?? '';
        open = true;
      } else if (c.nodeType === 1) {
        const tag = (c as Element).tagName;
        if (tag === 'BR') {
          // A <br> that ends its block (the placeholder of an empty paragraph) adds no line of its own.
          if (c.nextSibling || !(c.parentElement && BLOCK.test(c.parentElement.tagName))) {
            out.push(cur);
            cur = '';
            open = false;
          } else open = true;
        } else if (BLOCK.test(tag)) {
          if (open) out.push(cur);
          cur = '';
          open = false;
          walk(c);
          out.push(cur);
          cur = '';
          open = false;
        } else walk(c);
      }
    }
  };
  walk(doc.body);
  if (open) out.push(cur);
  return out.map(clean);
}

/** A line as compared: NBSPs as spaces, runs of white space as one, trimmed. */
export const clean = (l: string): string => l.replace(/[\u00a0\s]+/g, ' ').trim();

export function ready(): void {
  window.__editorReady = true;
}
