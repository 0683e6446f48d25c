// Every public address in one place, so links and routes cannot drift apart. The shapes follow
// the city's own portal: /committees/socialnamnden/mote-2022-12-14.

/**
 * A registry number in an address: one path segment, every reserved character escaped, so
 * "1.2.2-72/2022" is /arenden/1.2.2-72%2F2022 and "KS 2018/124" is /arenden/KS%202018%2F124.
 * The router decodes the segment back to the registry number.
 */
const segment = (text: string) => encodeURIComponent(text)

export const paths = {
  start: () => '/',
  committee: (committeeSlug: string) => `/committees/${committeeSlug}`,
  meeting: (committeeSlug: string, meetingSlug: string) => `/committees/${committeeSlug}/${meetingSlug}`,
  minutes: (committeeSlug: string, meetingSlug: string) =>
    `/committees/${committeeSlug}/${meetingSlug}/protokoll`,
  /** The meeting's public agenda as document JSON (docs/document-json.md). */
  agendaJson: (committeeSlug: string, meetingSlug: string) =>
    `/committees/${committeeSlug}/${meetingSlug}/dagordning.json`,
  /** The signed-off minutes as document JSON; 404 until a § is signed off. */
  minutesJson: (committeeSlug: string, meetingSlug: string) =>
    `/committees/${committeeSlug}/${meetingSlug}/protokoll.json`,
  /** The signed-off minutes as PDF/A (src/archive); 404 until a § is signed off. */
  minutesPdf: (committeeSlug: string, meetingSlug: string) =>
    `/committees/${committeeSlug}/${meetingSlug}/protokoll.pdf`,
  /** A § in the minutes: its own anchor, so a § can be linked to. */
  section: (committeeSlug: string, meetingSlug: string, sectionNumber: number) =>
    `/committees/${committeeSlug}/${meetingSlug}/protokoll#paragraf-${sectionNumber}`,
  /** A printable extract (protokollsutdrag) of one signed-off, public §. */
  extract: (committeeSlug: string, meetingSlug: string, sectionNumber: number) =>
    `/committees/${committeeSlug}/${meetingSlug}/protokoll/utdrag/${sectionNumber}`,
  noticeBoard: () => '/anslagstavla',
  noticeArchive: (page = 1) => (page > 1 ? `/anslagstavla/arkiv?sida=${page}` : '/anslagstavla/arkiv'),
  matter: (registryNumber: string) => `/arenden/${segment(registryNumber)}`,
  person: (personSlug: string) => `/personer/${personSlug}`,
  party: (abbreviation: string) => `/partier/${segment(abbreviation)}`,
  /** The search page; empty values are left out, so `search()` is just /sok. */
  search: (params: SearchParams = {}) => {
    const query = new URLSearchParams()
    for (const [key, value] of Object.entries(params))
      if (value !== undefined && value !== '') query.set(key, String(value))
    const text = query.toString()
    return text ? `/sok?${text}` : '/sok'
  },
  /** An Atom feed of a search: new hits for the same words and filters, newest first. */
  searchFeed: ({ sida: _page, ...params }: SearchParams = {}) =>
    paths.search(params).replace(/^\/sok/, '/sok/flode.atom'),
  accessibility: () => '/tillganglighet',
  privacy: () => '/integritet',
  calendar: () => '/kalender.ics',
  openDataExport: () => '/oppna-data/export.zip',
  committeeCalendar: (committeeSlug: string) => `/committees/${committeeSlug}/kalender.ics`,
  /** Every vote and ballot of public §§ as CSV: of a committee, a person or a party. */
  committeeVotes: (committeeSlug: string) => `/committees/${committeeSlug}/omrostningar.csv`,
  personVotes: (personSlug: string) => `/personer/${personSlug}/omrostningar.csv`,
  partyVotes: (abbreviation: string) => `/partier/${segment(abbreviation)}/omrostningar.csv`,
  /** One meeting as an iCalendar file, to add it to one's own calendar. */
  meetingCalendar: (committeeSlug: string, meetingSlug: string) =>
    `/committees/${committeeSlug}/${meetingSlug}/kalender.ics`,
  agendaFeed: () => '/floden/dagordningar.atom',
  minutesFeed: () => '/floden/protokoll.atom',
  noticeBoardFeed: () => '/anslagstavla/flode.atom',
  committeeFeed: (committeeSlug: string) => `/committees/${committeeSlug}/flode.atom`,
  matterFeed: (registryNumber: string) => `/arenden/${segment(registryNumber)}/flode.atom`,
  /** A stored document's file; the name is for the reader (the id alone decides what is sent). */
  document: (documentId: number, fileName: string) => `/handlingar/${documentId}/${segment(fileName)}`,
  /** The clerks' workspace: signed-in only, never cached, never linked from the public pages. */
  admin: {
    start: () => '/admin',
    /** The login page; `returnTo` (an /admin address) is where the user goes after signing in. */
    login: (returnTo?: string) =>
      returnTo ? `/admin/logga-in?till=${encodeURIComponent(returnTo)}` : '/admin/logga-in',
    logout: () => '/admin/logga-ut',
    logoutEverywhere: () => '/admin/logga-ut-overallt',
    password: () => '/admin/losenord',
    organisationSettings: (organisationSlug: string) =>
      `/admin/organisationer/${organisationSlug}/installningar`,
    newCommittee: (organisationSlug: string) => `/admin/organisationer/${organisationSlug}/ny-namnd`,
    terms: (organisationSlug: string) => `/admin/organisationer/${organisationSlug}/mandatperioder`,
    parties: (organisationSlug: string) => `/admin/organisationer/${organisationSlug}/partier`,
    people: (organisationSlug: string) => `/admin/organisationer/${organisationSlug}/personer`,
    committee: (committeeSlug: string) => `/admin/namnder/${committeeSlug}`,
    committeeSettings: (committeeSlug: string) => `/admin/namnder/${committeeSlug}/installningar`,
    memberships: (committeeSlug: string) => `/admin/namnder/${committeeSlug}/ledamoter`,
    endMembership: (committeeSlug: string, membershipId: number) =>
      `/admin/namnder/${committeeSlug}/ledamoter/${membershipId}/avsluta`,
    substituteOrder: (committeeSlug: string) => `/admin/namnder/${committeeSlug}/ersattarordning`,
    memberImport: (committeeSlug: string) => `/admin/namnder/${committeeSlug}/importera`,
    auditLog: (objectType: string, objectId: number) => `/admin/logg/${objectType}/${objectId}`,
    // Preparing a meeting: the calendar, the agenda and its documents, the notice.
    meetings: (committeeSlug: string) => `/admin/namnder/${committeeSlug}/sammantraden`,
    meetingSeries: (committeeSlug: string) => `/admin/namnder/${committeeSlug}/sammantraden/serie`,
    meeting: (committeeSlug: string, meetingSlug: string) =>
      `/admin/namnder/${committeeSlug}/sammantraden/${meetingSlug}`,
    moveMeeting: (committeeSlug: string, meetingSlug: string) =>
      `/admin/namnder/${committeeSlug}/sammantraden/${meetingSlug}/flytta`,
    cancelMeeting: (committeeSlug: string, meetingSlug: string) =>
      `/admin/namnder/${committeeSlug}/sammantraden/${meetingSlug}/stall-in`,
    agenda: (committeeSlug: string, meetingSlug: string) =>
      `/admin/namnder/${committeeSlug}/sammantraden/${meetingSlug}/dagordning`,
    standardItems: (committeeSlug: string, meetingSlug: string) =>
      `/admin/namnder/${committeeSlug}/sammantraden/${meetingSlug}/dagordning/standardpunkter`,
    /** An agenda item's editor, or one of its actions: upp, ned, kommer-senare, utgar, handlingar. */
    agendaItem: (committeeSlug: string, meetingSlug: string, itemId: number, action?: string) =>
      `/admin/namnder/${committeeSlug}/sammantraden/${meetingSlug}/dagordning/${itemId}${action ? `/${action}` : ''}`,
    replaceDocument: (committeeSlug: string, meetingSlug: string, itemId: number, documentId: number) =>
      `/admin/namnder/${committeeSlug}/sammantraden/${meetingSlug}/dagordning/${itemId}/handlingar/${documentId}/ny-version`,
    notice: (committeeSlug: string, meetingSlug: string) =>
      `/admin/namnder/${committeeSlug}/sammantraden/${meetingSlug}/kallelse`,
  },
}

/** The search page's query string, with its Swedish names: sökord, nämnd, år, typ, parti, sida. */
export interface SearchParams {
  q?: string | undefined
  namnd?: string | undefined
  ar?: number | undefined
  typ?: string | undefined
  parti?: string | undefined
  sida?: number | undefined
}
