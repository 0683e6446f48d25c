import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { after, before, describe, it } from 'node:test'
import {
  addTestMembers,
  createTestCommittee,
  createTestMeeting,
  testActor,
} from '../../../test/support/factories.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-test-server.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { createSmtpMailer } from '../../mail/smtp-mailer.ts'
import { addAgendaItem } from '../agenda/agenda.service.ts'
import { publishNotice } from '../meeting/publish-notice.ts'
import { setPersonEmail } from '../person/person.service.ts'
import { deliverPendingMail, listOutboxMailOfMeeting, queueMail } from './mail.service.ts'
import { type Mailer, maxMailAttempts, nextAttemptAfterFailure, type OutgoingMail } from './outgoing-mail.ts'

const from = 'Paragraf <noreply@example.se>'

/** A mailer that records what it is given, after a little wait, or fails. */
function recordingMailer(
  options: { delayMs?: number; fail?: boolean } = {},
): Mailer & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = []
  return {
    sent,
    async send(mail) {
      await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0))
      if (options.fail) throw Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 })
      sent.push(mail)
    },
    close() {},
  }
}

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('nextAttemptAfterFailure', () => {
  const now = new Date('2023-01-30T10:00:00.000Z')
  for (const [attempts, wait] of [
    [1, '10:01'],
    [2, '10:05'],
    [3, '10:30'],
    [4, '12:00'],
    [5, '12:00'],
  ] as const) {
    it(`waits until ${wait} after failure ${attempts}`, () =>
      assert.equal(nextAttemptAfterFailure(attempts, now).toISOString(), `2023-01-30T${wait}:00.000Z`))
  }
})

describeOnEachDatabase('deliverPendingMail through a real SMTP server', (getDb) => {
  let smtp: TestSmtpServer
  before(async () => {
    smtp = await startTestSmtpServer()
  })
  after(() => smtp.close())

  it('delivers the notice of a meeting: recipient, Swedish subject, date and link, nothing confidential', async () => {
    const committee = await createTestCommittee(getDb(), { name: 'Miljönämnden' })
    const [member] = await addTestMembers(getDb(), committee, 1)
    await inTransaction(getDb(), (trx) =>
      setPersonEmail(trx, testActor, { personId: member!.id, email: 'ledamot@example.se' }),
    )
    const meeting = await createTestMeeting(getDb(), {
      committee,
      meetsOn: '2023-03-15',
      startTime: '13:00',
      location: 'Sessionssalen',
    })
    await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, number: '1', title: 'Budget 2024' }),
    )
    await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: '2',
        title: 'Tillsyn av Pizzeria Roma, ägare Anna Svensson',
        confidential: true,
        confidentialityGround: 'OSL 30:23',
      }),
    )
    await publishNotice(getDb(), testActor, {
      meetingId: meeting.id,
      version: meeting.version,
      today: '2023-03-01',
      publicUrl: 'https://paragraf.example.se',
    })

    const mailer = createSmtpMailer({ smtpUrl: smtp.url, from })
    try {
      assert.deepEqual(await deliverPendingMail(getDb(), mailer, { limit: 10 }), { sent: 1, failed: 0 })
    } finally {
      mailer.close()
    }
    assert.equal(smtp.received.length, 1)
    const [received] = smtp.received
    assert.deepEqual(received?.to, ['ledamot@example.se'])
    assert.equal(received?.from, 'noreply@example.se')
    assert.equal(received?.subject, 'Kallelse: Miljönämnden 15 mars 2023')
    for (const expected of [
      'Dag: onsdag 15 mars 2023',
      'Tid: kl. 13:00',
      '1. Budget 2024',
      `https://paragraf.example.se/committees/${committee.slug}/mote-2023-03-15`,
    ]) {
      assert.ok(received?.text.includes(expected), `the mail lacks "${expected}":\n${received?.text}`)
    }
    assert.ok(!received?.raw.includes('Pizzeria') && !received?.text.includes('Anna Svensson'))
    const [row] = await listOutboxMailOfMeeting(getDb(), meeting.id)
    assert.ok(row?.sentAt)
    assert.deepEqual([row?.attempts, row?.lastError], [1, null])
    assert.deepEqual(await deliverPendingMail(getDb(), mailer, { limit: 10 }), { sent: 0, failed: 0 })
  })
})

describeOnEachDatabase('deliverPendingMail when the mail server is down', (getDb) => {
  it('records the error, waits, and sends the mail on a later round', async () => {
    const meeting = await createTestMeeting(getDb())
    await inTransaction(getDb(), (trx) =>
      queueMail(trx, [{ to: 'a@example.se', subject: 'Kallelse', text: 'Hej', meetingId: meeting.id }]),
    )
    const t0 = new Date('2030-01-01T10:00:00.000Z')
    const down = createSmtpMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from })
    assert.deepEqual(await deliverPendingMail(getDb(), down, { limit: 10, now: t0 }), { sent: 0, failed: 1 })
    down.close()
    const [failed] = await listOutboxMailOfMeeting(getDb(), meeting.id)
    assert.deepEqual([failed?.sentAt, failed?.attempts], [null, 1])
    assert.match(failed?.lastError ?? '', /ECONNREFUSED|ECONNECTION/)
    assert.equal(failed?.nextAttemptAt, '2030-01-01T10:01:00.000Z')

    const smtp = await startTestSmtpServer()
    const up = createSmtpMailer({ smtpUrl: smtp.url, from })
    try {
      const soon = new Date(t0.getTime() + 30_000)
      assert.deepEqual(await deliverPendingMail(getDb(), up, { limit: 10, now: soon }), {
        sent: 0,
        failed: 0,
      })
      const later = new Date(t0.getTime() + 61_000)
      assert.deepEqual(await deliverPendingMail(getDb(), up, { limit: 10, now: later }), {
        sent: 1,
        failed: 0,
      })
    } finally {
      up.close()
      await smtp.close()
    }
    assert.deepEqual(
      smtp.received.map((m) => m.to),
      [['a@example.se']],
    )
    const [sent] = await listOutboxMailOfMeeting(getDb(), meeting.id)
    assert.deepEqual([sent?.sentAt, sent?.attempts], ['2030-01-01T10:01:01.000Z', 2])
  })
})

describeOnEachDatabase('deliverPendingMail when a mail is refused', (getDb) => {
  it(`gives up after ${maxMailAttempts} attempts and keeps the last error`, async () => {
    const meeting = await createTestMeeting(getDb())
    await inTransaction(getDb(), (trx) =>
      queueMail(trx, [{ to: 'b@example.se', subject: 'Kallelse', text: 'Hej', meetingId: meeting.id }]),
    )
    const refusing = recordingMailer({ fail: true })
    let now = new Date('2030-01-01T10:00:00.000Z')
    for (let attempt = 1; attempt <= maxMailAttempts; attempt++) {
      assert.deepEqual(await deliverPendingMail(getDb(), refusing, { limit: 10, now }), {
        sent: 0,
        failed: 1,
      })
      now = new Date(now.getTime() + 3 * 60 * 60_000)
    }
    assert.deepEqual(await deliverPendingMail(getDb(), refusing, { limit: 10, now }), { sent: 0, failed: 0 })
    const [row] = await listOutboxMailOfMeeting(getDb(), meeting.id)
    assert.deepEqual([row?.sentAt, row?.attempts, row?.lastError], [null, 5, '550: Mailbox unavailable'])
  })
})

describeOnEachDatabase('deliverPendingMail on several servers at once', (getDb) => {
  it('never sends the same mail twice', async () => {
    const meeting = await createTestMeeting(getDb())
    const addresses = Array.from({ length: 40 }, (_, i) => `person${i}@example.se`)
    await inTransaction(getDb(), (trx) =>
      queueMail(
        trx,
        addresses.map((to) => ({ to, subject: 'Kallelse', text: 'Hej', meetingId: meeting.id })),
      ),
    )
    const mailers = Array.from({ length: 4 }, () => recordingMailer({ delayMs: 2 }))
    // Each "server" takes small batches until nothing is left, all at the same time.
    await Promise.all(
      mailers.map(async (mailer) => {
        while ((await deliverPendingMail(getDb(), mailer, { limit: 3 })).sent > 0) {}
      }),
    )
    const sent = mailers.flatMap((m) => m.sent.map((mail) => mail.to))
    assert.deepEqual([...sent].sort(), [...addresses].sort())
    const rows = await listOutboxMailOfMeeting(getDb(), meeting.id)
    assert.ok(rows.every((r) => r.sentAt !== null && r.attempts === 1))
  })
})
