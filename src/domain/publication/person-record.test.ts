import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { type Kysely, type SqlBool, sql } from 'kysely'
import { testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction, type Queryable } from '../../db/database.ts'
import { fillPublicActivity } from '../../db/migrations/0035-public-activity.ts'
import { generateArchive } from '../../generate/generate-archive.ts'
import { sectionIsPublicWhere } from '../disclosure/disclosure.predicates.ts'
import { addMembership, endMembership } from '../membership/membership.service.ts'
import { getSection } from '../minutes/minutes.repository.ts'
import { rectifySection } from '../minutes/rectification.service.ts'
import { updateSection } from '../minutes/section.service.ts'
import { addPerson } from '../person/person.service.ts'
import { mergePersons } from '../person/person-merge.service.ts'
import { rebuildPublicRecord } from '../public-record/public-record-rebuild.ts'
import { recordSignOff } from '../sign-off/sign-off.service.ts'
import { type PublicRecord, RECORD_PAGE_SIZE, readPartyRecord, readPersonRecord } from './person-record.ts'
import type { RecordOwner } from './publication.repository.ts'

// The person and party pages read a record kept at the transaction's edge (0035). Each page of
// every person and party must show what the tables say, read as the pages read them before the
// record was kept (the queries below), after the archive was generated and after each change that
// moves what is public: a sign-off, a § made confidential before it, a rectification, a seat ended,
// two persons merged. The migration's fill of an upgraded archive keeps the same.

/** The record's lists as the tables give them: every public act of the owner, in the page's order. */
async function actsFromTables(db: Queryable, owner: RecordOwner) {
  const ownedBy = (person: string, party: string) =>
    'personId' in owner
      ? sql<SqlBool>`${sql.ref(person)} = ${owner.personId}`
      : sql<SqlBool>`${sql.ref(party)} = ${owner.partyId}`
  const sections = () =>
    db
      .selectFrom('section')
      .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
      .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
      .leftJoin('agenda_item', 'agenda_item.id', 'section.agenda_item_id')
      .where(sectionIsPublicWhere)
  const lists: Record<string, string[]> = {}
  for (const kind of ['motion', 'dissent', 'statement'] as const) {
    const author = `${kind}_author` as 'dissent_author'
    const rows = await sections()
      .innerJoin(kind as 'dissent', `${kind}.section_id` as 'dissent.section_id', 'section.id')
      .innerJoin(author, `${author}.${kind}_id` as 'dissent_author.dissent_id', `${kind}.id` as 'dissent.id')
      .select([`${kind}.id as id` as 'dissent.id', 'meeting.meets_on as on', 'section.number as number'])
      .where(ownedBy(`${author}.person_id`, `${author}.party_id`))
      .orderBy('meeting.meets_on', 'desc')
      .orderBy('meeting.id', 'desc')
      .orderBy('section.number')
      .orderBy(`${kind}.position` as 'dissent.position')
      .orderBy(`${author}.id` as 'dissent_author.id')
      .execute()
    lists[`${kind}s`] = rows.map((r) => `${r.on} §${r.number} ${kind}:${r.id}`)
  }
  const ballots = await sections()
    .innerJoin('vote', 'vote.section_id', 'section.id')
    .innerJoin('ballot', 'ballot.vote_id', 'vote.id')
    .innerJoin('person', 'person.id', 'ballot.person_id')
    .select(['ballot.id as id', 'meeting.meets_on as on', 'section.number as number'])
    .where(ownedBy('ballot.person_id', 'ballot.party_id'))
    .orderBy('meeting.meets_on', 'desc')
    .orderBy('meeting.id', 'desc')
    .orderBy('section.number')
    .orderBy('vote.position')
    .orderBy('ballot.id')
    .execute()
  lists.ballots = ballots.map((r) => `${r.on} §${r.number} ballot:${r.id}`)
  return lists
}

/** Attendance as the tables give it: the count the page made over the whole history before 0035. */
async function attendanceFromTables(db: Queryable, owner: RecordOwner) {
  const [column, id] = 'personId' in owner ? ['person_id', owner.personId] : ['party_id', owner.partyId]
  const publicMinutes = (
    meeting: string,
  ) => sql`exists (select 1 from minutes x join sign_off s on s.minutes_id = x.id
    where x.meeting_id = ${sql.ref(meeting)} and s.status = 'signed_off')`
  const seats = await sql<{ meetings: number | string; present: number | string | null }>`
    select count(*) as meetings, sum(p) as present from (
      select max(case when attendance.present then 1 else 0 end) as p
      from membership
      join meeting on meeting.committee_id = membership.committee_id and meeting.meets_on >= membership.starts_on
      left join attendance on attendance.meeting_id = meeting.id and attendance.person_id = membership.person_id
      where membership.role != 'substitute'
        and (membership.ends_on is null or membership.ends_on >= meeting.meets_on)
        and ${publicMinutes('meeting.id')} and ${sql.ref(`membership.${column}`)} = ${id}
      group by membership.person_id, meeting.id) seat`.execute(db)
  const served = await sql<{ n: number | string }>`
    select count(*) as n from (select distinct person_id, meeting_id from attendance
      where role = 'substitute' and serving_for_person_id is not null
        and ${publicMinutes('attendance.meeting_id')} and ${sql.ref(`attendance.${column}`)} = ${id}) s`.execute(
    db,
  )
  const row = seats.rows[0]
  return {
    meetings: Number(row?.meetings ?? 0),
    present: Number(row?.present ?? 0),
    servedAsSubstitute: Number(served.rows[0]?.n ?? 0),
  }
}

/** Every page of an owner's record as the page reads it, the lists joined page after page. */
async function actsOnPages(read: (page: number) => Promise<PublicRecord | undefined>) {
  const lists: Record<string, string[]> = { motions: [], dissents: [], statements: [], ballots: [] }
  let attendance: PublicRecord['attendance'] | undefined
  for (let page = 1; ; page++) {
    const record = await read(page)
    assert.ok(record)
    attendance ??= record.attendance
    for (const kind of ['motion', 'dissent', 'statement', 'ballot'] as const) {
      const list = record[`${kind}s`]
      assert.ok(list.length <= RECORD_PAGE_SIZE)
      for (const e of list)
        (lists[`${kind}s`] as string[]).push(`${e.meetsOn} §${e.sectionNumber} ${kind}:${e.id}`)
    }
    if (!record.hasOlder) break
  }
  return { lists, attendance }
}

describeOnEachDatabase('the person and party record kept at the edge', (getDb) => {
  before(async () => {
    await generateArchive(getDb(), { organisations: 1, years: 1, seed: 'record', committeesWithMeetings: 1 })
    await rebuildPublicRecord(getDb())
  })

  /** Every person and party of the archive reads on their pages what the tables say. */
  async function assertEveryRecordAsTheTablesSay() {
    const db = getDb()
    const persons = await db.selectFrom('person').select(['id', 'slug']).orderBy('id').execute()
    let acts = 0
    for (const p of persons) {
      const owner = { personId: p.id }
      const pages = await actsOnPages(async (page) => (await readPersonRecord(db, p.slug, page))?.record)
      assert.deepEqual(pages.lists, await actsFromTables(db, owner), `person ${p.slug}`)
      assert.deepEqual(pages.attendance, await attendanceFromTables(db, owner), `attendance of ${p.slug}`)
      acts += Object.values(pages.lists).flat().length
    }
    const parties = await db.selectFrom('party').select(['id', 'abbreviation']).orderBy('id').execute()
    for (const p of parties) {
      const owner = { partyId: p.id }
      const pages = await actsOnPages(
        async (page) => (await readPartyRecord(db, p.abbreviation, page))?.record,
      )
      assert.deepEqual(pages.lists, await actsFromTables(db, owner), `party ${p.abbreviation}`)
      assert.deepEqual(
        pages.attendance,
        await attendanceFromTables(db, owner),
        `attendance of ${p.abbreviation}`,
      )
    }
    return acts
  }

  const kept = async () => ({
    activity: await getDb()
      .selectFrom('public_activity')
      .selectAll()
      .orderBy('kind')
      .orderBy('ref_id')
      .execute(),
    attendance: (await getDb().selectFrom('public_attendance').selectAll().execute())
      .map((r) => JSON.stringify([r.meeting_id, r.kind, r.person_id, r.party_id, r.present]))
      .sort(),
    totals: (await getDb().selectFrom('public_attendance_total').selectAll().execute())
      .filter((r) => r.meetings !== 0 || r.served !== 0)
      .map((r) => JSON.stringify([r.owner, r.owner_id, r.meetings, r.present, r.served]))
      .sort(),
  })

  /** Deciding the archive again changes nothing kept: the edge missed nothing. */
  async function assertNothingMissed() {
    const before = await kept()
    await rebuildPublicRecord(getDb())
    assert.deepEqual(await kept(), before)
  }

  it('shows on every page of a generated archive what the tables say, more than a page of it', async () => {
    assert.ok((await assertEveryRecordAsTheTablesSay()) > RECORD_PAGE_SIZE)
    const party = await getDb()
      .selectFrom('party')
      .select('abbreviation')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    assert.equal((await readPartyRecord(getDb(), party.abbreviation, 1))?.record.hasOlder, true)
  })

  it('is what the migration fills an upgraded archive with', async () => {
    const before = await kept()
    for (const table of ['public_activity', 'public_attendance', 'public_attendance_total'] as const)
      await getDb().deleteFrom(table).execute()
    await fillPublicActivity(getDb() as unknown as Kysely<unknown>)
    assert.deepEqual(await kept(), before)
  })

  // The newest meeting's minutes, signed off again below: its sign-off undone by hand, and the
  // archive decided again (what decision 0003 says to run after a hand edit).
  let meeting: { id: number; minutesId: number; meetsOn: string }
  let sections: { id: number; number: number; ballots: number | string | null }[]

  it('follows minutes no longer public after a hand edit and `paragraf change-log`', async () => {
    const db = getDb()
    meeting = await db
      .selectFrom('meeting')
      .innerJoin('minutes', 'minutes.meeting_id', 'meeting.id')
      .select(['meeting.id', 'minutes.id as minutesId', 'meeting.meets_on as meetsOn'])
      .orderBy('meeting.meets_on', 'desc')
      .executeTakeFirstOrThrow()
    sections = await db
      .selectFrom('section')
      .select(['section.id', 'section.number'])
      .select((eb) =>
        eb
          .selectFrom('vote')
          .innerJoin('ballot', 'ballot.vote_id', 'vote.id')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('vote.section_id', '=', 'section.id')
          .as('ballots'),
      )
      .where('section.minutes_id', '=', meeting.minutesId)
      .orderBy('section.number')
      .execute()
    const signOffs = db.selectFrom('sign_off').select('id').where('minutes_id', '=', meeting.minutesId)
    for (const table of ['signatory_comment', 'signing_flow', 'sign_off_section', 'signature'] as const)
      await db.deleteFrom(table).where('sign_off_id', 'in', signOffs).execute()
    await db.updateTable('notice').set({ sign_off_id: null }).where('sign_off_id', 'in', signOffs).execute()
    await db.deleteFrom('record_seal').where('sign_off_id', 'in', signOffs).execute()
    await db.deleteFrom('sign_off').where('minutes_id', '=', meeting.minutesId).execute()
    await rebuildPublicRecord(db)
    const left = await db
      .selectFrom('public_activity')
      .select('ref_id')
      .where('meeting_id', '=', meeting.id)
      .execute()
    assert.deepEqual(left, [])
    await assertEveryRecordAsTheTablesSay()
  })

  it('shows a sign-off at once, without a § made confidential before it', async () => {
    const db = getDb()
    const secret = sections.find((s) => Number(s.ballots) > 0)
    assert.ok(secret, 'the newest meeting has a vote with ballots')
    const section = await getSection(db, secret.id)
    await inTransaction(db, (trx) =>
      updateSection(trx, testActor, { sectionId: section.id, version: section.version, confidential: true }),
    )
    await inTransaction(db, (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: meeting.minutesId,
        sectionNumbers: sections.map((s) => s.number),
        signedOffOn: meeting.meetsOn,
        immediate: false,
        signatoryPersonIds: [],
      }),
    )
    const shown = await db
      .selectFrom('public_activity')
      .innerJoin('ballot', 'ballot.id', 'public_activity.ref_id')
      .innerJoin('vote', 'vote.id', 'ballot.vote_id')
      .select('vote.section_id')
      .where('public_activity.kind', '=', 'ballot')
      .where('public_activity.meeting_id', '=', meeting.id)
      .execute()
    assert.ok(shown.length > 0, 'the meeting’s other ballots are public')
    assert.ok(!shown.some((r) => r.section_id === secret.id), 'nothing of the confidential §')
    await assertEveryRecordAsTheTablesSay()
    await assertNothingMissed()
  })

  it('keeps the same entries through a rectification', async () => {
    const db = getDb()
    const open = sections.find(
      (s) => Number(s.ballots) > 0 && s.id !== sections.find((x) => Number(x.ballots) > 0)?.id,
    )
    const target = await getSection(db, (open ?? sections[0]!).id)
    await inTransaction(db, (trx) =>
      rectifySection(trx, testActor, {
        sectionId: target.id,
        version: target.version,
        reason: 'Skrivfel i rubriken',
        rectifiedOn: meeting.meetsOn,
        text: { title: `${target.title} (rättad)` },
      }),
    )
    await assertEveryRecordAsTheTablesSay()
    await assertNothingMissed()
  })

  it('counts attendance anew when a seat ends earlier, and when two persons are merged', async () => {
    const db = getDb()
    const seat = await db
      .selectFrom('membership')
      .select(['id', 'person_id', 'committee_id', 'party_id', 'starts_on'])
      .where('role', '!=', 'substitute')
      .where('starts_on', '<', meeting.meetsOn)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', meeting.meetsOn)]))
      .where('committee_id', '=', (eb) =>
        eb.selectFrom('meeting').select('committee_id').where('id', '=', meeting.id),
      )
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const before = await attendanceFromTables(db, { personId: seat.person_id })
    await endMembership(db, testActor, seat.id, seat.starts_on)
    const after = await attendanceFromTables(db, { personId: seat.person_id })
    assert.ok(after.meetings < before.meetings, 'the seat counted fewer meetings')
    await assertEveryRecordAsTheTablesSay()

    // A person registered twice: the second, never in minutes, had a seat; merged into the first.
    const organisationId = (
      await db
        .selectFrom('committee')
        .select('organisation_id')
        .where('id', '=', seat.committee_id)
        .executeTakeFirstOrThrow()
    ).organisation_id
    const twin = await inTransaction(db, async (trx) => {
      const person = await addPerson(trx, testActor, { organisationId, name: 'Dubbel Registrerad' })
      await addMembership(trx, testActor, {
        committeeId: seat.committee_id,
        personId: person.id,
        role: 'member',
        startsOn: '2000-01-01',
        ...(seat.party_id ? { partyId: seat.party_id } : {}),
      })
      return person
    })
    assert.ok((await attendanceFromTables(db, { personId: twin.id })).meetings > 0)
    await assertEveryRecordAsTheTablesSay()
    await mergePersons(db, testActor, { keptPersonId: seat.person_id, mergedPersonId: twin.id })
    await assertEveryRecordAsTheTablesSay()
    await assertNothingMissed()
  })
})
