/**
 * Reasons for the mailbox classes of lists.ts, roles.ts and students.ts (French and English, with
 * their sources). The regime that follows is regime.ts's; these only say who the recipient is.
 */
import { makeReason } from './reasons.js';
import type { Source } from './types.js';

export const MAILBOX_SOURCES = {
  gdprIdentifiable: {
    ref: { fr: 'RGPD art. 4(1) ; doctrine de la CNIL', en: 'GDPR art. 4(1); CNIL doctrine' },
    note: {
      fr: 'une personne identifiée par sa fonction ; les adresses génériques des personnes morales',
      en: 'a person identified by their function; generic addresses of legal persons',
    },
    confidence: 'S',
  },
  // The schools' address formats behind these reasons are data, with their public source each: data/students.ts.
  studentFormats: {
    ref: 'CPCE art. L34-5',
    note: { fr: 'toute personne physique ; formats d\u2019adresse publiés par les établissements', en: 'any natural person; the address formats schools publish' },
    confidence: 'S',
  },
  publicService: {
    ref: { fr: 'doctrine de la CNIL ; Répertoire national des établissements', en: 'CNIL doctrine; Répertoire national des établissements' },
    note: {
      fr: 'coordonnées d\u2019une personne morale ; l\u2019UAI est le numéro de l\u2019établissement scolaire dans ce répertoire',
      en: 'a legal person\u2019s contact details; the UAI is the school\u2019s number in that directory',
    },
    confidence: 'NC',
  },
  // The exceptions, each with its own public source: data/corporate.ts.
  corporateAudit: {
    ref: 'Prospect Guard',
    note: { fr: 'exceptions vérifiées une à une dans les listes de messageries', en: 'exceptions checked one by one in the mailbox lists' },
    confidence: 'S',
  },
} as const satisfies Record<string, Source>;

export const MAILBOX_REASONS = Object.freeze({
  studentDomain: makeReason(
    'private-student-domain',
    'Domaine réservé aux étudiants d\u2019une école (ex. student-cs.fr, edu.escp.eu) : adresse personnelle d\u2019un étudiant, pas celle de l\u2019établissement.',
    'A school\u2019s student-only domain (e.g. student-cs.fr, edu.escp.eu): a student\u2019s personal address, not the institution\u2019s.',
    MAILBOX_SOURCES.studentFormats,
  ),
  studentMark: makeReason(
    'private-student-mark',
    'Marque étudiante dans l\u2019adresse (ex. prenom.nom.etu@univ-lille.fr) : adresse personnelle d\u2019un étudiant.',
    'Student mark in the address (e.g. firstname.lastname.etu@univ-lille.fr): a student\u2019s personal address.',
    MAILBOX_SOURCES.studentFormats,
  ),
  alumni: makeReason(
    'private-alumni',
    'Adresse à vie d\u2019ancien élève (ex. polytechnique.org, alumni.…) : elle renvoie vers la boîte personnelle d\u2019un diplômé, c\u2019est l\u2019adresse d\u2019un particulier.',
    'Lifelong alumni address (e.g. polytechnique.org, alumni.…): it forwards to a graduate\u2019s own mailbox, a private individual\u2019s address.',
    MAILBOX_SOURCES.studentFormats,
  ),
  mixedStudentStaff: makeReason(
    'unknown-student-or-staff',
    'Domaine commun au personnel et aux étudiants de l\u2019établissement : impossible de savoir si le destinataire est un salarié ou un étudiant (un particulier) ; le régime le plus strict est appliqué.',
    'A domain shared by the institution\u2019s staff and its students: we cannot tell an employee from a student (a private individual); the strictest regime applies.',
    MAILBOX_SOURCES.studentFormats,
  ),
  functionTitle: makeReason(
    'function-title-person',
    'Titre de fonction tenu par une seule personne (ceo@, president@, directeur@, france@, paris@…) : ce n\u2019est pas une adresse impersonnelle, c\u2019est l\u2019adresse de la personne qui occupe la fonction, traitée comme une adresse nominative (en Belgique et en Allemagne, l\u2019adresse d\u2019une personne).',
    'A function title held by one person (ceo@, president@, directeur@, france@, paris@…): not an impersonal address but the title holder\u2019s own, treated as a nominative address (in Belgium and Germany, a person\u2019s address).',
    MAILBOX_SOURCES.gdprIdentifiable,
  ),
  publicService: makeReason(
    'organization-public-service',
    'Adresse de service d\u2019une administration française (établissement scolaire ce.<UAI>@ac-…, services de préfecture pref-…, mairie@) : coordonnées d\u2019une personne morale de droit public, hors règles de consentement et d\u2019opposition ; les mentions « dans tous les cas » restent dues.',
    'A French public body\u2019s service address (a school\u2019s ce.<UAI>@ac-…, prefecture services pref-…, mairie@): a public legal person\u2019s coordinates, outside consent and objection rules; the "in all cases" elements still apply.',
    MAILBOX_SOURCES.publicService,
  ),
  corporateException: makeReason(
    'corporate-domain-exception',
    'Ce domaine figure sur une liste de messageries grand public, mais c\u2019est le domaine propre d\u2019une organisation (exception documentée) : ses salariés ne sont pas des particuliers.',
    'This domain is on a consumer-mailbox list, but it is an organisation\u2019s own domain (documented exception): its employees are not private individuals.',
    MAILBOX_SOURCES.corporateAudit,
  ),
});
