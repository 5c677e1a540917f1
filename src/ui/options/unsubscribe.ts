/** The unsubscribe methods live with the rules (src/rules/unsubscribe.ts): the worker's introduction uses them too. */
export * from '../../rules/unsubscribe';
