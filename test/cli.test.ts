import assert from 'node:assert/strict'
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'

// The `paragraf` command as a user meets it: through bin/paragraf.js, in a fresh data directory.

const bin = path.resolve(import.meta.dirname, '../bin/paragraf.js')
const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-cli-'))
after(() => rmSync(dir, { recursive: true, force: true }))

function paragraf(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(dir, 'data'), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() }
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('paragraf (the command)', () => {
  it('prints its help', () => {
    const result = paragraf(['--help'])
    assert.equal(result.status, 0)
    assert.match(result.stdout, /serve\s+starta webbservern/)
  })

  const mistakes: Array<[string, string[], Record<string, string>, RegExp, number]> = [
    ['an unknown command', ['frobnicate'], {}, /okänt kommando "frobnicate"/, 2],
    [
      'an unknown flag',
      ['serve', '--colour'],
      {},
      /^paragraf: okänd flagga --colour \(se paragraf help\)$/,
      2,
    ],
    [
      'a flag without its value',
      ['verify', '--grace-minutes'],
      {},
      /^paragraf: --grace-minutes tar ett värde$/,
      2,
    ],
    [
      'a malformed DATABASE_URL',
      ['migrate'],
      { DATABASE_URL: 'mysql://localhost/x' },
      /DATABASE_URL ska börja med/,
      1,
    ],
    ['a port that is no number', ['serve', '--port', 'abc'], {}, /PORT ska vara ett tal/, 1],
    [
      'an unreachable PostgreSQL',
      ['migrate'],
      { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' },
      /databasen går inte att öppna: ingen svarar på adressen/,
      1,
    ],
  ]
  for (const [what, args, env, message, status] of mistakes) {
    it(`stops on ${what} with one line and exit status ${status}`, () => {
      const result = paragraf(args, env)
      assert.equal(result.status, status)
      assert.match(result.stderr, message)
      assert.equal(result.stderr.split('\n').length, 1, result.stderr)
    })
  }

  it('parses a published protocol into document JSON, and refuses what is no meeting document', () => {
    const fixture = path.resolve(import.meta.dirname, 'fixtures/documents/002_02371675939a916f.txt')
    const result = paragraf(['parse', fixture])
    assert.equal(result.status, 0, result.stderr)
    const document = JSON.parse(result.stdout)
    assert.equal(document.kind, 'minutes')
    assert.equal(document.meeting.date, '2022-12-14')
    const binary = path.join(dir, 'noise.bin')
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))
    const refused = paragraf(['parse', binary])
    assert.equal(refused.status, 2)
    assert.equal(refused.stderr.split('\n').length, 1)
  })

  it('stops on an unwritable DATA_DIR with one line', () => {
    const file = path.join(dir, 'a-file')
    writeFileSync(file, '')
    const result = paragraf(['migrate'], { DATA_DIR: path.join(file, 'data') })
    assert.equal(result.status, 1)
    assert.match(result.stderr, /^paragraf: DATA_DIR .* går inte att skapa eller skriva i$/)
  })

  it('stops on a port in use with one line', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as { port: number }
    try {
      const result = paragraf(['serve', '--host', '127.0.0.1', '--port', String(port)], {
        LOG_LEVEL: 'silent',
      })
      assert.equal(result.status, 1)
      assert.equal(
        result.stderr,
        `paragraf: porten ${port} används redan: stoppa det andra programmet eller ange PORT`,
      )
    } finally {
      blocker.close()
    }
  })

  it('migrates, loads the demo data once, and refuses to load it twice', () => {
    const env = { DATA_DIR: path.join(dir, 'demo') }
    assert.equal(paragraf(['migrate'], env).status, 0)
    const first = paragraf(['demo'], env)
    assert.equal(first.status, 0, first.stderr)
    assert.match(first.stdout, /Demodata inläst: Stockholms stad med Socialnämnden/)
    const second = paragraf(['demo'], env)
    assert.equal(second.status, 1)
    assert.match(second.stderr, /redan data/)
  })

  it('serves the start page on a fresh data directory with demo data', async () => {
    const port = await freePort()
    const child: ChildProcess = spawn(
      process.execPath,
      [bin, 'serve', '--demo', '--host', '127.0.0.1', '--port', String(port)],
      {
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(dir, 'serve'), LOG_LEVEL: 'warn' },
        stdio: 'ignore',
      },
    )
    try {
      let body = ''
      for (let attempt = 0; attempt < 100 && !body; attempt++) {
        body = await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.text(),
          () => new Promise<string>((resolve) => setTimeout(() => resolve(''), 200)),
        )
      }
      assert.match(body, /<html lang="sv">/)
      assert.match(body, /Socialnämnden/)
    } finally {
      child.kill('SIGTERM')
    }
  })
})
