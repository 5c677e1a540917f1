/**
 * Corporate-domain exceptions: domains that a maintained list files as a consumer (or disposable)
 * provider, or might, but that are an organisation's own domain. A list entry must not make an
 * organisation's employees private: these win over every list (and the supplement).
 *
 * Each entry says why. The audit test (lists.audit.test.ts) reports which upstream list holds each
 * one (the conflicts found) and fails when an operator's corporate domain from the trap pairs
 * (providers.ts) is on a list without being excepted here. The trap pairs' corporate sides are
 * exceptions too, without being repeated here.
 */

export interface CorporateException {
  /** Lower-case ASCII domain; subdomains are covered too (unless a longer entry says otherwise). */
  domain: string;
  note: string;
  source?: string;
  /** The entry of email-providers common.json it removes from the recall set ("documented exclusion"). */
  excludedFromCommon?: true;
}

const WP_EN = (title: string): string => `https://en.wikipedia.org/wiki/${title}`;
const WP_FR = (title: string): string => `https://fr.wikipedia.org/wiki/${title}`;
const WP_DE = (title: string): string => `https://de.wikipedia.org/wiki/${title}`;

export const CORPORATE_EXCEPTIONS: readonly CorporateException[] = [
  // In email-providers 2.26.0 common.json
  { domain: 'bt.com', note: 'BT Group staff domain (BT customers are on btinternet.com).', source: WP_EN('BT_Group'), excludedFromCommon: true },
  { domain: 'parrot.com', note: 'Parrot SA, French drone maker: its staff domain, not a mailbox service.', source: WP_FR('Parrot_(entreprise)'), excludedFromCommon: true },
  { domain: 'singpost.com', note: 'Singapore Post staff domain, not a mailbox service.', source: WP_EN('Singapore_Post'), excludedFromCommon: true },
  { domain: 'discovery.com', note: 'Discovery (Warner Bros. Discovery) corporate domain; its 1999 free mail is long closed.', source: WP_EN('Discovery,_Inc.'), excludedFromCommon: true },
  { domain: 'ancestry.com', note: 'Ancestry.com LLC staff domain, not a mailbox service.', source: WP_EN('Ancestry.com'), excludedFromCommon: true },
  { domain: 'saudia.com', note: 'Saudia (Saudi Arabian Airlines) corporate domain.', source: WP_EN('Saudia'), excludedFromCommon: true },
  { domain: 'easypost.com', note: 'EasyPost, a shipping-API company: its staff domain.', source: WP_EN('EasyPost'), excludedFromCommon: true },
  { domain: 'dnsmadeeasy.com', note: 'DNS Made Easy, a DNS hosting company: its staff domain.', source: WP_EN('DNS_Made_Easy'), excludedFromCommon: true },
  { domain: 'name.com', note: 'Name.com, a domain registrar: its staff domain.', source: WP_EN('Name.com'), excludedFromCommon: true },
  { domain: 'oath.com', note: 'Oath (Verizon Media, now Yahoo Inc.) corporate domain.', source: WP_EN('Oath_Inc.'), excludedFromCommon: true },
  { domain: 'aver.com', note: 'AVer Information, a hardware maker: its staff domain (also on a disposable list).', source: WP_EN('AVer_Information'), excludedFromCommon: true },
  { domain: 'clerk.com', note: 'Clerk, an authentication-software company: its staff domain.', excludedFromCommon: true },
  {
    domain: 'nus.edu.sg',
    note: 'National University of Singapore staff domain (students are on u.nus.edu); also on disposable lists.',
    source: WP_EN('National_University_of_Singapore'),
    excludedFromCommon: true,
  },
  {
    domain: 'berlin.de',
    note: 'The Land Berlin\u2019s administrations write from berlin.de subdomains (senstadt.berlin.de, ba-….berlin.de): public bodies, not a mailbox service.',
    source: WP_DE('Berlin.de'),
    excludedFromCommon: true,
  },
  // Elsewhere on the lists
  { domain: 'rci.rogers.com', note: 'Rogers staff subdomain of the consumer domain rogers.com.', source: WP_EN('Rogers_Communications') },
  { domain: 'news.hackney.gov.uk', note: 'London Borough of Hackney newsletter subdomain, on a disposable list: a public body.' },
];
