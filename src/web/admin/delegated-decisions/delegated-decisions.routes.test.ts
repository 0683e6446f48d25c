import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInSecretary } from '../../../../test/support/admin-users.ts'
import { createTestCommittee, createTestMeeting, testActor } from '../../../../test/support/factories.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { createUser } from '../../../domain/account/account.service.ts'
import { getAgenda } from '../../../domain/agenda/agenda.service.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { createApp } from '../../app.ts'

const password = 'ett-långt-lösenord-2023'

describeOnEachDatabase('the register of delegated decisions', (getDb) => {
  let app: FastifyInstance
  let committee: Committee
  let meeting: Meeting
  let secretary: AdminClient
  let url: string

  before(async () => {
    const db = getDb()
    committee = await createTestCommittee(db)
    meeting = await createTestMeeting(db, { committee, meetsOn: '2023-02-15' })
    app = await createApp({ db, logLevel: 'silent', now: () => new Date('2023-02-01T10:00:00Z') })
    secretary = await signedInSecretary(app, db, committee, 'sekr-dd@example.se')
    url = `/admin/namnder/${committee.slug}/delegationsbeslut`
  })
  after(() => app.close())

  const decision = (fields: Record<string, string> = {}) => ({
    title: 'Beslut om färdtjänst',
    decisionMaker: 'Enhetschef Mona Thorin',
    delegationPoint: '3.2.1',
    decidedOn: '2023-01-20',
    registryNumber: 'SN 2023/12',
    ...fields,
  })

  it('refuses a decision without its maker, beside the field, and keeps what was typed', async () => {
    await secretary.get(url)
    const refused = await secretary.post(url, decision({ decisionMaker: '' }))
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /Beslutsfattare: Ange vem som fattade beslutet/)
    assert.match(refused.body, /value="Beslut om färdtjänst"/)
  })

  it('registers decisions and lists them', async () => {
    await secretary.get(url)
    assert.equal((await secretary.post(url, decision())).statusCode, 303)
    await secretary.get(url)
    const second = decision({
      title: 'Beslut om bostadsanpassning',
      decidedOn: '2023-01-25',
      registryNumber: '',
    })
    assert.equal((await secretary.post(url, second)).statusCode, 303)
    const page = text((await secretary.get(url)).body)
    assert.match(page, /Beslut om färdtjänst Enhetschef Mona Thorin 3\.2\.1 Inte anmält/)
    assert.match(page, /Beslut om bostadsanpassning/)
  })

  it('posts the notice of an unreported decision once, with its last appeal day', async () => {
    const page = await secretary.get(url)
    // Newest first: the first notice button is the bostadsanpassning decision's.
    const target = /delegationsbeslut\/(\d+)\/anslag/.exec(page.body)?.[1]
    assert.ok(target)
    assert.equal((await secretary.post(`${url}/${target}/anslag`, {})).statusCode, 303)
    assert.match(
      text((await secretary.get(url)).body),
      /Beslut om bostadsanpassning Enhetschef Mona Thorin 3\.2\.1 Anslaget [^,]+, kan överklagas till och med 22 februari 2023/,
    )
    const again = await secretary.post(`${url}/${target}/anslag`, {})
    assert.equal(again.statusCode, 400)
    assert.match(text(again.body), /Beslutet har redan ett anslag/)
  })

  it('reports the unreported decisions to an upcoming meeting as one report item', async () => {
    const page = await secretary.get(url)
    assert.match(text(page.body), /Anmäl till sammanträdet onsdag 15 februari 2023/)
    const reported = await secretary.post(`${url}/anmal`, { meetingId: String(meeting.id) })
    assert.equal(reported.statusCode, 303)
    const agenda = await getAgenda(getDb(), meeting.id)
    const item = agenda.find((e) => e.item.title === 'Anmälan av delegationsbeslut')?.item
    assert.ok(item)
    assert.match(item.summary ?? '', /Beslut om färdtjänst \(Dnr SN 2023\/12\), Enhetschef Mona Thorin/)
    assert.match(text((await secretary.get(url)).body), /Anmält till nämnden/)
    const nothing = await secretary.post(`${url}/anmal`, { meetingId: String(meeting.id) })
    assert.equal(nothing.statusCode, 400)
    assert.match(text(nothing.body), /Det finns inga oanmälda delegationsbeslut att anmäla/)
  })

  it('is the secretary’s: a user without the role is refused', async () => {
    await createUser(getDb(), testActor, { email: 'annan-dd@example.se', name: 'Annan', password })
    const other = new AdminClient(app)
    await other.signIn('annan-dd@example.se', password)
    assert.equal((await other.get(url)).statusCode, 403)
  })
})
