import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { testActor, unique } from '../../../test/support/factories.ts'
import {
  protocolWithIdentityNumbers,
  testIdentityNumber,
} from '../../../test/support/identity-number-protocol.ts'
import { pageText as text } from '../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { findCommitteeBySlug } from '../../domain/committee/committee.reads.ts'
import { listMeetings } from '../../domain/meeting/meeting.service.ts'
import { readMinutesRecord } from '../../domain/minutes/minutes-record.ts'
import type { DocumentJson } from '../../domain/publication/document-json.ts'
import { importDocument } from '../../import/import-document.ts'
import { createApp } from '../app.ts'

const pnr = testIdentityNumber
const other = '19121212-1212'
const noNumber = /9876|811218|1212-1212|121212/

const protocol = protocolWithIdentityNumbers('Byggnadsnämnden', [
  {
    section: 14,
    title: `Bygglov för enbostadshus, sökande ${pnr}`,
    registryNumbers: ['BN 2024/77'],
    summary: `Ansökan kom in 2024-01-10.\nSökande: ${pnr}, Storgatan 1.`,
    decision: ['Bygglov beviljas.', `Avgiften tas ut av ${other}.`],
    motions: [{ by: [{ party: 'S' }], text: `Bifall till ansökan från ${pnr}.` }],
    dissents: [{ by: [{ party: 'M' }], text: `Vi reserverar oss: ${pnr} borde ha nekats.` }],
  },
  { section: 15, title: 'Delegationsbeslut', decision: ['Redovisningen läggs till handlingarna.'] },
])

describeOnEachDatabase('personal identity numbers in an imported protocol (P3)', (getDb) => {
  let app: FastifyInstance
  let minutesPage: string
  let committeeSlug: string
  before(async () => {
    await importDocument(getDb(), testActor, protocol, { organisation: `Exempelby kommun ${unique()}` })
    const committee = await findCommitteeBySlug(getDb(), 'byggnadsnamnden')
    assert.ok(committee)
    committeeSlug = committee.slug
    const [meeting] = await listMeetings(getDb(), { committeeIds: [committee.id] })
    assert.ok(meeting)
    minutesPage = `/committees/${committee.slug}/${meeting.slug}`
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2024-03-11T10:00:00Z') })
  })
  after(() => app.close())

  it('imports the signed-off protocol as it stands, numbers and all', async () => {
    const [meeting] = await listMeetings(getDb(), {})
    const record = await readMinutesRecord(getDb(), meeting!.id)
    assert.deepEqual(
      record?.signOffs.map((s) => s.status),
      ['signed_off'],
    )
    assert.match(record?.sections[0]?.section.summary ?? '', /811218-9876/)
  })

  it('masks the numbers on the minutes page, the meeting page and the extract', async () => {
    const response = await app.inject(`${minutesPage}/protokoll`)
    assert.equal(response.statusCode, 200)
    const page = text(response.body)
    assert.match(page, /§ 14 Bygglov för enbostadshus, sökande \[personnummer borttaget\]/)
    assert.match(page, /Avgiften tas ut av \[personnummer borttaget\]/)
    assert.match(
      page,
      /reserverar sig mot beslutet: Vi reserverar oss: \[personnummer borttaget\] borde ha nekats/,
    )
    assert.doesNotMatch(response.body, noNumber)
    for (const path of [
      minutesPage,
      `${minutesPage}/protokoll/utdrag/14`,
      `${minutesPage}/protokoll.json`,
      `${minutesPage}/dagordning.json`,
    ]) {
      const other = await app.inject(path)
      assert.equal(other.statusCode, 200, path)
      assert.match(text(other.body), /Bygglov för enbostadshus, sökande \[personnummer borttaget\]/, path)
      assert.doesNotMatch(other.body, noNumber, path)
    }
  })

  it('masks them in the minutes as open data (document JSON), field by field', async () => {
    const response = await app.inject(`${minutesPage}/protokoll.json`)
    assert.equal(response.statusCode, 200)
    assert.doesNotMatch(response.body, noNumber)
    const [section] = (JSON.parse(response.body) as DocumentJson).items
    assert.equal(section?.title, 'Bygglov för enbostadshus, sökande [personnummer borttaget]')
    assert.equal(section?.decision?.[1], 'Avgiften tas ut av [personnummer borttaget].')
    assert.equal(section?.motions?.[0]?.text, 'Bifall till ansökan från [personnummer borttaget].')
    assert.equal(section?.dissents?.[0]?.text, 'Vi reserverar oss: [personnummer borttaget] borde ha nekats.')
  })

  it('masks them in the minutes feed, the committee feed and the matter page', async () => {
    for (const path of [
      '/floden/protokoll.atom',
      `/committees/${committeeSlug}/flode.atom`,
      '/floden/dagordningar.atom',
      `/arenden/${encodeURIComponent('BN 2024/77')}`,
    ]) {
      const response = await app.inject(path)
      assert.equal(response.statusCode, 200, path)
      assert.match(response.body, /\[personnummer borttaget\]/, path)
      assert.doesNotMatch(response.body, noNumber, path)
    }
  })

  it('finds the § by its words, with the number masked, and nothing by the number', async () => {
    const hit = await app.inject('/sok?q=enbostadshus')
    assert.match(text(hit.body), /§ 14 Bygglov för enbostadshus, sökande \[personnummer borttaget\]/)
    assert.doesNotMatch(hit.body, noNumber)
    const feed = await app.inject('/sok/flode.atom?q=enbostadshus')
    assert.match(feed.body, /enbostadshus/)
    assert.doesNotMatch(feed.body, noNumber)
    for (const q of [pnr, '8112189876', '811218', other]) {
      const response = await app.inject(`/sok?q=${encodeURIComponent(q)}`)
      assert.match(text(response.body), /Inga träffar/, q)
    }
  })
})
