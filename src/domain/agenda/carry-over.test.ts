import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestSection,
  createTestCommittee,
  createTestMeeting,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { registerMatter } from '../matter/matter.service.ts'
import { updateSection } from '../minutes/section.service.ts'
import { addAgendaItem, getAgenda } from './agenda.service.ts'

describeOnEachDatabase('carrying tabled and referred-back matters over (B5)', (getDb) => {
  it('puts a matter tabled at a meeting on the next meeting being prepared, once, with its registry number', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    const { meeting, minutes } = await createTestMinutes(db, committee, { meetsOn: '2024-02-06' })
    const next = await createTestMeeting(db, { committee, meetsOn: '2024-03-05' })
    const matter = await inTransaction(db, (trx) =>
      registerMatter(trx, testActor, {
        organisationId: committee.organisationId,
        registryNumber: 'SN 2024/7',
      }),
    )
    const item = await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: 'Riktlinjer för hemtjänst',
        matterId: matter.id,
      }),
    )
    const section = await addTestSection(db, minutes, {
      title: 'Riktlinjer för hemtjänst',
      agendaItemId: item.id,
    })
    const tabled = await inTransaction(db, (trx) =>
      updateSection(trx, testActor, {
        sectionId: section.id,
        version: section.version,
        outcome: 'tabled',
      }),
    )
    // Saving the § again (another field) must not add the matter a second time.
    await inTransaction(db, (trx) =>
      updateSection(trx, testActor, {
        sectionId: tabled.id,
        version: tabled.version,
        outcome: 'referred_back',
      }),
    )
    const agenda = await getAgenda(db, next.id)
    assert.deepEqual(
      agenda.map((e) => [e.item.title, e.item.matterId, e.item.summary]),
      [['Riktlinjer för hemtjänst', matter.id, 'Bordlades vid sammanträdet 2024-02-06 (§ 1).']],
    )
  })

  it('carries a referred-back matter over when the next meeting is scheduled later', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    const { minutes } = await createTestMinutes(db, committee, { meetsOn: '2024-04-09' })
    await addTestSection(db, minutes, { title: 'Taxa för serveringstillstånd', outcome: 'referred_back' })
    await addTestSection(db, minutes, { title: 'Beslutat ärende' })
    const next = await createTestMeeting(db, { committee, meetsOn: '2024-05-14' })
    const agenda = await getAgenda(db, next.id)
    assert.deepEqual(
      agenda.map((e) => [e.item.title, e.item.summary]),
      [['Taxa för serveringstillstånd', 'Återremitterades vid sammanträdet 2024-04-09 (§ 1).']],
    )
  })

  it('leaves the agenda alone when nothing was tabled', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    const { minutes } = await createTestMinutes(db, committee, { meetsOn: '2024-06-04' })
    await addTestSection(db, minutes)
    const next = await createTestMeeting(db, { committee, meetsOn: '2024-08-20' })
    assert.deepEqual(await getAgenda(db, next.id), [])
  })
})
