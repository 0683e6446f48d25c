import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import {
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  createTestPerson,
  testActor,
} from '../../../test/support/factories.ts'
import { addVotedMeeting, type VotedMeeting } from '../../../test/support/portal-data.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { appointSignatories } from '../../domain/minutes/minutes.service.ts'
import type { PublishedDocumentJson } from '../../domain/publication/meeting-document-json.ts'
import { recordSignOff } from '../../domain/sign-off/sign-off.service.ts'
import { createApp } from '../app.ts'
import { paths } from '../paths.ts'

describeOnEachDatabase('the published meeting as document JSON', (getDb) => {
  let app: FastifyInstance
  let voted: VotedMeeting
  const unsigned = 'OJUSTERAT-JSN-5521'
  let partly: { committeeSlug: string; meetingSlug: string }
  let draft: { committeeSlug: string; meetingSlug: string }
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    voted = await addVotedMeeting(getDb())
    // § 1 signed off, § 2 not yet: only § 1 is public (TF 2:10).
    const committee = await createTestCommittee(getDb(), { name: 'Delvis justerade nämnden' })
    const signatory = await createTestPerson(getDb(), committee.organisationId, 'Justus Justerare')
    const { meeting, minutes } = await createTestMinutes(getDb(), committee, { meetsOn: '2023-03-22' })
    await inTransaction(getDb(), (trx) =>
      appointSignatories(trx, testActor, {
        minutesId: minutes.id,
        personIds: [signatory.id],
        asPublished: true,
      }),
    )
    await addTestSection(getDb(), minutes, { title: 'Justerat ärende', decision: ['Beslutet gäller.'] })
    await addTestSection(getDb(), minutes, { title: `Ärende ${unsigned}`, decision: [`Beslut ${unsigned}`] })
    await inTransaction(getDb(), (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1],
        signedOffOn: '2023-03-24',
        immediate: false,
        signatoryPersonIds: [signatory.id],
      }),
    )
    partly = { committeeSlug: committee.slug, meetingSlug: meeting.slug }
    const other = await createTestCommittee(getDb(), { name: 'Utkastnämnden' })
    const opened = await createTestMinutes(getDb(), other, { meetsOn: '2023-03-16' })
    await addTestSection(getDb(), opened.minutes, { title: `Ärende ${unsigned}` })
    draft = { committeeSlug: other.slug, meetingSlug: opened.meeting.slug }
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2023-04-01T10:00:00Z') })
  })
  after(() => app.close())

  const getJson = async (url: string): Promise<PublishedDocumentJson> => {
    const response = await app.inject(url)
    assert.equal(response.statusCode, 200, url)
    assert.equal(response.headers['content-type'], 'application/json; charset=utf-8', url)
    return JSON.parse(response.body)
  }

  it('gives the minutes of 14 December 2022 with the facts the protocol page shows', async () => {
    const doc = await getJson(paths.minutesJson('socialnamnden', 'mote-2022-12-14'))
    assert.equal(doc.kind, 'minutes')
    assert.match(doc.source.url, /\/committees\/socialnamnden\/mote-2022-12-14\/protokoll$/)
    assert.equal(doc.organisation, 'Stockholms stad')
    assert.equal(doc.committee, 'Socialnämnden')
    assert.deepEqual(doc.meeting, {
      date: '2022-12-14',
      start: '17:00',
      end: '17:15',
      location: 'Socialförvaltningen, Storforsplan 36, Farsta, lokal Storfors',
    })
    assert.equal(doc.chair, 'Jan Jönsson')
    assert.equal(doc.secretary, 'Magnus Hillborg')
    assert.deepEqual(doc.signatories, ['Jan Jönsson', 'Anders Göransson'])
    assert.deepEqual(
      doc.signOffs?.map((s) => ({ sections: s.sections, date: s.date })),
      [
        { sections: [18, 19], date: '2022-12-14' },
        { sections: Array.from({ length: 17 }, (_, i) => i + 1), date: '2022-12-19' },
      ],
    )
    assert.equal(doc.noticePosted, '2022-12-19')
    assert.equal(doc.appealDeadline, '2023-01-09')
    assert.deepEqual(
      doc.attendance?.find((a) => a.name === 'Emil Adén'),
      {
        name: 'Emil Adén',
        party: 'S',
        role: 'tjänstgörande ersättare',
        present: true,
        servingFor: 'Alexander Ojanne',
      },
    )
    assert.deepEqual(
      doc.attendance?.find((a) => a.name === 'Magnus Hillborg'),
      {
        name: 'Magnus Hillborg',
        role: 'tjänsteperson',
        title: 'nämndsekreterare',
        present: true,
      },
    )
    assert.deepEqual(
      doc.items.map((i) => i.section),
      Array.from({ length: 19 }, (_, i) => i + 1),
    )
    const tenth = doc.items.find((i) => i.section === 10)
    assert.match(tenth?.title ?? '', /^Redovisning av budgetuppdraget ”Fortsätta att öka flexibiliteten/)
    const withStatement = doc.items.find((i) =>
      i.statements?.some((s) => s.by.some((b) => b.name === 'Gabriel Kroon')),
    )
    assert.deepEqual(withStatement?.statements?.[0]?.by, [{ name: 'Gabriel Kroon', party: 'SD' }])
    assert.equal(withStatement?.statements?.[0]?.kind, 'särskilt uttalande')
    assert.match(
      withStatement?.statements?.[0]?.text ?? '',
      /^Sverigedemokraterna anser att samverkansavtalet/,
    )
    const immediate = doc.items.find((i) => i.section === 18)
    assert.equal(immediate?.immediateSignOff, true)
    assert.equal(immediate?.appealDeadline, '2023-01-04')
  })

  it('never writes an empty string or an empty list: an unknown field is left out', async () => {
    for (const url of [
      paths.minutesJson('socialnamnden', 'mote-2022-12-14'),
      paths.agendaJson('socialnamnden', 'mote-2026-12-09'),
    ]) {
      // `warnings` is the one list that is always there, as in `paragraf parse` output.
      const body = (await app.inject(url)).body.replace('"warnings": []', '')
      assert.doesNotMatch(body, /: ""|: \[\]|: null/, url)
    }
  })

  it('gives the upcoming agenda with its confidential item only as "Ärende som omfattas av sekretess"', async () => {
    const url = paths.agendaJson('socialnamnden', 'mote-2026-12-09')
    const doc = await getJson(url)
    assert.equal(doc.kind, 'agenda')
    assert.equal(doc.meeting.date, '2026-12-09')
    const secret = doc.items.filter((i) => i.confidential)
    assert.deepEqual(secret, [
      { number: String(doc.items.length), title: 'Ärende som omfattas av sekretess', confidential: true },
    ])
    const body = (await app.inject(url)).body
    for (const text of ['förvaltningsrätten', 'LVU', 'enskild person', 'OSL 26:1'])
      assert.ok(!body.includes(text), `the agenda JSON shows "${text}"`)
    assert.ok(doc.items.some((i) => i.title === 'Redovisning av delegeringsbeslut'))
  })

  it('gives every ballot of an open vote by name, party and ja/nej/avstår, and the dissent, statement and recusal', async () => {
    const doc = await getJson(paths.minutesJson(voted.committeeSlug, voted.meetingSlug))
    const [first, second, third] = doc.items
    assert.deepEqual(first?.votes?.[0]?.ballots, [
      { name: 'Astrid Röstberg', party: 'S', vote: 'ja' },
      { name: 'Bertil Motsson', party: 'M', vote: 'nej' },
      { name: 'Cecilia Jävsdotter', party: 'S', vote: 'ja' },
    ])
    assert.deepEqual([first?.votes?.[0]?.yes, first?.votes?.[0]?.no, first?.votes?.[0]?.abstain], [2, 1, 0])
    assert.deepEqual(first?.motions, [
      { by: [{ name: 'Bertil Motsson', party: 'M' }], text: 'Avslag på förvaltningens förslag.' },
    ])
    assert.deepEqual(first?.dissents, [
      { by: [{ name: 'Bertil Motsson', party: 'M' }], text: 'Bidragen borde gå till fler förbund.' },
    ])
    assert.equal(first?.statements?.[0]?.kind, 'protokollsanteckning')
    assert.deepEqual(first?.registryNumbers, [voted.registryNumber])
    assert.deepEqual(second, {
      number: '2',
      section: 2,
      title: 'Ärende som omfattas av sekretess',
      confidential: true,
      appealDeadline: '2023-04-11',
    })
    assert.deepEqual(third?.recusals, [
      { name: 'Cecilia Jävsdotter', party: 'S', reason: 'Styrelseledamot i hyresvärden' },
    ])
  })

  it('leaves out a § that is not signed off, and has no minutes JSON before anything is signed off', async () => {
    const url = paths.minutesJson(partly.committeeSlug, partly.meetingSlug)
    const doc = await getJson(url)
    assert.deepEqual(
      doc.items.map((i) => i.title),
      ['Justerat ärende'],
    )
    assert.deepEqual(doc.signOffs, [{ sections: [1], date: '2023-03-24' }])
    assert.ok(!(await app.inject(url)).body.includes(unsigned))
    const none = await app.inject(paths.minutesJson(draft.committeeSlug, draft.meetingSlug))
    assert.equal(none.statusCode, 404)
    assert.ok(!none.body.includes(unsigned))
    assert.equal(
      (await app.inject('/committees/socialnamnden/mote-2026-12-09/protokoll.json')).statusCode,
      404,
    )
  })

  it('answers 404 for a meeting or committee that does not exist, as the pages do', async () => {
    for (const [committee, meeting] of [
      ['socialnamnden', 'mote-1999-01-01'],
      ['ingen-namnd', 'mote-2022-12-14'],
    ] as const) {
      for (const url of [
        paths.meeting(committee, meeting),
        paths.agendaJson(committee, meeting),
        paths.minutes(committee, meeting),
        paths.minutesJson(committee, meeting),
      ])
        assert.equal((await app.inject(url)).statusCode, 404, url)
    }
  })

  it('is cached like every public GET: an ETag, and 304 when it has not changed', async () => {
    const url = paths.minutesJson('socialnamnden', 'mote-2022-12-14')
    const first = await app.inject(url)
    assert.equal(first.headers['cache-control'], 'public, max-age=60')
    const etag = first.headers.etag
    assert.ok(typeof etag === 'string')
    const again = await app.inject({ url, headers: { 'if-none-match': etag } })
    assert.equal(again.statusCode, 304)
    assert.equal(again.body, '')
  })

  it('announces and links the JSON on the meeting page and the minutes page', async () => {
    const meeting = (await app.inject(paths.meeting('socialnamnden', 'mote-2022-12-14'))).body
    assert.match(
      meeting,
      /<link rel="alternate" type="application\/json"[^>]*href="\/committees\/socialnamnden\/mote-2022-12-14\/dagordning.json"/,
    )
    assert.match(
      meeting,
      /href="\/committees\/socialnamnden\/mote-2022-12-14\/dagordning.json"[^>]*>Hämta som öppna data \(JSON\)/,
    )
    const minutes = (await app.inject(paths.minutes('socialnamnden', 'mote-2022-12-14'))).body
    assert.match(
      minutes,
      /<link rel="alternate" type="application\/json"[^>]*href="\/committees\/socialnamnden\/mote-2022-12-14\/protokoll.json"/,
    )
    assert.match(
      minutes,
      /href="\/committees\/socialnamnden\/mote-2022-12-14\/protokoll.json"[^>]*>Hämta som öppna data \(JSON\)/,
    )
    // No minutes yet: no link to a JSON that would answer 404.
    const upcoming = (await app.inject(paths.minutes('socialnamnden', 'mote-2026-12-09'))).body
    assert.ok(!upcoming.includes('protokoll.json'))
  })
})
