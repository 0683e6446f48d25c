import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { strFromU8, unzipSync } from 'fflate'
import { extractPdfPages } from '../../src/domain/document/pdf-text.ts'
import { createApp } from '../../src/web/app.ts'
import { paths } from '../../src/web/paths.ts'
import { describeOnEachDatabase } from '../support/test-db.ts'
import { type Generated, generateMeetings } from './generated-meetings.ts'

// Issue 10/11: one disclosure rule, read by every public channel. Generated meetings with random
// confidential flags (agenda item, §, document), notice and sign-off states carry in every text a
// marker and a personnummer. Every public channel is rendered — portal pages, the change list,
// search, Atom feeds, iCal, document JSON, an OParl crawl, the export ZIP and the PDF — and none may
// show a secret marker (OSL; TF 2:10) or any personnummer (P3). PARAGRAF_DISCLOSURE_SEED replays a seed.

const seed = Number(process.env.PARAGRAF_DISCLOSURE_SEED ?? 20261205)
const meetingCount = 30
const publicUrl = 'https://paragraf.example'
const oparlEntry = `${publicUrl}/oparl/v1`

describeOnEachDatabase(`every public channel, ${meetingCount} generated meetings (seed ${seed})`, (getDb) => {
  let app: FastifyInstance
  let generated: Generated
  /** What each channel answered, by URL (PDF and ZIP as their text). */
  const rendered = new Map<string, string>()

  before(async () => {
    const started = Date.now()
    generated = await getDb()
      .transaction()
      .execute((trx) => generateMeetings(trx, seed, meetingCount))
    const generatedIn = Date.now() - started
    app = await createApp({
      db: getDb(),
      logLevel: 'silent',
      now: () => new Date('2023-08-01T10:00:00Z'),
      publicUrl,
    })
    const get = async (url: string) => {
      const response = await app.inject(url)
      assert.ok([200, 404].includes(response.statusCode), `${url} answered ${response.statusCode}`)
      return response
    }
    const render = async (url: string) => {
      const response = await get(url)
      // Long lines in iCal are folded; unfold before looking.
      rendered.set(url, response.body.replace(/\r?\n[ \t]/g, ''))
      return response
    }

    /** Renders some URLs a few at a time: PostgreSQL answers several requests at once. */
    const renderAll = async (urls: readonly string[]) => {
      const responses = []
      for (let i = 0; i < urls.length; i += 4)
        responses.push(...(await Promise.all(urls.slice(i, i + 4).map(render))))
      return responses
    }

    const q = ['lokaler', 'taxor', 'skolskjuts', 'bygglov', 'bidrag', 'avfall', 'parkering', 'tillsyn']
    await renderAll([
      paths.start(),
      paths.noticeBoard(),
      ...[1, 2, 3, 4, 5].map((page) => paths.noticeArchive(page)),
      paths.agendaFeed(),
      paths.minutesFeed(),
      paths.noticeBoardFeed(),
      paths.calendar(),
      ...generated.committees.flatMap(({ slug }) => [
        paths.committee(slug),
        paths.committeeFeed(slug),
        paths.committeeCalendar(slug),
        paths.committeeVotes(slug),
      ]),
      ...generated.persons.flatMap(({ slug }) => [paths.person(slug), paths.personVotes(slug)]),
      ...generated.parties.flatMap((abbreviation) => [
        paths.party(abbreviation),
        paths.partyVotes(abbreviation),
      ]),
      ...generated.registryNumbers.flatMap((number) => [paths.matter(number), paths.matterFeed(number)]),
      ...q.flatMap((word) => [
        ...[1, 2, 3].map((sida) => paths.search({ q: word, sida })),
        paths.searchFeed({ q: word }),
      ]),
      ...generated.meetings.flatMap((m) => [
        paths.meeting(m.committeeSlug, m.slug),
        paths.minutes(m.committeeSlug, m.slug),
        paths.agendaJson(m.committeeSlug, m.slug),
        paths.minutesJson(m.committeeSlug, m.slug),
        ...m.sectionNumbers.map((n) => paths.extract(m.committeeSlug, m.slug, n)),
      ]),
    ])
    for (const m of generated.meetings) {
      const pdf = await get(paths.minutesPdf(m.committeeSlug, m.slug))
      if (pdf.statusCode === 200)
        rendered.set(
          paths.minutesPdf(m.committeeSlug, m.slug),
          (await extractPdfPages(pdf.rawPayload)).join(' '),
        )
    }
    const zip = await get(paths.openDataExport())
    assert.equal(zip.statusCode, 200)
    for (const [name, bytes] of Object.entries(unzipSync(zip.rawPayload)))
      rendered.set(`${paths.openDataExport()}#${name}`, strFromU8(bytes))

    // OParl: everything reachable from the entry point, a wave of links at a time.
    let wave = [oparlEntry]
    const seen = new Set(wave)
    while (wave.length > 0) {
      const next: string[] = []
      for (const response of await renderAll(wave.map((url) => url.replace(publicUrl, ''))))
        for (const found of response.body.match(/https:\/\/paragraf\.example\/oparl\/v1[^"\\]*/g) ?? [])
          if (!seen.has(found)) {
            seen.add(found)
            next.push(found)
          }
      assert.ok(seen.size < 20_000, 'the crawl stays bounded')
      wave = next
    }
    console.log(
      `disclosure property: ${meetingCount} meetings, ${generated.secretMarkers.length} secret and ` +
        `${generated.openMarkers.length} open texts, ${rendered.size} responses (${seen.size} OParl), ` +
        `generated in ${Math.round(generatedIn / 1000)} s, rendered in ${Math.round((Date.now() - started - generatedIn) / 1000)} s; ` +
        JSON.stringify(generated.counts),
    )
  })
  after(() => app.close())

  it('generated every case that matters', () => {
    for (const [what, count] of Object.entries(generated.counts)) assert.ok(count > 0, `no ${what} generated`)
  })

  it('shows the public texts, masked (so the check below is not vacuous)', () => {
    const all = [...rendered.values()].join('\n')
    const shown = generated.openMarkers.filter((marker) => all.includes(marker))
    assert.ok(shown.length > generated.openMarkers.length / 2, `only ${shown.length} open texts shown`)
    assert.match(all, /\[personnummer borttaget\]/)
    assert.ok(
      [...rendered.keys()].some((url) => url.endsWith('.pdf')),
      'no PDF rendered',
    )
  })

  it('shows no confidential or unsigned text in any channel', () => {
    const leaks = []
    for (const [url, body] of rendered)
      for (const marker of generated.secretMarkers) if (body.includes(marker)) leaks.push(`${url}: ${marker}`)
    assert.deepEqual(leaks.slice(0, 20), [], `${leaks.length} leaks`)
  })

  it('shows no personnummer in any channel', () => {
    const written = new Set(generated.identityNumbers.map((n) => n.replace('-', '')))
    const leaks = []
    for (const [url, body] of rendered)
      for (const [digits] of body.matchAll(/(?<!\d)\d{6}-?\d{4}(?!\d)|(?<=\d\d)\d{6}-?\d{4}(?!\d)/g))
        if (written.has(digits.replace('-', ''))) leaks.push(`${url}: ${digits}`)
    assert.deepEqual(leaks.slice(0, 20), [], `${leaks.length} leaks`)
  })
})
