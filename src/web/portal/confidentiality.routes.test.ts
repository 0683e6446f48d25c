import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { addTestSection, createTestCommittee, createTestMinutes } from '../../../test/support/factories.ts'
import { addVotedMeeting, secret, type VotedMeeting } from '../../../test/support/portal-data.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { createApp } from '../app.ts'
import { paths } from '../paths.ts'

// P2 and TF 2:10: a confidential agenda item or § (with its motions, votes, dissents and
// statements) and a § not yet signed off must never reach any public address.
describeOnEachDatabase('no confidential or unsigned content on any public route', (getDb) => {
  let app: FastifyInstance
  let voted: VotedMeeting
  const unsigned = 'OJUSTERAT-KQW-4410'
  let draft: { committeeSlug: string; meetingSlug: string }
  before(async () => {
    voted = await addVotedMeeting(getDb())
    const committee = await createTestCommittee(getDb(), { name: 'Utkastnämnden' })
    const { meeting, minutes } = await createTestMinutes(getDb(), committee, { meetsOn: '2023-03-16' })
    await addTestSection(getDb(), minutes, { title: `Ärende ${unsigned}`, decision: [`Beslut ${unsigned}`] })
    draft = { committeeSlug: committee.slug, meetingSlug: meeting.slug }
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2023-04-01T10:00:00Z') })
  })
  after(() => app.close())

  const routes = () => [
    paths.start(),
    paths.committee(voted.committeeSlug),
    paths.meeting(voted.committeeSlug, voted.meetingSlug),
    paths.minutes(voted.committeeSlug, voted.meetingSlug),
    paths.meeting(draft.committeeSlug, draft.meetingSlug),
    paths.minutes(draft.committeeSlug, draft.meetingSlug),
    // The same agenda and minutes as open data (document JSON).
    paths.agendaJson(voted.committeeSlug, voted.meetingSlug),
    paths.minutesJson(voted.committeeSlug, voted.meetingSlug),
    paths.agendaJson(draft.committeeSlug, draft.meetingSlug),
    paths.minutesJson(draft.committeeSlug, draft.meetingSlug),
    // The printable extract: the public § 1, the confidential § 2 (404, never its marker), an unsigned §.
    paths.extract(voted.committeeSlug, voted.meetingSlug, 1),
    paths.extract(voted.committeeSlug, voted.meetingSlug, 2),
    paths.extract(draft.committeeSlug, draft.meetingSlug, 1),
    paths.noticeBoard(),
    paths.noticeArchive(),
    paths.matter(voted.registryNumber),
    paths.matter(voted.secretRegistryNumber),
    ...voted.members.map((m) => paths.person(m.slug)),
    paths.party('S'),
    paths.party('M'),
    paths.calendar(),
    paths.committeeCalendar(voted.committeeSlug),
    paths.committeeCalendar(draft.committeeSlug),
    paths.agendaFeed(),
    paths.minutesFeed(),
    paths.noticeBoardFeed(),
    paths.committeeFeed(voted.committeeSlug),
    paths.committeeFeed(draft.committeeSlug),
    paths.matterFeed(voted.registryNumber),
    paths.matterFeed(voted.secretRegistryNumber),
    // The search box repeats the words asked for, so ask for words of the confidential title, not the marker.
    paths.search({ q: 'placering barn' }),
    paths.searchFeed({ q: 'placering barn' }),
    paths.search({ q: 'bidrag' }),
    paths.searchFeed({ q: 'bidrag' }),
    paths.accessibility(),
    paths.privacy(),
  ]

  it('shows the public parts of the same meeting (so the check below is not vacuous)', async () => {
    const minutes = (await app.inject(paths.minutes(voted.committeeSlug, voted.meetingSlug))).body
    assert.match(minutes, /Bidrag till studieförbund 2023/)
    assert.match(minutes, /Ärende som omfattas av sekretess/)
    const json = (await app.inject(paths.minutesJson(voted.committeeSlug, voted.meetingSlug))).body
    assert.match(json, /Bidrag till studieförbund 2023/)
    assert.match(json, /Ärende som omfattas av sekretess/)
    const person = (await app.inject(paths.person('bertil-motsson'))).body
    assert.match(person, /Röster i omröstningar \(1\)/)
    assert.match(person, /Yrkanden \(1\)/)
    assert.match(person, /Reservationer \(1\)/)
    const party = (await app.inject(paths.party('S'))).body
    assert.match(party, /Röster i omröstningar \(2\)/)
    assert.match(party, /Särskilda uttalanden och protokollsanteckningar \(1\)/)
  })

  it('never shows the confidential item, the confidential § or an unsigned § anywhere', async () => {
    for (const url of routes()) {
      const response = await app.inject(url)
      assert.ok([200, 404].includes(response.statusCode), `${url} answered ${response.statusCode}`)
      // Long lines in iCal are folded; unfold before looking.
      const body = response.body.replace(/\r?\n[ \t]/g, '')
      assert.ok(!body.includes(secret), `${url} shows the confidential text`)
      assert.ok(!body.includes('Placering av barn'), `${url} shows the confidential title`)
      assert.ok(!body.includes(unsigned), `${url} shows an unsigned §`)
    }
  })

  it('finds nothing when searching for the confidential text itself', async () => {
    assert.match((await app.inject(paths.search({ q: secret }))).body, /Inga träffar/)
    assert.doesNotMatch((await app.inject(paths.searchFeed({ q: secret }))).body, /<entry>/)
  })

  it('has no extract of the confidential § or of an unsigned §', async () => {
    assert.equal((await app.inject(paths.extract(voted.committeeSlug, voted.meetingSlug, 1))).statusCode, 200)
    for (const url of [
      paths.extract(voted.committeeSlug, voted.meetingSlug, 2),
      paths.extract(draft.committeeSlug, draft.meetingSlug, 1),
    ]) {
      const response = await app.inject(url)
      assert.equal(response.statusCode, 404, url)
      assert.ok(!response.body.includes('Ärende som omfattas av sekretess'), `${url} shows the marker`)
    }
  })

  it('treats a registry number seen only on confidential items as unknown', async () => {
    assert.equal((await app.inject(paths.matter(voted.secretRegistryNumber))).statusCode, 404)
    assert.equal((await app.inject(paths.matterFeed(voted.secretRegistryNumber))).statusCode, 404)
  })
})
