/** esbuild's text loader (e2e/editors/build.ts): a CSS file imported as its text. */
declare module '*.css' {
  const css: string;
  export default css;
}
