import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { createTestCommittee, createTestMeeting, testActor } from '../../../test/support/factories.ts'
import { pageText as text } from '../../../test/support/page-text.ts'
import { addVotedMeeting, type VotedMeeting } from '../../../test/support/portal-data.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { addAgendaItem } from '../../domain/agenda/agenda.service.ts'
import { registerMatter } from '../../domain/matter/matter.service.ts'
import { createApp } from '../app.ts'
import { paths } from '../paths.ts'

describeOnEachDatabase('the public portal: minutes, notice board, matters, people, feeds', (getDb) => {
  let app: FastifyInstance
  let voted: VotedMeeting
  // 1 April 2023: the notice of Kulturnämnden's minutes (posted 20 March) is up until 11 April.
  const clock = () => new Date('2023-04-01T10:00:00Z')
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    voted = await addVotedMeeting(getDb())
    app = await createApp({ db: getDb(), logLevel: 'silent', now: clock })
  })
  after(() => app.close())
  const get = async (url: string) => {
    const response = await app.inject(url)
    assert.equal(response.statusCode, 200, url)
    return text(response.body)
  }

  it('shows the cover of the minutes: who served, signatories, sign-offs and notices', async () => {
    const page = await get('/committees/socialnamnden/mote-2022-12-14/protokoll')
    assert.match(page, /Tid onsdag 14 december 2022 kl\. 17:00–17:15/)
    assert.match(page, /Emil Adén \(S\), tjänstgörande ersättare för Alexander Ojanne/)
    assert.match(
      page,
      /Övriga närvarande Veronica Wolgast Carstorp, bitr. förvaltningschef .* Magnus Hillborg, nämndsekreterare/,
    )
    assert.match(page, /Justerare Jan Jönsson, Anders Göransson/)
    assert.match(page, /Justerat §§ 1–17 19 december 2022/)
    assert.match(page, /Uppsatt på anslagstavlan 19 december 2022, sista dag för överklagande 9 januari 2023/)
    assert.match(page, /§ 10 Redovisning av budgetuppdraget/)
    assert.match(
      page,
      /Särskilt uttalande Gabriel Kroon \(SD\): Sverigedemokraterna anser att samverkansavtalet/,
    )
  })

  it('gives each § an anchor and shows every ballot of a vote in a table with a caption', async () => {
    const html = (await app.inject(paths.minutes(voted.committeeSlug, voted.meetingSlug))).body
    assert.match(html, /id="paragraf-1"/)
    assert.match(html, /href="#paragraf-3"/)
    assert.match(html, /<caption>/)
    const page = text(html)
    assert.match(page, /Resultat: 2 ja, 1 nej, 0 avstår/)
    assert.match(page, /Astrid Röstberg S ja Bertil Motsson M nej Cecilia Jävsdotter S ja/)
    assert.match(
      page,
      /Bertil Motsson \(M\) reserverar sig mot beslutet: Bidragen borde gå till fler förbund/,
    )
    assert.match(page, /Protokollsanteckning Cecilia Jävsdotter \(S\): Vi vill följa upp fördelningen/)
    assert.match(page, /Cecilia Jävsdotter anmälde jäv och deltog inte i handläggningen/)
    assert.match(page, /Beslutsordning Ordföranden ställer proposition/)
    assert.match(page, /§ 2 Ärende som omfattas av sekretess/)
  })

  it('B4: says whether the meeting is open to the public, closed unless the council allowed it (KL 6:25)', async () => {
    assert.match(
      await get('/committees/socialnamnden/mote-2022-12-14'),
      /Allmänheten Sammanträdet är inte öppet för allmänheten \(KL 6:25\)/,
    )
    const committee = await createTestCommittee(getDb(), { settings: { publicMeetings: true } })
    const meeting = await createTestMeeting(getDb(), { committee, meetsOn: '2023-05-10' })
    assert.match(
      await get(paths.meeting(committee.slug, meeting.slug)),
      /Sammanträdet är öppet för allmänheten, utom när ärenden om myndighetsutövning mot enskilda eller med sekretess behandlas/,
    )
  })

  it('says no minutes are published for a meeting without signed-off §§', async () => {
    const page = await get('/committees/socialnamnden/mote-2026-12-09/protokoll')
    assert.match(page, /Inget protokoll har publicerats/)
    assert.match(
      text((await app.inject('/committees/socialnamnden/mote-2026-12-09')).body),
      /Inget protokoll har publicerats/,
    )
    assert.equal((await app.inject('/committees/socialnamnden/mote-1999-01-01/protokoll')).statusCode, 404)
  })

  it('shows the notices up today with the last appeal day and a link to the minutes', async () => {
    const html = (await app.inject('/anslagstavla')).body
    const page = text(html)
    assert.match(page, /officiella anslagstavla enligt kommunallagen \(8 kap\. 9–11 §§\)/)
    assert.match(page, /Justerat protokoll Kulturnämnden/)
    assert.match(page, /Anslaget 20 mars 2023/)
    assert.match(page, /Protokollet förvaras Kulturförvaltningen/)
    assert.match(page, /Sista dag att överklaga tisdag 11 april 2023/)
    assert.match(page, /Så överklagar du ett beslut.*laglighetsprövning.*tre veckor.*förvaltningsrätten/)
    assert.ok(html.includes(`href="${paths.minutes(voted.committeeSlug, voted.meetingSlug)}"`))
    assert.doesNotMatch(page, /protokoll från sammanträdet 2022-12-14/)
    assert.match(html, /aria-current="page"[^>]*>\s*Anslagstavla/)
  })

  it('keeps a notice up through its last appeal day and moves it to the archive after', async () => {
    const onLastDay = await createApp({
      db: getDb(),
      logLevel: 'silent',
      now: () => new Date('2023-04-11T21:59:00Z'),
    })
    const dayAfter = await createApp({
      db: getDb(),
      logLevel: 'silent',
      now: () => new Date('2023-04-11T22:01:00Z'),
    })
    try {
      assert.match(text((await onLastDay.inject('/anslagstavla')).body), /Justerat protokoll Kulturnämnden/)
      assert.doesNotMatch(
        text((await dayAfter.inject('/anslagstavla')).body),
        /Justerat protokoll Kulturnämnden/,
      )
      assert.match(
        text((await dayAfter.inject('/anslagstavla/arkiv')).body),
        /Justerat protokoll Kulturnämnden/,
      )
    } finally {
      await onLastDay.close()
      await dayAfter.close()
    }
  })

  it('lists past notices in the archive, a page at a time, and reads odd page numbers as page 1', async () => {
    const page = await get('/anslagstavla/arkiv')
    assert.match(page, /Socialnämnden, protokoll från sammanträdet 2022-12-14, §§ 1–17/)
    assert.match(page, /Sista dag att överklaga måndag 9 januari 2023/)
    for (const query of ['?sida=0', '?sida=abc', '?sida[]=2', '?sida=99999999999'])
      assert.equal((await app.inject(`/anslagstavla/arkiv${query}`)).statusCode, 200, query)
    assert.match(await get('/anslagstavla/arkiv?sida=5'), /Det finns inga nedtagna anslag att visa/)
  })

  it('follows a matter by its registry number through meetings, with its decisions', async () => {
    assert.equal(paths.matter('1.2.2-72/2022'), '/arenden/1.2.2-72%2F2022')
    const page = await get(paths.matter('1.2.2-72/2022'))
    assert.match(page, /Diarienummer 1\.2\.2-72\/2022/)
    assert.match(
      page,
      /Socialnämnden, onsdag 14 december 2022 Punkt .* på dagordningen: Månadsrapport november 2022/,
    )
    assert.match(page, /Beslut, § 5 \(justerad 19 december 2022\) Socialnämnden godkänner rapporten/)
    const spaced = await get(paths.matter(voted.registryNumber))
    assert.match(spaced, /Förslag till beslut att fördela bidragen/)
    assert.equal((await app.inject('/arenden/finns-inte%2F1')).statusCode, 404)
    assert.equal((await app.inject(paths.matter(voted.secretRegistryNumber))).statusCode, 404)
  })

  it("follows another organisation's public matter that has the registry number of a secret one", async () => {
    // Each organisation keeps its own register: a later one uses the number of Kulturnämnden's secret matter.
    const committee = await createTestCommittee(getDb())
    const meeting = await createTestMeeting(getDb(), { committee, meetsOn: '2023-03-20' })
    const matter = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, {
        organisationId: committee.organisationId,
        registryNumber: voted.secretRegistryNumber,
        title: 'Ny förskola i Västerby',
      }),
    )
    await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        title: 'Ny förskola i Västerby',
        matterId: matter.id,
      }),
    )
    await getDb()
      .updateTable('meeting')
      .set({ status: 'notice_published' })
      .where('id', '=', meeting.id)
      .execute()
    const page = await get(paths.matter(voted.secretRegistryNumber))
    assert.match(page, /Ny förskola i Västerby/)
    assert.doesNotMatch(page, /Placering av barn|enskild/)
  })

  it('keeps María Paniagua Dachner and Dan Guillou one person each, with the motions and dissent printed under other spellings', async () => {
    const maria = await get(paths.person('maria-paniagua-dachner'))
    assert.match(maria, /María Paniagua Dachner/)
    assert.match(maria, /Yrkanden \(1\)/)
    assert.match(maria, /Reservationer \(1\)/)
    assert.equal((await app.inject(paths.person('maria-paniagua-dachner-2'))).statusCode, 404)
    assert.match(await get(paths.person('dan-guillou')), /Yrkanden \(1\)/)
    assert.equal((await app.inject(paths.person('daniel-guillou'))).statusCode, 404)
  })

  it('shows a person’s memberships, attendance, motions, dissents and every ballot', async () => {
    const page = await get(paths.person('bertil-motsson'))
    assert.match(page, /Kulturnämnden \d+ ledamot M 1 januari 2023 31 december 2026/)
    assert.match(page, /Närvarande vid 1 av 1 sammanträden som ledamot \(100 %\)/)
    assert.match(page, /Yrkanden \(1\).*Avslag på förvaltningens förslag/)
    assert.match(page, /Reservationer \(1\).*Bidragen borde gå till fler förbund/)
    assert.match(page, /Röster i omröstningar \(1\).*Bifall till förvaltningens förslag eller avslag\? nej/)
    const absent = await get(paths.person('alexander-ojanne'))
    assert.match(absent, /Närvarande vid 0 av 1 sammanträden som ledamot \(0 %\)/)
    const substitute = await get(paths.person('emil-aden'))
    assert.match(substitute, /Tjänstgjorde som ersättare vid 1 sammanträden/)
    assert.equal((await app.inject('/personer/finns-inte')).statusCode, 404)
  })

  it('aggregates a party’s record over everyone who sat for it', async () => {
    const page = await get(paths.party('M'))
    assert.match(page, /Ole-Jörgen Persson Socialnämnden ledamot/)
    assert.match(
      page,
      /Reservationer \(1\).*Ole-Jörgen Persson ?: .*reserverade sig mot beslutet till förmån för det egna yrkandet/,
    )
    // The first organisation's party of that abbreviation: Stockholm's Socialdemokraterna.
    const social = await get(paths.party('S'))
    assert.match(
      social,
      /Yrkanden \(1\).*Anders Göransson ?: Anders Göransson m\.fl\. \(S\), .* yrkade bifall till förvaltningens förslag/,
    )
    assert.equal((await app.inject(paths.party('F!'))).statusCode, 200)
    assert.equal((await app.inject(paths.party('XYZ'))).statusCode, 404)
  })

  it('serves an iCal calendar in UTC, per committee and for all meetings, linking back to each meeting', async () => {
    const response = await app.inject('/committees/socialnamnden/kalender.ics')
    assert.equal(response.statusCode, 200)
    assert.match(response.headers['content-type'] as string, /^text\/calendar/)
    assert.match(response.body, /DTSTART:20221214T160000Z/)
    assert.match(response.body, /DTEND:20221214T161500Z/)
    assert.match(
      response.body.replace(/\r?\n /g, ''),
      /URL;VALUE=URI:http:\/\/localhost(:\d+)?\/committees\/socialnamnden\/mote-2022-12-14/,
    )
    const all = (await app.inject('/kalender.ics')).body
    assert.match(all, /DTSTART:20230315T170000Z/) // 18:00 in Stockholm in March (CET)
    assert.match(all, /DTSTART:20221214T160000Z/)
    assert.equal((await app.inject('/committees/finns-inte/kalender.ics')).statusCode, 404)
  })

  it('serves Atom feeds of agendas, minutes, the notice board, a committee and a matter', async () => {
    const feeds = {
      [paths.agendaFeed()]: /Kallelse: Socialnämnden onsdag 9 december 2026/,
      [paths.minutesFeed()]: /Protokoll: Socialnämnden onsdag 14 december 2022, §§ 1–17/,
      [paths.noticeBoardFeed()]: /Justerat protokoll: Kulturnämnden/,
      [paths.committeeFeed('socialnamnden')]: /Protokoll: Socialnämnden onsdag 14 december 2022, §§ 18–19/,
      [paths.matterFeed('1.2.2-72/2022')]: /Beslut: Socialnämnden § 5 Månadsrapport november 2022/,
    }
    for (const [url, expected] of Object.entries(feeds)) {
      const response = await app.inject(url)
      assert.equal(response.statusCode, 200, url)
      assert.match(response.headers['content-type'] as string, /^application\/atom\+xml/, url)
      assert.match(response.body, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="sv">/, url)
      assert.match(response.body, expected, url)
    }
    const html = (await app.inject('/committees/socialnamnden/mote-2022-12-14')).body
    assert.match(
      html,
      /<link rel="alternate" type="text\/calendar"[^>]*href="\/committees\/socialnamnden\/kalender\.ics"/,
    )
    assert.match(
      html,
      /<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/committees\/socialnamnden\/flode\.atom"/,
    )
  })

  it('answers a repeated request with 304 when the page has not changed, and lets caches keep pages a minute', async () => {
    for (const url of ['/', '/anslagstavla', paths.minutesFeed(), '/kalender.ics']) {
      const first = await app.inject(url)
      assert.equal(first.headers['cache-control'], 'public, max-age=60', url)
      const etag = first.headers.etag as string
      assert.match(etag, /^"[\w-]+"$/, url)
      const again = await app.inject({ url, headers: { 'if-none-match': etag } })
      assert.equal(again.statusCode, 304, url)
      assert.equal(again.body, '', url)
      const changed = await app.inject({ url, headers: { 'if-none-match': '"something-else"' } })
      assert.equal(changed.statusCode, 200, url)
    }
    const missing = await app.inject('/nowhere')
    assert.equal(missing.headers.etag, undefined)
    assert.notEqual(missing.headers['cache-control'], 'public, max-age=60')
  })

  it('takes accessibility feedback without JavaScript: errors beside the fields, what was typed kept', async () => {
    const page = await get('/tillganglighet')
    assert.match(page, /Tillgänglighetsredogörelse.*lagen \(2018:1937\)/)
    assert.match(page, /Myndigheten för digital förvaltning \(Digg\)/)
    const bad = await app.inject({
      method: 'POST',
      url: '/tillganglighet',
      payload: { meddelande: '   ', sida: '/anslagstavla', epost: 'inte-en-adress' },
    })
    assert.equal(bad.statusCode, 400)
    const badPage = text(bad.body)
    assert.match(badPage, /Formuläret kunde inte skickas/)
    assert.match(badPage, /Skriv vad problemet gäller/)
    assert.match(badPage, /Skriv e-postadressen som namn@exempel\.se/)
    assert.match(bad.body, /value="\/anslagstavla"/)
    assert.match(bad.body, /value="inte-en-adress"/)
    assert.match(bad.body, /aria-invalid="true"/)
    const good = await app.inject({
      method: 'POST',
      url: '/tillganglighet',
      payload: { meddelande: 'Tabellen på protokollsidan läses fel.', epost: 'a@example.se' },
    })
    assert.equal(good.statusCode, 303)
    assert.equal(good.headers.location, '/tillganglighet/tack')
    const stored = await getDb()
      .selectFrom('accessibility_feedback')
      .select(['message', 'reply_address'])
      .executeTakeFirstOrThrow()
    assert.deepEqual(stored, {
      message: 'Tabellen på protokollsidan läses fel.',
      reply_address: 'a@example.se',
    })
    assert.match(await get('/tillganglighet/tack'), /Tack för dina synpunkter/)
  })

  it('says on the privacy page that there are no cookies and no tracking', async () => {
    const response = await app.inject('/integritet')
    assert.match(text(response.body), /inga kakor \(cookies\).*ingen statistik- eller spårningstjänst/i)
    // The feedback of the accessibility statement: stored, seen by administrators, deleted in time.
    assert.match(
      text(response.body),
      /Synpunkter som du lämnar .* sparas .* Bara kommunens administratörer .* raderas den, med namn och e-postadress, efter 12 månader/,
    )
    assert.equal(response.headers['set-cookie'], undefined)
  })
})
