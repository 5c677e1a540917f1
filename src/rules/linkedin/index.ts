/** LinkedIn members as recipients: the headline rules, the person's key, the judgement, the note's limit. */
export { judgeHeadline, PRIVATE_CUES, ROLE_WORDS } from './headline.js';
export type { CueKind, Cue, HeadlineJudgement, PersonAudience } from './headline.js';
export { personKey, profileId, normalizePersonKey, isPersonKey, PERSON_KEY_PREFIX } from './key.js';
export type { PersonKeyInput } from './key.js';
export { judgePerson, judgePersons, PERSON_SOURCES } from './person.js';
export type { PersonInput, PersonOptions } from './person.js';
export { fitNote, NOTE_LIMIT_FREE, NOTE_LIMIT_PREMIUM, NOTE_SEPARATOR } from './note.js';
export type { NoteFit } from './note.js';
export { linkedinIntroSettings, LINKEDIN_SOURCE } from './intro.js';
