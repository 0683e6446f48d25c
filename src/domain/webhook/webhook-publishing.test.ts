import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import { createTestCommittee, createTestMeeting, testActor, unique } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.ts'
import { inTransaction } from '../../db/database.ts'
import { createHttpPoster } from '../../webhook/http-poster.ts'
import { getAgendaItem } from '../agenda/agenda.repository.ts'
import { addAgendaItem, updateAgendaItem } from '../agenda/agenda.service.ts'
import { publishNotice } from '../meeting/publish-notice.ts'
import { listPublicChanges } from '../public-record/public-record.repository.ts'
import { deliverDueWebhooks, queueWebhookDeliveries, registerWebhook } from './webhook.service.ts'

// End to end: a clerk's use case publishes, the public change log is written at the edge of its
// transaction (domain/public-record), and each entry reaches a real receiver, signed, naming the
// object and nothing of its content — not even after it became confidential.

const publicUrl = 'https://paragraf.example.se'

describeOnEachDatabase('webhooks follow what is published', (getDb) => {
  let receiver: WebhookReceiver
  before(async () => {
    receiver = await startWebhookReceiver()
  })
  after(() => receiver.stop())

  const deliverAll = async () => {
    await queueWebhookDeliveries(getDb(), { publicUrl })
    return deliverDueWebhooks(getDb(), createHttpPoster(), { limit: 100 })
  }
  const bodies = async () => (await receiver.received()).map((r) => JSON.parse(r.body))

  it('sends the meeting, its items and everything the notice made public, then an item made confidential without a word of it', async () => {
    const committee = await createTestCommittee(getDb(), { name: `Byggnadsnämnden ${unique()}` })
    const meeting = await createTestMeeting(getDb(), {
      committee,
      meetsOn: '2027-02-08',
      location: 'Stadshuset',
    })
    const item = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: '1',
        title: 'Detaljplan för Kvarnholmen',
        summary: 'Dnr 2027/310. Planen prövas.',
      }),
    )
    const { webhook, secret } = await inTransaction(getDb(), (trx) =>
      registerWebhook(trx, testActor, {
        organisationId: committee.organisationId,
        url: `${receiver.url}/krok`,
      }),
    )
    await receiver.control({ secret, fail: 0 })
    assert.deepEqual(await deliverAll(), { delivered: 0, failed: 0, dead: 0 }, 'nothing public yet')

    await publishNotice(getDb(), testActor, {
      meetingId: meeting.id,
      version: meeting.version,
      today: '2027-01-20',
      publicUrl,
    })
    const logged = await listPublicChanges(getDb(), { after: webhook.afterSeq, limit: 1000 })
    const ours = logged.filter((c) => c.organisationId === committee.organisationId)
    assert.ok(ours.length > 0, 'publishing the notice wrote the public change log')
    const report = await deliverAll()
    assert.deepEqual(report, { delivered: ours.length, failed: 0, dead: 0 })

    const sent = await bodies()
    assert.deepEqual(
      sent.map((b) => [b.seq, b.kind, b.id, b.action]).sort((a, b) => a[0] - b[0]),
      ours.map((c) => [c.seq, c.kind, c.objectId, c.action]),
    )
    assert.ok(
      sent.some(
        (b) =>
          b.kind === 'meeting' &&
          b.id === meeting.id &&
          b.action === 'appeared' &&
          b.url === `${publicUrl}/oparl/v1/meeting/${meeting.id}`,
      ),
      JSON.stringify(sent),
    )
    assert.ok(sent.some((b) => b.kind === 'agenda-item' && b.id === item.id && b.action === 'appeared'))
    assert.ok((await receiver.received()).every((r) => r.valid))
    for (const body of sent)
      assert.deepEqual(Object.keys(body), ['seq', 'kind', 'id', 'action', 'time', 'url'])

    // Made confidential after the notice (OSL): the receiver learns that the item changed, never what it is.
    const current = await getAgendaItem(getDb(), item.id)
    await inTransaction(getDb(), (trx) =>
      updateAgendaItem(trx, testActor, {
        agendaItemId: item.id,
        version: current.version,
        confidential: true,
        confidentialityGround: 'OSL 21:1',
      }),
    )
    const before = sent.length
    const second = await deliverAll()
    assert.ok(second.delivered > 0)
    const later = (await bodies()).slice(before)
    assert.ok(later.some((b) => b.kind === 'agenda-item' && b.id === item.id && b.action === 'changed'))
    const everything = (await receiver.received()).map((r) => r.body).join('\n')
    assert.doesNotMatch(everything, /Kvarnholmen|Dnr 2027|Planen prövas|OSL/)
  })
})
