// The addresses of the minutes workspace (kept beside its routes; see paths.ts for the rest).

const base = (committee: string, meeting: string) =>
  `/admin/namnder/${committee}/sammantraden/${meeting}/protokoll`

export const minutesPaths = {
  overview: base,
  rollCall: (committee: string, meeting: string) => `${base(committee, meeting)}/narvaro`,
  sections: (committee: string, meeting: string) => `${base(committee, meeting)}/paragrafer`,
  section: (committee: string, meeting: string, number: number) =>
    `${base(committee, meeting)}/paragrafer/${number}`,
  sectionPart: (committee: string, meeting: string, number: number, part: string) =>
    `${base(committee, meeting)}/paragrafer/${number}/${part}`,
  meetingClosed: (committee: string, meeting: string) => `${base(committee, meeting)}/avslutat`,
  signatories: (committee: string, meeting: string) => `${base(committee, meeting)}/justerare`,
  prepareSignOff: (committee: string, meeting: string) => `${base(committee, meeting)}/justering`,
  sign: (signOffId: number) => `/admin/justera/${signOffId}`,
  delegatedDecisions: (committee: string) => `/admin/namnder/${committee}/delegationsbeslut`,
  workspaceExtract: (committee: string, meeting: string, number: number) =>
    `${base(committee, meeting)}/paragrafer/${number}/utdrag`,
  extract: (committee: string, meeting: string, number: number) =>
    `/committees/${committee}/${meeting}/protokoll/utdrag/${number}`,
}
