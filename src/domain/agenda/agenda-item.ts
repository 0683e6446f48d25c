/** "utgår" (withdrawn) and "kommer senare" (coming later) are shown on the agenda as such. */
export type AgendaItemStatus = 'active' | 'withdrawn' | 'coming_later'

export const agendaItemStatusLabels: Record<AgendaItemStatus, string> = {
  active: '',
  withdrawn: 'Utgår',
  coming_later: 'Kommer senare',
}

/** One point of the agenda (föredragningslista), possibly for a matter with a registry number. */
export interface AgendaItem {
  id: number
  meetingId: number
  matterId: number | null
  /** The number as printed ("5", "16 A"); numbering gaps are normal where an item is secret. */
  number: string | null
  position: number
  heading: string | null
  title: string | null
  summary: string | null
  /** The administration's proposed decision, as points. */
  proposal: string[]
  officerReportOn: string | null
  confidential: boolean
  /** The legal ground for secrecy, e.g. "OSL 26:1". */
  confidentialityGround: string | null
  immediateSignOff: boolean
  status: AgendaItemStatus
  version: number
}

export type AgendaChangeKind =
  | 'added'
  | 'changed'
  | 'withdrawn'
  | 'coming_later'
  | 'attachment_added'
  | 'attachment_replaced'
  | 'moved'

/** A change to the agenda; the ones after the notice was published are shown publicly. */
export interface AgendaItemChange {
  id: number
  agendaItemId: number
  kind: AgendaChangeKind
  description: string
  afterNotice: boolean
  /** The document an attachment change is about, so the public list can tell a confidential one. */
  documentId: number | null
  changedAt: string
}
