import { atTransactionEdge, type Queryable, type Trx } from '../../db/database.ts'
import type { AuditedObject } from '../audit/audit.ts'
import { type PublicScope, scopeKey } from './public-record.ts'

// Where the log learns that something may have changed in public: a use case names the scope it
// touched (the audit row of every write does, see recordAudit), and at the end of its transaction
// the scopes are decided once each (public-record-reconcile.ts). So a use case deep in another
// cannot forget the log, and a batch (an import) decides each meeting once.

const touched = new WeakMap<Queryable, Map<string, PublicScope>>()

/** Notes that what the public sees of a scope may have changed; decided at the transaction's end. */
export async function publicRecordTouched(trx: Trx, ...scopes: PublicScope[]): Promise<void> {
  if (scopes.length === 0) return
  let pending = touched.get(trx)
  if (!pending) {
    pending = new Map()
    touched.set(trx, pending)
  }
  for (const scope of scopes) pending.set(scopeKey(scope), scope)
  const scopesOfTrx = pending
  await atTransactionEdge(trx, 'public-record', async (edge) => {
    // The scopes noted on `trx` until now, and those noted while this runs are decided in a next
    // round (atTransactionEdge runs a reaction registered again). Outside a transaction `edge` is
    // a new one, so the scopes are read from what was noted on `trx`, not on `edge`.
    const scopesNow = [...scopesOfTrx.values()]
    scopesOfTrx.clear()
    touched.delete(trx)
    if (scopesNow.length === 0) return
    // Loaded when first needed: the reconciler reads the public read models, which import much of the domain.
    const { reconcilePublicRecord } = await import('./public-record-reconcile.ts')
    await reconcilePublicRecord(edge, scopesNow)
  })
}

/** The scopes an audited write touched, from what its audit row names. */
export async function scopesOfAudited(db: Queryable, object: AuditedObject): Promise<PublicScope[]> {
  const id = object.id
  if (object.meetingId !== undefined && ownedByMeeting.has(object.type))
    return [{ meetingId: object.meetingId }]
  switch (object.type) {
    case 'meeting':
      return [{ meetingId: id }]
    case 'agenda_item':
      return meetingsOf(db.selectFrom('agenda_item').select('meeting_id').where('id', '=', id))
    case 'minutes':
      return meetingsOf(db.selectFrom('minutes').select('meeting_id').where('id', '=', id))
    case 'section':
      return meetingsOf(
        db
          .selectFrom('section')
          .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
          .select('minutes.meeting_id')
          .where('section.id', '=', id),
      )
    case 'document':
      return meetingsOf(
        db
          .selectFrom('attachment')
          .innerJoin('agenda_item', 'agenda_item.id', 'attachment.agenda_item_id')
          .select('agenda_item.meeting_id')
          .where('attachment.document_id', '=', id),
      )
    case 'notice': {
      const notice = await db
        .selectFrom('notice')
        .leftJoin('sign_off', 'sign_off.id', 'notice.sign_off_id')
        .leftJoin('minutes', 'minutes.id', 'sign_off.minutes_id')
        .select(['notice.meeting_id', 'minutes.meeting_id as minutesMeetingId'])
        .where('notice.id', '=', id)
        .executeTakeFirst()
      const meetingId = notice?.meeting_id ?? notice?.minutesMeetingId
      return meetingId ? [{ meetingId }] : []
    }
    case 'person':
      return [{ personId: id }]
    case 'membership': {
      const seat = await db
        .selectFrom('membership')
        .select(['person_id', 'committee_id'])
        .where('id', '=', id)
        .executeTakeFirst()
      return seat ? [{ personId: seat.person_id }, { committeeId: seat.committee_id }] : []
    }
    case 'committee':
      return [{ committeeId: id }]
    case 'matter':
      return [{ matterId: id }]
    default:
      return []
  }
}

/** The kinds of object that belong to one meeting, found by its id when the writer names it. */
const ownedByMeeting = new Set(['agenda_item', 'minutes', 'section'])

async function meetingsOf(query: { execute(): Promise<{ meeting_id: number }[]> }): Promise<PublicScope[]> {
  const rows = await query.execute()
  return [...new Set(rows.map((r) => r.meeting_id))].map((meetingId) => ({ meetingId }))
}
