import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import {
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  testActor,
  unique,
} from '../../../test/support/factories.ts'
import {
  anyIdentityNumber,
  protocolWithIdentityNumbers,
  testIdentityNumber,
} from '../../../test/support/identity-number-protocol.ts'
import { type OpenApiCheck, openApiCheck } from '../../../test/support/openapi-check.ts'
import { addVotedMeeting, secret, type VotedMeeting } from '../../../test/support/portal-data.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { importDocument } from '../../import/import-document.ts'
import { createApp } from '../app.ts'

// P2, P3 and TF 2:10 on the API: a confidential agenda item or § (with its motions, votes, ballots,
// dissents and statements) shows only its number and a neutral title, a § not yet signed off is not
// there at all, and a personnummer left in an imported protocol is masked, on every address an app
// can reach from /api/v1 and on searches for the secret words.
describeOnEachDatabase('no confidential, unsigned or identity-number content in /api/v1', (getDb) => {
  let app: FastifyInstance
  let check: OpenApiCheck
  let voted: VotedMeeting
  const unsigned = 'OJUSTERAT-KQW-4410'
  let draft: { committeeSlug: string; meetingSlug: string }
  before(async () => {
    voted = await addVotedMeeting(getDb())
    const committee = await createTestCommittee(getDb(), { name: 'Utkastnämnden' })
    const { meeting, minutes } = await createTestMinutes(getDb(), committee, { meetsOn: '2023-03-16' })
    await addTestSection(getDb(), minutes, { title: `Ärende ${unsigned}`, decision: [`Beslut ${unsigned}`] })
    draft = { committeeSlug: committee.slug, meetingSlug: meeting.slug }
    await importDocument(
      getDb(),
      testActor,
      protocolWithIdentityNumbers('Byggnadsnämnden', [
        {
          section: 14,
          title: `Bygglov för enbostadshus, sökande ${testIdentityNumber}`,
          registryNumbers: ['BN 2024/77'],
          decision: ['Bygglov beviljas.', `Avgiften tas ut av ${testIdentityNumber}.`],
          dissents: [
            { by: [{ party: 'M' }], text: `Vi reserverar oss: ${testIdentityNumber} borde ha nekats.` },
          ],
        },
      ]),
      { organisation: `Exempelby kommun ${unique()}` },
    )
    app = await createApp({
      db: getDb(),
      logLevel: 'silent',
      publicUrl: 'http://localhost',
      now: () => new Date('2024-04-01T10:00:00Z'),
    })
    check = await openApiCheck(app)
  })
  after(() => app.close())

  async function get(url: string) {
    const response = await app.inject({ url, remoteAddress: '198.51.100.2' })
    check.assertValid(url, response)
    return response
  }

  const minutesOf = (m: { committeeSlug: string; meetingSlug: string }) =>
    `/api/v1/committees/${m.committeeSlug}/meetings/${m.meetingSlug}/minutes`

  it('shows the confidential § by its number and a neutral title only, and the public ones in full', async () => {
    const response = await get(minutesOf(voted))
    assert.equal(response.statusCode, 200)
    const items = response.json().items as Array<Record<string, unknown>>
    assert.deepEqual(
      items.map((i) => i.section),
      [1, 2, 3],
    )
    // Its number, the neutral title and the dates of its notice (when the appeal period ran out): nothing else.
    const { appealDeadline: _a, finalSince: _f, ...shown } = items[1] ?? {}
    assert.deepEqual(shown, {
      number: '2',
      section: 2,
      title: 'Ärende som omfattas av sekretess',
      confidential: true,
    })
    assert.match(JSON.stringify(items[0]), /Bidrag till studieförbund 2023/)
    assert.equal((items[0]?.votes as unknown[] | undefined)?.length, 1, 'the public vote with its ballots')
  })

  it('has no minutes for a meeting whose §§ are not signed off', async () => {
    const response = await get(minutesOf(draft))
    assert.equal(response.statusCode, 404)
    assert.equal(response.json().error, 'not_found')
  })

  it('treats a registry number seen only on confidential items as unknown', async () => {
    const response = await get(`/api/v1/matters/${encodeURIComponent(voted.secretRegistryNumber)}`)
    assert.equal(response.statusCode, 404)
    assert.equal((await get(`/api/v1/matters/${encodeURIComponent(voted.registryNumber)}`)).statusCode, 200)
  })

  it('masks a personnummer in an imported protocol', async () => {
    const meetings = (await get('/api/v1/committees/byggnadsnamnden/meetings')).json()
    const minutes = await get(meetings.data[0].links.minutes)
    assert.equal(minutes.statusCode, 200)
    assert.match(minutes.body, /sökande \[personnummer borttaget\]/)
    assert.doesNotMatch(minutes.body, anyIdentityNumber)
  })

  it('never shows the secret texts, an unsigned § or a personnummer on any address reachable from /api/v1', async () => {
    const queue = [
      '/api/v1',
      `/api/v1/search?q=${encodeURIComponent('placering barn')}`,
      `/api/v1/search?q=${encodeURIComponent(secret)}`,
      `/api/v1/search?q=${encodeURIComponent(unsigned)}`,
      '/api/v1/search?q=bygglov',
      '/api/v1/search?q=bidrag',
      '/api/v1/notice-board/archive',
      `/api/v1/committees/${draft.committeeSlug}/meetings/${draft.meetingSlug}/agenda`,
    ]
    const seen = new Set<string>()
    while (queue.length > 0 && seen.size < 250) {
      const url = queue.shift() as string
      if (seen.has(url)) continue
      seen.add(url)
      const response = await get(url)
      assert.ok([200, 404].includes(response.statusCode), `${url} answered ${response.statusCode}`)
      // A search's own address repeats the words asked for: look at what it found, not at its links.
      const body = url.includes('/search?') ? JSON.stringify(response.json().data) : response.body
      assert.ok(!body.includes(secret), `${url} shows the confidential text`)
      assert.ok(!body.includes('Placering av barn'), `${url} shows the confidential title`)
      assert.ok(!body.includes(unsigned), `${url} shows an unsigned §`)
      assert.ok(!anyIdentityNumber.test(body), `${url} shows a personnummer`)
      for (const link of response.body.match(/"http:\/\/localhost\/api\/v1[^"]*"/g) ?? []) {
        const next = (JSON.parse(link) as string).replace('http://localhost', '')
        if (!next.includes('{') && !next.endsWith('/openapi.json')) queue.push(next)
      }
    }
    assert.ok(
      [...seen].some((u) => u === minutesOf(voted)),
      'the voted meeting was reached',
    )
    assert.ok(
      [...seen].some((u) => u.startsWith('/api/v1/people/bertil-motsson')),
      'a member was reached',
    )
  })

  it("keeps the confidential § out of a member's and a party's record", async () => {
    const person = (await get('/api/v1/people/bertil-motsson')).json()
    assert.equal(person.ballots.length, 1, 'only the public vote')
    assert.equal(person.motions.length, 1)
    assert.equal(person.dissents.length, 1)
    const party = (await get('/api/v1/parties/S')).json()
    assert.equal(party.ballots.length, 2)
    assert.ok(party.ballots.every((b: { section: { number: number } }) => b.section.number === 1))
  })
})
