import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  addTestMembers,
  createTestCommittee,
  createTestMeeting,
  testActor,
  unique,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { paths } from '../../web/paths.ts'
import { addAgendaItem, attachDocument, getAgenda } from '../agenda/agenda.service.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import { registerDocument } from '../document/document.service.ts'
import { listOutboxMailOfMeeting } from '../mail/mail.service.ts'
import { endMembership, listMemberships } from '../membership/membership.service.ts'
import { listNoticesOfMeetings } from '../notice-board/notice-board.reads.ts'
import { setPersonEmail } from '../person/person.service.ts'
import { readPublicMeeting } from '../publication/public-meeting.ts'
import type { DomainError } from '../shared/errors.ts'
import { meetingPageUrl } from './invitation-mail.ts'
import { cancelMeeting, getMeeting } from './meeting.service.ts'
import { isNoticeLate, lastDayToPublishNotice } from './notice-period.ts'
import { checkNoticeReadiness } from './notice-readiness.ts'
import { PersonalIdentityNumbersFoundError, publishNotice } from './publish-notice.ts'

const publicUrl = 'https://paragraf.example.se/'

describe('lastDayToPublishNotice', () => {
  for (const [meetsOn, days, lastDay] of [
    ['2023-02-08', 7, '2023-02-01'],
    ['2023-03-01', 7, '2023-02-22'],
    ['2024-03-05', 14, '2024-02-20'], // across 29 February
    ['2023-02-08', 0, '2023-02-08'],
  ] as const) {
    it(`gives ${lastDay} for a meeting on ${meetsOn} with ${days} days' notice`, () => {
      assert.equal(lastDayToPublishNotice(meetsOn, days), lastDay)
      assert.equal(isNoticeLate(meetsOn, days, lastDay), false)
      assert.equal(isNoticeLate(meetsOn, days, meetsOn), days > 0)
    })
  }
})

describe('meetingPageUrl', () => {
  it('is the public address of the meeting page (paths.meeting)', () => {
    assert.equal(
      meetingPageUrl(publicUrl, 'byggnadsnamnden', 'mote-2023-02-08'),
      `https://paragraf.example.se${paths.meeting('byggnadsnamnden', 'mote-2023-02-08')}`,
    )
  })
})

describeOnEachDatabase('publishNotice', (getDb) => {
  /**
   * Byggnadsnämnden (7 days' notice) meets 2023-02-08 at Stadshuset: two members and a substitute
   * with e-mail addresses, a member without one, and a former member whose seat ended before the
   * meeting. The agenda has a public item with an attachment and a confidential item.
   */
  const prepared = async () => {
    const committee = await createTestCommittee(getDb(), {
      name: `Byggnadsnämnden ${unique()}`,
      organisationSettings: { noticePeriodDays: 7 },
    })
    const [chair, member, withoutEmail] = await addTestMembers(getDb(), committee, 3)
    const [substitute] = await addTestMembers(getDb(), committee, 1, { role: 'substitute' })
    const [former] = await addTestMembers(getDb(), committee, 1)
    const seat = (await listMemberships(getDb(), committee.id)).find((m) => m.personId === former!.id)
    await endMembership(getDb(), testActor, seat!.id, '2023-01-31')
    const addressOf = new Map<number, string>()
    for (const person of [chair!, member!, substitute!, former!]) {
      const email = `${person.slug}@example.se`
      await inTransaction(getDb(), (trx) => setPersonEmail(trx, testActor, { personId: person.id, email }))
      addressOf.set(person.id, email)
    }
    const meeting = await createTestMeeting(getDb(), {
      committee,
      meetsOn: '2023-02-08',
      startTime: '09:00',
      endTime: '12:00',
      location: 'Stadshuset',
    })
    await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, number: '1', title: 'Val av justerare' }),
    )
    const plan = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: '2',
        title: 'Detaljplan för Kvarnholmen',
        summary: 'Dnr 2023/310. Planen prövas.',
      }),
    )
    const report = await inTransaction(getDb(), (trx) =>
      registerDocument(trx, testActor, {
        organisationId: committee.organisationId,
        title: 'Tjänsteutlåtande',
        kind: 'tjansteutlatande',
        extractedText: 'Stadsbyggnadskontoret föreslår\natt planen antas.',
      }),
    )
    await inTransaction(getDb(), (trx) =>
      attachDocument(trx, testActor, { agendaItemId: plan.id, documentId: report.id }),
    )
    const secret = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: '3',
        title: 'Föreläggande mot Karl Karlsson',
        summary: 'Karlsson, 811218-9876, har inte följt föreläggandet.',
        confidential: true,
        confidentialityGround: 'OSL 21:1',
      }),
    )
    const recipients = [chair!, member!, substitute!].map((p) => addressOf.get(p.id)).sort()
    return { committee, meeting, plan, report, secret, recipients, withoutEmail: withoutEmail! }
  }

  const unchanged = async (meetingId: number, version: number) => {
    const meeting = await getMeeting(getDb(), meetingId)
    assert.deepEqual([meeting.status, meeting.version, meeting.noticePublishedAt], ['planned', version, null])
    assert.deepEqual(await listNoticesOfMeetings(getDb(), [meetingId]), [])
    assert.deepEqual(await listOutboxMailOfMeeting(getDb(), meetingId), [])
  }

  it('publishes the agenda, posts the notice and writes one mail per member and substitute with an address', async () => {
    const { committee, meeting, recipients } = await prepared()
    const result = await publishNotice(getDb(), testActor, {
      meetingId: meeting.id,
      version: meeting.version,
      today: '2023-01-30',
      publicUrl,
    })
    assert.deepEqual(
      [result.meeting.status, result.meeting.version, result.late, result.invitationsQueued],
      ['notice_published', meeting.version + 1, false, 3],
    )
    assert.ok(result.meeting.noticePublishedAt)
    assert.deepEqual(
      (await listNoticesOfMeetings(getDb(), [meeting.id])).map((n) => [
        n.kind,
        n.postedOn,
        n.removedOn,
        n.title,
      ]),
      [
        [
          'meeting',
          '2023-01-30',
          '2023-02-09',
          `${committee.name} sammanträder 2023-02-08 kl. 09:00, Stadshuset`,
        ],
      ],
    )
    const shown = await readPublicMeeting(getDb(), committee.slug, meeting.slug)
    assert.deepEqual(
      shown?.agenda.map((e) => e.item.title),
      ['Val av justerare', 'Detaljplan för Kvarnholmen', 'Ärende som omfattas av sekretess'],
    )

    const mails = await listOutboxMailOfMeeting(getDb(), meeting.id)
    assert.deepEqual(mails.map((m) => m.to).sort(), recipients)
    const mail = mails[0]!
    assert.equal(mail.subject, `Kallelse: ${committee.name} 8 februari 2023`)
    assert.deepEqual([mail.sentAt, mail.attempts], [null, 0])
    for (const expected of [
      'Dag: onsdag 8 februari 2023',
      'Tid: kl. 09:00–12:00',
      'Plats: Stadshuset',
      '2. Detaljplan för Kvarnholmen',
      '3. Ärende som omfattas av sekretess',
      `https://paragraf.example.se/committees/${committee.slug}/${meeting.slug}`,
    ]) {
      assert.ok(mail.text.includes(expected), `the mail lacks "${expected}":\n${mail.text}`)
    }
    for (const secret of ['Karlsson', '811218-9876', 'OSL 21:1']) assert.ok(!mail.text.includes(secret))
    const events = await listAuditEvents(getDb(), 'meeting', meeting.id)
    assert.ok(events.some((e) => e.action === 'meeting.notice_published'))
  })

  it('tells beforehand what publishing would check: the last day, personal identity numbers, who has no address', async () => {
    const { meeting, withoutEmail } = await prepared()
    await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, number: '4', title: 'Om 811218-9876' }),
    )
    assert.deepEqual(await checkNoticeReadiness(getDb(), meeting.id, '2023-02-02'), {
      lastDayToPublish: '2023-02-01',
      late: true,
      findings: [
        {
          place: 'Punkt 4, rubrik, rad 1',
          agendaItemId: (await readAgendaIds(meeting.id)).at(-1),
          documentId: null,
          line: 1,
          column: 4,
        },
      ],
      withoutEmail: [withoutEmail.name],
      invitations: 3,
    })
    await unchanged(meeting.id, meeting.version)
  })

  const readAgendaIds = async (meetingId: number) =>
    (await getAgenda(getDb(), meetingId)).map((e) => e.item.id)

  it('accepts the last day of the notice period without a reason', async () => {
    const { meeting } = await prepared()
    const result = await publishNotice(getDb(), testActor, {
      meetingId: meeting.id,
      version: meeting.version,
      today: '2023-02-01',
      publicUrl,
    })
    assert.equal(result.late, false)
  })

  it('refuses a notice after the notice period without a reason, naming the last day; nothing changes', async () => {
    const { meeting } = await prepared()
    await assert.rejects(
      publishNotice(getDb(), testActor, {
        meetingId: meeting.id,
        version: meeting.version,
        today: '2023-02-02',
        publicUrl,
        late: { reason: '   ' },
      }),
      (error: DomainError) =>
        error.code === 'invalid_input' && error.field === 'lateReason' && /2023-02-01/.test(error.message),
    )
    await unchanged(meeting.id, meeting.version)
  })

  it('publishes late with a reason, kept in the audit log and shown on the notice and in the mail', async () => {
    const { meeting } = await prepared()
    const reason = 'Extra ärende om bostäder som inte kan vänta'
    const result = await publishNotice(getDb(), testActor, {
      meetingId: meeting.id,
      version: meeting.version,
      today: '2023-02-06',
      publicUrl,
      late: { reason: ` ${reason} ` },
    })
    assert.equal(result.late, true)
    assert.match(result.notice.title, new RegExp(`kallelsen publicerades efter kallelsetiden: ${reason}\\)$`))
    const event = (await listAuditEvents(getDb(), 'meeting', meeting.id)).find(
      (e) => e.action === 'meeting.notice_published_late',
    )
    assert.deepEqual(event?.after, { reason, lastDayToPublish: '2023-02-01', publishedOn: '2023-02-06' })
    const [mail] = await listOutboxMailOfMeeting(getDb(), meeting.id)
    assert.ok(mail?.text.includes(`Skäl: ${reason}`))
  })

  it('refuses while a public text holds a personal identity number, naming every place; nothing changes', async () => {
    const { committee, meeting, plan } = await prepared()
    await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: '4',
        title: 'Bygglov',
        summary: 'Ansökan om bygglov.\nSökande: 19121212-1212',
      }),
    )
    const letter = await inTransaction(getDb(), (trx) =>
      registerDocument(trx, testActor, {
        organisationId: committee.organisationId,
        title: 'Skrivelse',
        kind: 'skrivelse',
        extractedText: 'Från 811218-9876',
      }),
    )
    await inTransaction(getDb(), (trx) =>
      attachDocument(trx, testActor, { agendaItemId: plan.id, documentId: letter.id }),
    )
    await assert.rejects(
      publishNotice(getDb(), testActor, {
        meetingId: meeting.id,
        version: meeting.version,
        today: '2023-01-30',
        publicUrl,
      }),
      (error: PersonalIdentityNumbersFoundError) =>
        error instanceof PersonalIdentityNumbersFoundError &&
        error.code === 'invalid_state' &&
        assert.deepEqual(
          error.findings.map((f) => f.place),
          ['Punkt 2, bilagan ”Skrivelse”, rad 1', 'Punkt 4, sammanfattning, rad 2'],
        ) === undefined,
    )
    await unchanged(meeting.id, meeting.version)
  })

  it('refuses a stale version with code conflict; nothing changes', async () => {
    const { meeting } = await prepared()
    await assert.rejects(
      publishNotice(getDb(), testActor, {
        meetingId: meeting.id,
        version: meeting.version - 1,
        today: '2023-01-30',
        publicUrl,
      }),
      { code: 'conflict' },
    )
    await unchanged(meeting.id, meeting.version)
  })

  it('refuses a second publication, a cancelled meeting and a meeting day that has passed', async () => {
    const { meeting } = await prepared()
    const input = { meetingId: meeting.id, version: meeting.version, today: '2023-01-30', publicUrl }
    const first = await publishNotice(getDb(), testActor, input)
    await assert.rejects(publishNotice(getDb(), testActor, { ...input, version: first.meeting.version }), {
      code: 'invalid_state',
    })
    assert.equal((await listOutboxMailOfMeeting(getDb(), meeting.id)).length, 3)

    const other = await prepared()
    const cancelled = await cancelMeeting(getDb(), testActor, {
      meetingId: other.meeting.id,
      version: other.meeting.version,
      reason: 'Inga ärenden',
    })
    await assert.rejects(
      publishNotice(getDb(), testActor, { ...input, meetingId: cancelled.id, version: cancelled.version }),
      { code: 'invalid_state' },
    )

    const third = await prepared()
    await assert.rejects(
      publishNotice(getDb(), testActor, {
        ...input,
        meetingId: third.meeting.id,
        version: third.meeting.version,
        today: '2023-02-09',
        late: { reason: 'Glömde' },
      }),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'today',
    )
  })
})
