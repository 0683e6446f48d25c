import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import SqliteDatabase from 'better-sqlite3'
import { unzipSync } from 'fflate'
import { demoAccounts } from '../src/demo/load-demo.ts'
import { type SpawnedServer, spawnServer } from './support/spawned-server.ts'

// Defect 8 of issue 11: on a full disk SQLite answered "cannot rollback - no transaction is active"
// with a stack trace, and login and the export gave a generic 500. Here the data directory is a
// real, small file system (tmpfs) that the test fills, under a real `paragraf serve`. Mounting needs
// root or sudo; without them this test is skipped and src/db/database.test.ts still covers the cause (a
// database that may not grow, PRAGMA max_page_count, takes the same SQLITE_FULL path).

const bin = path.resolve(import.meta.dirname, '../bin/paragraf.js')
const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-disk-full-'))
// As root, or through sudo without a password (as on CI runners); mode 1777 so the test's user writes there.
const asRoot = process.getuid?.() === 0
const privileged = (command: string, args: string[]) =>
  asRoot
    ? spawnSync(command, args, { encoding: 'utf8' })
    : spawnSync('sudo', ['-n', command, ...args], { encoding: 'utf8' })
const mounted = privileged('mount', ['-t', 'tmpfs', '-o', 'size=24m,mode=1777', 'tmpfs', dir]).status === 0
after(() => {
  if (mounted) privileged('umount', [dir])
  rmSync(dir, { recursive: true, force: true })
})

const skip = mounted
  ? false
  : 'cannot mount a small tmpfs (needs root or sudo without a password): src/db/database.test.ts still covers SQLITE_FULL'

/** Fills the file system: large blocks, then small ones, until the kernel says ENOSPC. */
function fillDisk(file: string) {
  const fd = openSync(file, 'w')
  try {
    for (const size of [1 << 20, 1 << 12]) {
      const block = Buffer.alloc(size)
      for (;;) {
        try {
          writeSync(fd, block)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break
          throw error
        }
      }
    }
  } finally {
    closeSync(fd)
  }
}

/** Signs in through the login form over HTTP, as a browser does (cookie and CSRF token). */
async function signIn(url: string, email: string, password: string) {
  const form = await fetch(`${url}/admin/logga-in`, { signal: AbortSignal.timeout(8_000) })
  const cookie = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? ''
  const response = await fetch(`${url}/admin/logga-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email, password }).toString(),
    signal: AbortSignal.timeout(8_000),
  })
  return { status: response.status, body: await response.text() }
}

function paragraf(args: string[], input: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir },
    encoding: 'utf8',
    input,
    timeout: 60_000,
  })
  return { status: result.status, stderr: result.stderr.trim() }
}

describe('paragraf serve on SQLite when the disk is full', { skip }, () => {
  let server: SpawnedServer | undefined
  const filler = path.join(dir, 'filler')
  const { email, password } = demoAccounts.administrator

  before(async () => {
    server = await spawnServer({ DATABASE_URL: '', DATA_DIR: dir }, ['--demo'])
    // Empty the write-ahead log into the database, so the next write needs new room on the disk
    // (a log with room left would take a few more writes first).
    const sqlite = new SqliteDatabase(path.join(dir, 'paragraf.sqlite'))
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    sqlite.close()
    fillDisk(filler)
  })
  after(async () => {
    await server?.stop()
  })

  it('refuses a login with a Swedish 507 page that says there is no room, not a 500', async () => {
    const login = await signIn(server?.url as string, email, password)
    assert.equal(login.status, 507, login.body.slice(0, 500))
    assert.match(login.body, /Servern har inte plats att spara/)
    assert.equal(server?.exited(), undefined)
  })

  it('goes on serving reads: pages, OParl and the open-data export', async () => {
    for (const address of ['/', '/anslagstavla', '/oparl/v1/body']) {
      const response = await fetch(`${server?.url}${address}`, { signal: AbortSignal.timeout(8_000) })
      assert.equal(response.status, 200, address)
    }
    // The export cannot be kept on the full disk, so it is sent as it is built.
    const exported = await fetch(`${server?.url}/oppna-data/export.zip`, {
      signal: AbortSignal.timeout(30_000),
    })
    assert.equal(exported.status, 200)
    const files = Object.keys(unzipSync(new Uint8Array(await exported.arrayBuffer())))
    assert.ok(files.length > 1, files.join(', '))
  })

  it('the command line says so in one Swedish line and exits with 1', () => {
    const result = paragraf(
      ['user', 'add', 'ny@example.se', '--role', 'administrator'],
      'ett-långt-lösenord-2026\n',
    )
    assert.equal(result.status, 1, result.stderr)
    assert.match(result.stderr, /^paragraf: disken är full/)
    assert.equal(result.stderr.split('\n').length, 1, result.stderr)
  })

  it('saves again once there is room', async () => {
    rmSync(filler)
    const login = await signIn(server?.url as string, email, password)
    assert.equal(login.status, 303, login.body.slice(0, 500))
  })
})
