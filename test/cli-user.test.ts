import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'

// `paragraf user add` as an operator meets it, in a fresh data directory.

const bin = path.resolve(import.meta.dirname, '../bin/paragraf.js')
const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-user-'))
after(() => rmSync(dir, { recursive: true, force: true }))

function paragraf(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(dir, 'data') },
    encoding: 'utf8',
    timeout: 60_000,
    ...(input === undefined ? { stdio: ['ignore', 'pipe', 'pipe'] } : { input }),
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() }
}

describe('paragraf user add', () => {
  it('creates the first administrator with its organisation, reading the password from standard input', () => {
    const result = paragraf(
      ['user', 'add', 'Chef@Solna.se', '--role', 'administrator', '--organisation', 'Solna stad'],
      'ett-bra-lösenord-2026\n',
    )
    assert.equal(result.status, 0, result.stderr)
    assert.match(
      result.stdout,
      /Nytt konto: chef@solna\.se har rollen administratör för hela organisationen\./,
    )
    assert.doesNotMatch(result.stdout, /Lösenord/)
  })

  it('generates a password and shows it once when none is piped', () => {
    const result = paragraf([
      'user',
      'add',
      'reg@solna.se',
      '--role',
      'registrar',
      '--name',
      'Rut Registrator',
    ])
    assert.equal(result.status, 0, result.stderr)
    assert.match(result.stdout, /Lösenord \(visas bara nu[^)]*\): [\w-]{24}\n/)
  })

  const mistakes: Array<[string, string[], RegExp]> = [
    ['an unknown role', ['user', 'add', 'x@solna.se', '--role', 'kung'], /^paragraf: okänd roll "kung"/],
    [
      'a malformed e-mail',
      ['user', 'add', 'inte-epost', '--role', 'secretary'],
      /^paragraf: ogiltig e-postadress "inte-epost"/,
    ],
    [
      'an unknown committee',
      ['user', 'add', 'x@solna.se', '--role', 'secretary', '--committee', 'nej'],
      /^paragraf: nämnden "nej" finns inte$/,
    ],
    [
      'an administrator of one committee',
      ['user', 'add', 'x@solna.se', '--role', 'administrator', '--committee', 'x'],
      /hela organisationen/,
    ],
  ]
  for (const [what, args, message] of mistakes) {
    it(`stops on ${what} with one Swedish line`, () => {
      const result = paragraf(args)
      assert.notEqual(result.status, 0)
      assert.match(result.stderr, message)
      assert.equal(result.stderr.split('\n').length, 1)
    })
  }

  it('refuses a piped password that is too short', () => {
    const result = paragraf(['user', 'add', 'kort@solna.se', '--role', 'secretary'], 'kort\n')
    assert.match(result.stderr, /^paragraf: lösenordet på standard in är för kort: minst 12 tecken$/)
  })
})
