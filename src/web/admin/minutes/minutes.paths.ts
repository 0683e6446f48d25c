import { paths } from '../../paths.ts'
import { formatLongDate } from '../../views/format.ts'

// The addresses of the minutes workspace (kept beside its routes; see paths.ts for the rest).

const base = (committee: string, meeting: string) => `${paths.admin.meeting(committee, meeting)}/protokoll`

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
  comment: (signOffId: number) => `/admin/justera/${signOffId}/kommentar`,
  draftPdf: (signOffId: number) => `/admin/justera/${signOffId}/utkast.pdf`,
  delegatedDecisions: (committee: string) => `/admin/namnder/${committee}/delegationsbeslut`,
  workspaceExtract: (committee: string, meeting: string, number: number) =>
    `${base(committee, meeting)}/paragrafer/${number}/utdrag`,
  extract: (committee: string, meeting: string, number: number) =>
    `/committees/${committee}/${meeting}/protokoll/utdrag/${number}`,
}

/** The breadcrumbs down to a meeting, for every page of its minutes. */
export function meetingBreadcrumbs(
  committee: { slug: string; name: string },
  meeting: { slug: string; meetsOn: string },
) {
  return [
    { href: paths.admin.start(), label: 'Arbetsrum' },
    { href: paths.admin.committee(committee.slug), label: committee.name },
    { href: paths.admin.meetings(committee.slug), label: 'Sammanträden' },
    { href: paths.admin.meeting(committee.slug, meeting.slug), label: formatLongDate(meeting.meetsOn) },
  ]
}
