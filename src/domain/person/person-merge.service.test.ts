import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { before, it } from 'node:test'
import { sql } from 'kysely'
import { testActor, unique } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { importDocument } from '../../import/import-document.ts'
import { parseDocument } from '../../import/parse-document.ts'
import { createUser } from '../account/account.service.ts'
import { DomainError } from '../shared/errors.ts'
import { findPersonBySlug } from './person.reads.ts'
import { addPerson } from './person.service.ts'
import { mergePersons, PERSON_COLUMNS } from './person-merge.service.ts'

describeOnEachDatabase('mergePersons', (getDb, dialect) => {
  let organisationId: number
  before(async () => {
    const bytes = readFileSync(
      new URL('../../../test/fixtures/documents/002_02371675939a916f.txt', import.meta.url),
    )
    const outcome = await parseDocument({ bytes, fileName: 'seed-002.txt' })
    assert.ok(outcome.ok)
    await importDocument(getDb(), testActor, outcome.document, { organisation: `Merge ${unique()}` })
    const maria = await findPersonBySlug(getDb(), 'maria-paniagua-dachner')
    assert.ok(maria)
    organisationId = maria.organisationId
  })

  const person = async (slug: string) => {
    const found = await getDb()
      .selectFrom('person')
      .selectAll()
      .where('slug', '=', slug)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst()
    assert.ok(found, slug)
    return found
  }

  const rowsOf = async (personId: number) => {
    const counts: Record<string, number> = {}
    for (const [table, column] of PERSON_COLUMNS) {
      const row = await getDb()
        .selectFrom(table as 'membership')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(sql.ref(column), '=', personId)
        .executeTakeFirstOrThrow()
      if (Number(row.n) > 0) counts[`${table}.${column}`] = Number(row.n)
    }
    return counts
  }

  it('knows every column of the schema that names a person', async () => {
    // On PostgreSQL each test run has a schema of its own: read only this one's tables.
    const current =
      dialect === 'postgres'
        ? (await sql<{ name: string }>`select current_schema() as name`.execute(getDb())).rows[0]?.name
        : undefined
    const tables = (await getDb().introspection.getTables()).filter((t) => !current || t.schema === current)
    // The person and party record kept at the edge (0035) is derived from these columns and decided
    // again after a merge (its person's meetings), not moved: moving it would skip its running totals.
    const derived = new Set(['public_activity', 'public_attendance'])
    const inSchema = tables
      .filter((t) => !derived.has(t.name))
      .flatMap((t) =>
        t.columns.filter((c) => /(?:^|_)person_id$/.test(c.name)).map((c) => `${t.name}.${c.name}`),
      )
      .sort()
    assert.ok(inSchema.length >= 16)
    assert.deepEqual(inSchema, PERSON_COLUMNS.map(([t, c]) => `${t}.${c}`).sort())
  })

  it('refuses to merge away a person named in signed-off minutes, and changes nothing', async () => {
    const maria = await person('maria-paniagua-dachner')
    const kept = await inTransaction(getDb(), (trx) =>
      addPerson(trx, testActor, { organisationId, name: 'Maria P. Dachner' }),
    )
    const before = await rowsOf(maria.id)
    await assert.rejects(
      mergePersons(getDb(), testActor, { keptPersonId: kept.id, mergedPersonId: maria.id }),
      (error) =>
        error instanceof DomainError &&
        error.code === 'invalid_state' &&
        /signed-off minutes/.test(error.message),
    )
    assert.deepEqual(await rowsOf(maria.id), before)
    assert.deepEqual(await rowsOf(kept.id), {})
  })

  it('moves every record of the merged person to the kept one and removes the merged', async () => {
    // The seed's minutes come signed off; here they are taken as still awaiting their signatures,
    // the state in which a duplicate found after an import is merged.
    await getDb()
      .updateTable('sign_off')
      .set({ status: 'pending' })
      .where('minutes_id', 'in', (eb) =>
        eb
          .selectFrom('minutes')
          .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
          .innerJoin('committee', 'committee.id', 'meeting.committee_id')
          .select('minutes.id')
          .where('committee.organisation_id', '=', organisationId),
      )
      .execute()
    const maria = await person('maria-paniagua-dachner')
    await createUser(getDb(), testActor, {
      email: `maria-${unique()}@example.se`,
      name: 'María Paniagua Dachner',
      password: 'ett långt lösenord för testet',
      personId: maria.id,
    })
    const before = await rowsOf(maria.id)
    for (const moved of [
      'membership.person_id',
      'attendance.person_id',
      'section_service.person_id',
      'motion_author.person_id',
      'dissent_author.person_id',
      'statement_author.person_id',
    ])
      assert.ok(before[moved], `María has ${moved}`)
    const kept = await inTransaction(getDb(), (trx) =>
      addPerson(trx, testActor, { organisationId, name: 'M. Paniagua Dachner' }),
    )
    const merge = await mergePersons(getDb(), testActor, { keptPersonId: kept.id, mergedPersonId: maria.id })
    assert.deepEqual(merge.moved, before)
    assert.deepEqual(await rowsOf(kept.id), before)
    assert.deepEqual(await rowsOf(maria.id), {})
    assert.equal(
      await getDb().selectFrom('person').select('id').where('id', '=', maria.id).executeTakeFirst(),
      undefined,
    )
    assert.equal(before['user_account.person_id'], 1, 'the linked user account moves too')
    const audit = await getDb()
      .selectFrom('audit_event')
      .select(['action', 'object_id'])
      .where('action', '=', 'person.merged')
      .where('object_id', '=', kept.id)
      .executeTakeFirst()
    assert.ok(audit, 'the merge is audited')
  })

  it('refuses to merge two people who attended the same meeting', async () => {
    const jan = await person('jan-jonsson')
    const anders = await person('anders-goransson')
    await assert.rejects(
      mergePersons(getDb(), testActor, { keptPersonId: jan.id, mergedPersonId: anders.id }),
      (error) =>
        error instanceof DomainError && error.code === 'invalid_state' && /same meeting/.test(error.message),
    )
    assert.ok(await person('anders-goransson'), 'nothing changed')
  })
})
