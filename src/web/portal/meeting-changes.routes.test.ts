import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { createTestCommittee, createTestMeeting, testActor } from '../../../test/support/factories.ts'
import { pageText } from '../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { addAgendaItem, attachDocument } from '../../domain/agenda/agenda.service.ts'
import { registerDocument } from '../../domain/document/document.service.ts'
import { changeMeetingStatus } from '../../domain/meeting/meeting.service.ts'
import { createApp } from '../app.ts'
import { paths } from '../paths.ts'

const secret = 'HEMLIG-BILAGA-8830'
const identityNumber = '19121212-1212'

// Issue 11, defect 3: the list of changes since the notice named a confidential document ("Bilagan
// <title> lades till") although the document itself is kept back (OSL; P2), and showed a personnummer
// in a document's title unmasked (P3). An entry about a confidential document is now left out, as
// the document is left out of the agenda; every description is masked.
describeOnEachDatabase('the public list of changes since the notice', (getDb) => {
  let app: FastifyInstance
  let page: string
  before(async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    let meeting = await createTestMeeting(db, { committee, meetsOn: '2024-04-16' })
    const item = await inTransaction(db, (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: '1',
        title: 'Taxor 2024',
      }),
    )
    meeting = await inTransaction(db, (trx) =>
      changeMeetingStatus(trx, testActor, meeting, 'notice_published'),
    )
    const attach = async (title: string, confidential: boolean) => {
      const document = await inTransaction(db, (trx) =>
        registerDocument(trx, testActor, {
          organisationId: committee.organisationId,
          title,
          kind: 'bilaga',
          sourceUrl: 'https://example.org/bilaga.pdf',
          ...(confidential ? { confidential: true, confidentialityGround: 'OSL 26:1' } : {}),
        }),
      )
      await inTransaction(db, (trx) =>
        attachDocument(trx, testActor, { agendaItemId: item.id, documentId: document.id }),
      )
    }
    await attach(`Utredning ${secret}`, true)
    await attach(`Yttrande från ${identityNumber}`, false)
    await attach('Taxetabell', false)
    app = await createApp({ db, logLevel: 'silent', now: () => new Date('2024-04-10T10:00:00Z') })
    const response = await app.inject(paths.meeting(committee.slug, meeting.slug))
    assert.equal(response.statusCode, 200)
    page = response.body
  })
  after(() => app.close())

  it('lists the changes to public documents', () => {
    assert.match(pageText(page), /Ändringar sedan kallelsen publicerades/)
    assert.match(pageText(page), /Bilagan Taxetabell lades till/)
  })

  it('says nothing of a confidential document', () => {
    assert.ok(!page.includes(secret), 'the confidential title is on the page')
    assert.equal(pageText(page).match(/lades till/g)?.length, 2)
  })

  it('masks a personnummer in a document title', () => {
    assert.match(pageText(page), /Bilagan Yttrande från \[personnummer borttaget\] lades till/)
    assert.ok(!page.includes('1212-1212'), 'the personnummer is on the page')
  })
})
