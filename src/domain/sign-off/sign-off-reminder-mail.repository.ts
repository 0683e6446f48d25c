import type { Queryable, Trx } from '../../db/database.ts'
import type { ReminderStage } from './sign-off-reminder-mail.ts'

// SQL only, for the reminder mails. It reads people's and accounts' addresses directly (one query
// for any number of minutes, instead of one per person through their services): the job runs on
// every server, every few minutes.

export interface SignatoryContact {
  minutesId: number
  personId: number
  name: string
  /** The person's own address, else that of their (enabled) user account; null: no mail. */
  email: string | null
}

/** The appointed signatories of these minutes, in the order they sign. */
export async function listSignatoryContacts(
  db: Queryable,
  minutesIds: readonly number[],
): Promise<SignatoryContact[]> {
  if (minutesIds.length === 0) return []
  const rows = await db
    .selectFrom('signatory')
    .innerJoin('person', 'person.id', 'signatory.person_id')
    .leftJoin('user_account', (join) =>
      join.onRef('user_account.person_id', '=', 'person.id').on('user_account.disabled', '=', false),
    )
    .select([
      'signatory.minutes_id as minutesId',
      'person.id as personId',
      'person.name as name',
      'person.email as personEmail',
      'user_account.email as accountEmail',
    ])
    .where('signatory.minutes_id', 'in', [...minutesIds])
    .orderBy('signatory.minutes_id')
    .orderBy('signatory.position')
    .orderBy('user_account.id')
    .execute()
  const contacts = new Map<string, SignatoryContact>()
  for (const row of rows) {
    const key = `${row.minutesId}:${row.personId}`
    const known = contacts.get(key)
    if (known) known.email ??= row.accountEmail
    else
      contacts.set(key, {
        minutesId: row.minutesId,
        personId: row.personId,
        name: row.name,
        email: row.personEmail ?? row.accountEmail,
      })
  }
  return [...contacts.values()]
}

export interface SecretaryContact {
  committeeId: number
  userId: number
  name: string
  email: string
}

/**
 * The enabled user accounts that are secretary of these committees: by a grant for the committee,
 * for its parent (a grant covers the utskott) or for the whole organisation, as access.policy.ts.
 */
export async function listSecretaryContacts(
  db: Queryable,
  committeeIds: readonly number[],
): Promise<SecretaryContact[]> {
  if (committeeIds.length === 0) return []
  return db
    .selectFrom('committee')
    .innerJoin('role_grant', 'role_grant.organisation_id', 'committee.organisation_id')
    .innerJoin('user_account', 'user_account.id', 'role_grant.user_id')
    .select([
      'committee.id as committeeId',
      'user_account.id as userId',
      'user_account.name as name',
      'user_account.email as email',
    ])
    .distinct()
    .where('committee.id', 'in', [...committeeIds])
    .where('role_grant.role', '=', 'secretary')
    .where('user_account.disabled', '=', false)
    .where((eb) =>
      eb.or([
        eb('role_grant.committee_id', 'is', null),
        eb('role_grant.committee_id', '=', eb.ref('committee.id')),
        eb('role_grant.committee_id', '=', eb.ref('committee.parent_id')),
      ]),
    )
    .orderBy('committee.id')
    .orderBy('user_account.id')
    .execute()
}

/** The reminders already sent for these minutes, as keys of sentReminderKey. */
export async function listRemindersSent(db: Queryable, minutesIds: readonly number[]): Promise<Set<string>> {
  if (minutesIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('sign_off_reminder')
    .select(['minutes_id', 'stage', 'recipient'])
    .where('minutes_id', 'in', [...minutesIds])
    .execute()
  return new Set(rows.map((r) => sentReminderKey(r.minutes_id, r.stage as ReminderStage, r.recipient)))
}

export const sentReminderKey = (minutesId: number, stage: ReminderStage, recipient: string) =>
  `${minutesId}|${stage}|${recipient}`

/**
 * Records a reminder as sent, unless it is already: false then. On PostgreSQL a server recording the
 * same reminder at the same moment waits for the other's transaction and, if it commits, gets false.
 */
export async function recordReminderSent(
  trx: Trx,
  reminder: { minutesId: number; stage: ReminderStage; recipient: string; sentOn: string },
): Promise<boolean> {
  const row = await trx
    .insertInto('sign_off_reminder')
    .values({
      minutes_id: reminder.minutesId,
      stage: reminder.stage,
      recipient: reminder.recipient,
      sent_on: reminder.sentOn,
    })
    .onConflict((oc) => oc.columns(['minutes_id', 'stage', 'recipient']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}
