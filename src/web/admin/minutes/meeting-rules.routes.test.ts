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
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { inTransaction } from '../../../db/database.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import { registerDelegatedDecision } from '../../../domain/delegated-decision/delegated-decision.service.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import type { Person } from '../../../domain/person/person.ts'
import { createApp } from '../../app.ts'

// Rules the workspace enforces or warns about as the meeting is held: substitutes out of the
// established order (KL 5:18), the chair's urgent decisions still to be reported (KL 6:40), dissents
// announced before the close (KL 4:27) with their written reason after it, and personal identity
// numbers in a § (P3).
describeOnEachDatabase('the rules the workspace keeps at the meeting', (getDb) => {
  let app: FastifyInstance
  let committee: Committee
  let meeting: Meeting
  let members: Person[]
  let substitutes: Person[]
  let secretary: AdminClient
  let base: string

  before(async () => {
    const db = getDb()
    committee = await createTestCommittee(db, { seats: 3 })
    members = await addTestMembers(db, committee, 3)
    substitutes = await addTestMembers(db, committee, 2, { role: 'substitute' })
    meeting = await createTestMeeting(db, { committee, meetsOn: '2022-12-14' })
    await inTransaction(db, (trx) =>
      registerDelegatedDecision(trx, testActor, {
        committeeId: committee.id,
        title: 'Yttrande till förvaltningsrätten',
        decisionMaker: 'Ordföranden',
        delegationPoint: '1.1',
        decidedOn: '2022-12-01',
        urgent: true,
      }),
    )
    app = await createApp({ db, logLevel: 'silent', now: () => new Date('2022-12-14T15:00:00Z') })
    secretary = await signedInSecretary(app, db, committee, 'sekr@example.se')
    base = `/admin/namnder/${committee.slug}/sammantraden/${meeting.slug}/protokoll`
  })
  after(() => app.close())

  it('warns when a substitute serves while one before them in the order sits idle (KL 5:18)', async () => {
    const [first, second] = substitutes
    await secretary.get(`${base}/narvaro`)
    const saved = await secretary.post(`${base}/narvaro`, {
      ...Object.fromEntries(members.map((p) => [`narvaro-${p.id}`, 'present'])),
      [`narvaro-${members[2]!.id}`]: 'absent',
      [`ersattare-${members[2]!.id}`]: String(second!.id),
      [`ersattare-narvarande-${first!.id}`]: 'ja',
      [`ersattare-narvarande-${second!.id}`]: 'ja',
      atgard: 'spara',
    })
    assert.equal(saved.statusCode, 303)
    const page = text((await secretary.get(`${base}/narvaro`)).body)
    assert.match(
      page,
      new RegExp(
        `${second!.name} tjänstgör för ${members[2]!.name}, men ${first!.name} står före i ordningen`,
      ),
    )
  })

  it('warns on the minutes that the chair’s urgent decision must be reported at this meeting (KL 6:40)', async () => {
    const page = text((await secretary.get(base)).body)
    assert.match(page, /Brådskande ordförandebeslut att anmäla/)
    assert.match(page, /Yttrande till förvaltningsrätten/)
  })

  it('takes a dissent after the close only as announced before it, and its written reason later', async () => {
    await secretary.get(base)
    await secretary.post(`${base}/paragrafer`, { agendaItemId: '', title: 'Budget 2023' })
    await secretary.get(base)
    assert.equal((await secretary.post(`${base}/avslutat`, { time: '17:45' })).statusCode, 303)
    assert.match(text((await secretary.get(base)).body), /Sammanträdet avslutades kl\. 17:45/)

    const sectionPage = (await secretary.get(`${base}/paragrafer/1`)).body
    assert.match(text(sectionPage), /Reservationen anmäldes innan sammanträdet avslutades/)
    const late = await secretary.post(`${base}/paragrafer/1/reservation`, {
      [`reservant-${members[0]!.id}`]: 'ja',
    })
    assert.equal(late.statusCode, 400)
    assert.match(text(late.body), /Sammanträdet är avslutat\. En reservation måste ha anmälts innan/)

    await secretary.get(`${base}/paragrafer/1`)
    const inTime = await secretary.post(`${base}/paragrafer/1/reservation`, {
      [`reservant-${members[0]!.id}`]: 'ja',
      anmaldFore: 'ja',
    })
    assert.equal(inTime.statusCode, 303)

    const withDissent = (await secretary.get(`${base}/paragrafer/1`)).body
    const action = /action="([^"]*\/reservation\/\d+\/motivering)"/.exec(withDissent)?.[1]
    assert.ok(action, 'the § shows the dissent with a form for its written reason')
    assert.equal((await secretary.post(action, { text: 'Budgeten är underfinansierad.' })).statusCode, 303)
    const shown = text((await secretary.get(`${base}/paragrafer/1`)).body)
    assert.match(shown, new RegExp(`Reservation av ${members[0]!.name}`))
    assert.match((await secretary.get(`${base}/paragrafer/1`)).body, /Budgeten är underfinansierad\./)
  })

  it('refuses a closing time that is not one, with the Swedish message', async () => {
    await secretary.get(base)
    const refused = await secretary.post(`${base}/avslutat`, { time: 'kvart i sex' })
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /Ange klockslaget som TT:MM/)
  })

  it('warns of a personal identity number in a §, and not once the § is marked confidential (P3)', async () => {
    const page = (await secretary.get(`${base}/paragrafer/1`)).body
    const version = /name="version" value="(\d+)"/.exec(page)?.[1] ?? ''
    const fields = {
      version,
      title: 'Budget 2023',
      decision: 'Bidrag till 19121212-1212.',
      outcome: 'decided',
    }
    assert.equal((await secretary.post(`${base}/paragrafer/1`, fields)).statusCode, 303)
    const warning =
      /<div class="warning"[\s\S]*?<\/div>/.exec((await secretary.get(`${base}/paragrafer/1`)).body)?.[0] ??
      ''
    assert.match(text(warning), /Paragrafen innehåller personnummer/)
    assert.match(text(warning), /§ 1, beslut punkt 1, rad 1/)
    assert.doesNotMatch(warning, /19121212-1212/, 'the warning never repeats the number')

    const next =
      /name="version" value="(\d+)"/.exec((await secretary.get(`${base}/paragrafer/1`)).body)?.[1] ?? ''
    await secretary.post(`${base}/paragrafer/1`, { ...fields, version: next, confidential: 'ja' })
    const confidential = (await secretary.get(`${base}/paragrafer/1`)).body
    assert.doesNotMatch(text(confidential), /Paragrafen innehåller personnummer/)
    assert.match(confidential, /name="confidential" value="ja" checked/)
  })

  it('records a secret election by its counts, and refuses counts alone for an open vote (KL 5:54, 5:67)', async () => {
    await secretary.get(`${base}/paragrafer/1`)
    const open = await secretary.post(`${base}/paragrafer/1/omrostning`, {
      question: 'Bifall till förslaget',
      kind: 'open',
      'antal-yes': '2',
      'antal-no': '1',
    })
    assert.equal(open.statusCode, 400)
    assert.match(text(open.body), /Ange hur varje tjänstgörande ledamot röstade/)
    const election = await secretary.post(`${base}/paragrafer/1/omrostning`, {
      question: 'Val av ombud',
      kind: 'election',
      'antal-yes': '2',
      'antal-no': '1',
      'antal-abstain': '',
    })
    assert.equal(election.statusCode, 303)
    assert.match(
      text((await secretary.get(`${base}/paragrafer/1`)).body),
      /Val av ombud: 2 ja, 1 nej, 0 avstår/,
    )
  })
})
