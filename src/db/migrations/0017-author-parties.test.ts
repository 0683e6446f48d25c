import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  createTestPerson,
  serveAt,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { recordDissent, recordMotion } from '../../domain/minutes/section-record.service.ts'
import { findOrAddParty } from '../../domain/person/person.service.ts'
import { inTransaction } from '../database.ts'
import { up } from './0017-author-parties.ts'

// Motions and dissents entered in the workspace before issue 12 have authors without a party: the
// migration fills it from the person's seat on the meeting day, and leaves unknown ones NULL.
describeOnEachDatabase('migration 0017: the party of workspace-entered authors', (getDb) => {
  it('fills the party from the seat held on the meeting day, and leaves a person with none alone', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db, { seats: 3 })
    const { id: m } = await inTransaction(db, (trx) =>
      findOrAddParty(trx, testActor, {
        organisationId: committee.organisationId,
        abbreviation: 'M',
      }),
    )
    const [member] = await addTestMembers(db, committee, 1, { partyId: m })
    const outsider = await createTestPerson(db, committee.organisationId)
    const { minutes } = await createTestMinutes(db, committee)
    const section = await addTestSection(db, minutes)
    await serveAt(db, section, [member!])
    await inTransaction(db, (trx) =>
      recordMotion(trx, testActor, {
        sectionId: section.id,
        kind: 'reject',
        text: 'Avslag.',
        points: [],
        authors: [{ personId: member!.id }],
      }),
    )
    await inTransaction(db, (trx) =>
      recordDissent(trx, testActor, {
        sectionId: section.id,
        text: 'Fel beslut.',
        authors: [{ personId: member!.id }],
      }),
    )
    await inTransaction(db, (trx) =>
      recordMotion(trx, testActor, {
        sectionId: section.id,
        text: 'Som protokollet trycktes.',
        points: [],
        authors: [{ personId: outsider.id }],
        asPublished: true,
      }),
    )
    // As the workspace saved them before: no party.
    await db.updateTable('motion_author').set({ party_id: null }).execute()
    await db.updateTable('dissent_author').set({ party_id: null }).execute()

    await up(db as never)

    const motions = await db
      .selectFrom('motion_author')
      .select(['person_id', 'party_id'])
      .orderBy('id')
      .execute()
    assert.deepEqual(motions, [
      { person_id: member!.id, party_id: m },
      { person_id: outsider.id, party_id: null },
    ])
    const dissents = await db.selectFrom('dissent_author').select('party_id').execute()
    assert.deepEqual(dissents, [{ party_id: m }])
  })
})
