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
}
