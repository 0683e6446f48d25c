import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import { inflateSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { createTestCommittee, createTestMeeting, testActor, unique } from '../../../test/support/factories.ts'
import {
  protocolWithIdentityNumbers,
  testIdentityNumber,
} from '../../../test/support/identity-number-protocol.ts'
import { addVotedMeeting, secret, type VotedMeeting } from '../../../test/support/portal-data.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { findCommitteeBySlug } from '../../domain/committee/committee.reads.ts'
import { extractPdfPages } from '../../domain/document/pdf-text.ts'
import { listMeetings } from '../../domain/meeting/meeting.service.ts'
import { importDocument } from '../../import/import-document.ts'
import { createApp } from '../app.ts'
import { paths } from '../paths.ts'

const pnr = testIdentityNumber

const protocolWithNumber = protocolWithIdentityNumbers('Miljönämnden', [
  {
    section: 14,
    title: `Tillsyn av enskilt avlopp, fastighetsägare ${pnr}`,
    summary: `Ärendet gäller ${pnr}, Storgatan 1.`,
    decision: [`Föreläggande riktas mot ${pnr}.`],
  },
])

/** The PDF's text, whitespace collapsed, so a match does not depend on where a line wraps. */
const flat = (pages: string[]) => pages.join(' ').replace(/\s+/g, ' ')

/** The decompressed content and object streams of a PDF (pdfkit writes each page's content with Flate). */
function inflatedStreams(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  const out: string[] = []
  for (const match of raw.matchAll(/\/Filter \/FlateDecode[^>]*>>\s*stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length
    const end = raw.indexOf('endstream', start)
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'))
    } catch {
      // a font or ICC stream may carry a trailing newline zlib rejects; those hold no markings
    }
  }
  return out.join('\n')
}

describeOnEachDatabase('the signed-off minutes as PDF/A (P5, P6)', (getDb) => {
  let app: FastifyInstance
  let voted: VotedMeeting
  let seed: { status: number; headers: Record<string, unknown>; pdf: Buffer; text: string }
  const seedUrl = '/committees/socialnamnden/mote-2022-12-14/protokoll.pdf'
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    voted = await addVotedMeeting(getDb())
    await importDocument(getDb(), testActor, protocolWithNumber, {
      organisation: `Exempelby kommun ${unique()}`,
    })
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2023-04-01T10:00:00Z') })
    const response = await app.inject(seedUrl)
    seed = {
      status: response.statusCode,
      headers: response.headers,
      pdf: response.rawPayload,
      text: response.statusCode === 200 ? flat(await extractPdfPages(response.rawPayload)) : '',
    }
  })
  after(() => app.close())

  it('serves the minutes inline as application/pdf, linked from the minutes page', async () => {
    assert.equal(seed.status, 200)
    assert.equal(seed.headers['content-type'], 'application/pdf')
    assert.equal(
      seed.headers['content-disposition'],
      'inline; filename="protokoll-socialnamnden-2022-12-14.pdf"',
    )
    const page = (await app.inject('/committees/socialnamnden/mote-2022-12-14/protokoll')).body
    assert.match(
      page,
      /<a href="\/committees\/socialnamnden\/mote-2022-12-14\/protokoll\.pdf"[^>]*>Protokollet som PDF\/A/,
    )
    assert.match(page, /<link rel="alternate" type="application\/pdf"[^>]*href="[^"]*protokoll\.pdf"/)
  })

  it('holds the cover and every § of seed 002, with å, ä and ö intact', () => {
    const { text } = seed
    assert.match(text, /Protokoll, Socialnämnden, onsdag 14 december 2022/)
    assert.match(text, /Tid: onsdag 14 december 2022 kl\. 17:00–17:15/)
    assert.match(text, /Emil Adén \(S\), tjänstgörande ersättare för Alexander Ojanne/)
    assert.match(text, /Tjänstgörande ordförande: Jan Jönsson/)
    assert.match(text, /Justerare: Jan Jönsson, Anders Göransson/)
    assert.match(text, /Justerat: §§ 18–19 14 december 2022 \(omedelbar justering\)/)
    assert.match(text, /Justerat: §§ 1–17 19 december 2022/)
    assert.match(text, /sista dag för överklagande 9 januari 2023/)
    assert.match(
      text,
      /Särskilt uttalande Gabriel Kroon \(SD\): Sverigedemokraterna anser att samverkansavtalet/,
    )
    assert.match(text, /§ 10 Redovisning av budgetuppdraget/)
    assert.match(text, /§ 19 /)
    assert.match(text, /Sida 1 av \d+/)
  })

  it('prints § 10 as the protocol does: the motion, its numbered points, then the paragraphs after point 3', () => {
    const s10 = seed.text.slice(seed.text.indexOf('§ 10 Redovisning'), seed.text.indexOf('§ 11 '))
    const order = [
      'Jan Jönsson (L), Ole-Jörgen Persson m.fl. (M) och Maria Paniagua Dachner (C) yrkade',
      '1. att i huvudsak bifalla',
      '2. att uppdra till förvaltningen',
      '3. att därutöver anföra:',
      'Av förvaltningens tjänsteuttalande',
      'Vi menar att det framgår',
      'Beslutsordning',
      'Reservationer Jan Jönsson (L), Ole-Jörgen Persson m.fl. (M) och Maria Paniagua Dachner (C) reserverade sig',
    ].map((phrase) => s10.indexOf(phrase))
    assert.ok(!order.includes(-1), `every phrase is in § 10: ${order}`)
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    )
    // The authors are printed once, by the protocol's own sentence.
    assert.equal(s10.split('Ole-Jörgen Persson').length - 1, 2)
  })

  it('carries the PDF/A-2a identification, the structure tree, the language and embedded fonts', () => {
    const raw = seed.pdf.toString('latin1')
    assert.match(raw, /^%PDF-1\.7/)
    assert.match(raw, /<pdfaid:part>2<\/pdfaid:part>/)
    assert.match(raw, /<pdfaid:conformance>A<\/pdfaid:conformance>/)
    assert.match(raw, /\/StructTreeRoot \d+ 0 R/)
    assert.match(raw, /\/Marked true/)
    assert.match(raw, /\/Lang \(sv-SE\)/)
    assert.match(raw, /\/OutputIntents/)
    assert.match(raw, /\/DisplayDocTitle true/)
    assert.match(raw, /\/S \/H1/)
    assert.match(raw, /\/S \/H3/)
    assert.match(raw, /\/S \/LBody/)
    assert.match(raw, /\/FontFile2/)
    // Every font is an embedded DejaVu subset: no standard (unembedded) Type 1 font at all.
    assert.doesNotMatch(raw, /\/Subtype \/Type1|\/BaseFont \/(Helvetica|Times|Courier)/)
    const fonts = [...raw.matchAll(/\/BaseFont \/([^\s/]+)/g)].map((m) => m[1])
    assert.ok(
      fonts.length > 0 && fonts.every((name) => /^[A-Z]{6}\+DejaVuSans/.test(name ?? '')),
      String(fonts),
    )
    // Page numbers are pagination artifacts, outside the tagged text.
    assert.match(inflatedStreams(seed.pdf), /\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/)
  })

  it('gives the same bytes and ETag for the same minutes, and 304 on revalidation', async () => {
    const again = await app.inject(seedUrl)
    assert.ok(again.rawPayload.equals(seed.pdf))
    assert.equal(again.headers.etag, seed.headers.etag)
    assert.match(seed.pdf.toString('latin1'), /\/CreationDate \(D:20221219000000Z\)|\(D:20221219000000Z\)/)
    const revalidated = await app.inject({
      url: seedUrl,
      headers: { 'if-none-match': String(seed.headers.etag) },
    })
    assert.equal(revalidated.statusCode, 304)
  })

  it('shows every ballot in a table and a confidential § only as the portal does', async () => {
    const response = await app.inject(paths.minutesPdf(voted.committeeSlug, voted.meetingSlug))
    assert.equal(response.statusCode, 200)
    assert.match(response.rawPayload.toString('latin1'), /\/S \/Table/)
    const text = flat(await extractPdfPages(response.rawPayload))
    assert.match(text, /Resultat: 2 ja, 1 nej, 0 avstår/)
    assert.match(text, /Ledamot Parti Röst Astrid Röstberg S ja Bertil Motsson M nej Cecilia Jävsdotter S ja/)
    assert.match(text, /Bertil Motsson \(M\) reserverar sig mot beslutet/)
    assert.match(text, /Cecilia Jävsdotter anmälde jäv och deltog inte i handläggningen/)
    assert.match(text, /Paragrafen omfattas av sekretess och visas inte/)
    assert.doesNotMatch(text, new RegExp(secret))
    assert.doesNotMatch(response.rawPayload.toString('latin1'), new RegExp(secret))
  })

  it('masks a personnummer in an imported protocol', async () => {
    const committee = await findCommitteeBySlug(getDb(), 'miljonamnden')
    assert.ok(committee)
    const [meeting] = await listMeetings(getDb(), { committeeIds: [committee.id] })
    assert.ok(meeting)
    const response = await app.inject(paths.minutesPdf(committee.slug, meeting.slug))
    assert.equal(response.statusCode, 200)
    const text = flat(await extractPdfPages(response.rawPayload))
    assert.match(text, /Tillsyn av enskilt avlopp, fastighetsägare \[personnummer borttaget\]/)
    assert.doesNotMatch(text, /9876|811218/)
  })

  it('answers 404 for an unknown meeting and for minutes not signed off', async () => {
    const committee = await createTestCommittee(getDb())
    const meeting = await createTestMeeting(getDb(), { committee, meetsOn: '2023-05-10' })
    assert.equal((await app.inject(paths.minutesPdf(committee.slug, meeting.slug))).statusCode, 404)
    assert.equal((await app.inject(paths.minutesJson(committee.slug, meeting.slug))).statusCode, 404)
    assert.equal(
      (await app.inject('/committees/socialnamnden/mote-1999-01-01/protokoll.pdf')).statusCode,
      404,
    )
  })
})
