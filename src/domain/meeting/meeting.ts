export type MeetingStatus =
  | 'planned'
  | 'notice_published'
  | 'held'
  | 'minutes_draft'
  | 'signed_off'
  | 'published'
  | 'cancelled'

export const meetingStatusLabels: Record<MeetingStatus, string> = {
  planned: 'Planerat',
  notice_published: 'Kallelse publicerad',
  held: 'Genomfört',
  minutes_draft: 'Protokoll under arbete',
  signed_off: 'Protokollet justerat',
  published: 'Protokollet publicerat',
  cancelled: 'Inställt',
}

/** The life of a meeting; a meeting can be cancelled until it has been held. */
const nextStatuses: Record<MeetingStatus, readonly MeetingStatus[]> = {
  planned: ['notice_published', 'held', 'cancelled'],
  notice_published: ['held', 'cancelled'],
  held: ['minutes_draft'],
  minutes_draft: ['signed_off'],
  signed_off: ['published'],
  published: [],
  cancelled: [],
}

export function mayMoveTo(from: MeetingStatus, to: MeetingStatus): boolean {
  return nextStatuses[from].includes(to)
}

/** A sammanträde of one committee on one day. */
export interface Meeting {
  id: number
  committeeId: number
  slug: string
  meetsOn: string
  startTime: string | null
  endTime: string | null
  location: string | null
  status: MeetingStatus
  cancellationReason: string | null
  noticePublishedAt: string | null
  version: number
}

/** The readable address part the city's portal uses: mote-2022-12-14. */
export const meetingSlugFor = (meetsOn: string) => `mote-${meetsOn}`

export const isTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
