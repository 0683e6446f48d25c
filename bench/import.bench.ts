// Import speed: protocols per second stored into SQLite (a file, as in production) and PostgreSQL
// (when PARAGRAF_TEST_DATABASE_URL is set), on a corpus made from the fixtures: seed 002 and the
// other protocols, each copy moved to its own meeting day with its own registry numbers, as in a
// city's archive. Parsing is measured by bench/parse.bench.ts; this measures storing.
// Run: npm run bench:import [-- COUNT]   (default 500 protocols per database)
// KEEP_SQLITE=FILE keeps the SQLite database there to be looked into (dbstat, sqlite3_analyzer).
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { type DatabaseTarget, openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { systemActor } from '../src/domain/shared/actor.ts'
import { documentsATransaction, importDocuments } from '../src/import/import-document.ts'
import { loadProtocolTemplates, protocolVariant } from './protocol-corpus.ts'

const count = Number(process.argv[2] ?? 500)
const templates = await loadProtocolTemplates()
const variant = (n: number) => protocolVariant(templates, n)

async function run(label: string, target: DatabaseTarget) {
  const db = openDatabase(target)
  await migrateToLatest(db)
  const actor = systemActor('bench')
  const started = performance.now()
  const cpu = process.cpuUsage()
  // CPU per protocol over the first and the last tenth (whole transactions, at least one each):
  // whether a protocol costs more as the archive grows.
  const tenth = Math.max(
    documentsATransaction,
    Math.floor(count / 10 / documentsATransaction) * documentsATransaction,
  )
  const marks = new Map<number, number>()
  const cpuNow = () => {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }
  // As `paragraf import` stores files: a transaction's worth at a time (importDocuments).
  for (let n = 0; n < count; n += documentsATransaction) {
    marks.set(n, cpuNow())
    const group = Array.from({ length: Math.min(documentsATransaction, count - n) }, (_, i) => variant(n + i))
    for (const outcome of await importDocuments(db, actor, group, { organisation: 'Benchstad' }))
      if (outcome instanceof Error) throw outcome
  }
  marks.set(count, cpuNow())
  const firstEnd = Math.min(count, tenth)
  const lastStart = Math.max(0, Math.ceil((count - tenth) / documentsATransaction) * documentsATransaction)
  const cpuBetween = (from: number, to: number) =>
    ((marks.get(to) ?? 0) - (marks.get(from) ?? 0)) / (to - from)
  const first = cpuBetween(0, firstEnd)
  const last = cpuBetween(Math.min(lastStart, count - 1 - ((count - 1) % documentsATransaction)), count)
  const seconds = (performance.now() - started) / 1000
  // This process's CPU time (on SQLite the database's work too; not PostgreSQL's server): on a
  // shared machine it says more than the wall time, which the other processes' load stretches.
  const { user, system } = process.cpuUsage(cpu)
  const cpuMs = (user + system) / 1000 / count
  const perSecond = count / seconds
  console.log(
    `${label}: ${count} protocols in ${seconds.toFixed(1)} s = ${perSecond.toFixed(1)} protocols/s; ` +
      `10,000 protocols ≈ ${(10_000 / perSecond / 60).toFixed(1)} min; ` +
      `${cpuMs.toFixed(0)} ms CPU per protocol (${(1000 / cpuMs).toFixed(1)}/s on a free core); ` +
      `load average ${loadavg()[0]?.toFixed(1)}; first tenth ${first.toFixed(0)} ms CPU per protocol, last ${last.toFixed(0)} ms`,
  )
  return db
}

/** The SQLite file's bytes per protocol, and the five largest tables and indexes (dbstat). */
async function diskPerProtocol(db: Awaited<ReturnType<typeof run>>, file: string) {
  await sql`pragma wal_checkpoint(truncate)`.execute(db)
  const bytes = statSync(file).size
  console.log(
    `SQLite disk: ${(bytes / count / 1024).toFixed(1)} KB per protocol (${(bytes / 1e6).toFixed(1)} MB)`,
  )
  try {
    const { rows } = await sql<{ name: string; bytes: number }>`
      select name, sum(pgsize) as bytes from dbstat group by name order by bytes desc limit 8`.execute(db)
    for (const row of rows) console.log(`  ${row.name}: ${(Number(row.bytes) / count / 1024).toFixed(1)} KB`)
  } catch {
    // dbstat is compiled into better-sqlite3's SQLite; another build may lack it.
  }
}

/** PostgreSQL's bytes per protocol: every table of the schema with its indexes and TOAST, and the five largest. */
async function postgresDiskPerProtocol(db: Awaited<ReturnType<typeof run>>, schema: string) {
  const { rows } = await sql<{ name: string; bytes: string }>`
    select c.relname as name, pg_total_relation_size(c.oid) as bytes from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relkind = 'r' order by 2 desc`.execute(db)
  const total = rows.reduce((sum, row) => sum + Number(row.bytes), 0)
  console.log(
    `PostgreSQL disk: ${(total / count / 1024).toFixed(1)} KB per protocol (tables, indexes, TOAST)`,
  )
  for (const row of rows.slice(0, 5))
    console.log(`  ${row.name}: ${(Number(row.bytes) / count / 1024).toFixed(1)} KB`)
}

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-bench-'))
try {
  const file = process.env.KEEP_SQLITE ?? path.join(dir, 'bench.sqlite')
  const sqlite = await run('SQLite (file, WAL)', { dialect: 'sqlite', file })
  await diskPerProtocol(sqlite, file)
  await sqlite.destroy()
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const url = process.env.PARAGRAF_TEST_DATABASE_URL
if (url) {
  const schema = `bench_${process.pid}`
  const admin = openDatabase({ dialect: 'postgres', url })
  await sql`create schema ${sql.id(schema)}`.execute(admin)
  try {
    const pg = await run('PostgreSQL', { dialect: 'postgres', url, schema })
    await postgresDiskPerProtocol(pg, schema)
    await pg.destroy()
  } finally {
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin)
    await admin.destroy()
  }
} else {
  console.log('PostgreSQL: skipped (set PARAGRAF_TEST_DATABASE_URL to measure it)')
}
