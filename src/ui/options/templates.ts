/** Introduction templates live with the rules (src/rules/templates.ts): the worker's introduction renders them too. */
export * from '../../rules/templates';
