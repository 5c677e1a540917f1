/** The first line of the overlay's styles: how a new content script recognises an overlay an old one left behind. */
export const OVERLAY_MARK = '/* prospect-guard overlay */';

/** Styles of the overlay, inside its shadow root: nothing leaks in from the page or out to it. */
export const OVERLAY_CSS = `${OVERLAY_MARK}
:host { all: initial; display: block; }
[hidden] { display: none !important; }
* { box-sizing: border-box; }
.pg {
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #1f1f1f;
  background: #f6f7f9;
  border: 1px solid #c8ccd2;
  border-left-width: 4px;
  border-radius: 6px;
  margin: 4px 8px;
  padding: 4px 8px;
  /* Set by mount.tsx: a third of the compose window at most; the bar stays, the details scroll. */
  max-height: var(--pg-max-height, 33vh);
  display: flex;
  flex-direction: column;
  text-align: left;
}
.tone-danger { background: #fdecea; border-color: #b3261e; }
.tone-warn { background: #fff6e0; border-color: #a15c00; }
.tone-ok { background: #eef6ff; border-color: #1a56db; }
.tone-muted { background: #f6f7f9; border-color: #8a9099; }
/* The bar: the verdict, "Détails" and × on the first row; the main action (and its feedback) on a second row, unless
   the compose is wide enough for all of it on one line. The headline is never cut: a long one wraps. */
.pg { container-type: inline-size; }
.bar {
  display: grid;
  grid-template-columns: auto minmax(0, 1fr) auto auto;
  grid-template-areas: "dot head toggle close" ". main main main";
  align-items: center; column-gap: 6px; row-gap: 2px; min-height: 24px; flex: none;
}
.bar > .dot { grid-area: dot; }
.bar > .headline { grid-area: head; min-width: 0; }
.bar > .main { grid-area: main; display: flex; flex-wrap: wrap; align-items: center; gap: 6px; min-width: 0; }
.bar > [data-action="toggle"] { grid-area: toggle; }
.bar > [data-action="dismiss"] { grid-area: close; }
@container (min-width: 640px) {
  .bar { grid-template-columns: auto minmax(0, 1fr) auto auto auto; grid-template-areas: "dot head main toggle close"; }
}
.dot { width: 8px; height: 8px; border-radius: 50%; background: #8a9099; flex: none; }
.tone-danger .dot { background: #b3261e; }
.tone-warn .dot { background: #a15c00; }
.tone-ok .dot { background: #1a56db; }
.headline { margin: 0; font-weight: 600; flex: 1; }
.tone-muted .headline { font-weight: 500; color: #3c4043; }
.body, .note, .error { margin: 4px 0; }
.note { color: #4a4f57; font-size: 12px; }
.error { color: #b3261e; }
button {
  font: inherit;
  font-size: 12px;
  color: #1f1f1f;
  background: #fff;
  border: 1px solid #8a9099;
  border-radius: 4px;
  padding: 2px 8px;
  margin: 2px 4px 2px 0;
  cursor: pointer;
}
button:hover { background: #eceff3; }
button:disabled { opacity: .6; cursor: default; }
button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
button.primary { background: #0b57d0; border-color: #0b57d0; color: #fff; font-weight: 600; }
button.primary:hover { background: #0842a0; }
button.secondary { background: #fff; }
button.link { border-color: transparent; background: transparent; text-decoration: underline; color: #0b57d0; padding: 2px 4px; margin: 0; }
button.link:hover { background: transparent; color: #0842a0; }
.bar button { flex: none; margin: 0; }
button.icon { border: none; background: transparent; font-size: 16px; line-height: 1; padding: 2px 6px; margin: 0; }
.details { padding: 2px 0 4px 14px; overflow: auto; min-height: 0; }
.small { font-size: 12px; margin: 6px 0 2px; font-weight: 600; }
ul { margin: 0; padding: 0 0 0 16px; }
.recipients > ul { padding: 0; list-style: none; }
.recipient { margin: 4px 0; }
.addr { font-weight: 600; word-break: break-all; }
.label { color: #3c4043; }
.consent { color: #146c2e; font-size: 12px; }
.headline-line { color: #4b5563; font-size: 12px; }
.reasons { font-size: 12px; color: #3c4043; }
.source { color: #5f6368; }
.more { font-size: 12px; margin: 2px 0 0 16px; }
.more summary { cursor: pointer; color: #3c4043; }
.more summary:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.actions { margin-top: 2px; }
.suggestion { margin: 4px 0; }
.preview { background: #fff; border: 1px solid #c8ccd2; border-radius: 4px; padding: 4px 8px; }
.preview p { margin: 4px 0; white-space: pre-wrap; }
.elements { font-size: 12px; margin: 4px 0; }
.elements ul { display: inline; padding: 0; }
.elements li { display: inline; margin-right: 10px; }
.elements li.no { color: #b3261e; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
.feedback { font-size: 12px; flex: none; }
.feedback:empty { display: none; }
.form { margin: 4px 0; display: flex; flex-direction: column; gap: 4px; }
.form-title { margin: 0; font-weight: 600; }
.field { display: flex; flex-direction: column; gap: 2px; font-size: 12px; border: 0; padding: 0; margin: 0; }
.field legend { padding: 0; margin-bottom: 2px; }
.field input[type=text], .field select { font: inherit; font-size: 13px; padding: 3px 6px; border: 1px solid #8a9099; border-radius: 4px; background: #fff; color: #1f1f1f; }
.field input[type=text]:focus-visible, .field select:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
.choice { display: flex; align-items: center; gap: 4px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.feedback.good { color: #146c2e; }
.checks { font-size: 12px; margin: 2px 0 0 14px; flex: none; }
.checks .yes { color: #146c2e; margin-right: 8px; white-space: nowrap; }
.checks .note { margin: 0; }
button.add { padding: 0 6px; }
.guard { border-top: 1px solid #b3261e; margin-top: 4px; padding-top: 4px; flex: none; }
.guard-line { margin: 2px 0 0 14px; font-size: 12px; }
button.danger { border-color: #b3261e; color: #b3261e; }
.feedback.bad { color: #b3261e; }
`;
