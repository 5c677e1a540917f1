/**
 * The consumer-mailbox supplement: hand-kept data, one entry per domain with the operator, the
 * provider's **country** (ISO 3166-1 alpha-2), a note and a public source. The bulk lists come
 * from npm (see src/rules/data/upstream.generated.ts); this file holds what a French sales team
 * meets and those lists miss, get wrong (a consumer portal filed as disposable) or leave without a
 * country (a British ISP on .com is British: providerCountry() reads it from here).
 *
 * Sources, by strength:
 * - ISPDB: Thunderbird's autoconfig database (github.com/thunderbird/autoconfig, ispdb/), which maps
 *   an operator's mail domains to its servers; where the file was read, the entry cites it.
 * - DELTA: Delta Chat's provider database (github.com/deltachat/provider-db), same kind of data.
 * - OPERATOR: the operator's own help pages.
 * - WP: an encyclopedia article on the operator. Secondary: such entries carry `weak: true` and
 *   their note says so. Most weak entries are also on an upstream list (the audit test reports it).
 *
 * Checked 2026-11-28 against free-email-domains 1.12.6, which lacks bbox.fr, numericable.fr,
 * cegetel.net, aliceadsl.fr, club-internet.fr and tutanota.com.
 */

export type SupplementKind = 'isp' | 'free-mail';

export interface ConsumerMailbox {
  /** Lower-case ASCII (punycode) domain; its subdomains are covered too. */
  domain: string;
  kind: SupplementKind;
  /** ISO 3166-1 alpha-2 code of the provider's country (GB for the United Kingdom). */
  country: string;
  operator: string;
  note: string;
  source: string;
  /** The source is secondary (an encyclopedia) or only shows the domain in use. */
  weak?: true;
}

/** Kept for callers of the first version: a domain and its note. */
export interface DomainNote {
  domain: string;
  note: string;
}

const ISPDB = (file: string): string => `https://github.com/thunderbird/autoconfig/blob/master/ispdb/${file}`;
const DELTA = (file: string): string => `https://github.com/deltachat/provider-db/blob/master/_providers/${file}`;
const WP_FR = (title: string): string => `https://fr.wikipedia.org/wiki/${title}`;
const WP_EN = (title: string): string => `https://en.wikipedia.org/wiki/${title}`;
const WP_DE = (title: string): string => `https://de.wikipedia.org/wiki/${title}`;
const WEAK = ' Source weak: encyclopedia article on the operator, not the operator\u2019s own page.';

function isp(domain: string, country: string, operator: string, note: string, source: string, weak = false): ConsumerMailbox {
  return weak ? { domain, kind: 'isp', country, operator, note: note + WEAK, source, weak: true } : { domain, kind: 'isp', country, operator, note, source };
}
function webmail(domain: string, country: string, operator: string, note: string, source: string, weak = false): ConsumerMailbox {
  return weak
    ? { domain, kind: 'free-mail', country, operator, note: note + WEAK, source, weak: true }
    : { domain, kind: 'free-mail', country, operator, note, source };
}

export const CONSUMER_SUPPLEMENT: readonly ConsumerMailbox[] = [
  // ------------------------------------------------------------------ France
  isp('orange.fr', 'FR', 'Orange', 'Orange consumer ISP mailbox (Orange staff use orange.com).', ISPDB('francetelecom.fr')),
  isp('wanadoo.fr', 'FR', 'Orange', 'Wanadoo, Orange\u2019s former consumer brand; mailboxes still served by Orange.', ISPDB('francetelecom.fr')),
  isp('voila.fr', 'FR', 'Orange', 'Voila portal webmail (Orange group), closed to new users; old addresses still met.', WP_FR('Voila_(moteur_de_recherche)'), true),
  isp('nordnet.fr', 'FR', 'Nordnet (Orange)', 'Nordnet consumer ISP mailbox (satellite/ADSL, Orange group).', WP_FR('Nordnet'), true),
  isp('free.fr', 'FR', 'Free (Iliad)', 'Free consumer ISP mailbox (Iliad staff use iliad.fr).', ISPDB('free.fr.xml')),
  isp('aliceadsl.fr', 'FR', 'Free (Iliad)', 'Alice ADSL, legacy brand taken over by Free in 2008; mailboxes kept.', WP_FR('Alice_(fournisseur_d%27acc%C3%A8s)'), true),
  isp('libertysurf.fr', 'FR', 'Free (Iliad)', 'Liberty Surf, legacy ISP (Tiscali, then Alice/Free).', WP_FR('Liberty_Surf'), true),
  isp('tiscali.fr', 'FR', 'Free (Iliad)', 'Tiscali France, legacy ISP (then Alice/Free).', WP_FR('Tiscali'), true),
  isp('worldonline.fr', 'FR', 'Free (Iliad)', 'World Online France, legacy ISP (then Tiscali, Alice, Free).', WP_EN('World_Online'), true),
  isp('freesbee.fr', 'FR', 'Free (Iliad)', 'Freesbee, legacy free ISP (then Liberty Surf/Tiscali).', WP_FR('Liberty_Surf'), true),
  isp('infonie.fr', 'FR', 'Infonie', 'Infonie, legacy consumer ISP of the late 1990s.', WP_FR('Infonie'), true),
  isp('sfr.fr', 'FR', 'SFR (Altice)', 'SFR consumer ISP mailbox (the company uses sfr.com and alticefrance.com).', WP_FR('SFR'), true),
  isp('neuf.fr', 'FR', 'SFR (Altice)', 'Neuf Cegetel, legacy brand merged into SFR; mailboxes kept.', WP_FR('Neuf_Cegetel'), true),
  isp('cegetel.net', 'FR', 'SFR (Altice)', 'Cegetel, legacy ISP (Neuf Cegetel, then SFR).', WP_FR('Neuf_Cegetel'), true),
  isp('9online.fr', 'FR', 'SFR (Altice)', '9 Telecom / 9online, legacy ISP (Neuf, then SFR).', WP_FR('9_T%C3%A9l%C3%A9com'), true),
  isp('club-internet.fr', 'FR', 'SFR (Altice)', 'Club-Internet, legacy ISP (T-Online France, Neuf, then SFR).', WP_FR('Club-Internet'), true),
  isp('noos.fr', 'FR', 'SFR (Altice)', 'Noos, legacy cable ISP (Numericable, then SFR).', WP_FR('Noos'), true),
  isp('numericable.fr', 'FR', 'SFR (Altice)', 'Numericable, legacy cable ISP (now SFR).', WP_FR('Numericable'), true),
  isp('modulonet.fr', 'FR', 'SFR (Altice)', 'Modulonet, legacy cable ISP (Numericable).', WP_FR('Numericable'), true),
  isp('chello.fr', 'FR', 'SFR (Altice)', 'Chello, UPC France\u2019s legacy cable ISP (then Noos, Numericable).', WP_FR('Noos'), true),
  isp('bbox.fr', 'FR', 'Bouygues Telecom', 'Bouygues Telecom consumer ISP mailbox (Bbox); staff use bouyguestelecom.fr.', WP_FR('Bouygues_Telecom'), true),
  isp('laposte.net', 'FR', 'La Poste', 'La Poste consumer webmail (La Poste staff use laposte.fr).', WP_FR('La_Poste_(entreprise_fran%C3%A7aise)'), true),
  webmail('mailo.com', 'FR', 'Mailo', 'Mailo, French consumer webmail (ex-Net-C).', DELTA('mailo.com.md')),
  webmail('netcourrier.com', 'FR', 'Mailo', 'Net-C / netcourrier, French consumer webmail (now Mailo).', DELTA('mailo.com.md'), true),
  webmail('caramail.com', 'FR', 'Caramail (Lycos)', 'Caramail, French webmail of the 1990s (then Lycos, GMX).', WP_FR('Caramail'), true),
  webmail('lycos.fr', 'FR', 'Lycos', 'Lycos France webmail, legacy.', WP_FR('Lycos'), true),
  webmail('aol.fr', 'FR', 'AOL', 'AOL France consumer mailbox.', WP_FR('AOL'), true),
  webmail('hotmail.fr', 'FR', 'Microsoft', 'Hotmail, French domain of Microsoft\u2019s consumer webmail.', DELTA('hotmail.md')),
  webmail('live.fr', 'FR', 'Microsoft', 'Windows Live, French domain of Microsoft\u2019s consumer webmail.', DELTA('hotmail.md')),
  webmail('outlook.fr', 'FR', 'Microsoft', 'Outlook.com, French domain of Microsoft\u2019s consumer webmail.', DELTA('hotmail.md')),
  webmail('msn.fr', 'FR', 'Microsoft', 'MSN, French domain of Microsoft\u2019s consumer webmail.', DELTA('hotmail.md'), true),
  webmail('yahoo.fr', 'FR', 'Yahoo', 'Yahoo Mail, French domain.', WP_FR('Yahoo!_Mail'), true),
  webmail('gmx.fr', 'FR', 'GMX (United Internet)', 'GMX consumer webmail, French domain.', DELTA('gmx.net.md')),
  // ------------------------------------------------------------------ Belgium
  isp('skynet.be', 'BE', 'Proximus', 'Skynet, Belgacom\u2019s consumer ISP brand; mailboxes served by Proximus (staff use proximus.com).', ISPDB('skynet.be.xml')),
  isp('proximus.be', 'BE', 'Proximus', 'Proximus consumer mailbox domain (staff use proximus.com).', ISPDB('skynet.be.xml')),
  isp('belgacom.net', 'BE', 'Proximus', 'Belgacom, Proximus\u2019s former name; consumer mailboxes kept.', ISPDB('skynet.be.xml')),
  isp('kidcity.be', 'BE', 'Proximus', 'Proximus children\u2019s mailbox domain.', ISPDB('skynet.be.xml')),
  isp('scarlet.be', 'BE', 'Proximus', 'Scarlet, Proximus\u2019s low-cost consumer brand.', WP_FR('Scarlet_(entreprise)'), true),
  isp('telenet.be', 'BE', 'Telenet', 'Telenet consumer cable ISP mailbox (the group uses telenetgroup.be).', WP_EN('Telenet_(company)'), true),
  isp('pandora.be', 'BE', 'Telenet', 'Pandora, Telenet\u2019s legacy consumer Internet brand.', WP_EN('Telenet_(company)'), true),
  isp('chello.be', 'BE', 'Telenet', 'Chello, UPC Belgium\u2019s legacy cable ISP (now Telenet).', WP_EN('Telenet_(company)'), true),
  isp('voo.be', 'BE', 'VOO', 'VOO consumer cable ISP mailbox (Wallonia, Brussels).', WP_FR('VOO'), true),
  isp('tvcablenet.be', 'BE', 'VOO', 'Tvcablenet, legacy cable ISP (Brutélé/Tecteo, now VOO).', WP_FR('VOO'), true),
  isp('brutele.be', 'BE', 'VOO', 'Brutélé, legacy cable ISP merged into VOO.', WP_FR('VOO'), true),
  isp('edpnet.be', 'BE', 'EDPnet', 'EDPnet consumer ISP mailbox.', WP_EN('EDPnet'), true),
  webmail('mailfence.com', 'BE', 'Mailfence', 'Mailfence, Belgian encrypted consumer webmail.', WP_EN('Mailfence'), true),
  webmail('hotmail.be', 'BE', 'Microsoft', 'Hotmail, Belgian domain of Microsoft\u2019s consumer webmail.', DELTA('hotmail.md'), true),
  webmail('live.be', 'BE', 'Microsoft', 'Windows Live, Belgian domain of Microsoft\u2019s consumer webmail.', DELTA('hotmail.md'), true),
  // ------------------------------------------------------------------ Switzerland
  isp('bluewin.ch', 'CH', 'Swisscom', 'Bluewin, Swisscom\u2019s consumer mailbox (staff use swisscom.com).', DELTA('bluewin.ch.md')),
  isp('bluemail.ch', 'CH', 'Swisscom', 'Bluemail, Swisscom consumer mailbox domain (listed with bluewin.ch in the ISPDB entry swisscom.ch).', DELTA('bluewin.ch.md'), true),
  isp('swissonline.ch', 'CH', 'Sunrise (ex-UPC/Cablecom)', 'Swissonline, Cablecom\u2019s legacy consumer ISP.', WP_DE('Cablecom'), true),
  isp('hispeed.ch', 'CH', 'Sunrise (ex-UPC/Cablecom)', 'Hispeed, UPC Cablecom\u2019s consumer cable ISP mailbox.', WP_DE('Cablecom'), true),
  isp('sunrise.ch', 'CH', 'Sunrise', 'Sunrise consumer ISP mailbox (the company uses sunrise.net).', WP_DE('Sunrise_Communications'), true),
  isp('freesurf.ch', 'CH', 'Sunrise', 'Freesurf, legacy free ISP taken over by Sunrise.', WP_DE('Sunrise_Communications'), true),
  isp('tele2.ch', 'CH', 'Sunrise', 'Tele2 Switzerland, legacy ISP (Sunrise).', WP_DE('Sunrise_Communications'), true),
  isp('green.ch', 'CH', 'green.ch', 'green.ch consumer ISP mailbox.', WP_DE('Green.ch'), true),
  isp('netplus.ch', 'CH', 'Netplus', 'Netplus, cable ISP of Valais and Vaud: consumer mailboxes.', WP_FR('Netplus'), true),
  webmail('gmx.ch', 'CH', 'GMX (United Internet)', 'GMX consumer webmail, Swiss domain.', DELTA('gmx.net.md')),
  webmail('ik.me', 'CH', 'Infomaniak', 'Infomaniak\u2019s free consumer mailbox domain.', DELTA('infomaniak.com.md')),
  webmail('ikmail.com', 'CH', 'Infomaniak', 'Infomaniak\u2019s free consumer mailbox domain (alias).', DELTA('infomaniak.com.md'), true),
  webmail('protonmail.ch', 'CH', 'Proton', 'Proton Mail, Swiss encrypted consumer webmail.', DELTA('protonmail.md')),
  webmail('protonmail.com', 'CH', 'Proton', 'Proton Mail, Swiss encrypted consumer webmail.', DELTA('protonmail.md')),
  webmail('proton.me', 'CH', 'Proton', 'Proton Mail, Swiss encrypted consumer webmail (domain since 2022).', DELTA('protonmail.md')),
  webmail('pm.me', 'CH', 'Proton', 'Proton Mail short domain.', DELTA('protonmail.md')),
  // ------------------------------------------------------------------ Luxembourg
  isp('pt.lu', 'LU', 'POST Luxembourg', 'POST Luxembourg (ex-P&T) consumer mailbox; the company uses post.lu.', WP_FR('POST_Luxembourg'), true),
  isp('vo.lu', 'LU', 'Visual Online', 'Visual Online, Luxembourg consumer ISP mailbox.', WP_FR('Visual_Online'), true),
  isp('tango.lu', 'LU', 'Tango (Proximus)', 'Tango consumer ISP mailbox (Proximus Luxembourg).', WP_FR('Tango_(entreprise)'), true),
  // ------------------------------------------------------------------ Monaco
  isp('monaco.mc', 'MC', 'Monaco Telecom', 'Monaco Telecom consumer mailbox domain (staff use monaco-telecom.mc).', WP_FR('Monaco_Telecom'), true),
  // ------------------------------------------------------------------ Canada / Québec
  isp('videotron.ca', 'CA', 'Vidéotron (Québecor)', 'Vidéotron consumer ISP mailbox, Québec (staff use videotron.com).', WP_FR('Vid%C3%A9otron'), true),
  isp('sympatico.ca', 'CA', 'Bell Canada', 'Sympatico, Bell\u2019s consumer ISP brand (staff use bell.ca).', ISPDB('bell.net.xml')),
  isp('bell.net', 'CA', 'Bell Canada', 'Bell consumer mailbox domain (staff use bell.ca).', ISPDB('bell.net.xml')),
  isp('bellnet.ca', 'CA', 'Bell Canada', 'Bellnet, Bell\u2019s legacy consumer ISP domain.', WP_EN('Bell_Internet'), true),
  isp('rogers.com', 'CA', 'Rogers', 'Rogers consumer mailbox (staff addresses are on rci.rogers.com, kept professional).', DELTA('old/rogers.com.md')),
  isp('shaw.ca', 'CA', 'Rogers (ex-Shaw)', 'Shaw consumer cable ISP mailbox (Shaw staff used sjrb.ca).', WP_EN('Shaw_Communications'), true),
  isp('telus.net', 'CA', 'Telus', 'Telus consumer ISP mailbox (staff use telus.com).', WP_EN('Telus'), true),
  isp('globetrotter.net', 'CA', 'Telus Québec', 'Globetrotter, Québec consumer ISP of Québec-Téléphone, now Telus.', WP_FR('Telus_Qu%C3%A9bec'), true),
  isp('cogeco.ca', 'CA', 'Cogeco', 'Cogeco consumer cable ISP mailbox, Québec and Ontario (staff use cogeco.com).', WP_FR('Cogeco'), true),
  isp('cgocable.ca', 'CA', 'Cogeco', 'Cogeco\u2019s legacy cable mailbox domain.', WP_FR('Cogeco'), true),
  isp('eastlink.ca', 'CA', 'Eastlink', 'Eastlink consumer cable ISP mailbox.', WP_EN('Eastlink'), true),
  isp('sasktel.net', 'CA', 'SaskTel', 'SaskTel consumer ISP mailbox (staff use sasktel.com).', WP_EN('SaskTel'), true),
  isp('mts.net', 'CA', 'Bell MTS', 'MTS, Manitoba consumer ISP mailbox (now Bell MTS).', WP_EN('Bell_MTS'), true),
  isp('tbaytel.net', 'CA', 'Tbaytel', 'Tbaytel, Thunder Bay consumer ISP mailbox.', WP_EN('Tbaytel'), true),
  isp('xplornet.com', 'CA', 'Xplore', 'Xplornet (now Xplore) rural consumer ISP mailbox; webmail help page in French at xplornet.com/fr/support.', 'https://www.xplornet.com/fr/support/depannage/a-propos-de-courriel-web-xplornet/'),
  webmail('hotmail.ca', 'CA', 'Microsoft', 'Hotmail, Canadian domain.', DELTA('hotmail.md'), true),
  webmail('live.ca', 'CA', 'Microsoft', 'Windows Live, Canadian domain.', DELTA('hotmail.md'), true),
  webmail('yahoo.ca', 'CA', 'Yahoo', 'Yahoo Mail, Canadian domain.', WP_EN('Yahoo!_Mail'), true),
  // ------------------------------------------------------------------ United Kingdom
  isp('btinternet.com', 'GB', 'BT', 'BT consumer ISP mailbox (BT staff use bt.com).', ISPDB('btinternet.com.xml')),
  isp('btopenworld.com', 'GB', 'BT', 'BT Openworld, BT\u2019s legacy consumer ISP.', ISPDB('btinternet.com.xml')),
  isp('talk21.com', 'GB', 'BT', 'Talk21, BT\u2019s legacy free webmail.', ISPDB('btinternet.com.xml')),
  isp('btconnect.com', 'GB', 'BT', 'BT Business broadband mailboxes of sole traders and small firms: PECR treats sole traders as individuals.', WP_EN('BT_Business_and_Public_Sector'), true),
  isp('virginmedia.com', 'GB', 'Virgin Media', 'Virgin Media consumer ISP mailbox (staff use virginmedia.co.uk).', WP_EN('Virgin_Media'), true),
  isp('ntlworld.com', 'GB', 'Virgin Media', 'NTL, legacy cable ISP (Virgin Media).', ISPDB('ntlworld.com.xml')),
  isp('blueyonder.co.uk', 'GB', 'Virgin Media', 'Blueyonder, Telewest\u2019s legacy cable ISP (Virgin Media).', ISPDB('blueyonder.co.uk')),
  isp('virgin.net', 'GB', 'Virgin Media', 'Virgin.net, legacy consumer ISP (Virgin Media).', WP_EN('Virgin_Media'), true),
  isp('sky.com', 'GB', 'Sky', 'Sky broadband consumer mailbox (Sky staff use sky.uk).', WP_EN('Sky_Broadband'), true),
  isp('talktalk.net', 'GB', 'TalkTalk', 'TalkTalk consumer ISP mailbox (the group uses talktalkgroup.com).', WP_EN('TalkTalk_Group'), true),
  isp('talktalk.co.uk', 'GB', 'TalkTalk', 'TalkTalk consumer mailbox domain.', WP_EN('TalkTalk_Group'), true),
  isp('tiscali.co.uk', 'GB', 'TalkTalk', 'Tiscali UK, legacy ISP (TalkTalk).', WP_EN('TalkTalk_Group'), true),
  isp('aol.co.uk', 'GB', 'AOL', 'AOL UK consumer mailbox.', WP_EN('AOL'), true),
  isp('plus.com', 'GB', 'Plusnet (BT)', 'Plusnet consumer ISP mailbox.', WP_EN('Plusnet'), true),
  isp('freeserve.co.uk', 'GB', 'EE (ex-Orange UK)', 'Freeserve, legacy free ISP (Wanadoo UK, Orange, EE).', WP_EN('Freeserve'), true),
  isp('wanadoo.co.uk', 'GB', 'EE (ex-Orange UK)', 'Wanadoo UK, legacy ISP (Orange, EE).', WP_EN('Freeserve'), true),
  isp('orange.net', 'GB', 'EE (ex-Orange UK)', 'Orange UK\u2019s legacy consumer mailbox domain.', WP_EN('Freeserve'), true),
  isp('o2.co.uk', 'GB', 'O2 UK', 'O2 UK consumer mailbox domain, legacy.', WP_EN('O2_(UK)'), true),
  webmail('hotmail.co.uk', 'GB', 'Microsoft', 'Hotmail, British domain.', DELTA('hotmail.md'), true),
  webmail('live.co.uk', 'GB', 'Microsoft', 'Windows Live, British domain.', DELTA('hotmail.md'), true),
  webmail('yahoo.co.uk', 'GB', 'Yahoo', 'Yahoo Mail, British domain.', WP_EN('Yahoo!_Mail'), true),
  // ------------------------------------------------------------------ Ireland
  isp('eircom.net', 'IE', 'eir', 'eircom, eir\u2019s consumer ISP mailbox (the company uses eir.ie).', WP_EN('Eir_(telecommunications)'), true),
  isp('upcmail.ie', 'IE', 'Virgin Media Ireland', 'UPC Ireland\u2019s legacy consumer mailbox.', WP_EN('Virgin_Media_Ireland'), true),
  isp('iol.ie', 'IE', 'eir', 'Ireland On-Line, legacy ISP (eircom).', WP_EN('Ireland_On-Line'), true),
  isp('indigo.ie', 'IE', 'eir', 'Indigo, legacy ISP (eircom).', WP_EN('Ireland_On-Line'), true),
  // ------------------------------------------------------------------ Germany
  isp('t-online.de', 'DE', 'Deutsche Telekom', 'T-Online, Deutsche Telekom\u2019s consumer mailbox (staff use telekom.de).', DELTA('t-online.md')),
  isp('magenta.de', 'DE', 'Deutsche Telekom', 'Telekom\u2019s newer consumer mailbox domain.', WP_DE('T-Online'), true),
  isp('arcor.de', 'DE', 'Vodafone Germany', 'Arcor, legacy ISP (Vodafone Germany).', DELTA('arcor.de.md')),
  isp('vodafonemail.de', 'DE', 'Vodafone Germany', 'Vodafone Germany consumer mailbox domain.', WP_DE('Vodafone_Deutschland'), true),
  isp('kabelmail.de', 'DE', 'Vodafone Germany', 'Kabel Deutschland, legacy cable ISP (Vodafone).', ISPDB('kabelmail.de.xml')),
  isp('kabelbw.de', 'DE', 'Vodafone Germany', 'Kabel BW, legacy cable ISP (Unitymedia, Vodafone).', WP_DE('Kabel_BW'), true),
  isp('unitybox.de', 'DE', 'Vodafone Germany', 'Unitymedia, legacy cable ISP (Vodafone).', WP_DE('Unitymedia'), true),
  isp('freenet.de', 'DE', 'freenet', 'freenet consumer ISP / webmail mailbox.', ISPDB('freenet.de.xml')),
  isp('online.de', 'DE', '1&1', '1&1 consumer ISP mailbox.', ISPDB('1und1.de.xml'), true),
  isp('ewetel.net', 'DE', 'EWE TEL', 'EWE TEL consumer ISP mailbox.', ISPDB('ewetel.de.xml'), true),
  webmail('web.de', 'DE', 'WEB.DE (United Internet)', 'WEB.DE consumer webmail.', DELTA('old/web.de.md')),
  webmail('gmx.de', 'DE', 'GMX (United Internet)', 'GMX consumer webmail, German domain.', DELTA('gmx.net.md')),
  webmail('gmx.net', 'DE', 'GMX (United Internet)', 'GMX consumer webmail.', ISPDB('gmx.net.xml')),
  webmail('posteo.de', 'DE', 'Posteo', 'Posteo, German consumer mail service.', DELTA('posteo.md')),
  webmail('posteo.net', 'DE', 'Posteo', 'Posteo, German consumer mail service (alias domain).', DELTA('posteo.md'), true),
  webmail('mailbox.org', 'DE', 'mailbox.org', 'mailbox.org, German consumer mail service (paid, private customers).', ISPDB('mailbox.org.xml')),
  webmail('mail.de', 'DE', 'mail.de', 'mail.de, German consumer webmail.', DELTA('mail.de.md')),
  webmail('email.de', 'DE', 'email.de', 'email.de, German consumer webmail.', WP_DE('E-Mail-Dienst'), true),
  webmail('tutanota.com', 'DE', 'Tuta', 'Tuta (ex-Tutanota), German encrypted consumer webmail.', WP_EN('Tuta_(email)'), true),
  webmail('tutanota.de', 'DE', 'Tuta', 'Tuta, German domain.', WP_EN('Tuta_(email)'), true),
  webmail('tuta.io', 'DE', 'Tuta', 'Tuta short domain.', WP_EN('Tuta_(email)'), true),
  webmail('tuta.com', 'DE', 'Tuta', 'Tuta, domain offered since the 2023 rename.', WP_EN('Tuta_(email)'), true),
  webmail('tutamail.com', 'DE', 'Tuta', 'Tuta alias domain.', WP_EN('Tuta_(email)'), true),
  webmail('keemail.me', 'DE', 'Tuta', 'Tuta alias domain.', WP_EN('Tuta_(email)'), true),
  webmail('hotmail.de', 'DE', 'Microsoft', 'Hotmail, German domain.', DELTA('hotmail.md'), true),
  webmail('yahoo.de', 'DE', 'Yahoo', 'Yahoo Mail, German domain.', WP_EN('Yahoo!_Mail'), true),
  // ------------------------------------------------------------------ Austria
  isp('a1.net', 'AT', 'A1 Telekom Austria', 'A1 consumer mailbox (the group uses a1.group).', ISPDB('a1.net.xml')),
  isp('aon.at', 'AT', 'A1 Telekom Austria', 'aon, A1\u2019s legacy consumer ISP brand.', WP_DE('A1_Telekom_Austria'), true),
  isp('chello.at', 'AT', 'Magenta Telekom (ex-UPC)', 'chello, UPC Austria\u2019s consumer cable mailbox.', DELTA('chello.at.md')),
  isp('inode.at', 'AT', 'Magenta Telekom (ex-UPC)', 'Inode, legacy ISP (UPC Austria).', WP_DE('Inode_(Internetdienstanbieter)'), true),
  isp('liwest.at', 'AT', 'LIWEST', 'LIWEST, Upper Austria cable ISP mailbox.', WP_DE('LIWEST'), true),
  webmail('gmx.at', 'AT', 'GMX (United Internet)', 'GMX consumer webmail, Austrian domain.', DELTA('gmx.net.md')),
  // ------------------------------------------------------------------ Netherlands
  isp('kpnmail.nl', 'NL', 'KPN', 'KPN consumer mailbox domain (staff use kpn.com).', ISPDB('kpnmail.nl.xml')),
  isp('kpnplanet.nl', 'NL', 'KPN', 'KPN Planet, legacy consumer ISP (KPN).', WP_EN('KPN'), true),
  isp('planet.nl', 'NL', 'KPN', 'Planet Internet, legacy ISP (KPN).', WP_EN('KPN'), true),
  isp('hetnet.nl', 'NL', 'KPN', 'HetNet, legacy ISP (KPN).', WP_EN('KPN'), true),
  isp('home.nl', 'NL', 'KPN', '@Home / Essent, legacy cable ISP (Ziggo, then KPN mail).', WP_EN('KPN'), true),
  isp('xs4all.nl', 'NL', 'KPN', 'XS4ALL, consumer ISP (KPN).', WP_EN('XS4ALL'), true),
  isp('ziggo.nl', 'NL', 'VodafoneZiggo', 'Ziggo consumer cable mailbox (the group uses vodafoneziggo.com).', DELTA('old/ziggo.nl.md')),
  isp('chello.nl', 'NL', 'VodafoneZiggo', 'chello, UPC Netherlands\u2019 legacy cable mailbox (Ziggo).', WP_EN('Ziggo'), true),
  isp('casema.nl', 'NL', 'VodafoneZiggo', 'Casema, legacy cable ISP (Ziggo).', WP_EN('Ziggo'), true),
  isp('quicknet.nl', 'NL', 'VodafoneZiggo', 'Quicknet, legacy cable ISP (Ziggo).', WP_EN('Ziggo'), true),
  isp('upcmail.nl', 'NL', 'VodafoneZiggo', 'UPC Netherlands legacy mailbox (Ziggo).', WP_EN('Ziggo'), true),
  isp('freedom.nl', 'NL', 'Freedom Internet', 'Freedom Internet consumer ISP mailbox.', ISPDB('freedom.nl.xml')),
  isp('zonnet.nl', 'NL', 'Zonnet', 'Zonnet, legacy free ISP.', WP_EN('Tele2'), true),
  // ------------------------------------------------------------------ Italy
  isp('tin.it', 'IT', 'TIM', 'TIN, Telecom Italia\u2019s legacy consumer ISP (staff use telecomitalia.it).', WP_EN('TIM_(brand)'), true),
  isp('alice.it', 'IT', 'TIM', 'Alice, TIM\u2019s consumer ISP brand.', ISPDB('alice.it.xml')),
  isp('tim.it', 'IT', 'TIM', 'TIM consumer mailbox domain.', WP_EN('TIM_(brand)'), true),
  isp('virgilio.it', 'IT', 'Italiaonline', 'Virgilio portal consumer webmail.', WP_EN('Virgilio.it'), true),
  isp('libero.it', 'IT', 'Italiaonline', 'Libero portal consumer webmail.', ISPDB('libero.it')),
  isp('iol.it', 'IT', 'Italiaonline', 'Italia Online / Libero consumer mailbox.', ISPDB('libero.it'), true),
  isp('inwind.it', 'IT', 'Italiaonline', 'Inwind, Libero consumer mailbox domain.', ISPDB('libero.it'), true),
  isp('blu.it', 'IT', 'Italiaonline', 'Blu, Libero consumer mailbox domain.', ISPDB('libero.it'), true),
  isp('fastwebnet.it', 'IT', 'Fastweb', 'Fastweb consumer mailbox (the company uses fastweb.it).', ISPDB('fastwebnet.it.xml')),
  isp('tiscali.it', 'IT', 'Tiscali', 'Tiscali Italia consumer ISP mailbox.', DELTA('old/tiscali.it.md')),
  isp('email.it', 'IT', 'Email.it', 'Email.it consumer webmail.', ISPDB('email.it.xml')),
  // ------------------------------------------------------------------ Spain
  isp('telefonica.net', 'ES', 'Movistar (Telefónica)', 'Telefónica / Movistar consumer ISP mailbox (staff use telefonica.com).', WP_EN('Movistar'), true),
  isp('movistar.es', 'ES', 'Movistar (Telefónica)', 'Movistar consumer mailbox domain.', WP_EN('Movistar'), true),
  isp('terra.es', 'ES', 'Telefónica', 'Terra portal consumer mailbox (Telefónica).', WP_EN('Terra_Networks'), true),
  isp('wanadoo.es', 'ES', 'Orange Spain', 'Wanadoo España, legacy ISP (Orange Spain).', WP_EN('Orange_Espa%C3%B1a'), true),
  isp('ya.com', 'ES', 'Orange Spain', 'Ya.com, legacy ISP (Orange Spain).', WP_EN('Orange_Espa%C3%B1a'), true),
  isp('orange.es', 'ES', 'Orange Spain', 'Orange Spain consumer mailbox domain.', WP_EN('Orange_Espa%C3%B1a'), true),
  isp('jazzfree.com', 'ES', 'Orange Spain (ex-Jazztel)', 'Jazztel\u2019s legacy free mailbox.', WP_EN('Jazztel'), true),
  isp('ono.com', 'ES', 'Vodafone Spain (ex-ONO)', 'ONO, legacy cable ISP (Vodafone Spain).', WP_EN('ONO_(company)'), true),
  isp('euskaltel.net', 'ES', 'Euskaltel', 'Euskaltel, Basque consumer ISP mailbox.', WP_EN('Euskaltel'), true),
  webmail('hotmail.es', 'ES', 'Microsoft', 'Hotmail, Spanish domain.', DELTA('hotmail.md'), true),
  webmail('yahoo.es', 'ES', 'Yahoo', 'Yahoo Mail, Spanish domain.', WP_EN('Yahoo!_Mail'), true),
  // ------------------------------------------------------------------ Portugal
  isp('sapo.pt', 'PT', 'MEO (Altice Portugal)', 'SAPO portal consumer mailbox (MEO).', WP_EN('SAPO_(company)'), true),
  isp('netcabo.pt', 'PT', 'NOS', 'Netcabo, legacy cable ISP (ZON, now NOS).', WP_EN('NOS_SGPS'), true),
  isp('clix.pt', 'PT', 'NOS', 'Clix, legacy ISP (Sonaecom, now NOS).', WP_EN('NOS_SGPS'), true),
  isp('telepac.pt', 'PT', 'MEO (Altice Portugal)', 'Telepac, legacy ISP (Portugal Telecom, now MEO).', WP_EN('MEO_(telecommunications)'), true),
  isp('iol.pt', 'PT', 'IOL', 'IOL portal consumer mailbox.', WP_EN('Media_Capital'), true),
  // ------------------------------------------------------------------ Other EU countries
  webmail('wp.pl', 'PL', 'Wirtualna Polska', 'WP Poczta, Polish consumer webmail.', WP_EN('Wirtualna_Polska'), true),
  webmail('o2.pl', 'PL', 'Wirtualna Polska', 'o2.pl, Polish consumer webmail.', ISPDB('o2.pl.xml')),
  webmail('tlen.pl', 'PL', 'Wirtualna Polska', 'Tlen, Polish consumer webmail (o2).', ISPDB('o2.pl.xml'), true),
  webmail('interia.pl', 'PL', 'Interia', 'Interia, Polish consumer webmail.', WP_EN('Interia.pl'), true),
  webmail('onet.pl', 'PL', 'Onet', 'Onet Poczta, Polish consumer webmail.', WP_EN('Onet.pl'), true),
  webmail('op.pl', 'PL', 'Onet', 'Onet Poczta short domain.', WP_EN('Onet.pl'), true),
  webmail('gazeta.pl', 'PL', 'Agora', 'Gazeta.pl consumer webmail.', WP_EN('Gazeta.pl'), true),
  isp('neostrada.pl', 'PL', 'Orange Polska', 'Neostrada, Orange Polska\u2019s legacy consumer ISP.', WP_EN('Orange_Polska'), true),
  webmail('seznam.cz', 'CZ', 'Seznam', 'Seznam, Czech consumer webmail.', WP_EN('Seznam.cz'), true),
  webmail('email.cz', 'CZ', 'Seznam', 'Email.cz, Seznam\u2019s consumer webmail.', WP_EN('Seznam.cz'), true),
  webmail('post.cz', 'CZ', 'Seznam', 'Post.cz, Seznam\u2019s consumer webmail.', WP_EN('Seznam.cz'), true),
  webmail('centrum.cz', 'CZ', 'Centrum', 'Centrum, Czech consumer webmail.', WP_EN('Centrum.cz'), true),
  webmail('atlas.cz', 'CZ', 'Centrum', 'Atlas, Czech consumer webmail (Centrum).', WP_EN('Centrum.cz'), true),
  webmail('volny.cz', 'CZ', 'Volný', 'Volný, Czech consumer webmail.', WP_EN('Seznam.cz'), true),
  webmail('azet.sk', 'SK', 'Azet', 'Azet, Slovak consumer webmail.', WP_EN('Azet.sk'), true),
  webmail('zoznam.sk', 'SK', 'Zoznam', 'Zoznam, Slovak consumer webmail.', WP_EN('Zoznam'), true),
  webmail('centrum.sk', 'SK', 'Centrum', 'Centrum, Slovak consumer webmail.', WP_EN('Centrum.cz'), true),
  webmail('freemail.hu', 'HU', 'Freemail', 'Freemail, Hungarian consumer webmail.', WP_EN('Freemail_(Hungary)'), true),
  webmail('citromail.hu', 'HU', 'Citromail', 'Citromail, Hungarian consumer webmail.', WP_EN('Citromail'), true),
  isp('t-online.hu', 'HU', 'Magyar Telekom', 'T-Online Hungary consumer ISP mailbox.', WP_EN('Magyar_Telekom'), true),
  isp('rdslink.ro', 'RO', 'Digi (RCS & RDS)', 'RCS & RDS / Digi consumer ISP mailbox.', WP_EN('Digi_Communications'), true),
  webmail('abv.bg', 'BG', 'ABV', 'ABV, Bulgarian consumer webmail.', WP_EN('Abv.bg'), true),
  webmail('mail.bg', 'BG', 'Mail.bg', 'Mail.bg, Bulgarian consumer webmail.', WP_EN('Mail.bg'), true),
  isp('otenet.gr', 'GR', 'Cosmote (OTE)', 'OTEnet, OTE\u2019s consumer ISP mailbox.', WP_EN('OTE'), true),
  isp('forthnet.gr', 'GR', 'Nova (ex-Forthnet)', 'Forthnet consumer ISP mailbox.', WP_EN('Forthnet'), true),
  isp('t-com.hr', 'HR', 'Hrvatski Telekom', 'T-Com, Hrvatski Telekom\u2019s consumer ISP mailbox.', WP_EN('Hrvatski_Telekom'), true),
  webmail('net.hr', 'HR', 'Net.hr', 'Net.hr, Croatian consumer webmail.', WP_EN('Net.hr'), true),
  isp('siol.net', 'SI', 'Telekom Slovenije', 'SiOL, Telekom Slovenije\u2019s consumer ISP mailbox.', WP_EN('Telekom_Slovenije'), true),
  webmail('inbox.lv', 'LV', 'Inbox.lv', 'Inbox.lv, Latvian consumer webmail.', ISPDB('inbox.lv.xml')),
  webmail('mail.ee', 'EE', 'Mail.ee', 'Mail.ee, Estonian consumer webmail.', ISPDB('mail.ee.xml')),
  webmail('hot.ee', 'EE', 'Hot.ee', 'Hot.ee, Estonian consumer webmail.', WP_EN('Hot.ee'), true),
  webmail('mail.dk', 'DK', 'Mail.dk', 'Mail.dk, Danish consumer webmail.', ISPDB('mail.dk.xml')),
  webmail('jubii.dk', 'DK', 'Jubii', 'Jubii, Danish consumer webmail.', ISPDB('mail.jubii.dk.xml'), true),
  isp('post.tele.dk', 'DK', 'Nuuday (ex-TDC)', 'TDC\u2019s legacy consumer ISP mailbox.', ISPDB('mail.telenor.dk.xml'), true),
  isp('stofanet.dk', 'DK', 'Norlys (ex-Stofa)', 'Stofa consumer cable ISP mailbox.', WP_EN('Stofa'), true),
  isp('telia.com', 'SE', 'Telia', 'Telia consumer mailbox (the group uses teliacompany.com).', WP_EN('Telia_Company'), true),
  isp('comhem.se', 'SE', 'Tele2 (ex-Com Hem)', 'Com Hem consumer cable ISP mailbox.', WP_EN('Com_Hem'), true),
  isp('bredband.net', 'SE', 'Telenor Sweden (ex-Bredbandsbolaget)', 'Bredbandsbolaget consumer ISP mailbox.', WP_EN('Bredbandsbolaget'), true),
  webmail('spray.se', 'SE', 'Spray', 'Spray, Swedish consumer webmail.', WP_EN('Spray_(company)'), true),
  isp('elisanet.fi', 'FI', 'Elisa', 'Elisa consumer ISP mailbox.', WP_EN('Elisa_Oyj'), true),
  isp('kolumbus.fi', 'FI', 'Elisa', 'Kolumbus, Elisa\u2019s legacy consumer ISP.', WP_EN('Elisa_Oyj'), true),
  isp('saunalahti.fi', 'FI', 'Elisa', 'Saunalahti, Elisa\u2019s consumer brand.', WP_EN('Elisa_Oyj'), true),
  webmail('luukku.com', 'FI', 'Luukku', 'Luukku, Finnish consumer webmail.', WP_EN('Luukku'), true),
  webmail('suomi24.fi', 'FI', 'Suomi24', 'Suomi24, Finnish consumer webmail.', WP_EN('Suomi24'), true),
  isp('maltanet.net', 'MT', 'GO plc', 'Maltanet, GO\u2019s consumer ISP mailbox.', WP_EN('GO_plc'), true),
  isp('cytanet.com.cy', 'CY', 'Cyta', 'Cytanet, Cyta\u2019s consumer ISP mailbox.', WP_EN('Cyta'), true),
  // ------------------------------------------------------------------ United States (kept from the first version)
  isp('comcast.net', 'US', 'Comcast Xfinity', 'Comcast Xfinity consumer ISP mailbox.', ISPDB('comcast.net.xml')),
  isp('verizon.net', 'US', 'Verizon', 'Verizon consumer ISP mailbox (now served by Yahoo/AOL).', DELTA('old/verizon.md')),
  isp('att.net', 'US', 'AT&T', 'AT&T consumer ISP mailbox.', ISPDB('att.net.xml')),
  isp('sbcglobal.net', 'US', 'AT&T', 'SBC Global, legacy ISP (AT&T).', ISPDB('att.net.xml'), true),
  isp('cox.net', 'US', 'Cox Communications', 'Cox consumer ISP mailbox (staff use cox.com).', ISPDB('cox.net.xml')),
  isp('charter.net', 'US', 'Charter Spectrum', 'Charter Spectrum consumer ISP mailbox.', ISPDB('charter.net.xml')),
  // ------------------------------------------------------------------ consumer portals the disposable lists file wrongly
  webmail('tom.com', 'CN', 'TOM Group', 'TOM portal consumer webmail; on mailchecker\u2019s disposable list, but a real consumer service.', WP_EN('Tom.com'), true),
  webmail('21cn.com', 'CN', '21CN (China Telecom)', '21CN portal consumer webmail; on a disposable list, but a real consumer service.', WP_EN('21CN'), true),
  webmail('sify.com', 'IN', 'Sify', 'Sify portal consumer webmail; on a disposable list, but a real consumer service.', WP_EN('Sify'), true),
];

/**
 * An operator's consumer mailbox domain and its own corporate domain: employees at the second are
 * professionals, customers at the first private individuals. Tests check both sides.
 */
export interface TrapPair {
  consumer: string;
  corporate: string;
  operator: string;
  country: string;
  note: string;
  source: string;
  weak?: true;
}

function trap(consumer: string, corporate: string, operator: string, country: string, note: string, source: string, weak = false): TrapPair {
  return weak ? { consumer, corporate, operator, country, note: note + WEAK, source, weak: true } : { consumer, corporate, operator, country, note, source };
}

export const TRAP_PAIRS: readonly TrapPair[] = [
  trap('orange.fr', 'orange.com', 'Orange', 'FR', 'Group staff domain; customers on orange.fr / wanadoo.fr.', WP_FR('Orange_(entreprise)'), true),
  trap('wanadoo.fr', 'orange-business.com', 'Orange', 'FR', 'Orange Business staff domain.', WP_FR('Orange_Business'), true),
  trap('laposte.net', 'laposte.fr', 'La Poste', 'FR', 'La Poste staff domain; consumers on laposte.net.', WP_FR('La_Poste_(entreprise_fran%C3%A7aise)'), true),
  trap('sfr.fr', 'sfr.com', 'SFR (Altice)', 'FR', 'SFR staff domain; consumers on sfr.fr.', WP_FR('SFR'), true),
  trap('neuf.fr', 'alticefrance.com', 'SFR (Altice)', 'FR', 'Altice France group staff domain.', WP_FR('Altice_France'), true),
  trap('bbox.fr', 'bouyguestelecom.fr', 'Bouygues Telecom', 'FR', 'Bouygues Telecom staff domain; consumers on bbox.fr.', WP_FR('Bouygues_Telecom'), true),
  trap('free.fr', 'iliad.fr', 'Free (Iliad)', 'FR', 'Iliad staff domain; consumers on free.fr.', WP_FR('Iliad_(entreprise)'), true),
  trap('gmail.com', 'google.com', 'Google', 'US', 'Google staff domain; consumers on gmail.com.', WP_EN('Gmail'), true),
  trap('outlook.com', 'microsoft.com', 'Microsoft', 'US', 'Microsoft staff domain; consumers on outlook.com / hotmail.*.', WP_EN('Outlook.com'), true),
  trap('icloud.com', 'apple.com', 'Apple', 'US', 'Apple staff domain; consumers on icloud.com / me.com / mac.com.', WP_EN('ICloud'), true),
  trap('skynet.be', 'proximus.com', 'Proximus', 'BE', 'Proximus staff domain; consumers on proximus.be / skynet.be.', ISPDB('skynet.be.xml')),
  trap('telenet.be', 'telenetgroup.be', 'Telenet', 'BE', 'Telenet group staff domain.', WP_EN('Telenet_(company)'), true),
  trap('bluewin.ch', 'swisscom.com', 'Swisscom', 'CH', 'Swisscom staff domain; consumers on bluewin.ch.', WP_DE('Swisscom'), true),
  trap('bluemail.ch', 'swisscom.ch', 'Swisscom', 'CH', 'Swisscom\u2019s Swiss corporate domain.', WP_DE('Swisscom'), true),
  trap('sunrise.ch', 'sunrise.net', 'Sunrise', 'CH', 'Sunrise staff domain.', WP_DE('Sunrise_Communications'), true),
  trap('hispeed.ch', 'upc.ch', 'Sunrise (ex-UPC)', 'CH', 'UPC Switzerland\u2019s corporate domain; consumers on hispeed.ch.', WP_DE('Cablecom'), true),
  trap('pt.lu', 'post.lu', 'POST Luxembourg', 'LU', 'POST Luxembourg\u2019s corporate domain; consumers on pt.lu.', WP_FR('POST_Luxembourg'), true),
  trap('monaco.mc', 'monaco-telecom.mc', 'Monaco Telecom', 'MC', 'Monaco Telecom\u2019s corporate domain.', WP_FR('Monaco_Telecom'), true),
  trap('videotron.ca', 'videotron.com', 'Vidéotron', 'CA', 'Vidéotron\u2019s corporate domain.', WP_FR('Vid%C3%A9otron'), true),
  trap('bell.net', 'bell.ca', 'Bell Canada', 'CA', 'Bell Canada\u2019s corporate domain; consumers on bell.net / sympatico.ca.', ISPDB('bell.net.xml'), true),
  trap('rogers.com', 'rci.rogers.com', 'Rogers', 'CA', 'Rogers staff subdomain of the consumer domain: kept professional.', WP_EN('Rogers_Communications'), true),
  trap('telus.net', 'telus.com', 'Telus', 'CA', 'Telus staff domain.', WP_EN('Telus'), true),
  trap('cogeco.ca', 'cogeco.com', 'Cogeco', 'CA', 'Cogeco corporate domain.', WP_FR('Cogeco'), true),
  trap('shaw.ca', 'sjrb.ca', 'Shaw (Rogers)', 'CA', 'Shaw staff domain.', WP_EN('Shaw_Communications'), true),
  trap('sasktel.net', 'sasktel.com', 'SaskTel', 'CA', 'SaskTel corporate domain.', WP_EN('SaskTel'), true),
  trap('btinternet.com', 'bt.com', 'BT', 'GB', 'BT Group staff domain; email-providers lists bt.com as a consumer provider.', ISPDB('btinternet.com.xml'), true),
  trap('virginmedia.com', 'virginmedia.co.uk', 'Virgin Media', 'GB', 'Virgin Media staff domain; email-providers lists it as a consumer provider.', WP_EN('Virgin_Media'), true),
  trap('sky.com', 'sky.uk', 'Sky', 'GB', 'Sky staff domain.', WP_EN('Sky_Group'), true),
  trap('talktalk.net', 'talktalkgroup.com', 'TalkTalk', 'GB', 'TalkTalk group staff domain.', WP_EN('TalkTalk_Group'), true),
  trap('eircom.net', 'eir.ie', 'eir', 'IE', 'eir corporate domain.', WP_EN('Eir_(telecommunications)'), true),
  trap('t-online.de', 'telekom.de', 'Deutsche Telekom', 'DE', 'Deutsche Telekom staff domain.', WP_DE('Deutsche_Telekom'), true),
  trap('vodafonemail.de', 'vodafone.com', 'Vodafone', 'DE', 'Vodafone group staff domain.', WP_EN('Vodafone'), true),
  trap('gmx.net', 'united-internet.de', 'United Internet', 'DE', 'United Internet (GMX, WEB.DE) group domain.', WP_DE('United_Internet'), true),
  trap('a1.net', 'a1.group', 'A1 Telekom Austria', 'AT', 'A1 group corporate domain.', WP_DE('A1_Telekom_Austria'), true),
  trap('kpnmail.nl', 'kpn.com', 'KPN', 'NL', 'KPN corporate domain.', WP_EN('KPN'), true),
  trap('ziggo.nl', 'vodafoneziggo.com', 'VodafoneZiggo', 'NL', 'VodafoneZiggo corporate domain.', WP_EN('VodafoneZiggo'), true),
  trap('tin.it', 'telecomitalia.it', 'TIM', 'IT', 'Telecom Italia staff domain.', WP_EN('TIM_(brand)'), true),
  trap('fastwebnet.it', 'fastweb.it', 'Fastweb', 'IT', 'Fastweb corporate domain.', WP_EN('Fastweb_(company)'), true),
  trap('telefonica.net', 'telefonica.com', 'Telefónica', 'ES', 'Telefónica group staff domain.', WP_EN('Telef%C3%B3nica'), true),
  trap('cox.net', 'cox.com', 'Cox Communications', 'US', 'Cox staff domain; free-email-domains lists cox.com as a consumer provider.', WP_EN('Cox_Communications'), true),
];

/** The consumer webmails of the supplement (the first version's FREE_MAIL_SUPPLEMENT). */
export const FREE_MAIL_SUPPLEMENT: readonly DomainNote[] = CONSUMER_SUPPLEMENT.filter((e) => e.kind === 'free-mail');
/** The ISP mailboxes of the supplement (the first version's ISP_CONSUMER_DOMAINS). */
export const ISP_CONSUMER_DOMAINS: readonly DomainNote[] = CONSUMER_SUPPLEMENT.filter((e) => e.kind === 'isp');
