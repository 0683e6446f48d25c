import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AdminClient } from '../../../../test/support/admin-client.ts'
import {
  testPassword as password,
  signedInPerson,
  signedInSecretary,
} from '../../../../test/support/admin-users.ts'
import { addTestMembers, createTestCommittee, createTestMeeting } from '../../../../test/support/factories.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import type { Person } from '../../../domain/person/person.ts'
import { createApp } from '../../app.ts'

describeOnEachDatabase('taking minutes in the workspace', (getDb) => {
  let app: FastifyInstance
  let committee: Committee
  let meeting: Meeting
  let members: Person[]
  let substitutes: Person[]
  let secretary: AdminClient
  const signatories: AdminClient[] = []
  let base: string

  before(async () => {
    const db = getDb()
    committee = await createTestCommittee(db, { seats: 5, settings: { signatoryCount: 2 } })
    members = await addTestMembers(db, committee, 5)
    substitutes = await addTestMembers(db, committee, 2, { role: 'substitute' })
    meeting = await createTestMeeting(db, { committee, meetsOn: '2022-12-14' })
    app = await createApp({ db, logLevel: 'silent', now: () => new Date('2022-12-14T15:00:00Z') })
    secretary = await signedInSecretary(app, db, committee, 'sekr@example.se')
    for (const [i, person] of [members[0]!, members[1]!].entries()) {
      signatories.push(await signedInPerson(app, db, person, `j${i}@example.se`))
    }
    base = `/admin/namnder/${committee.slug}/sammantraden/${meeting.slug}/protokoll`
  })
  after(() => app.close())

  const [m, s] = [() => members, () => substitutes]
  const rollCall = (extra: Record<string, string> = {}) => ({
    ...Object.fromEntries(m().map((p) => [`narvaro-${p.id}`, 'present'])),
    [`narvaro-${m()[3]!.id}`]: 'absent',
    [`narvaro-${m()[4]!.id}`]: 'absent',
    ...Object.fromEntries(s().map((p) => [`ersattare-narvarande-${p.id}`, 'ja'])),
    ovriga: 'Tina Tjänsteperson, förvaltningschef',
    ...extra,
  })

  it('suggests substitutes in the established order and saves the roll call', async () => {
    await secretary.get(`${base}/narvaro`)
    const suggested = await secretary.post(`${base}/narvaro`, { ...rollCall(), atgard: 'foresla' })
    assert.equal(suggested.statusCode, 200)
    assert.match(
      suggested.body,
      new RegExp(`name="ersattare-${m()[3]!.id}"[\\s\\S]*?<option value="${s()[0]!.id}" selected`),
    )
    const saved = await secretary.post(`${base}/narvaro`, {
      ...rollCall(),
      [`ersattare-${m()[3]!.id}`]: String(s()[0]!.id),
      [`ersattare-${m()[4]!.id}`]: String(s()[1]!.id),
      atgard: 'spara',
    })
    assert.equal(saved.statusCode, 303)
    for (const title of ['Budget 2023', 'Val av ombud', 'Delegationsordning']) {
      await secretary.get(base)
      assert.equal((await secretary.post(`${base}/paragrafer`, { agendaItemId: '', title })).statusCode, 303)
    }
    // Serving per § comes from the roll call once the §§ exist.
    await secretary.get(`${base}/narvaro`)
    await secretary.post(`${base}/narvaro`, {
      ...rollCall(),
      [`ersattare-${m()[3]!.id}`]: String(s()[0]!.id),
      [`ersattare-${m()[4]!.id}`]: String(s()[1]!.id),
      atgard: 'spara',
    })
    const overview = text((await secretary.get(base)).body)
    assert.match(overview, /§ 1 Budget 2023 Ja: 5 tjänstgör, 3 krävs/)
  })

  it('refuses a vote by a member who does not serve, and records a vote with every ballot', async () => {
    const page = await secretary.get(`${base}/paragrafer/1`)
    assert.match(text(page.body), /Beslutför: 5 tjänstgör, 3 krävs/)
    const absent = await secretary.post(`${base}/paragrafer/1/omrostning`, {
      question: 'Bifall till förslaget',
      kind: 'open',
      [`rost-${m()[3]!.id}`]: 'yes',
    })
    assert.equal(absent.statusCode, 400)
    assert.match(text(absent.body), /Bara ledamöter och ersättare som tjänstgör vid paragrafen får rösta/)
    const ballots = {
      [`rost-${m()[0]!.id}`]: 'yes',
      [`rost-${m()[1]!.id}`]: 'yes',
      [`rost-${m()[2]!.id}`]: 'no',
      [`rost-${s()[0]!.id}`]: 'no',
      [`rost-${s()[1]!.id}`]: 'yes',
    }
    const vote = await secretary.post(`${base}/paragrafer/1/omrostning`, {
      question: 'Bifall till förslaget',
      kind: 'open',
      ...ballots,
    })
    assert.equal(vote.statusCode, 303)
  })

  it('lets only those who did not vote for the decision dissent', async () => {
    await secretary.get(`${base}/paragrafer/1`)
    const yesVoter = await secretary.post(`${base}/paragrafer/1/reservation`, {
      [`reservant-${m()[0]!.id}`]: 'ja',
    })
    assert.equal(yesVoter.statusCode, 400)
    assert.match(text(yesVoter.body), /Den som röstade för beslutet kan inte reservera sig/)
    const ok = await secretary.post(`${base}/paragrafer/1/reservation`, {
      [`reservant-${m()[2]!.id}`]: 'ja',
      text: 'Budgeten är underfinansierad.',
    })
    assert.equal(ok.statusCode, 303)
  })

  it('refuses a decision at a § without quorum (KL 6:27), and keeps the text', async () => {
    for (const p of [m()[0]!, m()[1]!, m()[2]!]) {
      await secretary.get(`${base}/paragrafer/2`)
      await secretary.post(`${base}/paragrafer/2/jav`, { personId: String(p.id), reason: 'Släkt' })
    }
    const page = await secretary.get(`${base}/paragrafer/2`)
    assert.match(text(page.body), /Inte beslutför: 2 tjänstgör, 3 krävs/)
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '1'
    const refused = await secretary.post(`${base}/paragrafer/2`, {
      version,
      title: 'Val av ombud',
      decision: 'Anna väljs till ombud',
      outcome: 'decided',
    })
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /Nämnden är inte beslutför vid paragrafen/)
    assert.match(refused.body, /Anna väljs till ombud/)
  })

  it('shows the other editor’s text on a version conflict', async () => {
    const page = await secretary.get(`${base}/paragrafer/3`)
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '1'
    const first = await secretary.post(`${base}/paragrafer/3`, {
      version,
      title: 'Delegationsordning 2023',
      decision: 'Ordningen antas',
    })
    assert.equal(first.statusCode, 303)
    await secretary.get(`${base}/paragrafer/3`)
    const second = await secretary.post(`${base}/paragrafer/3`, {
      version,
      title: 'Delegationsordning',
      decision: 'Min text',
    })
    assert.equal(second.statusCode, 409)
    assert.match(text(second.body), /Någon annan har ändrat paragrafen/)
    assert.match(text(second.body), /Ordningen antas/)
    assert.match(second.body, /Min text/)
  })

  it('signs off § 1 at once after passwords, and posts the notice the same day', async () => {
    await secretary.get(base)
    const appointed = await secretary.post(`${base}/justerare`, {
      'justerare-0': String(m()[0]!.id),
      'justerare-1': String(m()[1]!.id),
    })
    assert.equal(appointed.statusCode, 303)
    await secretary.get(base)
    assert.equal(
      (await secretary.post(`${base}/justering`, { atgard: 'omedelbar', 'p-1': 'ja' })).statusCode,
      303,
    )
    const signOffId = /\/admin\/justera\/(\d+)/.exec((await secretary.get(base)).body)?.[1]
    assert.ok(signOffId)
    const url = `/admin/justera/${signOffId}`

    await secretary.get(url)
    const notSignatory = await secretary.post(url, { password })
    assert.match(text(notSignatory.body), /Bara de utsedda justerarna kan justera protokollet/)
    const [chair, other] = signatories as [AdminClient, AdminClient]
    await chair.get(url)
    const wrong = await chair.post(url, { password: 'fel-lösenord-helt' })
    assert.equal(wrong.statusCode, 400)
    assert.match(text(wrong.body), /Lösenordet stämmer inte/)
    assert.equal((await chair.post(url, { password })).statusCode, 303)
    await other.get(url)
    assert.equal((await other.post(url, { password })).statusCode, 303)
    assert.match(text((await other.get(url)).body), /justerades 14 december 2022 och anslaget har satts upp/)

    const publicPage = text(
      (await app.inject(`/committees/${committee.slug}/${meeting.slug}/protokoll`)).body,
    )
    assert.match(publicPage, /Budget 2023/)
    assert.match(publicPage, /Kan överklagas till och med/)
    assert.match(publicPage, /reserverar sig mot beslutet: Budgeten är underfinansierad/)
  })

  it('signs off once when two signatories sign the rest at the same moment', async () => {
    await secretary.get(base)
    await secretary.post(`${base}/justering`, { atgard: 'resten' })
    const ids = [...(await secretary.get(base)).body.matchAll(/\/admin\/justera\/(\d+)/g)].map((x) => x[1])
    const url = `/admin/justera/${ids.at(-1)}`
    const [chair, other] = signatories as [AdminClient, AdminClient]
    await chair.get(url)
    await other.get(url)
    const responses = await Promise.all([chair.post(url, { password }), other.post(url, { password })])
    assert.deepEqual(
      responses.map((r) => r.statusCode),
      [303, 303],
    )
    const notices = await getDb().selectFrom('notice').select('id').where('kind', '=', 'minutes').execute()
    assert.equal(notices.length, 2)
  })

  it('sends the old address under …/moten/… on to …/sammantraden/…', async () => {
    const old = base.replace('/sammantraden/', '/moten/')
    const response = await secretary.get(`${old}/narvaro?sparat=1`)
    assert.equal(response.statusCode, 301)
    assert.equal(response.headers.location, `${base}/narvaro?sparat=1`)
  })
})
