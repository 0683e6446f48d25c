/** One entry of the audit log: who did what, when, to which object, and the state before and after. */
export interface AuditEvent {
  id: number
  organisationId: number | null
  occurredAt: string
  actor: string
  action: string
  objectType: string
  objectId: number
  before: unknown
  after: unknown
}

export interface AuditedObject {
  type: string
  id: number
  organisationId?: number | null
  /**
   * The meeting an agenda item, minutes or § belongs to, when the writer has it at hand (a batch
   * use case): the change log then need not look it up. Not written to the audit row.
   */
  meetingId?: number
}
