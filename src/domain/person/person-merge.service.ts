import { sql } from 'kysely'
import { inTransaction, type Queryable } from '../../db/database.ts'
import { recordAudit } from '../audit/audit.service.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidInputError, InvalidStateError } from '../shared/errors.ts'
import { getPerson } from './person.repository.ts'
import type { Person } from './person.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    merge_two_at_once: { table: string }
    merge_with_self: undefined
    merge_across_organisations: undefined
    merge_signed_off_person: undefined
    merge_two_accounts: undefined
  }
}

/**
 * Every column that names a person, as [table, column]. The merge moves each; a test compares this
 * list with the schema, so a table added later cannot be forgotten (docs/person-matching.md).
 */
export const PERSON_COLUMNS = [
  ['membership', 'person_id'],
  ['attendance', 'person_id'],
  ['attendance', 'serving_for_person_id'],
  ['minutes', 'chair_person_id'],
  ['minutes', 'secretary_person_id'],
  ['signatory', 'person_id'],
  ['section_service', 'person_id'],
  ['section_service', 'serving_for_person_id'],
  ['recusal', 'person_id'],
  ['motion_author', 'person_id'],
  ['dissent_author', 'person_id'],
  ['statement_author', 'person_id'],
  ['ballot', 'person_id'],
  ['signatory_comment', 'person_id'],
  ['signature', 'person_id'],
  ['signing_flow', 'person_id'],
  ['user_account', 'person_id'],
  // A citizen following the person by e-mail (migration 0026) follows the person kept.
  ['subscription', 'person_id'],
] as const

// Rows that may exist once per person within their group: when both persons have one, they would
// collide. Attendance at the same meeting is refused outright (two people); the others follow from it.
const ONE_PER_PERSON: Record<string, string> = {
  attendance: 'meeting_id',
  section_service: 'section_id',
  recusal: 'section_id',
  ballot: 'vote_id',
  signatory: 'minutes_id',
  signature: 'sign_off_id',
  motion_author: 'motion_id',
  dissent_author: 'dissent_id',
  statement_author: 'statement_id',
}

export interface PersonMerge {
  kept: Person
  removed: Person
  /** Rows moved, by "table.column". */
  moved: Record<string, number>
}

/**
 * Merges a person into another: every record of `mergedPersonId` (seats, attendance, service at
 * §§, authorship, ballots, recusals, signatures, the linked user account) becomes `keptPersonId`'s,
 * and the merged person is removed. Refused when both attended the same meeting: then they are two
 * people. Audited with what moved.
 */
export async function mergePersons(
  db: Queryable,
  actor: Actor,
  input: { keptPersonId: number; mergedPersonId: number },
): Promise<PersonMerge> {
  return inTransaction(db, async (trx) => {
    if (input.keptPersonId === input.mergedPersonId)
      throw new InvalidInputError(
        'merge_with_self',
        'a person cannot be merged with itself',
        'mergedPersonId',
      )
    const kept = await getPerson(trx, input.keptPersonId)
    const removed = await getPerson(trx, input.mergedPersonId)
    if (kept.organisationId !== removed.organisationId)
      throw new InvalidInputError(
        'merge_across_organisations',
        'the persons belong to different organisations',
        'mergedPersonId',
      )
    const ids = [kept.id, removed.id]
    for (const [table, group] of Object.entries(ONE_PER_PERSON)) {
      const shared = await trx
        .selectFrom(table as 'attendance')
        .select(sql<number>`${sql.ref(group)}`.as('g'))
        .where('person_id', 'in', ids)
        .groupBy(sql.ref(group))
        .having((eb) => eb.fn.count(sql.ref('person_id')).distinct(), '>', 1)
        .executeTakeFirst()
      if (shared)
        throw new InvalidStateError(
          'merge_two_at_once',
          table === 'attendance'
            ? `${kept.name} and ${removed.name} both attended the same meeting: two people`
            : `${kept.name} and ${removed.name} both appear in the same ${table}: two people`,
          { table },
        )
    }
    // A signed-off record changes only by a recorded, public rectification (KL 5:69, FL 36 §): a
    // merge would print another name in it and break its seal, so the person it names stays.
    if (await appearsInSignedOffMinutes(trx, removed.id))
      throw new InvalidStateError(
        'merge_signed_off_person',
        `${removed.name} appears in signed-off minutes: merging would change a signed-off record`,
      )
    const accounts = await trx.selectFrom('user_account').select('id').where('person_id', 'in', ids).execute()
    if (accounts.length > 1)
      throw new InvalidStateError(
        'merge_two_accounts',
        `${kept.name} and ${removed.name} each have a user account`,
      )
    const moved: Record<string, number> = {}
    for (const [table, column] of PERSON_COLUMNS) {
      const result = await trx
        .updateTable(table as 'membership')
        .set({ [column]: kept.id } as never)
        .where(sql.ref(column), '=', removed.id)
        .executeTakeFirst()
      const n = Number(result.numUpdatedRows)
      if (n > 0) moved[`${table}.${column}`] = n
    }
    await trx.deleteFrom('person').where('id', '=', removed.id).execute()
    await recordAudit(
      trx,
      actor,
      'person.merged',
      { type: 'person', id: kept.id, organisationId: kept.organisationId },
      { before: { kept, removed }, after: { kept, moved } },
    )
    return { kept, removed, moved }
  })
}

// Where a record under a § names a person: in its own row (who served, jäv), or as the author or
// voter of a row under the § (motion, dissent, statement, vote).
const NAMED_UNDER_SECTION: ReadonlyArray<readonly [table: string, under?: readonly [string, string]]> = [
  ['section_service'],
  ['recusal'],
  ['motion_author', ['motion', 'motion_id']],
  ['dissent_author', ['dissent', 'dissent_id']],
  ['statement_author', ['statement', 'statement_id']],
  ['ballot', ['vote', 'vote_id']],
]

/** Whether the person is named in minutes with a signed-off §: attendance, §§, signatories, cover. */
async function appearsInSignedOffMinutes(db: Queryable, personId: number): Promise<boolean> {
  const sectionsNaming = NAMED_UNDER_SECTION.map(([table, under]) =>
    under
      ? sql`select ${sql.ref(`${under[0]}.section_id`)} from ${sql.table(table)} join ${sql.table(under[0])} on ${sql.ref(`${under[0]}.id`)} = ${sql.ref(`${table}.${under[1]}`)} where ${sql.ref(`${table}.person_id`)} = ${personId}`
      : sql`select section_id from ${sql.table(table)} where person_id = ${personId}`,
  )
  const minutesNaming = sql`
    select minutes_id from section where id in (${sql.join(sectionsNaming, sql` union `)})
    union select minutes.id from attendance join minutes on minutes.meeting_id = attendance.meeting_id
      where attendance.person_id = ${personId} or attendance.serving_for_person_id = ${personId}
    union select minutes_id from signatory where person_id = ${personId}
    union select id from minutes where chair_person_id = ${personId} or secretary_person_id = ${personId}`
  const signedOff = await db
    .selectFrom('sign_off')
    .select('sign_off.id')
    .where('sign_off.status', '=', 'signed_off')
    .where(sql<boolean>`sign_off.minutes_id in (${minutesNaming})`)
    .executeTakeFirst()
  return signedOff !== undefined
}
