import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import path from 'node:path'
import Sqlite from 'better-sqlite3'
import { sql } from 'kysely'
import type { Db } from '../../src/db/database.ts'
import type { DocumentStore } from '../../src/storage/document-store.ts'
import { openDocumentStore } from '../../src/storage/open-document-store.ts'
import type { S3Target } from '../../src/storage/s3-document-store.ts'
import { kill9, type Server, Session, startServer, type Target, uploadForm } from './crash-run.ts'

// No orphaned file (issue 11): `paragraf serve` killed with SIGKILL between storing an uploaded
// document's bytes and committing its row, in the local store or in S3, on either database. The
// test holds the database's writes (SQLite: BEGIN IMMEDIATE on the file; PostgreSQL: the document
// table locked against inserts), sends the upload through the agenda item's form, waits until its
// bytes are in the store and kills the server there: the file is stored and its row can never
// commit. Other rounds kill at a random moment of the upload, as test/crash-safety.test.ts does.
// After each restart every document row's file must be in the store and the upload is redone;
// at the end `paragraf verify` reports the orphans, `paragraf verify --remove-orphans` removes
// them, and none is left. Shared by test/crash-safety-files.test.ts and
// bench/crash-safety-files.bench.ts.

const bin = path.resolve(import.meta.dirname, '../../bin/paragraf.js')

/**
 * How a round ends: killed with the file stored and the row held back, the upload then redone with
 * the same bytes (the row adopts the orphan) or with other bytes (a re-saved file: the orphan stays
 * for the sweep); or killed at a random moment.
 */
type Round = 'stored-same' | 'stored-other' | 'random'
const rounds: readonly Round[] = ['stored-same', 'stored-other', 'random']

export interface FileCrashFigures {
  kills: number
  /** Killed with the file in the store and its row held back. */
  storedNotCommitted: number
  /** The file did not reach the store within 20 s while the row was held back (killed anyway). */
  notStored: number
  /** Killed at a random moment: answered 303 first, or cut. */
  randomAnswered: number
  randomCut: number
  /** Uploads redone after the restart, all answered 303 and on the agenda. */
  redone: number
  /** Files no row names, after the last round and before the sweep. */
  orphansBeforeSweep: number
  /** Removed by `paragraf verify --remove-orphans`. */
  swept: number
  orphansAfterSweep: number
  /** Document rows whose file is not in the store: must stay 0 throughout. */
  lost: number
}

/** The environment that points `paragraf` at S3 instead of DATA_DIR/documents. */
export function s3Environment(target: S3Target): Record<string, string> {
  return {
    STORAGE: 's3',
    S3_ENDPOINT: target.endpoint ?? '',
    S3_BUCKET: target.bucket,
    S3_REGION: target.region,
    S3_ACCESS_KEY_ID: target.credentials?.accessKeyId ?? '',
    S3_SECRET_ACCESS_KEY: target.credentials?.secretAccessKey ?? '',
  }
}

/** Holds every write to the document table until released; the server's reads go on. */
async function holdDocumentWrites(target: Target, dataDir: string): Promise<() => Promise<void>> {
  if (target.name === 'sqlite') {
    const holder = new Sqlite(path.join(dataDir, 'paragraf.sqlite'))
    holder.pragma('busy_timeout = 5000')
    holder.exec('begin immediate')
    return async () => {
      holder.exec('rollback')
      holder.close()
    }
  }
  const db = target.open()
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  let locked: () => void = () => undefined
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve
  })
  const holding = db.transaction().execute(async (trx) => {
    await sql`lock table document in share row exclusive mode`.execute(trx)
    locked()
    await released
  })
  await Promise.race([isLocked, holding])
  return async () => {
    release()
    await holding
    await db.destroy()
  }
}

const sha512 = (bytes: Uint8Array) => createHash('sha512').update(bytes).digest('hex')

async function bytesOf(form: FormData): Promise<Uint8Array> {
  return new Uint8Array(await (form.get('file') as Blob).arrayBuffer())
}

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return false
}

/** Every document row's file, and every stored file no row names. */
async function compare(db: Db, store: DocumentStore) {
  const stored = new Set<string>()
  for await (const entry of store.list()) stored.add(entry.key)
  const rows = await db.selectFrom('document').select(['id', 'storage_key']).execute()
  const named = new Set(rows.flatMap((r) => (r.storage_key ? [r.storage_key] : [])))
  return {
    lost: [...named].filter((key) => !stored.has(key)),
    orphans: [...stored].filter((key) => !named.has(key)),
  }
}

export function runVerify(target: Target, args: string[] = []) {
  const withoutTest = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('PARAGRAF_TEST_')),
  )
  const run = spawnSync(process.execPath, [bin, 'verify', ...args], {
    env: { ...withoutTest, ...target.env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: run.status, output: `${run.stdout}${run.stderr}` }
}

/**
 * `kills` rounds on one database and store (the store named in target.env: DATA_DIR/documents, or
 * S3), then the sweep. Throws on a lost file, a refused redo or an orphan left after the sweep.
 */
export async function crashUploadsIntoStore(
  target: Target,
  dataDir: string,
  kills: number,
  random: () => number,
): Promise<FileCrashFigures> {
  const store = openDocumentStore(
    target.env.STORAGE === 's3'
      ? {
          kind: 's3',
          endpoint: target.env.S3_ENDPOINT,
          bucket: target.env.S3_BUCKET as string,
          region: target.env.S3_REGION as string,
          credentials: {
            accessKeyId: target.env.S3_ACCESS_KEY_ID as string,
            secretAccessKey: target.env.S3_SECRET_ACCESS_KEY as string,
          },
        }
      : { kind: 'disk', dir: path.join(dataDir, 'documents') },
  )
  const db = target.open()
  const figures: FileCrashFigures = {
    kills: 0,
    storedNotCommitted: 0,
    notStored: 0,
    randomAnswered: 0,
    randomCut: 0,
    redone: 0,
    orphansBeforeSweep: 0,
    swept: 0,
    orphansAfterSweep: 0,
    lost: 0,
  }
  let server: Server = await startServer(target, ['--demo'])
  try {
    const meeting = await db
      .selectFrom('meeting')
      .innerJoin('committee', 'committee.id', 'meeting.committee_id')
      .select(['meeting.id', 'meeting.slug', 'committee.slug as committee'])
      .where('committee.slug', '=', 'socialnamnden')
      .orderBy('meeting.meets_on', 'desc')
      .executeTakeFirstOrThrow()
    const agenda = `/admin/namnder/${meeting.committee}/sammantraden/${meeting.slug}/dagordning`
    const firstItem = async () =>
      (
        await db
          .selectFrom('agenda_item')
          .select('id')
          .where('meeting_id', '=', meeting.id)
          .orderBy('position')
          .executeTakeFirst()
      )?.id
    if (!(await firstItem())) {
      const session = new Session(server.url)
      await session.signIn()
      await session.get(agenda)
      await session.post(agenda, new URLSearchParams({ title: 'Bilagor' }))
    }
    const item = await firstItem()
    assert.ok(item, 'the coming meeting has an agenda item')
    const upload = `${agenda}/${item}/handlingar`
    const attached = async (title: string) =>
      (await db
        .selectFrom('document')
        .innerJoin('attachment', 'attachment.document_id', 'document.id')
        .select('document.id')
        .where('document.title', '=', title)
        .executeTakeFirst()) !== undefined

    for (let n = 0; n < kills; n++) {
      const round = rounds[n % rounds.length] as Round
      const title = `Bilaga ${n} (${target.env.STORAGE ?? 'disk'})`
      const nonce = `${n}-${random().toString(36).slice(2)}`
      const form = uploadForm(title, nonce)
      const key = sha512(await bytesOf(form))
      const session = new Session(server.url)
      await session.signIn()
      await session.get(`${agenda}/${item}`)
      if (round === 'random') {
        const sent = session.post(upload, form).then(
          (status) => status,
          () => 0,
        )
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 250)))
        await kill9(server)
        const status = await sent
        if (status === 0) figures.randomCut++
        else figures.randomAnswered++
        if (status === 303) assert.ok(await attached(title), `round ${n}: a 303 upload is lost`)
      } else {
        const release = await holdDocumentWrites(target, dataDir)
        try {
          const sent = session.post(upload, form).catch(() => 0)
          const stored = await until(async () => (await store.find(key)) !== undefined, 20_000)
          await kill9(server)
          await sent
          if (stored) figures.storedNotCommitted++
          else figures.notStored++
        } finally {
          await release()
        }
        assert.ok(!(await attached(title)), `round ${n}: the held-back row committed`)
      }
      figures.kills++

      server = await startServer(target)
      const after = await compare(db, store)
      figures.lost += after.lost.length
      assert.deepEqual(after.lost, [], `round ${n}: document rows whose file is gone`)

      // The work can be redone: the same file (its row adopts the stored bytes), or a re-saved one.
      if (!(await attached(title))) {
        const again = new Session(server.url)
        await again.signIn()
        await again.get(`${agenda}/${item}`)
        const redo = round === 'stored-other' ? uploadForm(title, `${nonce}-igen`) : uploadForm(title, nonce)
        assert.equal(await again.post(upload, redo), 303, `round ${n}: the redone upload was refused`)
        assert.ok(await attached(title), `round ${n}: the redone upload is not on the agenda`)
        figures.redone++
      }
      assert.deepEqual((await compare(db, store)).lost, [], `round ${n}: a file is gone after the redo`)
    }

    figures.orphansBeforeSweep = (await compare(db, store)).orphans.length
    const report = runVerify(target)
    assert.equal(report.status, 0, report.output)
    if (figures.orphansBeforeSweep > 0)
      assert.match(report.output, /i dokumentarkivet används inte av något dokument/, report.output)
    // While the server runs: the sweep decides each file under its key's lock.
    const sweep = runVerify(target, ['--remove-orphans', '--grace-minutes', '0'])
    assert.equal(sweep.status, 0, sweep.output)
    figures.swept = Number(/Tog bort (\d+)/.exec(sweep.output)?.[1] ?? -1)
    const final = await compare(db, store)
    figures.orphansAfterSweep = final.orphans.length
    figures.lost += final.lost.length
    assert.deepEqual(final.lost, [], 'document rows whose file is gone after the sweep')
    assert.deepEqual(final.orphans, [], 'files no document names after the sweep')
    return figures
  } finally {
    await kill9(server)
    await db.destroy()
  }
}
