import { createReadStream, existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import type { Config } from '../config.ts'
import { openDatabase } from '../db/database.ts'
import { migrateToLatest, pendingMigrations } from '../db/migrate.ts'
import { openDocumentStore } from '../storage/open-document-store.ts'
import {
  BackupError,
  type BackupManifest,
  documentsDirName,
  manifestName,
  postgresProgramEnv,
  runProgram,
  sha512OfFile,
} from './backup-archive.ts'

const dialectNames = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const

/**
 * `paragraf restore FILE`: a backup from `paragraf backup` into an empty database of the same kind
 * (SQLite or PostgreSQL) and into the document store, each file checked against the sha512 it had
 * when it was copied; then the migrations of this version run. A database with tables is refused,
 * so a restore never mixes with or overwrites data.
 */
export async function restoreCommand(file: string, config: Config): Promise<string> {
  if (!existsSync(file)) throw new BackupError(`filen ${file} finns inte`)
  const staging = await mkdtemp(path.join(tmpdir(), 'paragraf-restore-'))
  try {
    try {
      await runProgram('tar', ['-xf', file, '-C', staging])
    } catch {
      throw new BackupError(`filen ${file} är ingen säkerhetskopia från paragraf backup`)
    }
    const manifest = await readManifest(file, staging)
    const knownMigrations = await listKnownMigrations()
    if (manifest.dialect !== config.database.dialect)
      throw new BackupError(
        `säkerhetskopian är av en ${dialectNames[manifest.dialect]}-databas men DATABASE_URL anger ${dialectNames[config.database.dialect]}`,
      )
    const unknown = manifest.migrations.filter((name) => !knownMigrations.includes(name))
    if (unknown.length > 0)
      throw new BackupError(
        `säkerhetskopian är från en nyare version av Paragraf (migreringen ${unknown[0]} finns inte i den här): återställ med den versionen eller en senare`,
      )
    const documents = path.join(staging, documentsDirName)
    const files = existsSync(documents) ? await readdir(documents) : []
    for (const key of files)
      if (manifest.documents[key] !== (await sha512OfFile(path.join(documents, key))))
        throw new BackupError(`dokumentfilen ${key.slice(0, 16)}… i säkerhetskopian är skadad`)
    if (files.length !== Object.keys(manifest.documents).length)
      throw new BackupError('säkerhetskopian saknar dokumentfiler')

    await restoreDatabase(config, path.join(staging, manifest.database))
    const store = openDocumentStore(config.storage)
    for (const key of files) {
      const stored = await store.put(key, createReadStream(path.join(documents, key)))
      if (stored.sha512 !== manifest.documents[key])
        throw new BackupError(`dokumentfilen ${key.slice(0, 16)}… sparades inte oförändrad i dokumentlagret`)
    }
    const db = openDatabase(config.database)
    try {
      await migrateToLatest(db) // a backup from an earlier version
    } catch (error) {
      throw new BackupError(`databasen återställdes men kunde inte uppdateras: ${(error as Error).message}`)
    } finally {
      await db.destroy()
    }
    return `Återställt från ${file} (gjord ${manifest.createdAt}): databasen och ${files.length} ${files.length === 1 ? 'dokumentfil' : 'dokumentfiler'}.`
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/** Every migration this version knows: on an empty database, all of them are pending. */
async function listKnownMigrations(): Promise<string[]> {
  const empty = openDatabase({ dialect: 'sqlite', file: ':memory:' })
  try {
    return await pendingMigrations(empty)
  } finally {
    await empty.destroy()
  }
}

async function readManifest(file: string, staging: string): Promise<BackupManifest> {
  try {
    const manifest = JSON.parse(await readFile(path.join(staging, manifestName), 'utf8')) as BackupManifest
    if (manifest.format === 'paragraf-backup' && manifest.version === 1 && Array.isArray(manifest.migrations))
      return manifest
  } catch {
    // told below
  }
  throw new BackupError(`filen ${file} är ingen säkerhetskopia från paragraf backup`)
}

async function restoreDatabase(config: Config, dump: string) {
  if (config.database.dialect === 'sqlite') {
    const target = config.database.file
    if (existsSync(target)) {
      const existing = new SqliteDatabase(target, { readonly: true })
      const tables = existing
        .prepare("select count(*) as n from sqlite_master where type = 'table'")
        .get() as {
        n: number
      }
      existing.close()
      if (tables.n > 0)
        throw new BackupError(
          `databasen ${target} är inte tom: återställ till en ny, tom databas (flytta undan filen först)`,
        )
    }
    await mkdir(path.dirname(target), { recursive: true })
    for (const suffix of ['', '-wal', '-shm']) await rm(`${target}${suffix}`, { force: true })
    // Copied beside the target and renamed, so a server never opens half a file.
    await copyFile(dump, `${target}.restoring`)
    await rename(`${target}.restoring`, target)
    return
  }
  const db = openDatabase(config.database)
  try {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables where table_schema = current_schema()`.execute(
      db,
    )
    if ((rows[0]?.n ?? 0) > 0)
      throw new BackupError(
        'databasen i DATABASE_URL är inte tom: återställ till en ny, tom databas (createdb)',
      )
  } finally {
    await db.destroy()
  }
  const { env, dbname } = postgresProgramEnv(config.database.url)
  await runProgram(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, dump],
    env,
  )
}
