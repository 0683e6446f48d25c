import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { AdminClient } from '../../../../test/support/admin-client.ts'
import { createTestMeeting, testActor } from '../../../../test/support/factories.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { cycleAccounts } from '../../../../test/support/seated-committee.ts'
import { type SeatedCouncil, seatKommunfullmaktige } from '../../../../test/support/seated-council.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { inTransaction } from '../../../db/database.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { readMinutesRecord } from '../../../domain/minutes/minutes-record.ts'
import { listParties } from '../../../domain/person/person.reads.ts'
import { recordSignOff } from '../../../domain/sign-off/sign-off.service.ts'
import type { BallotChoice } from '../../../domain/vote/tally.ts'
import { listVotes } from '../../../domain/vote/vote.reads.ts'
import { createApp } from '../../app.ts'
import { paths } from '../../paths.ts'

// Issue 12, item 5: a kommunfullmäktige of 61 members and 30 substitutes. A vote is recorded as
// "alla ja utom …", by party group with exceptions, or as a secret election by its counts; the
// ballots stored are exactly those entered (one per voting member, with their party), and once
// signed off the document JSON and the votes CSV publish exactly those (OParl and the printed
// minutes read the same public record).
describeOnEachDatabase('recording a council’s votes by rule and by counts', (getDb) => {
  let app: FastifyInstance
  let council: SeatedCouncil
  let meeting: Meeting
  let secretary: AdminClient
  let base: string
  let partyIds: Map<string, number>
  // Two members away (S and M), each replaced by their party's first substitute.
  const away = () => [council.members[3]!, council.members[21]!]
  const replacing = () => [council.substitutes[0]!, council.substitutes[10]!]
  /** Who votes at the §: the 59 members there and the two substitutes serving. */
  const voters = () => [...council.members.filter((m) => !away().includes(m)), ...replacing()]

  before(async () => {
    const db = getDb()
    council = await seatKommunfullmaktige(db)
    meeting = await createTestMeeting(db, { committee: council.committee, meetsOn: '2027-03-10' })
    partyIds = new Map(
      (await listParties(db, council.committee.organisationId)).map((p) => [p.abbreviation, p.id]),
    )
    app = await createApp({ db, logLevel: 'silent', now: () => new Date('2027-03-10T16:00:00Z') })
    secretary = new AdminClient(app)
    await secretary.signIn(cycleAccounts.secretary.email, cycleAccounts.secretary.password)
    base = `/admin/namnder/${council.committee.slug}/sammantraden/${meeting.slug}/protokoll`
    await secretary.get(`${base}/narvaro`)
    const saved = await secretary.post(`${base}/narvaro`, {
      ...Object.fromEntries(council.members.map((p) => [`narvaro-${p.id}`, 'present'])),
      ...Object.fromEntries(away().map((p) => [`narvaro-${p.id}`, 'absent'])),
      ...Object.fromEntries(away().map((p, i) => [`ersattare-${p.id}`, String(replacing()[i]!.id)])),
      atgard: 'spara',
    })
    assert.equal(saved.statusCode, 303)
    for (const title of ['Årsredovisning 2026', 'Motion om cykelbanor', 'Val av revisor']) {
      await secretary.get(base)
      assert.equal((await secretary.post(`${base}/paragrafer`, { agendaItemId: '', title })).statusCode, 303)
    }
  })
  after(() => app.close())

  const sectionId = async (number: number) =>
    (await readMinutesRecord(getDb(), meeting.id))!.sections.find((s) => s.section.number === number)!.section
      .id
  /** The stored ballots of the §'s last vote, by person id. */
  const storedBallots = async (number: number) => {
    const vote = (await listVotes(getDb(), [await sectionId(number)])).at(-1)!
    return { vote, ballots: new Map(vote.ballots.map((b) => [b.personId, b])) }
  }

  it('shows the council’s voters party by party, with one choice per voter and none per ballot', async () => {
    const page = await secretary.get(`${base}/paragrafer/1/omrostning`)
    assert.equal(page.statusCode, 200)
    assert.match(text(page.body), /61 ledamöter och tjänstgörande ersättare röstar vid § 1/)
    for (const v of voters()) assert.match(page.body, new RegExp(`name="alla-undantag-${v.id}"`))
    for (const a of away()) assert.doesNotMatch(page.body, new RegExp(`name="alla-undantag-${a.id}"`))
    assert.match(page.body, /<legend>Så röstade partigrupperna<\/legend>/)
    assert.match(page.body, /<legend>S \(20 röstande\)<\/legend>/)
    // Plain forms that post and come back: nothing needs JavaScript.
    assert.doesNotMatch(page.body, /<script/)
    assert.equal(
      (page.body.match(/<form method="post" action="[^"]*\/omrostning\/(alla|grupper|sluten)"/g) ?? [])
        .length,
      3,
    )
  })

  it('records "alla ja utom …": every voter yes but the named, whose ballots are as chosen', async () => {
    const [no1, no2, no3, abs1, abs2] = [
      voters()[5]!,
      voters()[25]!,
      voters()[40]!,
      voters()[50]!,
      replacing()[1]!,
    ]
    await secretary.get(`${base}/paragrafer/1/omrostning`)
    const posted = await secretary.post(`${base}/paragrafer/1/omrostning/alla`, {
      'alla-fraga': 'Godkänna årsredovisningen',
      'alla-ja-for': 'bifall',
      'alla-nej-for': 'avslag',
      'alla-alla': 'yes',
      ...Object.fromEntries(voters().map((v) => [`alla-undantag-${v.id}`, ''])),
      [`alla-undantag-${no1.id}`]: 'no',
      [`alla-undantag-${no2.id}`]: 'no',
      [`alla-undantag-${no3.id}`]: 'no',
      [`alla-undantag-${abs1.id}`]: 'abstain',
      [`alla-undantag-${abs2.id}`]: 'abstain',
    })
    assert.equal(posted.statusCode, 303)
    const { vote, ballots } = await storedBallots(1)
    assert.deepEqual([vote.kind, vote.yes, vote.no, vote.abstain, vote.outcome], ['open', 56, 3, 2, 'yes'])
    assert.equal(vote.ballots.length, 61)
    for (const v of voters()) {
      const expected: BallotChoice = [no1, no2, no3].includes(v)
        ? 'no'
        : [abs1, abs2].includes(v)
          ? 'abstain'
          : 'yes'
      assert.equal(ballots.get(v.id)?.choice, expected, v.name)
      assert.equal(ballots.get(v.id)?.partyId, partyIds.get(council.partyOf.get(v.id)!), `party of ${v.name}`)
    }
    // The § shows it at once, as the minutes will print it.
    assert.match(text((await secretary.get(`${base}/paragrafer/1`)).body), /Godkänna årsredovisningen/)
  })

  it('records a vote by party group, each member as their group unless named otherwise', async () => {
    const groups: Record<string, BallotChoice> = {
      S: 'no',
      M: 'yes',
      SD: 'yes',
      V: 'no',
      C: 'yes',
      L: 'yes',
      KD: 'yes',
      MP: 'abstain',
    }
    const rebelS = council.members[7]!
    const rebelM = council.members[25]!
    await secretary.get(`${base}/paragrafer/2/omrostning`)
    const posted = await secretary.post(`${base}/paragrafer/2/omrostning/grupper`, {
      'grupper-fraga': 'Bifall till motionen',
      'grupper-ja-for': 'bifall till motionen',
      'grupper-nej-for': 'avslag på motionen',
      ...Object.fromEntries(
        Object.entries(groups).map(([party, c]) => [`grupper-grupp-${partyIds.get(party)}`, c]),
      ),
      [`grupper-undantag-${rebelS.id}`]: 'yes',
      [`grupper-undantag-${rebelM.id}`]: 'abstain',
    })
    assert.equal(posted.statusCode, 303)
    const { vote, ballots } = await storedBallots(2)
    let counts = { yes: 0, no: 0, abstain: 0 }
    for (const v of voters()) {
      const expected = v === rebelS ? 'yes' : v === rebelM ? 'abstain' : groups[council.partyOf.get(v.id)!]!
      counts = { ...counts, [expected]: counts[expected] + 1 }
      assert.equal(ballots.get(v.id)?.choice, expected, v.name)
    }
    assert.equal(vote.ballots.length, 61)
    assert.deepEqual([vote.yes, vote.no, vote.abstain], [counts.yes, counts.no, counts.abstain])
  })

  it('refuses a vote by group that leaves a group out, beside that group, and records nothing', async () => {
    const before = (await listVotes(getDb(), [await sectionId(2)])).length
    await secretary.get(`${base}/paragrafer/2/omrostning`)
    const kd = partyIds.get('KD')!
    const refused = await secretary.post(`${base}/paragrafer/2/omrostning/grupper`, {
      'grupper-fraga': 'Återremiss',
      ...Object.fromEntries(
        [...partyIds].filter(([p]) => p !== 'KD').map(([, id]) => [`grupper-grupp-${id}`, 'yes']),
      ),
    })
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /Ange hur partigruppen röstade: ja, nej eller avstår/)
    assert.match(refused.body, new RegExp(`<a href="#falt-grupper-grupp-${kd}">`))
    assert.match(
      refused.body,
      new RegExp(
        `id="falt-grupper-grupp-${kd}" name="grupper-grupp-${kd}" value="yes" aria-describedby="falt-grupper-grupp-${kd}-fel"`,
      ),
    )
    // What was chosen is kept.
    assert.match(refused.body, /name="grupper-fraga" (?:[^>]*)value="Återremiss"/)
    assert.equal((await listVotes(getDb(), [await sectionId(2)])).length, before)
  })

  it('leaves out a member with jäv and refuses a ballot for them (KL 6:28)', async () => {
    const recused = council.members[30]!
    await secretary.get(`${base}/paragrafer/3`)
    assert.equal(
      (await secretary.post(`${base}/paragrafer/3/jav`, { personId: String(recused.id), reason: 'Anhörig' }))
        .statusCode,
      303,
    )
    const page = await secretary.get(`${base}/paragrafer/3/omrostning`)
    assert.match(
      text(page.body),
      /60 ledamöter och tjänstgörande ersättare röstar vid § 3; [^;]+ har anmält jäv/,
    )
    const refused = await secretary.post(`${base}/paragrafer/3/omrostning/alla`, {
      'alla-fraga': 'Bifall',
      'alla-alla': 'yes',
      [`alla-undantag-${recused.id}`]: 'no',
    })
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /Den som har anmält jäv får inte delta i ärendet/)
  })

  it('records a secret election by its counts only, and refuses more ballots than voters', async () => {
    await secretary.get(`${base}/paragrafer/3/omrostning`)
    const tooMany = await secretary.post(`${base}/paragrafer/3/omrostning/sluten`, {
      'sluten-slag': 'election',
      'sluten-fraga': 'Val av revisor',
      'sluten-ja-for': 'Karin Revisor',
      'sluten-antal-ja': '40',
      'sluten-nej-for': 'Olle Granskare',
      'sluten-antal-nej': '25',
    })
    assert.equal(tooMany.statusCode, 400)
    assert.match(text(tooMany.body), /Fler röster än ledamöter som röstar vid paragrafen/)
    assert.match(tooMany.body, /<a href="#falt-sluten-antal-ja">/)
    assert.match(tooMany.body, /aria-invalid="true" aria-describedby="falt-sluten-antal-ja-fel"/)
    const posted = await secretary.post(`${base}/paragrafer/3/omrostning/sluten`, {
      'sluten-slag': 'election',
      'sluten-fraga': 'Val av revisor',
      'sluten-ja-for': 'Karin Revisor',
      'sluten-antal-ja': '33',
      'sluten-nej-for': 'Olle Granskare',
      'sluten-antal-nej': '25',
      'sluten-antal-blanka': '2',
    })
    assert.equal(posted.statusCode, 303)
    const { vote } = await storedBallots(3)
    assert.deepEqual(
      [
        vote.kind,
        vote.yesMeans,
        vote.noMeans,
        vote.yes,
        vote.no,
        vote.abstain,
        vote.outcome,
        vote.ballots.length,
      ],
      ['election', 'Karin Revisor', 'Olle Granskare', 33, 25, 2, 'yes', 0],
    )
  })

  it('records a secret election between more than two candidates, the lot deciding a tie for the most (KL 5:55–56)', async () => {
    const page = await secretary.get(`${base}/paragrafer/3/omrostning`)
    assert.match(page.body, /<form method="post" action="[^"]*\/omrostning\/val"/)
    const election = {
      'val-slag': 'election',
      'val-fraga': 'Val av ordförande i revisionen',
      'val-kandidat-1': 'Karin Revisor',
      'val-antal-1': '20',
      'val-kandidat-2': 'Olle Granskare',
      'val-antal-2': '20',
      'val-kandidat-3': 'Lisa Lund',
      'val-antal-3': '15',
      'val-kandidat-4': 'Per Persson',
      'val-antal-4': '3',
      'val-antal-blanka': '2',
    }
    const before = (await listVotes(getDb(), [await sectionId(3)])).length
    const tied = await secretary.post(`${base}/paragrafer/3/omrostning/val`, election)
    assert.equal(tied.statusCode, 400)
    assert.match(text(tied.body), /Lika röstetal vid val eller anställning: ange lottens utfall/)
    assert.match(tied.body, /<a href="#falt-val-lott">/)
    const notTied = await secretary.post(`${base}/paragrafer/3/omrostning/val`, {
      ...election,
      'val-lott': '3',
    })
    assert.equal(notTied.statusCode, 400)
    assert.match(text(notTied.body), /Lotten dras mellan de kandidater som fick flest och lika många röster/)
    const tooMany = await secretary.post(`${base}/paragrafer/3/omrostning/val`, {
      ...election,
      'val-antal-blanka': '5',
      'val-lott': '2',
    })
    assert.equal(tooMany.statusCode, 400)
    assert.match(text(tooMany.body), /Fler röster än ledamöter som röstar vid paragrafen/)
    assert.equal((await listVotes(getDb(), [await sectionId(3)])).length, before, 'nothing recorded')

    const posted = await secretary.post(`${base}/paragrafer/3/omrostning/val`, {
      ...election,
      'val-lott': '2',
    })
    assert.equal(posted.statusCode, 303)
    const { vote } = await storedBallots(3)
    assert.deepEqual(vote.candidates, [
      { name: 'Karin Revisor', votes: 20 },
      { name: 'Olle Granskare', votes: 20 },
      { name: 'Lisa Lund', votes: 15 },
      { name: 'Per Persson', votes: 3 },
    ])
    assert.deepEqual(
      [vote.kind, vote.yesMeans, vote.yes, vote.no, vote.abstain, vote.decidedBy, vote.ballots.length],
      ['election', 'Olle Granskare', 20, 38, 2, 'lot', 0],
    )
  })

  it('publishes the ballots entered, once signed off: document JSON and the votes CSV', async () => {
    const record = (await readMinutesRecord(getDb(), meeting.id))!
    await inTransaction(getDb(), (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: record.minutes.id,
        sectionNumbers: [1, 2, 3],
        signedOffOn: '2027-03-17',
        immediate: false,
        signatoryPersonIds: [council.members[0]!.id, council.members[1]!.id],
      }),
    )
    const stored = await listVotes(
      getDb(),
      record.sections.map((s) => s.section.id),
    )
    const name = new Map(voters().map((v) => [v.id, v.name]))
    const words = { yes: 'ja', no: 'nej', abstain: 'avstår' }
    const json = await app.inject(`/committees/${council.committee.slug}/${meeting.slug}/protokoll.json`)
    assert.equal(json.statusCode, 200)
    const published = (json.json() as { items: Array<{ votes?: Array<Record<string, unknown>> }> }).items
    const votes = published.flatMap((s) => s.votes ?? [])
    assert.equal(votes.length, stored.length)
    for (const [i, vote] of stored.entries()) {
      const shown = votes[i] as {
        yes: number
        no: number
        abstain: number
        ballots?: Array<Record<string, string>>
      }
      assert.deepEqual([shown.yes, shown.no, shown.abstain], [vote.yes, vote.no, vote.abstain])
      assert.deepEqual(
        (shown.ballots ?? []).map((b) => [b.name, b.party, b.vote]),
        vote.ballots.map((b) => [name.get(b.personId), council.partyOf.get(b.personId), words[b.choice]]),
      )
    }
    // The election between candidates: each one's votes, the blank ballots and who was elected.
    assert.deepEqual(
      votes.filter((v) => v.candidates).map((v) => [v.candidates, v.blank, v.elected]),
      [
        [
          [
            { name: 'Karin Revisor', votes: 20 },
            { name: 'Olle Granskare', votes: 20 },
            { name: 'Lisa Lund', votes: 15 },
            { name: 'Per Persson', votes: 3 },
          ],
          2,
          'Olle Granskare',
        ],
      ],
    )
    const minutesPage = text((await app.inject(paths.minutes(council.committee.slug, meeting.slug))).body)
    assert.match(
      minutesPage,
      /Kandidater: Karin Revisor 20 röster, Olle Granskare 20 röster, Lisa Lund 15 röster, Per Persson 3 röster\./,
    )
    assert.match(
      minutesPage,
      /Resultat: Olle Granskare är vald med 20 röster; 2 blanka röster\. Lotten avgjorde\./,
    )
    const csv = await app.inject(`/committees/${council.committee.slug}/omrostningar.csv`)
    assert.equal(csv.statusCode, 200)
    // One row per ballot of the two open votes (person, party, röst); the secret election has one
    // row with its counts and no person. No text of this council holds a comma, so split is enough.
    const [header, ...rows] = csv.body
      .trim()
      .split('\r\n')
      .map((line) => line.split(','))
    const at = (column: string) => header!.indexOf(column)
    const shownBallots = rows
      .filter((r) => r[at('person')])
      .map((r) => [r[at('person')], r[at('parti')], r[at('röst')]].join(' '))
      .sort()
    const storedBallots = stored
      .flatMap((v) => v.ballots)
      .map((b) => [name.get(b.personId), council.partyOf.get(b.personId), words[b.choice]].join(' '))
      .sort()
    assert.equal(storedBallots.length, 122)
    assert.deepEqual(shownBallots, storedBallots)
    // The signed-off § offers no vote forms any more; a post is refused as the signed-off walk shows.
    const locked = await secretary.get(`${base}/paragrafer/1/omrostning`)
    assert.match(text(locked.body), /§ 1 är justerad: inga omröstningar kan antecknas längre/)
    assert.doesNotMatch(locked.body, /omrostning\/(alla|grupper|sluten|val)/)
  })
})
