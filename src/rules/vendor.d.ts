/** Types for npm packages that ship none. */
declare module 'role-based-email-addresses' {
  /** ~1,000 role local parts (info, sales, support …), lower-case. */
  const roleBasedEmailAddresses: string[];
  export default roleBasedEmailAddresses;
}
