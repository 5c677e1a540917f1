/**
 * Mailbox-provider data maintained by hand, one note per entry.
 *
 * The bulk lists come from npm packages (free-email-domains, disposable-email-domains-js);
 * this file only holds what those lists miss or get wrong for a French sales team.
 * Checked against free-email-domains 1.12.6 (2026-11-28): it lacks bbox.fr, numericable.fr,
 * cegetel.net, aliceadsl.fr, club-internet.fr and tutanota.com.
 */

export interface DomainNote {
  /** Lower-case ASCII (punycode) domain. */
  domain: string;
  note: string;
}

/**
 * Consumer webmail domains missing from free-email-domains (or worth pinning).
 * They make a recipient `private` with the `free-mail` flag.
 */
export const FREE_MAIL_SUPPLEMENT: readonly DomainNote[] = [
  { domain: 'tutanota.com', note: 'Tuta (ex-Tutanota) encrypted consumer webmail' },
  { domain: 'tutanota.de', note: 'Tuta (ex-Tutanota) encrypted consumer webmail, German domain' },
  { domain: 'tuta.io', note: 'Tuta encrypted consumer webmail, short domain' },
  { domain: 'tuta.com', note: 'Tuta encrypted consumer webmail, domain offered since the 2023 rename' },
  { domain: 'tutamail.com', note: 'Tuta encrypted consumer webmail, alias domain' },
  { domain: 'keemail.me', note: 'Tuta encrypted consumer webmail, alias domain' },
  { domain: 'mailo.com', note: 'Mailo, French consumer webmail (ex-Net-C / netcourrier)' },
  { domain: 'netcourrier.com', note: 'Net-C, French consumer webmail (now Mailo)' },
];

/**
 * Internet-service-provider consumer mailbox domains (France first, then neighbours).
 * They make a recipient `private` with the `isp` flag. Not the ISPs' corporate domains:
 * orange.com, sfr.com, laposte.fr, bouyguestelecom.fr stay organisations (see CORPORATE_DOMAINS).
 */
export const ISP_CONSUMER_DOMAINS: readonly DomainNote[] = [
  // France
  { domain: 'orange.fr', note: 'Orange consumer ISP mailbox (employees use orange.com)' },
  { domain: 'wanadoo.fr', note: 'Wanadoo consumer ISP mailbox, legacy brand of Orange' },
  { domain: 'voila.fr', note: 'Voila portal consumer webmail (Orange group)' },
  { domain: 'nordnet.fr', note: 'Nordnet consumer ISP mailbox (Orange group)' },
  { domain: 'free.fr', note: 'Free (Iliad) consumer ISP mailbox' },
  { domain: 'aliceadsl.fr', note: 'Alice ADSL consumer ISP mailbox, legacy brand taken over by Free' },
  { domain: 'libertysurf.fr', note: 'Liberty Surf consumer ISP mailbox, legacy (Tiscali, then Alice/Free)' },
  { domain: 'tiscali.fr', note: 'Tiscali France consumer ISP mailbox, legacy (then Alice/Free)' },
  { domain: 'worldonline.fr', note: 'World Online France consumer ISP mailbox, legacy (then Tiscali)' },
  { domain: 'freesbee.fr', note: 'Freesbee consumer ISP mailbox, legacy (then Tiscali)' },
  { domain: 'infonie.fr', note: 'Infonie consumer ISP mailbox, legacy' },
  { domain: 'sfr.fr', note: 'SFR consumer ISP mailbox (the company uses sfr.com)' },
  { domain: 'neuf.fr', note: 'Neuf Cegetel consumer ISP mailbox, legacy brand of SFR' },
  { domain: 'cegetel.net', note: 'Cegetel consumer ISP mailbox, legacy brand of SFR' },
  { domain: '9online.fr', note: '9 Telecom / 9online consumer ISP mailbox, legacy (Neuf, then SFR)' },
  { domain: 'club-internet.fr', note: 'Club-Internet consumer ISP mailbox, legacy (Neuf, then SFR)' },
  { domain: 'noos.fr', note: 'Noos cable consumer ISP mailbox, legacy (Numericable, then SFR)' },
  { domain: 'numericable.fr', note: 'Numericable cable consumer ISP mailbox, legacy (now SFR)' },
  { domain: 'modulonet.fr', note: 'Modulonet cable consumer ISP mailbox, legacy (Numericable)' },
  { domain: 'bbox.fr', note: 'Bouygues Telecom consumer ISP mailbox (Bbox box)' },
  { domain: 'laposte.net', note: 'La Poste consumer webmail (La Poste staff use laposte.fr)' },
  // Germany
  { domain: 't-online.de', note: 'Deutsche Telekom consumer ISP mailbox' },
  { domain: 'arcor.de', note: 'Arcor consumer ISP mailbox, legacy (Vodafone Germany)' },
  { domain: 'vodafonemail.de', note: 'Vodafone Germany consumer ISP mailbox' },
  { domain: 'kabelmail.de', note: 'Kabel Deutschland consumer ISP mailbox, legacy (Vodafone)' },
  { domain: 'freenet.de', note: 'freenet consumer ISP / webmail mailbox' },
  { domain: 'online.de', note: '1&1 consumer ISP mailbox' },
  // Belgium
  { domain: 'skynet.be', note: 'Skynet consumer ISP mailbox (Belgacom, now Proximus)' },
  { domain: 'belgacom.net', note: 'Belgacom consumer ISP mailbox, legacy (now Proximus)' },
  { domain: 'telenet.be', note: 'Telenet consumer ISP mailbox' },
  { domain: 'scarlet.be', note: 'Scarlet consumer ISP mailbox' },
  // Spain
  { domain: 'telefonica.net', note: 'Telefónica consumer ISP mailbox' },
  { domain: 'terra.es', note: 'Terra portal consumer mailbox (Telefónica)' },
  // United Kingdom
  { domain: 'btinternet.com', note: 'BT consumer ISP mailbox' },
  { domain: 'virginmedia.com', note: 'Virgin Media consumer ISP mailbox' },
  { domain: 'ntlworld.com', note: 'NTL consumer ISP mailbox, legacy (Virgin Media)' },
  { domain: 'blueyonder.co.uk', note: 'Blueyonder consumer ISP mailbox, legacy (Virgin Media)' },
  { domain: 'talktalk.net', note: 'TalkTalk consumer ISP mailbox' },
  { domain: 'tiscali.co.uk', note: 'Tiscali UK consumer ISP mailbox, legacy (TalkTalk)' },
  { domain: 'sky.com', note: 'Sky consumer ISP mailbox' },
  // United States
  { domain: 'comcast.net', note: 'Comcast Xfinity consumer ISP mailbox' },
  { domain: 'verizon.net', note: 'Verizon consumer ISP mailbox' },
  { domain: 'att.net', note: 'AT&T consumer ISP mailbox' },
  { domain: 'sbcglobal.net', note: 'SBC Global consumer ISP mailbox, legacy (AT&T)' },
  { domain: 'cox.net', note: 'Cox consumer ISP mailbox' },
  { domain: 'charter.net', note: 'Charter Spectrum consumer ISP mailbox' },
];

/**
 * Corporate domains of companies that also run a consumer mailbox service. Never treated as a
 * consumer provider, even if a future release of an upstream list adds them: staff addresses there
 * are professional (or organisation) addresses.
 */
export const CORPORATE_DOMAINS: readonly DomainNote[] = [
  { domain: 'orange.com', note: 'Orange group staff domain (consumers are on orange.fr / wanadoo.fr)' },
  { domain: 'orange-business.com', note: 'Orange Business staff domain' },
  { domain: 'laposte.fr', note: 'La Poste staff domain (consumers are on laposte.net)' },
  { domain: 'google.com', note: 'Google staff domain (consumers are on gmail.com)' },
  { domain: 'microsoft.com', note: 'Microsoft staff domain (consumers are on outlook.com / hotmail.*)' },
  { domain: 'apple.com', note: 'Apple staff domain (consumers are on icloud.com / me.com / mac.com)' },
  { domain: 'sfr.com', note: 'SFR staff domain (consumers are on sfr.fr)' },
  { domain: 'bouyguestelecom.fr', note: 'Bouygues Telecom staff domain (consumers are on bbox.fr)' },
  { domain: 'iliad.fr', note: 'Iliad (Free) staff domain (consumers are on free.fr)' },
  { domain: 'proximus.com', note: 'Proximus staff domain (consumers are on skynet.be)' },
  { domain: 'telekom.de', note: 'Deutsche Telekom staff domain (consumers are on t-online.de)' },
];
