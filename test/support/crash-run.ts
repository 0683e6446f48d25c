import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { sql } from 'kysely'
import { type Db, openDatabase } from '../../src/db/database.ts'
import { demoAccounts } from '../../src/demo/load-demo.ts'
import { sweepOrphanedFiles } from '../../src/domain/document/document-files.service.ts'
import { createDiskDocumentStore } from '../../src/storage/disk-document-store.ts'
import { freePort } from './free-port.ts'

// Crash safety (issue 11): a real `paragraf serve`, driven over HTTP as a secretary drives it, ended
// with SIGKILL at a seeded random moment, started again, and checked. Shared by
// test/crash-safety.test.ts (a few dozen kills, in CI) and bench/crash-safety.bench.ts (hundreds).

const bin = path.resolve(import.meta.dirname, '../../bin/paragraf.js')
const pdf = readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/documents/kommunfullmaktige-2024-06-17.pdf'),
)

/** A small seeded generator (mulberry32), so a failing run can be repeated with its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Target {
  name: string
  env: Record<string, string>
  open(): Db
  cleanUp(): Promise<void>
}

/** SQLite: a database file in the data directory, as an operator runs it. */
export function sqliteTarget(dataDir: string): Target {
  return {
    name: 'sqlite',
    env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    open: () => openDatabase({ dialect: 'sqlite', file: path.join(dataDir, 'paragraf.sqlite') }),
    cleanUp: async () => {},
  }
}

/** PostgreSQL: a schema of its own on the shared server, chosen through the URL's search_path. */
export async function postgresTarget(url: string, dataDir: string): Promise<Target> {
  // Named as test-db.ts names its schemas: under `npm test` the runner drops the run's schemas when
  // every file is done, since dropping one while another file's migration reads the catalogue makes
  // PostgreSQL fail that migration ("schema … does not exist": seen in CI).
  const run = process.env.PARAGRAF_TEST_RUN
  const schema = `test_${run ? `${run}_` : ''}crash_${randomBytes(6).toString('hex')}`
  const admin = openDatabase({ dialect: 'postgres', url, maxConnections: 1 })
  await sql`create schema ${sql.id(schema)}`.execute(admin)
  const separator = url.includes('?') ? '&' : '?'
  return {
    name: 'postgres',
    env: {
      DATA_DIR: dataDir,
      DATABASE_URL: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    },
    open: () => openDatabase({ dialect: 'postgres', url, schema, maxConnections: 2 }),
    cleanUp: async () => {
      if (!run) await sql`drop schema ${sql.id(schema)} cascade`.execute(admin)
      await admin.destroy()
    },
  }
}

/** The databases a crash test runs on: SQLite, and PostgreSQL when PARAGRAF_TEST_DATABASE_URL names one. */
export function crashTargets(): Array<[name: string, makeTarget: (dataDir: string) => Promise<Target>]> {
  const url = process.env.PARAGRAF_TEST_DATABASE_URL
  return [
    ['sqlite', async (dataDir) => sqliteTarget(dataDir)],
    ...(url
      ? [
          ['postgres', (dataDir: string) => postgresTarget(url, dataDir)] as [
            string,
            (dataDir: string) => Promise<Target>,
          ],
        ]
      : []),
  ]
}

const withoutTestSettings = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('PARAGRAF_TEST_')))

export interface Server {
  url: string
  child: ChildProcess
  output(): string
}

/** Starts `paragraf serve` and waits until it answers /health. */
export async function startServer(target: Target, args: string[] = []): Promise<Server> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--port', String(port), '--host', '127.0.0.1', ...args],
    {
      // The server as an operator runs it: none of the test runner's own settings.
      env: { ...withoutTestSettings(process.env), LOG_LEVEL: 'warn', ...target.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout?.on('data', (c) => (output += c))
  child.stderr?.on('data', (c) => (output += c))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`paragraf serve ended before it answered:\n${output}`)
    const answer = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined)
    if (answer?.ok) return { url, child, output: () => output.slice(-4000) }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  child.kill('SIGKILL')
  throw new Error(`paragraf serve did not answer within 90 s:\n${output}`)
}

export async function kill9(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return
  const ended = new Promise((resolve) => server.child.once('exit', resolve))
  server.child.kill('SIGKILL')
  await ended
}

/** A browser's session: the cookie and the CSRF token of the last form read. */
export class Session {
  cookie = ''
  token = ''
  constructor(readonly url: string) {}

  #keep(response: Response) {
    const set = response.headers.getSetCookie().map((c) => c.split(';')[0]!)
    if (set.length === 0) return
    const pair = (c: string): [string, string] => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]
    const jar = new Map(this.cookie ? this.cookie.split('; ').map(pair) : [])
    for (const c of set) jar.set(...pair(c))
    this.cookie = [...jar].map(([n, v]) => `${n}=${v}`).join('; ')
  }

  async get(address: string): Promise<string> {
    const response = await fetch(`${this.url}${address}`, {
      headers: { cookie: this.cookie },
      signal: AbortSignal.timeout(15_000),
    })
    this.#keep(response)
    const body = await response.text()
    this.token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? this.token
    return body
  }

  async post(address: string, body: FormData | URLSearchParams): Promise<number> {
    // The token first, as a browser sends a form's hidden field: the upload hook reads it before the file.
    const form = body instanceof FormData ? new FormData() : new URLSearchParams()
    form.set('_csrf', this.token)
    for (const [name, value] of body.entries()) form.append(name, value as string)
    body = form
    const response = await fetch(`${this.url}${address}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookie },
      body,
      signal: AbortSignal.timeout(15_000),
    })
    this.#keep(response)
    await response.arrayBuffer()
    return response.status
  }

  async signIn(): Promise<void> {
    await this.get('/admin/logga-in')
    const status = await this.post(
      '/admin/logga-in',
      new URLSearchParams({ email: demoAccounts.secretary.email, password: demoAccounts.secretary.password }),
    )
    if (status !== 303) throw new Error(`sign-in answered ${status}`)
  }
}

/** The upload form of an agenda item, with a PDF whose bytes are new each time (a new storage key). */
export function uploadForm(title: string, nonce: string): FormData {
  const form = new FormData()
  form.set('documentTitle', title)
  form.set('documentKind', 'bilaga')
  // A PDF reader ignores what follows %%EOF; the content hash, and so the storage key, differ.
  const bytes = Buffer.concat([pdf, Buffer.from(`\n% ${nonce}\n`)])
  form.set('file', new Blob([bytes], { type: 'application/pdf' }), 'bilaga.pdf')
  return form
}

/** The files in the document store by storage key, and the partial files left in its tmp/. */
export function storedFiles(storeDir: string): { keys: Set<string>; partial: string[] } {
  const keys = new Set<string>()
  const partial: string[] = []
  const list = (dir: string) => {
    try {
      return readdirSync(dir)
    } catch {
      return []
    }
  }
  for (const entry of list(storeDir)) {
    const dir = path.join(storeDir, entry)
    if (!statSync(dir).isDirectory()) continue
    for (const file of list(dir)) {
      if (entry === 'tmp') partial.push(file)
      else keys.add(file)
    }
  }
  return { keys, partial }
}

export interface CrashFigures {
  kills: number
  uploadsAnswered: number
  uploadsCut: number
  orphans: number
  /** Orphans left by kills in the window between storing a file and committing its row, swept at the end. */
  orphansSwept: number
  partial: number
}

/** Runs `kills` kill-restart-check rounds against one database; throws on a broken invariant. */
export async function crashUploads(target: Target, dataDir: string, rounds: number, random: () => number) {
  const storeDir = path.join(dataDir, 'documents')
  const db = target.open()
  const figures: CrashFigures = {
    kills: 0,
    uploadsAnswered: 0,
    uploadsCut: 0,
    orphans: 0,
    orphansSwept: 0,
    partial: 0,
  }
  let server: Server = await startServer(target, ['--demo'])
  try {
    // The demo's coming meeting: its agenda can still change, so documents may be added to it.
    const meeting = await db
      .selectFrom('meeting')
      .innerJoin('committee', 'committee.id', 'meeting.committee_id')
      .select(['meeting.id', 'meeting.slug', 'committee.slug as committee'])
      .where('committee.slug', '=', 'socialnamnden')
      .orderBy('meeting.meets_on', 'desc')
      .executeTakeFirstOrThrow()
    const agenda = `/admin/namnder/${meeting.committee}/sammantraden/${meeting.slug}/dagordning`
    let item = await firstItem(db, meeting.id)
    if (!item) {
      const session = new Session(server.url)
      await session.signIn()
      await session.get(agenda)
      await session.post(agenda, new URLSearchParams({ title: 'Bilagor' }))
      item = await firstItem(db, meeting.id)
    }
    assert.ok(item, 'the coming meeting has an agenda item')
    const upload = `${agenda}/${item}/handlingar`

    for (let round = 0; round < rounds; round++) {
      const session = new Session(server.url)
      await session.signIn()
      await session.get(`${agenda}/${item}`)
      const title = `Bilaga ${round}`
      const nonce = `${round}-${random().toString(36).slice(2)}`
      const sent = session.post(upload, uploadForm(title, nonce)).then(
        (status) => ({ status }),
        () => ({ status: 0 }),
      )
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 250)))
      await kill9(server)
      figures.kills++
      const { status } = await sent
      if (status === 0) figures.uploadsCut++
      else figures.uploadsAnswered++
      // An upload the server answered with its redirect was committed: it must have survived.
      if (status === 303) assert.ok(await documentTitled(db, title), `round ${round}: a 303 upload is lost`)

      server = await startServer(target)
      const broken = await invariants(db, storeDir)
      figures.orphans = broken.orphans.length
      figures.partial = broken.partial.length
      assert.deepEqual(broken.lost, [], `round ${round}: document rows whose file is gone`)
      assert.deepEqual(broken.unaudited, [], `round ${round}: documents without their audit row`)

      // The work can be redone: the same upload again is accepted and lands on the agenda.
      const again = new Session(server.url)
      await again.signIn()
      await again.get(`${agenda}/${item}`)
      if (!(await documentTitled(db, title))) {
        assert.equal(await again.post(upload, uploadForm(title, nonce)), 303, `round ${round}: redo refused`)
        assert.ok(await documentTitled(db, title), `round ${round}: the redone upload is not there`)
      }
    }
    // A kill between storing a file and committing its row leaves an orphan (test/crash-safety-files.test.ts
    // hits that window on purpose); the sweep removes it, as paragraf serve does every six hours.
    figures.partial = (await invariants(db, storeDir)).partial.length
    figures.orphansSwept = (
      await sweepOrphanedFiles(db, createDiskDocumentStore(storeDir), { olderThan: new Date() })
    ).removed.length
    const final = await invariants(db, storeDir)
    figures.orphans = final.orphans.length
    return { figures, orphans: final.orphans }
  } finally {
    await kill9(server)
    await db.destroy()
  }
}

async function firstItem(db: ReturnType<Target['open']>, meetingId: number) {
  const row = await db
    .selectFrom('agenda_item')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .executeTakeFirst()
  return row?.id
}

async function documentTitled(db: ReturnType<Target['open']>, title: string) {
  const row = await db
    .selectFrom('document')
    .innerJoin('attachment', 'attachment.document_id', 'document.id')
    .select('document.id')
    .where('document.title', '=', title)
    .executeTakeFirst()
  return row !== undefined
}

/** What the database and the store say after a restart. */
export async function invariants(db: ReturnType<Target['open']>, storeDir: string) {
  const rows = await db.selectFrom('document').select(['id', 'storage_key']).execute()
  const { keys, partial } = storedFiles(storeDir)
  const referenced = new Set(rows.flatMap((r) => (r.storage_key ? [r.storage_key] : [])))
  const audited = new Set(
    (
      await db
        .selectFrom('audit_event')
        .select('object_id')
        .where('object_type', '=', 'document')
        .where('action', '=', 'document.registered')
        .execute()
    ).map((e) => Number(e.object_id)),
  )
  return {
    lost: [...referenced].filter((key) => !keys.has(key)),
    orphans: [...keys].filter((key) => !referenced.has(key)),
    partial,
    unaudited: rows.filter((r) => r.storage_key && !audited.has(r.id)).map((r) => r.id),
  }
}
