/**
 * The cue lists of the message analysis, as data: each cue has a stable id, what it means in French
 * and English (shown in the reasons), a note saying why it is there, a weight, and its phrases in
 * French and English (syntax in phrases.ts). Both languages' phrases are looked for in every
 * message: people mix them ("Best regards" under a French pitch).
 *
 * Weights: a message is prospecting when its commercial cues outweigh the cues of an ordinary mail
 * (see decide.ts). They were set on the tuning half of the corpus only (corpus/README.md).
 */
import type { IntroElement } from '../intro.js';
import type { Topic } from '../types.js';

export interface Cue {
  id: string;
  label: { fr: string; en: string };
  note: string;
  weight: number;
  fr: readonly string[];
  en: readonly string[];
}

/** A cue that the message is a commercial solicitation, and of which kind. */
export interface ProspectingCue extends Cue {
  /** `commercial`: something is being sold; `first-contact`: the sender addresses a stranger. */
  group: 'commercial' | 'first-contact';
}

/** A cue that the message is an ordinary mail (a transaction, an existing relationship, a private life). */
export interface OrdinaryCue extends Cue {
  group: 'transactional' | 'relationship' | 'personal' | 'job';
}

export const PROSPECTING_CUES: readonly ProspectingCue[] = [
  {
    id: 'reach-out',
    group: 'first-contact',
    weight: 2,
    label: { fr: 'prise de contact avec un inconnu', en: 'reaching out to a stranger' },
    note: 'The formulas of a first message ("je me permets de vous contacter", "I am reaching out"). Job seekers use them too: the job cue outweighs it.',
    fr: [
      'je me permets de vous contacter|ecrire|solliciter|adresser|presenter',
      'je me permets de prendre contact',
      'je me permets ~2 vous contacter',
      'je vous contacte car|afin|pour|au',
      'je vous ecris car|afin|pour',
      'permettez moi de me|vous presenter',
      'je suis tombe|tombee sur votre',
    ],
    en: [
      'i m|am reaching out',
      'reaching out to you',
      'wanted to reach out',
      'i m|am writing to introduce',
      'allow me to introduce',
      'i came across your',
      'hope this email|message finds you well',
    ],
  },
  {
    id: 'offer',
    group: 'commercial',
    weight: 2,
    label: { fr: 'offre commerciale', en: 'commercial offer' },
    note: 'An offer or a time-limited deal. Quotes sent on request also say "offre": the relationship cues outweigh it there.',
    fr: [
      'offre|offres ~2 speciale*|exceptionnelle*|lancement|decouverte|essai|pilote|bienvenue|automne|hiver|ete|printemps',
      'profitez de|des|d',
      'offre valable',
      'offre limitee',
      'valable jusqu au',
      'jusqu au # ~2 seulement',
      'ce mois ci seulement|uniquement',
      'essai gratuit',
      'sans engagement',
      'devis|etude|diagnostic|audit|bilan|visite ~1 gratuit|gratuite|offert|offerte',
      'gratuit|gratuite|gratuits|gratuites|gratuitement',
      'offert|offerte|offerts|offertes',
      '# mois offerts',
      'livraison offerte',
      'installation offerte',
      'est offert|offerte',
    ],
    en: [
      'special|exclusive|introductory|launch|pilot|limited ~2 offer|offers|deal',
      'this month only',
      'for a limited time',
      'offer ends|expires',
      'valid until',
      'free trial',
      'free ~3 quote|quotes|survey|assessment|audit|installation|consultation|shipping|delivery|demo|trial|sample|samples|estimate|report|review|analysis|session|evaluation|check|visit|simulation|month|months|upgrade',
      '# months free',
      'no commitment',
      'at no extra cost|charge',
      'we re|are offering',
      'claim the|your offer',
    ],
  },
  {
    id: 'meeting-request',
    group: 'commercial',
    weight: 2,
    label: { fr: 'demande de rendez-vous ou de démonstration', en: 'request for a meeting or a demo' },
    note: 'The call to action of a pitch: a demo, a short call, a visit. Follow-ups after a meeting ask for the next one too: the relationship cue outweighs it.',
    fr: [
      'demo|demos|demonstration*',
      'un|une ~2 echange|appel|rendez|entretien|visio ~3 de # minutes',
      'un court|bref|petit ~1 echange|appel|rendez|entretien',
      '# minutes ~3 pour|cette|la',
      'seriez|etes vous disponible*',
      'auriez vous # minutes',
      'auriez vous un moment',
      'pouvons|pourrions nous ~1 echanger|parler|discuter',
      'puis je vous envoyer|presenter|proposer',
      'je serais ravi|ravie|heureux|heureuse de vous presenter',
      'accepteriez vous',
      'fixer|caler|planifier|prendre un ~1 rendez|creneau',
      'visite technique',
    ],
    en: [
      'demo|demos|demonstration',
      'quick|short|brief ~1 call|chat|meeting',
      '# min|minute|minutes ~3 call|chat|demo|meeting|next',
      'would you be open to',
      'are you open to',
      'do you have # minutes',
      'worth a quick',
      'book a ~1 call|demo|meeting|visit',
      'schedule a ~1 call|demo|meeting',
      'hop on a call',
      'are you available for',
    ],
  },
  {
    id: 'call-to-action',
    group: 'commercial',
    weight: 2,
    label: { fr: 'appel à l’action', en: 'call to action' },
    note: 'What a pitch asks the reader to do: contact us, ask for a quote, say whether it would be useful.',
    fr: [
      'contactez|appelez|ecrivez nous',
      'contactez|appelez le',
      'demandez votre|vos|un|une|des ~3 devis|simulation|etude|essai|visite|diagnostic|documentation|echantillon*',
      'je peux|pourrais|peux vous ~1 faire parvenir|envoyer|adresser|transmettre|proposer ~3 devis|cotation|proposition|documentation|brochure|offre|exemple*|etude|audit',
      'ca vous dirait|dit',
      'ca te dirait|dit',
      'je vous propose de',
      'interesse|interessee|interesses par',
      'n hesitez pas a me|nous contacter|solliciter ~3 projet|besoin|besoins|devis',
    ],
    en: [
      'call|contact us',
      'get in touch ~3 today|now|to',
      'reply to this ~1 email|message ~2 to',
      'just reply',
      'would that|this be useful|helpful|of interest|interesting',
      'would it make sense',
      'can i send you',
      'happy|glad to show|send|share|walk',
      'i d love to show|send|share|walk|offer|chat|talk',
      'let me know if you d|you would|you re ~2 like|interested|keen',
      'interested in ~2 learning|hearing|seeing|trying',
    ],
  },
  {
    id: 'pricing',
    group: 'commercial',
    weight: 1,
    label: { fr: 'prix ou tarifs', en: 'prices' },
    note: 'Prices appear in pitches, but also in quotes, invoices and replies: a weak cue on its own.',
    fr: ['tarif*', 'prix', 'cotation', 'a partir de # ~2 €|euros|ht', '€ ~2 par mois|utilisateur|mois|personne|mot|jour|an', 'par mois', 'reste a charge', 'devis'],
    en: ['pricing', 'price|prices', 'rate|rates', 'starting at|from ~1 $|£|€', 'per month|user|seat|vehicle', 'fee|fees', 'quote'],
  },
  {
    id: 'discount',
    group: 'commercial',
    weight: 2,
    label: { fr: 'remise ou promotion', en: 'discount or promotion' },
    note: 'Discounts and promo codes. Replies to customers mention them too: the reply outweighs it.',
    fr: ['remise|remises|reduction|reductions|rabais|promotion|promotions|promo', 'code promo', '# % ~1 de ~1 reduction|remise', '# % sur', 'jusqu a # %', 'soldes', 'black friday', 'ventes privees', '# € offerts'],
    en: ['discount|discounts', '# % off', 'up to # %', 'save # %', 'promo code', 'coupon', 'black friday', 'sale ends'],
  },
  {
    id: 'value-proposition',
    group: 'commercial',
    weight: 1,
    label: { fr: 'promesse de bénéfice', en: 'value proposition' },
    note: 'What the product does for the reader ("nos clients gagnent…", "we help teams…").',
    fr: [
      'nos clients',
      'nous aidons|accompagnons',
      'permet|permettent|permettra de reduire|gagner|augmenter|economiser|diviser',
      'gagnez|economisez|reduisez|boostez',
      'divisent|divisez par',
      'reduire vos factures|couts|depenses',
      'notre solution',
      'nos solutions',
    ],
    en: ['our customers|clients', 'we help', 'helps ~2 teams|companies|businesses', 'save time|money', 'cut your', 'reduce your', 'boost your', 'our solution|platform|software', 'roi', '# x more'],
  },
  {
    id: 'interest-question',
    group: 'commercial',
    weight: 2,
    label: { fr: 'question d’intérêt', en: 'interest question' },
    note: 'The closing question of a cold pitch ("seriez-vous intéressé", "are you the right person").',
    fr: [
      'seriez vous interesse*',
      'cela pourrait il vous interesser',
      'si cela vous interesse',
      'etes vous la bonne personne',
      'qui serait le bon interlocuteur',
      'qui serait la bonne personne',
      'envie de',
      'saviez vous',
    ],
    en: ['would you be interested', 'are you the right person', 'who would be the right person', 'if this is of interest', 'quick question', 'hit reply', 'fancy a'],
  },
  {
    id: 'marketing',
    group: 'commercial',
    weight: 1,
    label: { fr: 'message marketing', en: 'marketing message' },
    note: 'The vocabulary of newsletters and campaigns.',
    fr: ['decouvrez nos|notre ~1 nouveautes|collection|gamme|offre', 'nouvelle collection', 'inscrivez vous', 'webinaire|webinar', 'demandez des aujourd hui', 'nos nouveautes'],
    en: ["what s new", 'shop now', 'register now', 'sign up now', 'webinar', 'new collection', 'upgrade to'],
  },
];

export const ORDINARY_CUES: readonly OrdinaryCue[] = [
  {
    id: 'invoice',
    group: 'transactional',
    weight: 4,
    label: { fr: 'facture ou paiement', en: 'invoice or payment' },
    note: 'Invoices, payment reminders and receipts carry amounts and dates, never an offer.',
    fr: [
      'facture n|no|numero|#',
      'la|votre|notre facture',
      'ci joint ~2 facture',
      'montant ~3 ttc',
      'reste impayee|impayees|impaye',
      'echeance',
      'conditions de reglement',
      'proceder au reglement',
      'recu de paiement',
      'merci pour votre paiement|reglement',
      'avoir n',
    ],
    en: ['invoice|invoices', 'amount due', 'payment is|was due', 'payment due', 'your receipt', 'receipt #|no', 'thanks|thank ~1 for your payment', 'paid by', 'overdue'],
  },
  {
    id: 'order',
    group: 'transactional',
    weight: 4,
    label: { fr: 'commande ou livraison', en: 'order or delivery' },
    note: 'Order confirmations, shipping and delivery notices.',
    fr: [
      'votre|notre commande n|no|numero|#',
      'a ete expediee|expedie|livree|livre',
      'numero de suivi',
      'nous avons bien recu votre commande',
      'merci pour votre achat|commande',
      'date de livraison',
    ],
    en: ['your order', 'order #|no|number', 'has been shipped|dispatched|delivered', 'tracking number', 'thanks|thank ~1 for your order|purchase', 'delivery date'],
  },
  {
    id: 'account-notice',
    group: 'transactional',
    weight: 4,
    label: { fr: 'message de service du compte', en: 'account service message' },
    note: 'Password resets, verification codes, security notices.',
    fr: ['reinitialiser|reinitialisation ~2 mot de passe', 'code de verification|confirmation', 'confirmer votre adresse|compte'],
    en: ['reset ~2 password', 'verification code', 'verify your email|account', 'confirm your email|account', 'you can safely ignore'],
  },
  {
    id: 'meeting-follow-up',
    group: 'relationship',
    weight: 4,
    label: { fr: 'suite d’un échange déjà eu', en: 'follow-up of an earlier exchange' },
    note: 'The message follows a meeting or call the recipient took part in: an existing relationship, not a first contact.',
    fr: [
      'suite a notre ~1 echange|rendez|reunion|entretien|conversation|appel|visite|discussion|rdv',
      'comme convenu',
      'comme promis',
      'compte rendu',
      'merci ~2 pour|de ~1 votre|ton|ta accueil|temps|participation|disponibilite',
      'merci encore pour|de',
      'prochaines etapes',
      'notre conversation telephonique',
      'lors de notre ~1 echange|rendez|reunion|entretien|appel',
    ],
    en: [
      'as discussed|promised|agreed',
      'following ~2 our ~1 call|meeting|conversation|chat|demo',
      'thanks|thank ~3 for your time', 'thanks|thank ~3 for taking the time',
      'thanks again',
      'great speaking|talking|meeting',
      'enjoyed our ~1 conversation|chat|call|meeting',
      'next steps|step',
      'minutes of',
      'we discussed',
    ],
  },
  {
    id: 'solicited',
    group: 'relationship',
    weight: 4,
    label: { fr: 'réponse à une demande du destinataire', en: 'answer to the recipient’s request' },
    note: 'The recipient asked for it (a quote, a price list): the message is solicited, not prospecting.',
    fr: [
      'suite a votre demande',
      'comme demande|demandee',
      'votre demande de ~1 devis|renseignement*|tarif*|information*',
      'vous m avez demande',
      'merci pour votre message|demande|mail|email',
      'en reponse a votre',
    ],
    en: ['as requested', 'as you requested', 'you asked', 'following your request', 'thanks|thank ~1 for your ~1 message|enquiry|inquiry|request|email', 'in reply to your'],
  },
  {
    id: 'internal',
    group: 'relationship',
    weight: 3,
    label: { fr: 'échange entre collègues', en: 'between colleagues' },
    note: 'A colleague addressed with "tu" about a document, or "pour info": internal mail. Not "salut" nor "tu" alone: start-up pitches on LinkedIn use them.',
    fr: ['je t envoie|transfere|joins', 'tu en penses quoi', 'qu en penses tu', 'peux|pourrais tu', 'on en parle demain|lundi|mardi|mercredi|jeudi|vendredi|tout', 'pour info'],
    en: ['fyi', 'can you check', 'can we discuss', 'let s discuss'],
  },
  {
    id: 'personal',
    group: 'personal',
    weight: 4,
    label: { fr: 'message personnel', en: 'personal message' },
    note: 'Family and friends: greetings and sign-offs no salesperson uses. Not "love" alone ("we\u2019d love to…") nor "hey" (LinkedIn pitches use it).',
    fr: ['bisous|bises|bisou', 'coucou', 'maman|papa', 'les enfants', 'joyeux anniversaire', 'on se marie', 'gros bisous', 'je t embrasse', 'j ai hate de te voir'],
    en: ['lots|all|much of ~1 love', 'with love', 'love you', 'miss you', 'hugs', 'xoxo', 'happy birthday', 'my treat', 'fancy it', 'the kids'],
  },
  {
    id: 'job-application',
    group: 'job',
    weight: 6,
    label: { fr: 'candidature', en: 'job application' },
    note: 'A job seeker writes like a salesperson ("je me permets de vous contacter") but sells nothing.',
    fr: ['candidature', 'mon cv', 'ci joint mon cv', 'lettre de motivation', 'a la recherche d un poste|emploi|stage|alternance', 'poste de|en ~2 cdi|cdd'],
    en: ['apply for', 'my cv|resume', 'the position', 'cover letter', 'hiring manager', 'my application'],
  },
];

/**
 * The B2B introduction's elements. Unsubscribe is found by its means (a link, an address, "reply
 * STOP": see elements.ts); these phrases are the words that announce it.
 */
export const ELEMENT_CUES: Readonly<Record<IntroElement, readonly Cue[]>> = {
  activity: [
    {
      id: 'activity-statement',
      weight: 0,
      label: { fr: 'présentation de l’activité', en: 'statement of the business' },
      note: 'Who the sender is and what the company does: "nous sommes une agence…", "X est une entreprise de…", "we build…".',
      fr: [
        'notre activite',
        'sommes|suis ~3 agence|cabinet|societe|entreprise|start|startup|editeur|editrice|fabricant|distributeur|installateur|integrateur|studio|traiteur|specialiste|specialistes|expert|experts|consultant|consultante|fondateur|fondatrice|cofondateur|gerant|gerante|commercial|commerciale|responsable',
        'notre|mon|nos ~1 societe|entreprise|agence|cabinet|startup|start|equipe|equipes|artisans|techniciens|experts|consultants|atelier ~4 est|sont|accompagne*|aide*|edite*|developpe*|concoit|concoivent|fabrique*|distribue*|realise*|installe*|remplace*|organise*|specialise*|adapte*|cree*|entretien*|livre*|forme*|renove*|transporte*|repare*|conseille*',
        'nous accompagnons|aidons|editons|developpons|concevons|fabriquons|distribuons|creons|installons|organisons|intervenons|entretenons|realisons|formons|recrutons|livrons|remplacons|adaptons|renovons|transportons|reparons|conseillons|vendons|louons|produisons|brassons|construisons|gerons|imprimons',
        'on aide|accompagne|conseille|cree|developpe|fabrique|installe',
        'est une|un ~3 agence|cabinet|entreprise|societe|start|startup|editeur|fabricant|commissionnaire|plateforme|association|traiteur|bureau|brasserie|boulangerie|atelier|studio|marque|enseigne|groupe|reseau|organisme|ecole|centre|laboratoire|distributeur|grossiste|artisan|installateur|prestataire|specialiste|leader|acteur|fournisseur|transporteur|application|solution|logiciel|cooperative|maison|exploitation',
        'basee|base|installee|installe|implantee|implante ~1 a|au|en|dans ~3 depuis',
        'specialise|specialisee|specialises|specialisees|specialiste|specialistes dans|en|de|des|du',
        'editeur|editrice|fabricant|installateur|distributeur|integrateur|concepteur ~1 de|d|du|des|rge|certifie',
        'cabinet|agence de ~1 recrutement|conseil|traduction|communication|design',
        'conçoit|concoit|developpe|fabrique|edite ~2 des|un|une|les',
      ],
      en: [
        'our business',
        'we re|are ~4 company|agency|firm|startup|start|team|studio|consultancy|provider|installer|platform|specialist|specialists|experts|manufacturer|maker|makers|brewery|bakery|business|supplier|distributor|marketplace|network',
        'is a|an ~4 company|platform|agency|firm|startup|provider|marketplace|tool|app|software|service|consultancy|manufacturer|supplier|distributor|studio|brand|business|specialist|leader|network|solution|brewery|bakery|installer|agency',
        'i m|am ~4 founder|co|cofounder|ceo|cto|head|director|consultant|from',
        'our company|firm|agency ~2 is|helps|builds|makes|provides|develops',
        'we build|make|provide|help|develop|design|manufacture|install|specialise|specialize|create|supply',
        'company|agency|firm|startup|business that|which builds|makes|provides|helps|develops|designs',
        'specialised|specialized|specialising|specializing|specialists|specialist in',
        'makers|provider|providers|supplier|suppliers of',
      ],
    },
  ],
  'contact-source': [
    {
      id: 'contact-source-found',
      weight: 0,
      label: { fr: 'où le contact a été trouvé', en: 'where the contact was found' },
      note: 'The sender says where the recipient\u2019s details come from: a directory, a website, LinkedIn, an ad (GDPR art. 14(2)(f): the source of the data).',
      fr: [
        'trouve|trouvee|releve|obtenu|recupere|repere|note|decouvert ~3 vos|votre ~1 coordonnees|adresse|contact|email|mail|nom|profil|entreprise|societe|annonce|offre|numero|site',
        'vos|votre ~1 coordonnees|adresse|contact|profil ~3 proviennent|provient|viennent|trouve*|releve*|obtenu*|communique*|transmis*',
        'a attire|retenu ~2 attention',
        'decouvert|repere|remarque|vu|lu ~1 votre|vos|ton|ta|tes ~1 site|profil|annonce|annonces|offre|entreprise|societe|article|post|publication|travail|activite|festival|evenement|catalogue|boutique|magasin|podcast|video|chaine|page|stand|projet|interview|portrait|levee|recrutement|campagne|produit|produits|realisations|application|appli|restaurant|cabinet|agence|marque|collection',
        'en lisant ~4 article|interview|post|publication|portrait|annonce',
        'lu ~3 article|interview|post|publication|portrait',
        'ai|avons vu ~4 linkedin|site|annonce|presse|article|journal|post|publication',
        'dans|sur l annuaire',
        'de l annuaire',
        'annuaire des|de|du',
        'pages jaunes',
        'sur|via ~1 linkedin',
        'votre profil linkedin',
        'vous recevez ~3 message|mail|email|lettre|newsletter ~2 car|parce|puisque',
        'parce que vous ~3 inscrit|inscrite|abonne|abonnee|compte',
      ],
      en: [
        'found|got ~3 your ~2 details|email|address|contact|profile|name|company|post|listing|podcast',
        'found ~2 it|you ~2 on|in|via|through',
        'position i found',
        'your ~1 business ~1 contact details come from',
        'came across your',
        'noticed|saw|read ~2 your ~2 ad|ads|post|posts|profile|article|website|site|company|listing|job|jobs|podcast|video|talk|interview|launch|announcement|funding|shop|store|page|products|work|campaign|book|newsletter',
        'saw|noticed|see ~1 that ~1 you|your',
        'reading ~4 article|interview|post|piece',
        'saw ~1 on|your ~2 linkedin|post|profile|article|website',
        'on|via|through linkedin',
        'in|from the ~3 directory',
        'listed in|on|as',
        'you re|are receiving this ~2 because',
        'because you ~2 signed|subscribed|registered',
      ],
    },
    {
      id: 'contact-source-met',
      weight: 0,
      label: { fr: 'rencontre lors d’un salon ou d’un événement', en: 'met at a trade show or event' },
      note: 'The recipient left their card, or was met, at a trade show, a fair, a conference.',
      fr: [
        'nous nous sommes ~1 rencontres|croises|vus|parle',
        'lors du salon',
        'au salon|forum|congres',
        'sur notre|votre|le stand',
        'notre rencontre ~2 salon|conference|forum|evenement|soiree',
        'laisse votre carte',
      ],
      en: ['we met|spoke ~3 at|during', 'at our|your|the booth|stand', 'met at', 'meet|meeting|met you ~3 at|during', 'stopped|stopping|dropping|dropped|coming|came by our|the ~1 stand|booth'],
    },
    {
      id: 'contact-source-referral',
      weight: 0,
      label: { fr: 'recommandation d’un tiers', en: 'referral' },
      note: 'Someone gave the recipient\u2019s name: the referral is where the contact comes from.',
      fr: ['de la part de', 'recommande|recommandee par', 'sur les conseils de', 'sur la recommandation de', 'm a conseille|suggere|recommande de vous', 'm a donne|transmis vos coordonnees'],
      en: ['referred by', 'recommended ~2 i ~1 contact|reach|get', 'suggested i ~2 contact|reach|get', 'gave me your', 'introduced us'],
    },
  ],
  'future-offers': [
    {
      id: 'future-offers-notice',
      weight: 0,
      label: { fr: 'annonce d’offres futures sauf opposition', en: 'notice of future offers unless they object' },
      note: 'That other offers may follow, unless the person objects (the CNIL\u2019s B2B doctrine: the person is told and can object).',
      fr: [
        'sauf si vous vous y opposez',
        'sauf opposition',
        'sauf avis contraire',
        'sauf si vous ne le souhaitez pas',
        'pourrons|pourrions|pourrez|pourriez|serons|serions|susceptible*|amene|amenes ~8 offres|offre|propositions|invitations|services|informations|nouveautes',
        'vous tenir informe* ~3 offres|nouveautes',
      ],
      en: [
        'unless you object|opt',
        'unless you tell us otherwise',
        'may|might|will|occasionally ~6 send|contact|email|share ~6 offers|news|updates|information|invitations',
        'future offers',
        'from time to time ~4 offers|news|updates',
      ],
    },
  ],
  unsubscribe: [
    {
      id: 'unsubscribe-words',
      weight: 0,
      label: { fr: 'désinscription annoncée', en: 'unsubscribe wording' },
      note: 'The words announcing the way to object; the element is present only with its means (link, address, "reply STOP") nearby.',
      fr: [
        'desinscri*',
        'desabonn*',
        'ne plus ~2 recevoir',
        'ne plus etre ~1 contacte*|sollicite*',
        'ne souhaitez plus',
        'vous y opposer',
        'vous opposer',
        'retirer de ~2 liste',
      ],
      en: ['unsubscribe*', 'opt out', 'stop receiving', 'no longer ~2 receive|hear', 'remove you from', 'rather not hear', 'manage your ~1 preferences'],
    },
  ],
};

/**
 * "Reply STOP": the instruction is itself the means to object. Its span is what the element reports.
 */
export const REPLY_STOP_CUE: Cue = {
  id: 'reply-stop',
  weight: 0,
  label: { fr: 'répondre STOP', en: 'reply STOP' },
  note: 'A reply with a keyword is a free and valid means to object (CPCE L34-5: "coordonnées valables").',
  fr: ['repond*|repondre|renvoyez|envoyez ~4 stop|desinscription|desabonnement'],
  en: ['reply|respond|replying|text|send ~4 stop|unsubscribe|remove'],
};

/** Words in a link or an address that make it the way to object by themselves. */
export const UNSUBSCRIBE_LINK_WORDS: readonly string[] = [
  'unsubscribe',
  'unsub',
  'desinscription',
  'desinscrire',
  'desabonnement',
  'desabonner',
  'optout',
  'opt-out',
  'opt_out',
  'preferences',
  'stop',
  'remove',
];

/**
 * Subjects French law bans from canvassing consumers (C. conso L223-1 al. 5): equipment or works in
 * a home for energy savings or renewable energy (law 2020-901 wording, extended to every channel by
 * law 2025-594), and adapting a home to old age or disability (law 2025-594).
 */
export const TOPIC_CUES: Readonly<Record<Topic, readonly Cue[]>> = {
  'energy-renovation': [
    {
      id: 'energy-renovation-works',
      weight: 0,
      label: { fr: 'rénovation énergétique', en: 'energy renovation' },
      note: 'Insulation, heat pumps, boilers, solar panels, energy audits and the state aids that fund them (MaPrimeRénov\u2019, CEE).',
      fr: [
        'renovation energetique',
        'isolation ~2 combles|murs|thermique|exterieur|exterieure|toiture|plancher|sols|maison|logement|rampants',
        'isoler ~3 combles|murs|maison|logement|toiture',
        'combles perdus|amenages|amenageables',
        'pompe|pompes a chaleur',
        'pac air',
        'chaudiere|chaudieres ~2 biomasse|granules|condensation|gaz|fioul',
        'poele|poeles a granules|bois',
        'panneaux|panneau ~1 solaires|solaire|photovoltaiques|photovoltaique',
        'photovoltaique|photovoltaiques|autoconsommation',
        'chauffe eau ~1 thermodynamique|solaire',
        'maprimerenov',
        'prime renov',
        'certificats d economies d energie',
        'primes|prime cee',
        'audit|bilan|etude|diagnostic ~1 energetique|thermique',
        'passoire thermique|energetique',
        'economies d energie',
      ],
      en: [
        'energy renovation',
        'energy efficiency ~3 grant|grants|upgrade|upgrades|home|homes',
        'heat pump|pumps',
        'air source|ground source',
        'solar panel|panels|pv',
        'loft|cavity|attic|wall|home|spray ~1 insulation',
        'boiler upgrade|replacement|scheme',
        'home energy ~1 audit|assessment|survey',
        'retrofit|retrofitting',
      ],
    },
  ],
  'home-adaptation': [
    {
      id: 'home-adaptation-works',
      weight: 0,
      label: { fr: 'adaptation du logement au vieillissement ou au handicap', en: 'adapting a home to old age or disability' },
      note: 'Stairlifts, walk-in showers, grab bars and the aid that funds them (MaPrimeAdapt\u2019).',
      fr: [
        'adaptation|adapter ~3 logement|maison|salle|domicile',
        'perte d autonomie',
        'monte escalier|escaliers',
        'monte personne',
        'douche ~2 plain pied', 'douche ~2 senior|seniors|securisee|securise',
        'baignoire a porte',
        'remplac* ~3 baignoire ~4 douche',
        'barre|barres d appui|maintien',
        'wc ~1 sureleve|sureleves|rehausse|rehausses',
        'adapte|adaptons|adaptee|adaptees ~3 salle|logement|maison|domicile',
        'vieillir|rester ~2 chez soi|vous',
        'bien vieillir',
        'siege de douche',
        'maprimeadapt',
        'maintien a domicile',
        'elevateur ~2 pmr|personne',
      ],
      en: ['stairlift|stairlifts', 'stair lift|lifts', 'ageing|aging|age ~2 in place', 'independent living', 'raised toilet|toilets', 'walk in ~1 shower|showers|bath|baths|tub|tubs', 'grab rails|bars', 'home adaptation|adaptations', 'accessible bathroom|bathrooms', 'disabled facilities grant', 'mobility ~2 bathroom|bathrooms|home|adaptations'],
    },
  ],
};
