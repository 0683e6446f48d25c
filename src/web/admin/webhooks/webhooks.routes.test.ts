import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInDemoAccount } from '../../../../test/support/admin-users.ts'
import { createTestOrganisation, testActor } from '../../../../test/support/factories.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { insertPublicChange } from '../../../../test/support/public-changes.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../../../../test/support/webhook-receiver.ts'
import { inTransaction } from '../../../db/database.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import {
  deliverDueWebhooks,
  queueWebhookDeliveries,
  registerWebhook,
} from '../../../domain/webhook/webhook.service.ts'
import { maxWebhookAttempts } from '../../../domain/webhook/webhook.ts'
import { createHttpPoster } from '../../../webhook/http-poster.ts'
import { createApp } from '../../app.ts'

describeOnEachDatabase('webhooks in the workspace', (getDb) => {
  let app: FastifyInstance
  let admin: AdminClient
  let receiver: WebhookReceiver
  let list: string
  let organisationId: number

  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', publicUrl: 'https://paragraf.example.se' })
    admin = await signedInDemoAccount(app, 'administrator')
    receiver = await startWebhookReceiver()
    const organisation = await getDb()
      .selectFrom('organisation')
      .select(['id', 'slug'])
      .where('name', '=', 'Stockholms stad')
      .executeTakeFirstOrThrow()
    organisationId = organisation.id
    list = `/admin/organisationer/${organisation.slug}/webhooks`
  })
  after(async () => {
    await app.close()
    await receiver.stop()
  })

  it('is linked from the administrator’s start page, and closed to a secretary and to forms without the CSRF token', async () => {
    const start = await admin.get('/admin')
    assert.match(start.body, new RegExp(`<a href="${list}">Webhooks</a>`))
    const page = await admin.get(list)
    assert.equal(page.statusCode, 200)
    assert.equal(page.headers['cache-control'], 'no-store')
    assert.match(text(page.body), /Registrerade adresser \(0\) Inga adresser är registrerade\./)

    const secretary = await signedInDemoAccount(app, 'secretary')
    assert.doesNotMatch((await secretary.get('/admin')).body, /webhooks/)
    assert.equal((await secretary.get(list)).statusCode, 403)
    assert.equal((await secretary.post(list, { url: 'https://mottagare.example.se/' })).statusCode, 403)
    assert.equal(
      (await admin.post(list, { url: 'https://mottagare.example.se/' }, { csrf: false })).statusCode,
      403,
    )
    assert.equal((await getDb().selectFrom('webhook').select('id').execute()).length, 0)
  })

  it('says in Swedish beside the field why a URL is refused, keeping what was typed', async () => {
    await admin.get(list)
    const refused = await admin.post(list, { url: 'http://mottagare.example.se/krok' })
    assert.equal(refused.statusCode, 400)
    const page = text(refused.body)
    assert.match(page, /Uppgifterna kunde inte sparas/)
    assert.match(page, /Adressen måste börja med https:\/\//)
    assert.match(refused.body, /aria-invalid="true"/)
    assert.match(refused.body, /value="http:\/\/mottagare\.example\.se\/krok"/)
    assert.match(refused.body, /<title>Fel i formuläret – Webhooks/)
    const empty = await admin.post(list, { url: '' })
    assert.match(text(empty.body), /Skriv adressen som ändringarna ska skickas till\./)
  })

  it('shows the secret once at registration; the list shows the URL and its deliveries, never the secret', async () => {
    await admin.get(list)
    const url = `${receiver.url}/paragraf`
    const registered = await admin.post(list, { url })
    assert.equal(registered.statusCode, 200)
    assert.equal(registered.headers['cache-control'], 'no-store')
    const secret = /whsec_[0-9a-f]{64}/.exec(registered.body)?.[0]
    assert.ok(secret, 'the secret is shown')
    assert.match(text(registered.body), /Hemligheten visas bara nu\./)

    const page = await admin.get(list)
    assert.match(text(page.body), /Registrerade adresser \(1\)/)
    assert.match(page.body, new RegExp(`<code>${url}</code>`))
    assert.doesNotMatch(page.body, /whsec_/)
    assert.doesNotMatch((await admin.get(`/admin/logg/organisation/${organisationId}`)).body, /whsec_/)

    // A change reaches the receiver, which verifies it with the secret shown.
    await receiver.control({ secret, fail: 0 })
    await insertPublicChange(getDb(), { organisationId, kind: 'meeting', objectId: 12 })
    await queueWebhookDeliveries(getDb(), { publicUrl: 'https://paragraf.example.se' })
    await deliverDueWebhooks(getDb(), createHttpPoster(), { limit: 20 })
    const [received] = await receiver.received()
    assert.equal(received?.valid, true)
    assert.equal(JSON.parse(received?.body ?? '{}').url, 'https://paragraf.example.se/oparl/v1/meeting/12')
    assert.match(text((await admin.get(list)).body), /Levererade senaste 30 dagarna 1 Väntar 0 Misslyckade 0/)
  })

  it('lists a dead delivery with "Skicka igen", which queues it again', async () => {
    await receiver.control({ fail: -1, status: 500 })
    const seq = await insertPublicChange(getDb(), {
      organisationId,
      kind: 'file',
      objectId: 3,
      action: 'vanished',
    })
    await queueWebhookDeliveries(getDb(), { publicUrl: 'https://paragraf.example.se' })
    let now = Date.now()
    for (let attempt = 0; attempt < maxWebhookAttempts; attempt++) {
      await deliverDueWebhooks(getDb(), createHttpPoster(), { limit: 20, now: () => new Date(now) })
      now += 24 * 60 * 60_000
    }
    const page = await admin.get(list)
    const shown = text(page.body)
    assert.match(shown, /Misslyckade leveranser \(1\)/)
    assert.match(shown, new RegExp(`Ändring ${seq} Gäller file 3, borttagen eller inte längre offentlig`))
    assert.match(shown, /Försök 10/)
    assert.match(shown, /Svar HTTP 500/)
    const action = new RegExp(`action="(${list}/leveranser/(\\d+)/skicka-igen)"`).exec(page.body)
    assert.ok(action, 'a Skicka igen form')

    await receiver.control({ fail: 0 })
    const resent = await admin.post(action[1] as string, {})
    assert.equal(resent.statusCode, 303)
    assert.equal(resent.headers.location, `${list}?klart=skickas`)
    assert.match(text((await admin.get(resent.headers.location as string)).body), /Leveransen skickas igen/)
    assert.deepEqual(await deliverDueWebhooks(getDb(), createHttpPoster(), { limit: 20 }), {
      delivered: 1,
      failed: 0,
      dead: 0,
    })
    assert.match(
      text((await admin.get(list)).body),
      /Misslyckade leveranser \(0\) Inga leveranser har misslyckats\./,
    )
    // Sent again once only: a second post finds nothing dead.
    assert.equal((await admin.post(action[1] as string, {})).statusCode, 409)
  })

  it('removes a webhook with its button, and refuses another organisation’s', async () => {
    const page = await admin.get(list)
    const action = new RegExp(`action="(${list}/(\\d+)/ta-bort)"`).exec(page.body)
    assert.ok(action)
    assert.match(page.body, /Ta bort<span class="visually-hidden">/)
    assert.equal((await admin.post(`${list}/999999/ta-bort`, {})).statusCode, 404)
    const otherOrganisation = await createTestOrganisation(getDb())
    const elsewhere = await inTransaction(getDb(), (trx) =>
      registerWebhook(trx, testActor, {
        organisationId: otherOrganisation.id,
        url: 'https://annan.example.se/',
      }),
    )
    assert.equal((await admin.post(`${list}/${elsewhere.webhook.id}/ta-bort`, {})).statusCode, 404)
    const removed = await admin.post(action[1] as string, {})
    assert.equal(removed.statusCode, 303)
    assert.match(text((await admin.get(removed.headers.location as string)).body), /Adressen är borttagen\./)
    assert.deepEqual(
      (await getDb().selectFrom('webhook').select('id').execute()).map((w) => w.id),
      [elsewhere.webhook.id],
    )
  })
})
