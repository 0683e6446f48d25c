import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInPerson, signedInSecretary } from '../../../../test/support/admin-users.ts'
import {
  addTestMembers,
  createTestCommittee,
  createTestMeeting,
  testActor,
} from '../../../../test/support/factories.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { inTransaction } from '../../../db/database.ts'
import { findOrAddParty } from '../../../domain/person/person.service.ts'
import type { Person } from '../../../domain/person/person.ts'
import { createApp } from '../../app.ts'

// Issue 12: the signatories read the whole draft as it will be published, get a mail when it is
// ready for them, find it from their start page, comment per § back to the secretary, and read a
// draft PDF marked "Utkast – ej justerat". Motions and dissents entered here carry the party.
describeOnEachDatabase('the signatories’ view of the draft minutes', (getDb) => {
  let app: FastifyInstance
  let secretary: AdminClient
  let signatories: AdminClient[]
  let outsider: AdminClient
  let members: Person[]
  let base: string
  let signUrl: string
  let partyS: number

  before(async () => {
    const db = getDb()
    const committee = await createTestCommittee(db, { seats: 3, settings: { signatoryCount: 2 } })
    partyS = (
      await inTransaction(db, (trx) =>
        findOrAddParty(trx, testActor, { organisationId: committee.organisationId, abbreviation: 'S' }),
      )
    ).id
    members = await addTestMembers(db, committee, 3, { partyId: partyS })
    const meeting = await createTestMeeting(db, { committee, meetsOn: '2022-12-14' })
    app = await createApp({
      db,
      logLevel: 'silent',
      now: () => new Date('2022-12-14T17:00:00Z'),
      publicUrl: 'https://moten.example.se',
    })
    secretary = await signedInSecretary(app, db, committee, 'sekr-vy@example.se')
    signatories = [
      await signedInPerson(app, db, members[0]!, 'jv0@example.se'),
      await signedInPerson(app, db, members[1]!, 'jv1@example.se'),
    ]
    outsider = await signedInPerson(app, db, members[2]!, 'jv2@example.se')
    base = `/admin/namnder/${committee.slug}/sammantraden/${meeting.slug}/protokoll`

    await secretary.get(`${base}/narvaro`)
    await secretary.post(`${base}/narvaro`, {
      ...Object.fromEntries(members.map((p) => [`narvaro-${p.id}`, 'present'])),
      atgard: 'spara',
    })
    await secretary.get(base)
    await secretary.post(`${base}/paragrafer`, { agendaItemId: '', title: 'Budget 2023' })
    await secretary.get(`${base}/narvaro`)
    await secretary.post(`${base}/narvaro`, {
      ...Object.fromEntries(members.map((p) => [`narvaro-${p.id}`, 'present'])),
      atgard: 'spara',
    })
  })
  after(() => app.close())

  it('records the party of a motion’s and a dissent’s authors from their seat on the meeting day', async () => {
    await secretary.get(`${base}/paragrafer/1`)
    const motion = await secretary.post(`${base}/paragrafer/1/yrkande`, {
      kind: 'reject',
      text: 'Avslag på förslaget.',
      [`forslagsstallare-${members[2]!.id}`]: 'ja',
      [`forslagsstallare-${members[1]!.id}`]: 'ja',
    })
    assert.equal(motion.statusCode, 303)
    const dissent = await secretary.post(`${base}/paragrafer/1/reservation`, {
      [`reservant-${members[2]!.id}`]: 'ja',
      text: 'Budgeten är underfinansierad.',
    })
    assert.equal(dissent.statusCode, 303)
    const db = getDb()
    const motionParties = await db.selectFrom('motion_author').select('party_id').execute()
    const dissentParties = await db.selectFrom('dissent_author').select('party_id').execute()
    assert.deepEqual(
      [...motionParties, ...dissentParties].map((r) => r.party_id),
      [partyS, partyS, partyS],
    )
  })

  it('mails the signatories when the §§ are put up for sign-off, and lists them on their start page', async () => {
    await secretary.get(base)
    await secretary.post(`${base}/avslutat`, { time: '18:00' })
    await secretary.post(`${base}/justerare`, {
      'justerare-0': String(members[0]!.id),
      'justerare-1': String(members[1]!.id),
      signOffPlace: 'Stadshuset',
      signOffPlannedOn: '2022-12-19',
    })
    assert.equal((await secretary.post(`${base}/justering`, { atgard: 'resten' })).statusCode, 303)
    const id = /\/admin\/justera\/(\d+)/.exec((await secretary.get(base)).body)![1]
    signUrl = `/admin/justera/${id}`
    const mails = await getDb()
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'body_text'])
      .orderBy('to_address')
      .execute()
    assert.deepEqual(
      mails.map((m) => m.to_address),
      ['jv0@example.se', 'jv1@example.se'],
    )
    assert.match(mails[0]!.subject, /^Protokoll att justera: .* 14 december 2022$/)
    assert.match(mails[0]!.body_text, new RegExp(`https://moten.example.se${signUrl}\\n`))
    assert.match(mails[0]!.body_text, /planerad till 19 december 2022/)

    const start = await signatories[0]!.get('/admin')
    assert.match(start.body, new RegExp(`<a href="${signUrl}">`))
    assert.match(text(start.body), /Att justera/)
    assert.doesNotMatch((await outsider.get('/admin')).body, new RegExp(`href="${signUrl}"`))
  })

  it('shows the whole draft as published: attendance, motions with parties, dissents', async () => {
    const page = text((await signatories[0]!.get(signUrl)).body)
    assert.match(page, /Utkast till protokoll/)
    assert.match(page, /Närvarande\s+Beslutande/)
    assert.match(page, new RegExp(`${members[0]!.name} \\(S\\), ledamot`, 'i'))
    assert.match(page, /Yrkanden/)
    assert.match(page, new RegExp(`${members[2]!.name} \\(S\\), ${members[1]!.name} \\(S\\)`))
    assert.match(page, /reserverar sig mot beslutet: Budgeten är underfinansierad/)
  })

  it('takes a comment per § to the secretary, audited, and refuses an empty one', async () => {
    const sectionId = /name="sectionId" value="(\d+)"/.exec((await signatories[1]!.get(signUrl)).body)![1]!
    const empty = await signatories[1]!.post(`${signUrl}/kommentar`, { sectionId, text: ' ' })
    assert.equal(empty.statusCode, 400)
    assert.match(text(empty.body), /Skriv din synpunkt på paragrafen/)
    const sent = await signatories[1]!.post(`${signUrl}/kommentar`, {
      sectionId,
      text: 'Beslutet ska gälla från 1 januari.',
    })
    assert.equal(sent.statusCode, 303)
    // Not an appointed signatory: may not even read the draft (TF 2:10).
    assert.equal((await outsider.get(signUrl)).statusCode, 403)

    const section = text((await secretary.get(`${base}/paragrafer/1`)).body)
    assert.match(
      section,
      new RegExp(
        `Justerarnas synpunkter\\s+${members[1]!.name}, 2022-12-14 18:00: Beslutet ska gälla från 1 januari`,
      ),
    )
    assert.match(text((await secretary.get(base)).body), /Synpunkter från justerarna\s+§ 1:/)
    const audit = await getDb()
      .selectFrom('audit_event')
      .select(['action', 'object_type'])
      .where('action', '=', 'section.signatory_commented')
      .execute()
    assert.equal(audit.length, 1)
  })

  it('gives the signatories a draft PDF marked "Utkast – ej justerat", never cached', async () => {
    const pdf = await signatories[0]!.get(`${signUrl}/utkast.pdf`)
    assert.equal(pdf.statusCode, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    assert.equal(pdf.headers['cache-control'], 'private, no-store')
    assert.match(pdf.rawPayload.toString('latin1'), /^%PDF-/)
    assert.match(pdf.rawPayload.toString('utf8'), /Utkast – ej justerat/)
    assert.equal((await outsider.get(`${signUrl}/utkast.pdf`)).statusCode, 403)
  })
})
