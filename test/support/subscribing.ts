import assert from 'node:assert/strict'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../../src/db/database.ts'
import { deliverPendingMail } from '../../src/domain/mail/mail.service.ts'
import { createSmtpMailer } from '../../src/mail/smtp-mailer.ts'
import { pageText } from './page-text.ts'
import type { ReceivedMail, TestSmtpServer } from './smtp-test-server.ts'

/**
 * Subscribing as a visitor does (bevakning): the form, the confirmation mail with its tokens, and
 * the confirmation page, against a running app and a test SMTP server. Each is read when called,
 * so a suite may set them up in its before().
 */
export function subscribing(of: { db: () => Db; app: () => FastifyInstance; smtp: () => TestSmtpServer }) {
  const tokens = new Map<string, { confirm: string; unsubscribe: string }>()
  const deliver = async () => {
    const mailer = createSmtpMailer({ smtpUrl: of.smtp().url, from: 'Paragraf <noreply@example.se>' })
    try {
      await deliverPendingMail(of.db(), mailer, { limit: 50 })
    } finally {
      mailer.close()
    }
  }
  const mailTo = (address: string): ReceivedMail[] => of.smtp().received.filter((m) => m.to.includes(address))
  const form = (fields: Record<string, string>) => ({
    method: 'POST' as const,
    url: '/bevaka',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  })

  /** Subscribes through the form and reads the tokens from the confirmation mail. */
  const subscribe = async (address: string, fields: Record<string, string>) => {
    const response = await of.app().inject(form({ ...fields, epost: address }))
    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, '/bevaka/skickat')
    await deliver()
    const mail = mailTo(address).at(-1)
    assert.ok(mail, `a confirmation mail to ${address}`)
    const confirm = /\/bevaka\/bekrafta\?token=([\w-]+)/.exec(mail.text)?.[1]
    const unsubscribe = /\/bevaka\/avsluta\?token=([\w-]+)/.exec(mail.text)?.[1]
    assert.ok(confirm && unsubscribe)
    tokens.set(address, { confirm, unsubscribe })
    return mail
  }
  const confirm = async (address: string) => {
    const token = tokens.get(address)?.confirm as string
    const page = await of.app().inject(`/bevaka/bekrafta?token=${token}`)
    assert.equal(page.statusCode, 200)
    assert.match(pageText(page.body), /Bekräfta bevakningen/)
    const done = await of.app().inject({
      method: 'POST',
      url: '/bevaka/bekrafta',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${token}`,
    })
    assert.equal(done.statusCode, 200)
    assert.match(pageText(done.body), /Bevakningen är bekräftad/)
  }
  return { tokens, deliver, mailTo, form, subscribe, confirm }
}
