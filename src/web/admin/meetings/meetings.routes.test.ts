import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { AdminClient } from '../../../../test/support/admin-client.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { createUser, grantRole } from '../../../domain/account/account.service.ts'
import { findCommitteeBySlug } from '../../../domain/committee/committee.reads.ts'
import { systemActor } from '../../../domain/shared/actor.ts'
import { createApp } from '../../app.ts'

const list = '/admin/namnder/socialnamnden/sammantraden'

describeOnEachDatabase('meetings in the workspace', (getDb) => {
  let app: FastifyInstance
  let secretary: AdminClient
  let outsider: AdminClient

  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    const ks = (await findCommitteeBySlug(getDb(), 'kommunstyrelsen'))!
    const user = await createUser(getDb(), systemActor('test'), {
      email: 'ks@example.se',
      name: 'KS Sekreterare',
      password: 'ks-sekreterare-2026',
    })
    await grantRole(getDb(), systemActor('test'), {
      userId: user.id,
      role: 'secretary',
      organisationId: ks.organisationId,
      committeeId: ks.id,
    })
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
    secretary = new AdminClient(app)
    await secretary.signIn('sekreterare@example.se', 'demo-sekreterare-2026')
    outsider = new AdminClient(app)
    await outsider.signIn('ks@example.se', 'ks-sekreterare-2026')
  })
  after(() => app.close())

  it('sends a signed-out visitor to the login page, and refuses a secretary of another committee', async () => {
    const anonymous = await app.inject({ url: list })
    assert.equal(anonymous.statusCode, 303)
    assert.match(String(anonymous.headers.location), /^\/admin\/logga-in\?till=/)
    await outsider.get('/admin')
    assert.equal((await outsider.get(list)).statusCode, 403)
    assert.equal((await outsider.post(list, { meetsOn: '2027-01-13' })).statusCode, 403)
    assert.equal((await outsider.get(`${list}/mote-2026-12-09`)).statusCode, 403)
  })

  it('schedules one meeting, keeping what was typed when the date is wrong', async () => {
    await secretary.get(list)
    const bad = await secretary.post(list, {
      meetsOn: '2027-02-30',
      startTime: '25:00',
      location: 'Rådhuset',
    })
    assert.equal(bad.statusCode, 400)
    assert.match(text(bad.body), /Datum: Skriv datumet som ÅÅÅÅ-MM-DD/)
    assert.match(text(bad.body), /Skriv tiden som TT:MM/)
    assert.match(bad.body, /value="Rådhuset"/)
    const good = await secretary.post(list, {
      meetsOn: '2027-02-24',
      startTime: '13:30',
      location: 'Rådhuset',
    })
    assert.equal(good.statusCode, 303)
    assert.match(String(good.headers.location), /sammantraden\/mote-2027-02-24\?sparat=1/)
    const page = text((await secretary.get(String(good.headers.location))).body)
    assert.match(page, /Planerat/)
    assert.match(page, /Rådhuset/)
  })

  it('schedules a series, all or nothing', async () => {
    const series = `${list}/serie`
    const bad = await secretary.post(series, { firstOn: '2027-01-13', everyWeeks: '2', count: '99' })
    assert.equal(bad.statusCode, 400)
    assert.match(text(bad.body), /Antal sammanträden: Ange antal sammanträden som ett heltal från 1 till 52/)
    assert.match(bad.body, /value="99"/)
    const good = await secretary.post(series, {
      firstOn: '2027-01-13',
      everyWeeks: '2',
      count: '3',
      seriesStartTime: '09:00',
    })
    assert.equal(good.statusCode, 303)
    const page = text((await secretary.get(list)).body)
    for (const day of ['13 januari 2027', '27 januari 2027', '10 februari 2027'])
      assert.match(page, new RegExp(day))
  })

  it('moves a meeting, and shows the other version when someone else moved it first', async () => {
    const meeting = `${list}/mote-2027-01-27`
    const page = await secretary.get(meeting)
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1]
    assert.ok(version)
    const moved = await secretary.post(`${meeting}/flytta`, {
      version,
      meetsOn: '2027-01-28',
      startTime: '10:00',
      location: 'Stadshuset',
    })
    assert.equal(moved.statusCode, 303)
    assert.match(String(moved.headers.location), /mote-2027-01-28/)
    const stale = await secretary.post(`${list}/mote-2027-01-28/flytta`, {
      version,
      meetsOn: '2027-01-29',
      startTime: '11:00',
      location: 'Kulturhuset',
    })
    assert.equal(stale.statusCode, 409)
    const body = text(stale.body)
    assert.match(body, /Någon annan har ändrat sammanträdet medan du skrev/)
    assert.match(body, /Nu sparat: torsdag 28 januari 2027, kl\. 10:00, Stadshuset/)
    assert.match(stale.body, /value="Kulturhuset"/)
  })

  it('cancels a meeting only with a reason', async () => {
    const meeting = `${list}/mote-2027-02-10`
    await secretary.get(meeting)
    const bad = await secretary.post(`${meeting}/stall-in`, { cancelVersion: '1', reason: '' })
    assert.equal(bad.statusCode, 400)
    assert.match(text(bad.body), /Skriv varför sammanträdet ställs in/)
    const version = /name="cancelVersion" value="(\d+)"/.exec(bad.body)?.[1]
    const good = await secretary.post(`${meeting}/stall-in`, {
      cancelVersion: version!,
      reason: 'Inga ärenden',
    })
    assert.equal(good.statusCode, 303)
    assert.match(text((await secretary.get(meeting)).body), /Inställt.*Inga ärenden/)
  })
})
