import { createWriteStream, existsSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import SqliteDatabase from 'better-sqlite3'
import { sql } from 'kysely'
import type { Config } from '../config.ts'
import { openMigrated } from '../main.ts'
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

/**
 * `paragraf backup FILE`: a consistent copy of the database while the server runs (SQLite's online
 * backup API; pg_dump's single snapshot on PostgreSQL) and the file of every document it names,
 * in one tar file. Written beside FILE and renamed into place, so a failed backup leaves no file.
 */
export async function backupCommand(file: string, config: Config): Promise<string> {
  if (existsSync(file)) throw new BackupError(`filen ${file} finns redan: välj ett nytt namn`)
  const staging = await mkdtemp(path.join(path.dirname(path.resolve(file)), '.paragraf-backup-')).catch(
    (error: NodeJS.ErrnoException) => {
      throw new BackupError(`filen ${file} kan inte skrivas (${error.code})`)
    },
  )
  try {
    const { keys, migrations } = await copyDatabase(config, staging)
    const documents = await copyDocuments(config, keys, path.join(staging, documentsDirName))
    const manifest: BackupManifest = {
      format: 'paragraf-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      dialect: config.database.dialect,
      database: databaseFileName(config),
      migrations,
      documents,
    }
    await writeFile(path.join(staging, manifestName), JSON.stringify(manifest, null, 2))
    const partial = `${file}.${path.basename(staging)}.tmp`
    try {
      await runProgram('tar', [
        '-cf',
        partial,
        '-C',
        staging,
        manifestName,
        manifest.database,
        documentsDirName,
      ])
      await rename(partial, file)
    } finally {
      await rm(partial, { force: true })
    }
    const { size } = await stat(file)
    const count = Object.keys(documents).length
    return `Säkerhetskopian ${file} är skriven (${megabytes(size)}): databasen och ${count} ${count === 1 ? 'dokumentfil' : 'dokumentfiler'}.`
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

const allPages = 0x7fffffff // the most better-sqlite3 passes to sqlite3_backup_step

const databaseFileName = (config: Config) =>
  config.database.dialect === 'sqlite' ? 'database.sqlite' : 'database.pgdump'

/** Copies the database into `staging`; returns the storage keys of its documents and the migrations it has run. */
async function copyDatabase(
  config: Config,
  staging: string,
): Promise<{ keys: string[]; migrations: string[] }> {
  // Migrated first, so the copy is of this version's schema.
  const db = await openMigrated(config)
  try {
    const target = path.join(staging, databaseFileName(config))
    if (config.database.dialect === 'sqlite') {
      const live = new SqliteDatabase(config.database.file, { fileMustExist: true })
      try {
        // All pages in one step, in one read transaction: SQLite restarts a stepwise backup whenever
        // another connection writes, so beside a busy server it might never end. In WAL mode the
        // server's writes go on meanwhile; the copy is the database as it was when the step began.
        await live.backup(target, { progress: () => allPages })
      } finally {
        live.close()
      }
      // The keys from the copy itself, so the files match the database that was copied.
      const copy = new SqliteDatabase(target, { readonly: true })
      try {
        const keys = copy
          .prepare('select distinct storage_key from document where storage_key is not null')
          .pluck()
          .all() as string[]
        const migrations = copy
          .prepare('select name from kysely_migration order by name')
          .pluck()
          .all() as string[]
        return { keys, migrations }
      } finally {
        copy.close()
      }
    }
    const { env, dbname } = postgresProgramEnv(config.database.url)
    await runProgram(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, `--dbname=${dbname}`],
      env,
    )
    // Read after the dump: a document added meanwhile only adds a file the restored database does not name.
    const rows = await db
      .selectFrom('document')
      .select('storage_key')
      .distinct()
      .where('storage_key', 'is not', null)
      .execute()
    const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      db,
    )
    return {
      keys: rows.map((row) => row.storage_key as string),
      migrations: migrations.rows.map((row) => row.name),
    }
  } finally {
    await db.destroy()
  }
}

/** Copies the file of each key from the document store (disk or S3) and returns key -> sha512. */
async function copyDocuments(config: Config, keys: string[], dir: string): Promise<Record<string, string>> {
  await mkdir(dir, { recursive: true })
  const store = openDocumentStore(config.storage)
  const documents: Record<string, string> = {}
  for (const key of keys.sort()) {
    const file = path.join(dir, key)
    try {
      await pipeline(store.get(key), createWriteStream(file, { flags: 'wx' }))
    } catch (error) {
      throw new BackupError(
        `dokumentfilen ${key.slice(0, 16)}… kan inte läsas ur dokumentlagret (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      )
    }
    documents[key] = await sha512OfFile(file)
  }
  return documents
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`
}
