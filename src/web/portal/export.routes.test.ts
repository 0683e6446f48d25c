import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { strFromU8, unzipSync } from 'fflate'
import {
  addTestSection,
  createTestCommittee,
  createTestMeeting,
  createTestMinutes,
  createTestPerson,
  testActor,
  unique,
} from '../../../test/support/factories.ts'
import {
  anyIdentityNumber,
  protocolWithIdentityNumbers,
  testIdentityNumber,
} from '../../../test/support/identity-number-protocol.ts'
import { addVotedMeeting, secret, type VotedMeeting } from '../../../test/support/portal-data.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { listCommittees } from '../../domain/committee/committee.service.ts'
import { listMeetings } from '../../domain/meeting/meeting.service.ts'
import { appointSignatories } from '../../domain/minutes/minutes.service.ts'
import { recordSignOff } from '../../domain/sign-off/sign-off.service.ts'
import { importDocument } from '../../import/import-document.ts'
import { createApp } from '../app.ts'
import { paths } from '../paths.ts'

const pnr = testIdentityNumber
const withIdentityNumber = protocolWithIdentityNumbers('Exportnämnden', [
  {
    section: 14,
    title: `Bygglov för enbostadshus, sökande ${pnr}`,
    summary: `Sökande: ${pnr}, Storgatan 1.`,
    decision: ['Bygglov beviljas.'],
  },
])

interface ExportIndex {
  organisations: { name: string; slug: string }[]
  committees: { slug: string }[]
  meetings: {
    committee: string
    meeting: string
    files: { path: string; kind: string; modified: string }[]
  }[]
}

describeOnEachDatabase('the bulk export of open data (/oppna-data/export.zip)', (getDb) => {
  let app: FastifyInstance
  let voted: VotedMeeting
  let planned: { committeeSlug: string; meetingSlug: string }
  let files: Record<string, Uint8Array>
  let etag: string
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    voted = await addVotedMeeting(getDb())
    await importDocument(getDb(), testActor, withIdentityNumber, {
      organisation: `Exportby kommun ${unique()}`,
    })
    const committee = await createTestCommittee(getDb(), { name: 'Planeringsnämnden' })
    const meeting = await createTestMeeting(getDb(), { committee, meetsOn: '2027-01-20' })
    assert.equal(meeting.status, 'planned')
    planned = { committeeSlug: committee.slug, meetingSlug: meeting.slug }
    // The export links to the portal's address (PUBLIC_URL): here the one app.inject() reaches.
    app = await createApp({
      db: getDb(),
      logLevel: 'silent',
      now: () => new Date('2023-04-01T10:00:00Z'),
      publicUrl: 'http://localhost:80',
    })
    const response = await app.inject(paths.openDataExport())
    assert.equal(response.statusCode, 200)
    files = unzipSync(response.rawPayload)
    etag = String(response.headers.etag)
  })
  after(() => app.close())

  const text = (name: string) => strFromU8(files[name] as Uint8Array)
  const index = () => JSON.parse(text('index.json')) as ExportIndex

  it('answers a ZIP with an ETag, and 304 to a client that has it', async () => {
    const response = await app.inject({ url: paths.openDataExport(), method: 'HEAD' })
    assert.equal(response.headers['content-type'], 'application/zip')
    assert.equal(response.headers.etag, etag)
    assert.match(etag, /^".+"$/)
    const again = await app.inject({ url: paths.openDataExport(), headers: { 'if-none-match': etag } })
    assert.equal(again.statusCode, 304)
    assert.equal(again.body, '')
  })

  it('holds one file per published agenda and minutes, each listed in index.json', async () => {
    const names = Object.keys(files).filter((n) => n.endsWith('.json') && n !== 'index.json')
    const listed = index().meetings.flatMap((m) => m.files.map((f) => f.path))
    assert.deepEqual(listed.toSorted(), names.toSorted())
    assert.ok(names.includes('socialnamnden/mote-2022-12-14/protokoll.json'))
    assert.ok(names.includes('socialnamnden/mote-2022-12-14/dagordning.json'))
    for (const meeting of index().meetings)
      for (const file of meeting.files) {
        assert.equal(file.path.split('/').slice(0, 2).join('/'), `${meeting.committee}/${meeting.meeting}`)
        assert.match(file.modified, /^\d{4}-\d\d-\d\dT/)
      }
    // Every meeting whose agenda the portal publishes is there, and every minutes JSON the portal serves.
    const committees = await listCommittees(getDb())
    assert.deepEqual(
      index()
        .committees.map((c) => c.slug)
        .toSorted(),
      committees.map((c) => c.slug).toSorted(),
    )
    for (const committee of committees)
      for (const meeting of await listMeetings(getDb(), { committeeIds: [committee.id] })) {
        const minutes = await app.inject(paths.minutesJson(committee.slug, meeting.slug))
        const name = `${committee.slug}/${meeting.slug}/protokoll.json`
        assert.equal(name in files, minutes.statusCode === 200, name)
        assert.equal(
          `${committee.slug}/${meeting.slug}/dagordning.json` in files,
          meeting.status !== 'planned',
        )
      }
    assert.match(text('README.txt'), /docs\/document-json\.md/)
    assert.match(text('README.txt'), /kommunen/)
  })

  it('gives the minutes exactly as the portal serves them', async () => {
    const served = await app.inject('/committees/socialnamnden/mote-2022-12-14/protokoll.json')
    assert.equal(served.statusCode, 200)
    assert.equal(text('socialnamnden/mote-2022-12-14/protokoll.json'), served.body)
    const agenda = await app.inject(paths.agendaJson(voted.committeeSlug, voted.meetingSlug))
    assert.equal(text(`${voted.committeeSlug}/${voted.meetingSlug}/dagordning.json`), agenda.body)
  })

  it('leaves out confidential text, personnummer and an unpublished (planned) meeting', () => {
    assert.ok(Object.keys(files).some((n) => n.startsWith('exportnamnden/')))
    for (const [name, bytes] of Object.entries(files)) {
      const content = strFromU8(bytes)
      assert.ok(!content.includes(secret), name)
      assert.ok(!content.includes(pnr) && !anyIdentityNumber.test(content), name)
    }
    assert.ok(text('exportnamnden/mote-2024-03-05/protokoll.json').includes('[personnummer borttaget]'))
    assert.ok(!Object.keys(files).some((n) => n.startsWith(`${planned.committeeSlug}/`)))
    assert.ok(!index().meetings.some((m) => m.committee === planned.committeeSlug))
  })

  it('holds every ballot of public §§ in omrostningar.csv, as the committee’s table gives them', async () => {
    const csv = text('omrostningar.csv')
    // UTF-8 with a byte order mark, for Excel (the decoder drops the mark from the text).
    assert.deepEqual([...(files['omrostningar.csv'] ?? new Uint8Array()).subarray(0, 3)], [0xef, 0xbb, 0xbf])
    assert.ok(csv.startsWith('datum,nämnd,sammanträde,paragraf,'))
    const ballots = csv
      .split('\r\n')
      .filter((line) => line.includes('Bifall till förvaltningens förslag eller avslag?'))
    assert.equal(ballots.length, 3)
    assert.ok(
      ballots.every((line) =>
        line.endsWith(`http://localhost:80${paths.section(voted.committeeSlug, voted.meetingSlug, 1)}`),
      ),
    )
    assert.ok(!csv.includes(secret), 'nothing of the confidential §')
    const committeeTable = await app.inject(paths.committeeVotes(voted.committeeSlug))
    for (const line of committeeTable.body.split('\r\n').slice(1)) assert.ok(csv.includes(line))
  })

  it('builds a new export, with a new ETag, after a sign-off', async () => {
    const committee = await createTestCommittee(getDb(), { name: 'Senare justerade nämnden' })
    const signatory = await createTestPerson(getDb(), committee.organisationId, 'Justus Export')
    const { meeting, minutes } = await createTestMinutes(getDb(), committee, { meetsOn: '2023-03-29' })
    await inTransaction(getDb(), (trx) =>
      appointSignatories(trx, testActor, {
        minutesId: minutes.id,
        personIds: [signatory.id],
        asPublished: true,
      }),
    )
    await addTestSection(getDb(), minutes, { title: 'Nyss justerat', decision: ['Beslutet gäller.'] })
    await inTransaction(getDb(), (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1],
        signedOffOn: '2023-03-31',
        immediate: false,
        signatoryPersonIds: [signatory.id],
      }),
    )
    const response = await app.inject({ url: paths.openDataExport(), headers: { 'if-none-match': etag } })
    assert.equal(response.statusCode, 200)
    assert.notEqual(response.headers.etag, etag)
    const rebuilt = unzipSync(response.rawPayload)
    assert.ok(`${committee.slug}/${meeting.slug}/protokoll.json` in rebuilt)
  })

  it('is linked from every page', async () => {
    const page = await app.inject('/')
    assert.match(page.body, /href="\/oppna-data\/export\.zip"[^>]*>Öppna data/)
  })
})
