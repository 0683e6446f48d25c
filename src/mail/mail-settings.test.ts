import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { ConfigError, loadConfig } from '../config.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-mail-config-'))
after(() => rmSync(dir, { recursive: true, force: true }))

describe('loadConfig: mail and the public address', () => {
  it('sends no mail without SMTP_URL, and links to this server by default', () => {
    const config = loadConfig({ DATA_DIR: dir, HOST: 'localhost', PORT: '4000' })
    assert.equal(config.mail, undefined)
    assert.equal(config.publicUrl, 'http://localhost:4000')
  })

  it('takes a mail server, a sender and the public address', () => {
    const config = loadConfig({
      DATA_DIR: dir,
      SMTP_URL: 'smtp://user:secret@127.0.0.1:2525',
      MAIL_FROM: 'Paragraf <noreply@kommun.se>',
      PUBLIC_URL: 'https://paragraf.kommun.se/',
    })
    assert.deepEqual(config.mail, {
      smtpUrl: 'smtp://user:secret@127.0.0.1:2525',
      from: 'Paragraf <noreply@kommun.se>',
    })
    assert.equal(config.publicUrl, 'https://paragraf.kommun.se')
  })

  it('empties the outbox every MAIL_INTERVAL_SECONDS, by default every 30 s', () => {
    const mail = { DATA_DIR: dir, SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'noreply@kommun.se' }
    assert.equal(loadConfig(mail).mail?.intervalSeconds, undefined)
    assert.equal(loadConfig({ ...mail, MAIL_INTERVAL_SECONDS: '5' }).mail?.intervalSeconds, 5)
  })

  const invalid: Array<[string, NodeJS.ProcessEnv, RegExp]> = [
    [
      'a MAIL_INTERVAL_SECONDS that is no whole number of seconds',
      { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'a@kommun.se', MAIL_INTERVAL_SECONDS: '0.5' },
      /MAIL_INTERVAL_SECONDS ska vara/,
    ],
    [
      'an SMTP_URL of another scheme',
      { SMTP_URL: 'http://127.0.0.1:2525', MAIL_FROM: 'a@kommun.se' },
      /SMTP_URL ska vara smtp/,
    ],
    ['an SMTP_URL without MAIL_FROM', { SMTP_URL: 'smtp://127.0.0.1:2525' }, /MAIL_FROM behövs/],
    [
      'a MAIL_FROM that is no address',
      { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Paragraf' },
      /MAIL_FROM ska vara/,
    ],
    ['a PUBLIC_URL that is no web address', { PUBLIC_URL: 'paragraf.kommun.se' }, /PUBLIC_URL ska vara/],
  ]
  for (const [what, environment, message] of invalid) {
    it(`stops on ${what} with one line naming the problem`, () => {
      assert.throws(
        () => loadConfig({ DATA_DIR: dir, ...environment }),
        (error: Error) =>
          error instanceof ConfigError && message.test(error.message) && !error.message.includes('\n'),
      )
    })
  }

  it('reports the mail problems with every other one', () => {
    assert.throws(
      () => loadConfig({ DATA_DIR: dir, PORT: 'abc', SMTP_URL: 'mailto:x', PUBLIC_URL: 'ftp://x' }),
      (error: Error) =>
        /PORT ska vara ett tal/.test(error.message) &&
        /SMTP_URL ska vara smtp/.test(error.message) &&
        /MAIL_FROM behövs/.test(error.message) &&
        /PUBLIC_URL ska vara/.test(error.message),
    )
  })
})
