import type { Queryable } from '../../db/database.ts'

export interface AwaitingSignature {
  signOffId: number
  immediate: boolean
  committeeName: string
  committeeSlug: string
  meetsOn: string
  meetingSlug: string
}

/**
 * The sign-offs an appointed signatory has still to sign (KL 5:69): pending, with the person among
 * the minutes' signatories and no signature of theirs yet. Oldest meeting first.
 */
export async function listSignOffsAwaitingSignature(
  db: Queryable,
  personId: number,
): Promise<AwaitingSignature[]> {
  const rows = await db
    .selectFrom('sign_off')
    .innerJoin('signatory', 'signatory.minutes_id', 'sign_off.minutes_id')
    .innerJoin('minutes', 'minutes.id', 'sign_off.minutes_id')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select([
      'sign_off.id as signOffId',
      'sign_off.immediate as immediate',
      'committee.name as committeeName',
      'committee.slug as committeeSlug',
      'meeting.meets_on as meetsOn',
      'meeting.slug as meetingSlug',
    ])
    .where('signatory.person_id', '=', personId)
    .where('sign_off.status', '!=', 'signed_off')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('signature')
            .select('signature.id')
            .whereRef('signature.sign_off_id', '=', 'sign_off.id')
            .where('signature.person_id', '=', personId),
        ),
      ),
    )
    .orderBy('meeting.meets_on')
    .orderBy('sign_off.id')
    .execute()
  return rows.map((r) => ({ ...r, immediate: Boolean(r.immediate) }))
}
