import nodemailer from 'nodemailer'
import type { Mailer, OutgoingMail } from '../domain/mail/outgoing-mail.ts'
import type { MailSettings } from './mail-settings.ts'

/** A Mailer that hands each mail to the SMTP server of the settings (nodemailer), one connection per mail. */
export function createSmtpMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport(
    {
      url: settings.smtpUrl,
      // A server that does not answer must not hold the deliverer for nodemailer's default minutes.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    },
    { from: settings.from },
  )
  return {
    async send(mail: OutgoingMail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.headers ? { headers: mail.headers } : {}),
      })
    },
    close() {
      transport.close()
    },
  }
}
