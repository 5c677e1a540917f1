/**
 * The words of `prospect-guard check-message` live in the CLI's one catalogue, src/cli/i18n.ts; this
 * module keeps the names check-message.ts imports.
 */
export { CHECK_MESSAGE_USAGE, CHECK_MESSAGE_WORDS, type CheckMessageWords } from './i18n';
