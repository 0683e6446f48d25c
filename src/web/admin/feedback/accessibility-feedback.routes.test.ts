import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInDemoAccount } from '../../../../test/support/admin-users.ts'
import { createTestCommittee } from '../../../../test/support/factories.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { createApp } from '../../app.ts'
import { swedishDateTime } from './accessibility-feedback.page.tsx'

const list = '/admin/tillganglighet'

describe('swedishDateTime', () => {
  it('shows an instant in Swedish time, summer and winter', () => {
    assert.equal(swedishDateTime('2026-07-01T10:00:00.000Z'), 'onsdag 1 juli 2026 kl. 12:00')
    assert.equal(swedishDateTime('2026-11-22T23:30:00.000Z'), 'måndag 23 november 2026 kl. 00:30')
  })
})

describeOnEachDatabase('accessibility feedback in the workspace', (getDb) => {
  let app: FastifyInstance
  let admin: AdminClient
  let secretary: AdminClient

  /** Sends the portal's feedback form as a browser without JavaScript does: a plain form post. */
  const sendFeedback = (fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/tillganglighet',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    })
  const idOf = async (message: string) =>
    (
      await getDb()
        .selectFrom('accessibility_feedback')
        .select('id')
        .where('message', '=', message)
        .executeTakeFirstOrThrow()
    ).id

  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
    admin = await signedInDemoAccount(app, 'administrator')
    secretary = await signedInDemoAccount(app, 'secretary')
  })
  after(() => app.close())

  it('stores feedback posted with the portal form and shows it to the administrator', async () => {
    const message = 'Omröstningstabellen i protokollet\nläses i fel ordning med skärmläsare.'
    const posted = await sendFeedback({
      meddelande: `${message}\r\n`,
      sida: 'https://paragraf.example.se/committees/socialnamnden/mote-2022-12-14/protokoll',
      namn: 'Ann Andersson',
      epost: 'ann.andersson@example.se',
    })
    assert.equal(posted.statusCode, 303)
    assert.equal(posted.headers.location, '/tillganglighet/tack')
    assert.equal(posted.headers['set-cookie'], undefined, 'the portal sets no cookie')

    const start = text((await admin.get('/admin')).body)
    assert.match(start, /Synpunkter på tillgänglighet \(1 obehandlad\)/)
    const response = await admin.get(list)
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['cache-control'], 'no-store')
    const page = text(response.body)
    assert.match(page, /Att hantera \(1\)/)
    assert.match(page, /Omröstningstabellen i protokollet läses i fel ordning med skärmläsare\./)
    assert.match(
      page,
      /Sida https:\/\/paragraf\.example\.se\/committees\/socialnamnden\/mote-2022-12-14\/protokoll/,
    )
    assert.match(page, /Namn Ann Andersson/)
    assert.match(response.body, /href="mailto:ann\.andersson@example\.se"/)
    // Received in Swedish time, whatever the server's zone.
    assert.match(page, /Mottagen \S+ \d{1,2} \S+ \d{4} kl\. \d\d:\d\d/)
    // What the visitor wrote is kept as written (the form's CRLF read as LF, the ends trimmed).
    const stored = await getDb()
      .selectFrom('accessibility_feedback')
      .selectAll()
      .where('id', '=', await idOf(message))
      .executeTakeFirstOrThrow()
    assert.equal(stored.message, message)
    assert.equal(stored.sender_name, 'Ann Andersson')
  })

  it('shows the feedback to no secretary and no anonymous visitor', async () => {
    assert.equal((await new AdminClient(app).get(list)).statusCode, 303)
    assert.equal(
      (await new AdminClient(app).get(list)).headers.location,
      '/admin/logga-in?till=%2Fadmin%2Ftillganglighet',
    )
    const refused = await secretary.get(list)
    assert.equal(refused.statusCode, 403)
    assert.match(text(refused.body), /Ingen behörighet/)
    assert.doesNotMatch(refused.body, /ann\.andersson@example\.se/)
    assert.doesNotMatch(text((await secretary.get('/admin')).body), /Synpunkter på tillgänglighet/)
    const id = await idOf('Omröstningstabellen i protokollet\nläses i fel ordning med skärmläsare.')
    await secretary.get('/admin')
    const post = await secretary.post(`${list}/${id}/hanterad`, { note: 'Svarat' })
    assert.equal(post.statusCode, 403)
    assert.equal(await handledAt(id), null)
  })

  it('refuses the administrator of another organisation', async () => {
    const committee = await createTestCommittee(getDb())
    await sendFeedback({ meddelande: 'Fel i en annan kommun', sida: `/committees/${committee.slug}` })
    const id = await idOf('Fel i en annan kommun')
    const page = text((await admin.get(list)).body)
    assert.doesNotMatch(page, /Fel i en annan kommun/)
    assert.equal((await admin.post(`${list}/${id}/hanterad`, { note: 'Svarat' })).statusCode, 403)
  })

  it('marks feedback handled with a note (post/redirect/get) and writes it in the audit log', async () => {
    await sendFeedback({ meddelande: 'Knappen Skicka syns dåligt i mörkt läge.', sida: '/tillganglighet' })
    const id = await idOf('Knappen Skicka syns dåligt i mörkt läge.')
    await admin.get(list)
    const empty = await admin.post(`${list}/${id}/hanterad`, { note: '   ' })
    assert.equal(empty.statusCode, 400)
    assert.match(text(empty.body), /Skriv vad som har gjorts/)
    assert.match(empty.body, new RegExp(`id="anteckning-${id}"[^>]*aria-invalid="true"`))
    assert.equal(
      (await admin.post(`${list}/${id}/hanterad`, { note: 'Svarat' }, { csrf: false })).statusCode,
      403,
    )

    const done = await admin.post(`${list}/${id}/hanterad`, { note: 'Kontrasten rättad i version 1.4.' })
    assert.equal(done.statusCode, 303)
    assert.equal(done.headers.location, `${list}?sparat=1`)
    const page = text((await admin.get(done.headers.location as string)).body)
    assert.match(page, /Synpunkten är markerad som hanterad/)
    assert.match(page, /Hanterade \(1\).*Knappen Skicka syns dåligt i mörkt läge\./)
    assert.match(page, /Hanterad \S+ \d{1,2} \S+ \d{4} kl\. \d\d:\d\d av Demo Administratör/)
    assert.match(page, /Vad som gjordes Kontrasten rättad i version 1\.4\./)
    // Unhandled still first, so the one from the first test heads the page.
    assert.ok(page.indexOf('Omröstningstabellen') < page.indexOf('Knappen Skicka'))

    const again = await admin.post(`${list}/${id}/hanterad`, { note: 'Igen' })
    assert.equal(again.statusCode, 409)
    assert.match(text(again.body), /redan markerad som hanterad/)

    const log = text((await admin.get(`/admin/logg/accessibility_feedback/${id}`)).body)
    assert.match(log, /Demo Administratör accessibility_feedback\.handled/)
    assert.match(log, /system:portal accessibility_feedback\.received/)
  })

  it('deletes feedback handled more than twelve months ago when the list is read', async () => {
    await sendFeedback({ meddelande: 'Gammal synpunkt', epost: 'gammal@example.se' })
    const id = await idOf('Gammal synpunkt')
    await getDb()
      .updateTable('accessibility_feedback')
      .set({
        received_at: '2024-01-02T09:00:00.000Z',
        handled_at: '2024-01-10T09:00:00.000Z',
        handled_by: 'user:1',
        handling_note: 'Svarat',
      })
      .where('id', '=', id)
      .execute()
    const page = text((await admin.get(list)).body)
    assert.doesNotMatch(page, /Gammal synpunkt/)
    const left = await getDb()
      .selectFrom('accessibility_feedback')
      .select('id')
      .where('id', '=', id)
      .execute()
    assert.deepEqual(left, [])
  })

  async function handledAt(id: number) {
    return (
      await getDb()
        .selectFrom('accessibility_feedback')
        .select('handled_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).handled_at
  }
})
