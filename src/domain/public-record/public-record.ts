// The public record as the public change log keeps it (docs/decisions/0001-public-change-log.md):
// each object a public channel shows, whether it is public now and when what it shows last changed.

/** The kinds of object the log follows: OParl's, by the names of their addresses. */
export const publicKinds = [
  'meeting',
  'location',
  'agenda-item',
  'file',
  'consultation',
  'paper',
  'person',
  'membership',
  'organization',
] as const
export type PublicKind = (typeof publicKinds)[number]

export type PublicAction = 'appeared' | 'changed' | 'vanished'

/** Where a change happened, as a use case names it: what it touched, not yet what became public. */
export type PublicScope =
  | { meetingId: number }
  | { personId: number }
  | { committeeId: number }
  | { matterId: number }

/** One entry of the public change log. */
export interface PublicChange {
  seq: number
  kind: PublicKind
  objectId: number
  organisationId: number
  action: PublicAction
  changedAt: string
}

/** What the public sees of one object now, from the log. */
export interface PublicObjectState {
  kind: PublicKind
  objectId: number
  organisationId: number
  public: boolean
  firstPublicAt: string
  modifiedAt: string
  seq: number
}

export const scopeKey = (scope: PublicScope): string =>
  'meetingId' in scope
    ? `meeting:${scope.meetingId}`
    : 'personId' in scope
      ? `person:${scope.personId}`
      : 'committeeId' in scope
        ? `committee:${scope.committeeId}`
        : `matter:${scope.matterId}`
