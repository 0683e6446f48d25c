/** What a notice on the anslagstavla announces (KL 8:10–11). */
export type NoticeKind = 'meeting' | 'minutes' | 'delegated_decision'

export const noticeKindLabels: Record<NoticeKind, string> = {
  meeting: 'Kungörelse av sammanträde',
  minutes: 'Justerat protokoll',
  delegated_decision: 'Delegationsbeslut',
}

/** An anslag: it goes up on `postedOn` and stays until `removedOn`, for the whole appeal period. */
export interface Notice {
  id: number
  organisationId: number
  kind: NoticeKind
  meetingId: number | null
  signOffId: number | null
  /** For a notice of a delegated decision not reported to the committee (KL 8:12). */
  delegatedDecisionId: number | null
  title: string
  keptAt: string | null
  postedOn: string
  removedOn: string
  /** The last day to appeal (laglighetsprövning, KL 13:5); none for a notice of a meeting. */
  lastAppealDay: string | null
}

/** Whether the notice is up on a day: from its posting day until the day it comes down. */
export const isUpOn = (notice: Pick<Notice, 'postedOn' | 'removedOn'>, day: string) =>
  notice.postedOn <= day && day < notice.removedOn
