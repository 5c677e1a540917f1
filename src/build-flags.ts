/**
 * Compile-time switches. `npm run build:test` (dist-test/) sets __PG_TEST_HOOKS__ to true: the overlay host then
 * carries data-verdict / data-recipients and its shadow root is open, for the browser tests and the demo.
 * Production builds (dist/) replace it with false and the bundler drops the hooks.
 */
declare const __PG_TEST_HOOKS__: boolean | undefined;

export const TEST_HOOKS: boolean = typeof __PG_TEST_HOOKS__ !== 'undefined' && __PG_TEST_HOOKS__ === true;
