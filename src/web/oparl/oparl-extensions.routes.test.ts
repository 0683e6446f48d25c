import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { addVotedMeeting, secret, type VotedMeeting } from '../../../test/support/portal-data.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { createApp } from '../app.ts'

const publicUrl = 'https://paragraf.example'
const api = `${publicUrl}/oparl/v1`

type Json = Record<string, unknown>
interface Reference {
  person?: string
  name: string
  party?: string
}
interface Decision {
  section: string
  signedOffOn: string
  outcome: string
  decision: string[]
  decisionProcedure?: string
  motions?: Array<{ by: Reference[]; kind?: string; text: string }>
  votes?: Array<{
    question: string
    yes: number
    no: number
    abstain: number
    outcome: string
    decidedBy: string
    ballots?: Array<Reference & { choice: string }>
  }>
  dissents?: Array<{ by: Reference[]; text?: string }>
  statements?: Array<{ kind: string; by: Reference[]; text?: string }>
  recusals?: Array<Reference & { reason?: string }>
  serving?: Array<Reference & { servingFor?: Reference }>
  lastAppealDay?: string
  finality: string
  finalSince?: string
}
type AgendaItemJson = Json & { id: string; name: string; 'paragraf:decision'?: Decision }
type MeetingJson = Json & {
  id: string
  web: string
  agendaItem: AgendaItemJson[]
  'paragraf:attendance'?: Array<Reference & { role: string; present: boolean; servingFor?: Reference }>
}

// The Paragraf extensions (docs/oparl.md): the public record of each § and the roll call, as the
// portal's minutes page shows them, and nothing of a confidential §.
describeOnEachDatabase('the OParl paragraf: extensions', (getDb) => {
  let app: FastifyInstance
  let voted: VotedMeeting
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    voted = await addVotedMeeting(getDb())
    app = await createApp({
      db: getDb(),
      logLevel: 'silent',
      now: () => new Date('2024-03-11T10:00:00Z'),
      publicUrl,
    })
  })
  after(() => app.close())

  const getJson = async (url: string) => {
    const response = await app.inject(url.replace(publicUrl, ''))
    assert.equal(response.statusCode, 200, url)
    return { text: response.body, body: JSON.parse(response.body) as Json }
  }
  /** A meeting found by its portal address, through the bodies' meeting lists. */
  const findMeeting = async (committeeSlug: string, meetingSlug: string) => {
    const { body: bodies } = await getJson(`${api}/body`)
    for (const body of bodies.data as Array<{ meeting: string }>) {
      let url: string | undefined = `${body.meeting}?limit=100`
      while (url) {
        const { body: page } = await getJson(url)
        const found = (page.data as MeetingJson[]).find((m) =>
          m.web.endsWith(`/committees/${committeeSlug}/${meetingSlug}`),
        )
        if (found) return found
        url = (page.links as { next?: string }).next
      }
    }
    assert.fail(`no meeting ${committeeSlug}/${meetingSlug}`)
  }

  it('shows every ballot, the motion, the dissent and the statement of the voted §', async () => {
    const meeting = await findMeeting(voted.committeeSlug, voted.meetingSlug)
    const item = meeting.agendaItem.find((i) => i.name === 'Bidrag till studieförbund 2023')
    const decision = item?.['paragraf:decision']
    assert.ok(decision, 'the public, signed-off § has the extension')
    assert.equal(decision.section, '§ 1')
    assert.equal(decision.signedOffOn, '2023-03-20')
    assert.equal(decision.outcome, 'decided')
    assert.deepEqual(decision.decision, ['Kulturnämnden fördelar bidragen enligt förvaltningens förslag.'])
    assert.match(decision.decisionProcedure ?? '', /ställer proposition/)
    assert.equal(decision.motions?.[0]?.kind, 'reject')
    assert.equal(decision.motions?.[0]?.by[0]?.name, 'Bertil Motsson')
    const [vote] = decision.votes ?? []
    assert.ok(vote)
    assert.deepEqual([vote.yes, vote.no, vote.abstain, vote.outcome], [2, 1, 0, 'yes'])
    assert.deepEqual((vote.ballots ?? []).map((b) => [b.name, b.party, b.choice]).sort(), [
      ['Astrid Röstberg', 'S', 'yes'],
      ['Bertil Motsson', 'M', 'no'],
      ['Cecilia Jävsdotter', 'S', 'yes'],
    ])
    // Every voter sits on the committee, so each is an OParl Person the client can follow.
    for (const ballot of vote.ballots ?? []) {
      assert.match(ballot.person ?? '', /^https:\/\/paragraf\.example\/oparl\/v1\/person\/\d+$/)
      const { body: person } = await getJson(ballot.person as string)
      assert.equal(person.name, ballot.name)
    }
    assert.deepEqual(
      decision.dissents?.[0]?.by.map((b) => [b.name, b.party]),
      [['Bertil Motsson', 'M']],
    )
    assert.equal(decision.dissents?.[0]?.text, 'Bidragen borde gå till fler förbund.')
    assert.equal(decision.statements?.[0]?.kind, 'protokollsanteckning')
    assert.equal(decision.statements?.[0]?.by[0]?.name, 'Cecilia Jävsdotter')
    assert.equal(decision.serving?.length, 3)
    // Announced 2023-03-20: the notice's last appeal day (KL 13:5); none came, so final the day after.
    assert.equal(decision.lastAppealDay, '2023-04-11')
    assert.equal(decision.finality, 'final')
    assert.equal(decision.finalSince, '2023-04-12')

    const third = meeting.agendaItem.find((i) => i.name === 'Hyresavtal för ateljéer')?.['paragraf:decision']
    assert.ok(third)
    assert.deepEqual(
      third.recusals?.map((r) => [r.name, r.party, r.reason]),
      [['Cecilia Jävsdotter', 'S', 'Styrelseledamot i hyresvärden']],
    )
    assert.deepEqual(third.serving?.map((s) => s.name).sort(), ['Astrid Röstberg', 'Bertil Motsson'])
  })

  it('gives the confidential § no extension and shows its marker nowhere', async () => {
    const meeting = await findMeeting(voted.committeeSlug, voted.meetingSlug)
    const { text } = await getJson(meeting.id)
    assert.ok(!text.includes(secret), 'the meeting leaks the secret marker')
    const secretItem = meeting.agendaItem.find((i) => i.public === false)
    assert.ok(secretItem)
    assert.equal(secretItem['paragraf:decision'], undefined)
    const { text: itemText, body: item } = await getJson(secretItem.id)
    assert.equal(item['paragraf:decision'], undefined)
    assert.ok(!itemText.includes(secret))
    // Two public §§ of three carry the extension; the roll call is there once any § is public.
    assert.equal(meeting.agendaItem.filter((i) => i['paragraf:decision']).length, 2)
    assert.equal(meeting['paragraf:attendance']?.length, 3)
  })

  it('shows the roll call of seed 002 with Emil Adén serving for Alexander Ojanne', async () => {
    const meeting = await findMeeting('socialnamnden', 'mote-2022-12-14')
    const attendance = meeting['paragraf:attendance'] ?? []
    assert.ok(attendance.length > 5)
    const emil = attendance.find((a) => a.name === 'Emil Adén')
    assert.ok(emil, 'Emil Adén is on the roll call')
    assert.equal(emil.role, 'substitute')
    assert.equal(emil.present, true)
    assert.equal(emil.servingFor?.name, 'Alexander Ojanne')
    for (const a of attendance)
      if (a.person) assert.match(a.person, /^https:\/\/paragraf\.example\/oparl\/v1\/person\/\d+$/)
  })

  it('gives no extension to a meeting or item whose minutes are not signed off', async () => {
    const { body: bodies } = await getJson(`${api}/body`)
    const meetings: MeetingJson[] = []
    for (const body of bodies.data as Array<{ meeting: string }>) {
      const { body: page } = await getJson(`${body.meeting}?limit=100`)
      meetings.push(...(page.data as MeetingJson[]))
    }
    const unsigned = meetings.filter((m) => m.agendaItem.every((i) => i.result === undefined))
    assert.ok(unsigned.length > 0)
    for (const m of unsigned) {
      assert.equal(m['paragraf:attendance'], undefined, m.id)
      for (const i of m.agendaItem) assert.equal(i['paragraf:decision'], undefined, i.id)
    }
  })
})
