import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import {
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { addVotedMeeting, secret, type VotedMeeting } from '../../../test/support/portal-data.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { csvCell, csvDocument } from '../../domain/publication/vote-table.ts'
import { recordSignOff } from '../../domain/sign-off/sign-off.service.ts'
import { recordVote } from '../../domain/vote/vote.service.ts'
import { createApp } from '../app.ts'
import { paths } from '../paths.ts'

/** RFC 4180 read back: quoted cells with doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  return rows
}

describe('CSV cells', () => {
  it('quotes as RFC 4180 says and guards against formulas', () => {
    assert.equal(csvCell('a,b'), '"a,b"')
    assert.equal(csvCell('säger "ja"'), '"säger ""ja"""')
    assert.equal(csvCell('rad\nrad'), '"rad\nrad"')
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`)
    assert.equal(csvCell('+46'), "'+46")
    assert.equal(csvCell('-1'), "'-1")
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)")
    assert.equal(csvCell(-1), '-1', 'a number is a number')
    assert.equal(csvCell(null), '')
    assert.equal(csvDocument([['a', 'b']]), '\uFEFFa,b\r\n')
  })
})

describeOnEachDatabase('votes as CSV (omrostningar.csv)', (getDb) => {
  let app: FastifyInstance
  let voted: VotedMeeting
  const unsignedQuestion = `Osignerad omröstning ${Date.now()}`
  const formulaQuestion = '=HYPERLINK("http://x";"bifall")'
  let countsCommittee: string
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    voted = await addVotedMeeting(getDb())
    // Votes by counts only: § 1 signed off, its question written like a formula; § 2 not yet
    // signed off, so not public (TF 2:10).
    const committee = await createTestCommittee(getDb())
    countsCommittee = committee.slug
    const { minutes } = await createTestMinutes(getDb(), committee, { meetsOn: '2023-05-10' })
    for (const question of [formulaQuestion, unsignedQuestion]) {
      const section = await addTestSection(getDb(), minutes)
      await inTransaction(getDb(), (trx) =>
        recordVote(trx, testActor, {
          sectionId: section.id,
          kind: 'open',
          question,
          counts: { yes: 5, no: 4, abstain: 0 },
        }),
      )
    }
    await inTransaction(getDb(), (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1],
        signedOffOn: '2023-05-12',
        immediate: false,
        signatoryPersonIds: [],
      }),
    )
    app = await createApp({ db: getDb(), logLevel: 'silent', publicUrl: 'https://paragraf.example' })
  })
  after(() => app.close())

  async function table(url: string) {
    const response = await app.inject(url)
    assert.equal(response.statusCode, 200, url)
    assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8')
    assert.match(
      String(response.headers['content-disposition']),
      /^attachment; filename="omrostningar-.+\.csv"$/,
    )
    assert.ok(response.body.startsWith('\uFEFF'), 'a byte order mark for Excel')
    const [header, ...rows] = parseCsv(response.body.slice(1))
    assert.ok(header)
    assert.equal(
      header.join(','),
      'datum,nämnd,sammanträde,paragraf,ärende,rubrik,omröstning,proposition,ja-förslag,utfall,ja,nej,avstår,person,parti,röst,länk',
    )
    return {
      body: response.body,
      rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))),
    }
  }

  it('has no rows for the demo minutes of 2022-12-14, which record no vote', async () => {
    const { rows } = await table(`${paths.committeeVotes('socialnamnden')}?ar=2022`)
    const votes = await getDb()
      .selectFrom('vote')
      .innerJoin('section', 'section.id', 'vote.section_id')
      .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
      .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
      .select('vote.id')
      .where('meeting.slug', '=', 'mote-2022-12-14')
      .execute()
    assert.equal(votes.length, 0, 'the Stockholm minutes imported by the demo hold no vote')
    assert.deepEqual(rows, [])
  })

  it('gives a vote by counts one row without a person, its formula-like text guarded', async () => {
    const { body, rows } = await table(paths.committeeVotes(countsCommittee))
    assert.deepEqual(
      rows.map((r) => [
        r.datum,
        r.paragraf,
        r.omröstning,
        r.proposition,
        r.ja,
        r.nej,
        r.avstår,
        r.person,
        r.röst,
      ]),
      [['2023-05-10', '1', '1', `'${formulaQuestion}`, '5', '4', '0', '', '']],
    )
    assert.ok(body.includes(`"'=HYPERLINK(""http://x"";""bifall"")"`))
    assert.ok(!body.includes(unsignedQuestion), 'the § not signed off is left out')
  })

  it('keeps one year with ?ar=', async () => {
    assert.equal((await table(`${paths.committeeVotes(voted.committeeSlug)}?ar=2023`)).rows.length, 3)
    assert.deepEqual((await table(`${paths.committeeVotes(voted.committeeSlug)}?ar=2022`)).rows, [])
  })

  it('shows the open vote of a signed-off § and neither a confidential § nor an unsigned one', async () => {
    const { body, rows } = await table(paths.committeeVotes(voted.committeeSlug))
    assert.deepEqual(
      rows.map((r) => [
        r.paragraf,
        r.ärende,
        r.proposition,
        r['ja-förslag'],
        r.utfall,
        r.ja,
        r.nej,
        r.person,
        r.parti,
        r.röst,
      ]),
      [
        [
          '1',
          voted.registryNumber,
          'Bifall till förvaltningens förslag eller avslag?',
          'förvaltningens förslag',
          'ja',
          '2',
          '1',
          'Astrid Röstberg',
          'S',
          'ja',
        ],
        [
          '1',
          voted.registryNumber,
          'Bifall till förvaltningens förslag eller avslag?',
          'förvaltningens förslag',
          'ja',
          '2',
          '1',
          'Bertil Motsson',
          'M',
          'nej',
        ],
        [
          '1',
          voted.registryNumber,
          'Bifall till förvaltningens förslag eller avslag?',
          'förvaltningens förslag',
          'ja',
          '2',
          '1',
          'Cecilia Jävsdotter',
          'S',
          'ja',
        ],
      ],
    )
    assert.ok(!body.includes(secret), 'nothing of the confidential §')
    const all = [
      ...(await table(paths.committeeVotes('socialnamnden'))).rows,
      ...(await table(paths.partyVotes('S'))).rows,
    ]
    assert.ok(all.every((r) => r.proposition !== unsignedQuestion))
  })

  it('gives a person their own ballots and a party its members’ ballots', async () => {
    const astrid = voted.members.find((m) => m.name === 'Astrid Röstberg')
    assert.ok(astrid)
    const { rows } = await table(paths.personVotes(astrid.slug))
    assert.deepEqual(
      rows.map((r) => [r.person, r.röst]),
      [['Astrid Röstberg', 'ja']],
    )
    // The party of an abbreviation is the first organisation's (the demo's S), as on the party page.
    const party = await table(paths.partyVotes('S'))
    assert.ok(party.rows.every((r) => r.parti === 'S'))
    assert.equal((await app.inject(paths.personVotes('ingen-sadan-person'))).statusCode, 404)
  })

  it('is linked from the committee, person and party pages', async () => {
    const astrid = voted.members.find((m) => m.name === 'Astrid Röstberg')
    assert.ok(astrid)
    for (const [page, link] of [
      [paths.committee(voted.committeeSlug), paths.committeeVotes(voted.committeeSlug)],
      [paths.person(astrid.slug), paths.personVotes(astrid.slug)],
      [paths.party('S'), paths.partyVotes('S')],
    ] as const) {
      const response = await app.inject(page)
      assert.equal(response.statusCode, 200, page)
      assert.ok(response.body.includes(`href="${link}"`), `${page} links ${link}`)
    }
  })
})
