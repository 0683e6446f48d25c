import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInSecretary } from '../../../../test/support/admin-users.ts'
import {
  addTestMembers,
  createTestCommittee,
  createTestMeeting,
  testActor,
} from '../../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { inTransaction } from '../../../db/database.ts'
import { addAgendaItem } from '../../../domain/agenda/agenda.service.ts'
import { createApp } from '../../app.ts'

// Issue 12: a § created from an agenda item took its title and proposal but not its text.
describeOnEachDatabase('a § created from an agenda item', (getDb) => {
  let app: FastifyInstance
  let secretary: AdminClient
  let base: string
  let itemId: number

  before(async () => {
    const db = getDb()
    const committee = await createTestCommittee(db, { seats: 3 })
    const members = await addTestMembers(db, committee, 3)
    const meeting = await createTestMeeting(db, { committee, meetsOn: '2022-12-14' })
    itemId = (
      await inTransaction(db, (trx) =>
        addAgendaItem(trx, testActor, {
          meetingId: meeting.id,
          title: 'Taxa för färdtjänst 2023',
          summary: 'Förvaltningen föreslår att taxan höjs med 3 procent.',
          proposal: ['Nämnden antar taxan.'],
        }),
      )
    ).id
    app = await createApp({ db, logLevel: 'silent', now: () => new Date('2022-12-14T15:00:00Z') })
    secretary = await signedInSecretary(app, db, committee, 'sekr-arende@example.se')
    base = `/admin/namnder/${committee.slug}/sammantraden/${meeting.slug}/protokoll`
    await secretary.get(`${base}/narvaro`)
    await secretary.post(`${base}/narvaro`, {
      ...Object.fromEntries(members.map((p) => [`narvaro-${p.id}`, 'present'])),
      atgard: 'spara',
    })
  })
  after(() => app.close())

  it('fills the § with the item’s title, text and proposal', async () => {
    await secretary.get(base)
    const added = await secretary.post(`${base}/paragrafer`, { agendaItemId: String(itemId) })
    assert.equal(added.statusCode, 303)
    const page = (await secretary.get(`${base}/paragrafer/1`)).body
    assert.match(page, /name="title" value="Taxa för färdtjänst 2023"/)
    assert.match(page, /name="summary"[^>]*>Förvaltningen föreslår att taxan höjs med 3 procent\.</)
    assert.match(page, /name="decision"[^>]*>Nämnden antar taxan\.</)
  })
})
