import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  testActor,
} from '../../test/support/factories.ts'
import { startTestSmtpServer } from '../../test/support/smtp-test-server.ts'
import { describeOnEachDatabase } from '../../test/support/test-db.ts'
import { type Db, inTransaction, openDatabase } from '../db/database.ts'
import { migrateToLatest } from '../db/migrate.ts'
import { queueMail } from '../domain/mail/mail.service.ts'
import type { Mailer, OutgoingMail } from '../domain/mail/outgoing-mail.ts'
import { appointSignatories } from '../domain/minutes/minutes.service.ts'
import { setPersonEmail } from '../domain/person/person.service.ts'
import { addDays } from '../domain/shared/calendar-date.ts'
import { prepareSignOff } from '../domain/sign-off/sign-off.service.ts'
import { todayInSweden } from '../web/views/format.ts'
import { startMailDelivery } from './mail-delivery.ts'

/**
 * Minutes whose sign-off deadline is today in Sweden (KL 5:69), put up for sign-off, with two
 * signatories at these addresses: both are due the last-day reminder.
 */
async function addMinutesDueToday(db: Db, addresses: [string, string]): Promise<void> {
  const committee = await createTestCommittee(db, { name: 'Kulturnämnden' })
  const persons = await addTestMembers(db, committee, 2)
  for (const [i, person] of persons.entries())
    await inTransaction(db, (trx) =>
      setPersonEmail(trx, testActor, { personId: person.id, email: addresses[i] ?? null }),
    )
  const { minutes } = await createTestMinutes(db, committee, { meetsOn: addDays(todayInSweden(), -14) })
  await addTestSection(db, minutes)
  await inTransaction(db, (trx) =>
    appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: persons.map((p) => p.id) }),
  )
  await inTransaction(db, (trx) =>
    prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [1] }),
  )
}

describeOnEachDatabase('startMailDelivery', (getDb) => {
  it('empties the outbox while the server runs, and closes the mailer when stopped', async () => {
    const sent: OutgoingMail[] = []
    let closed = false
    const mailer: Mailer = {
      async send(mail) {
        sent.push(mail)
      },
      close() {
        closed = true
      },
    }
    const logged: string[] = []
    const log = { info: (_: object, message: string) => logged.push(message), error: () => {} }
    await inTransaction(getDb(), (trx) =>
      queueMail(trx, [{ to: 'a@example.se', subject: 'Kallelse', text: 'Hej' }]),
    )
    const stop = startMailDelivery(getDb(), mailer, { everyMs: 20, log })
    for (let i = 0; i < 100 && sent.length === 0; i++) await new Promise((r) => setTimeout(r, 10))
    await inTransaction(getDb(), (trx) =>
      queueMail(trx, [{ to: 'b@example.se', subject: 'Kallelse', text: 'Hej' }]),
    )
    for (let i = 0; i < 100 && sent.length < 2; i++) await new Promise((r) => setTimeout(r, 10))
    await stop()
    assert.deepEqual(
      sent.map((m) => m.to),
      ['a@example.se', 'b@example.se'],
    )
    assert.ok(closed)
    assert.ok(logged.includes('mail delivered'))
  })
})

describeOnEachDatabase('startMailDelivery with sign-off reminders', (getDb) => {
  it('queues the reminders due today and delivers them, once', async () => {
    const sent: OutgoingMail[] = []
    const mailer: Mailer = {
      async send(mail) {
        sent.push(mail)
      },
      close() {},
    }
    const logged: string[] = []
    const log = { info: (_: object, message: string) => logged.push(message), error: () => {} }
    await addMinutesDueToday(getDb(), ['ordf@example.se', 'justerare@example.se'])
    const stop = startMailDelivery(getDb(), mailer, {
      everyMs: 10,
      log,
      reminders: { publicUrl: 'https://paragraf.example.se', everyMs: 10 },
    })
    for (let i = 0; i < 100 && sent.length < 2; i++) await new Promise((r) => setTimeout(r, 10))
    await new Promise((r) => setTimeout(r, 100)) // several more rounds: nothing is sent again
    await stop()
    assert.deepEqual(sent.map((m) => m.to).sort(), ['justerare@example.se', 'ordf@example.se'])
    assert.ok(sent.every((m) => m.subject.startsWith('Sista dagen att justera protokoll: Kulturnämnden')))
    assert.ok(logged.includes('sign-off reminders queued'))
  })
})

describe('paragraf mail send', () => {
  const bin = path.resolve(import.meta.dirname, '../../bin/paragraf.js')
  const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-mail-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  // Asynchronous, so the SMTP server in this process can answer the command.
  const paragraf = (args: string[], env: Record<string, string>) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], {
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir, SMTP_URL: '', MAIL_FROM: '', ...env },
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk) => (stdout += chunk))
      child.stderr.on('data', (chunk) => (stderr += chunk))
      child.on('close', (status) => resolve({ status, stdout, stderr: stderr.trim() }))
    })

  it('stops with one line when no mail server is configured', async () => {
    const result = await paragraf(['mail', 'send'], {})
    assert.equal(result.status, 1)
    assert.match(result.stderr, /^paragraf: SMTP_URL is not set/)
  })

  it('sends what waits in the outbox and says how much', async () => {
    const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'paragraf.sqlite') })
    await migrateToLatest(db)
    await inTransaction(db, (trx) =>
      queueMail(trx, [
        { to: 'a@example.se', subject: 'Kallelse', text: 'Hej' },
        { to: 'b@example.se', subject: 'Kallelse', text: 'Hej' },
      ]),
    )
    await db.destroy()
    const smtp = await startTestSmtpServer()
    try {
      const result = await paragraf(['mail', 'send'], { SMTP_URL: smtp.url, MAIL_FROM: 'noreply@example.se' })
      assert.equal(result.stderr, '')
      assert.match(result.stdout, /Skickade 2 e-postmeddelanden\./)
      assert.equal(result.status, 0)
      assert.deepEqual(smtp.received.map((m) => m.to[0]).sort(), ['a@example.se', 'b@example.se'])
    } finally {
      await smtp.close()
    }
  })

  it('queues the sign-off reminders due today first, then sends them', async () => {
    const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'paragraf.sqlite') })
    await migrateToLatest(db)
    await addMinutesDueToday(db, ['ordf@example.se', 'justerare@example.se'])
    await db.destroy()
    const smtp = await startTestSmtpServer()
    try {
      const env = {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'noreply@example.se',
        PUBLIC_URL: 'https://paragraf.example.se',
      }
      const result = await paragraf(['mail', 'send'], env)
      assert.equal(result.stderr, '')
      assert.match(
        result.stdout,
        /Lade 2 påminnelser om justering i utkorgen\.\nSkickade 2 e-postmeddelanden\./,
      )
      assert.deepEqual(smtp.received.map((m) => m.to[0]).sort(), ['justerare@example.se', 'ordf@example.se'])
      assert.ok(smtp.received.every((m) => m.text.includes('I dag är sista dagen.')))
      assert.ok(
        smtp.received.every((m) => /https:\/\/paragraf\.example\.se\/admin\/justera\/\d+/.test(m.text)),
      )
      const again = await paragraf(['mail', 'send'], env)
      assert.match(again.stdout, /^Skickade 0 e-postmeddelanden\./)
      assert.equal(smtp.received.length, 2)
    } finally {
      await smtp.close()
    }
  })
})
