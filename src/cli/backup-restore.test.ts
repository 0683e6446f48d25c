import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import SqliteDatabase from 'better-sqlite3'
import pg from 'pg'
import { pdfFile, uploadStream } from '../../test/support/document-files.ts'
import { testActor } from '../../test/support/factories.ts'
import { type Config, loadConfig } from '../config.ts'
import { openDatabase } from '../db/database.ts'
import { loadDemoData } from '../demo/load-demo.ts'
import { uploadDocument } from '../domain/document/document-upload.service.ts'
import { openMigrated } from '../main.ts'
import { openDocumentStore } from '../storage/open-document-store.ts'
import { BackupError } from './backup-archive.ts'
import { backupCommand } from './backup-command.ts'
import { restoreCommand } from './restore-command.ts'

// `paragraf backup` and `paragraf restore` on a database with the demo data and uploaded documents:
// restored into an empty database, every table and every document file must be the same.

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-backup-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const configOf = (name: string, databaseUrl = '') =>
  loadConfig({ DATA_DIR: path.join(dir, name), DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' })

/** Demo data and two uploaded PDF documents (one confidential), with their files in the store. */
async function fillSource(config: Config) {
  const db = await openMigrated(config)
  try {
    await loadDemoData(db)
    const organisation = await db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()
    const store = openDocumentStore(config.storage)
    for (const [title, confidential] of [
      ['Tjänsteskrivelse om ledsagning', false],
      ['Utredning (sekretess)', true],
    ] as const) {
      await uploadDocument(db, store, testActor, {
        organisationId: organisation.id,
        title,
        kind: 'tjansteutlatande',
        confidential,
        ...(confidential ? { confidentialityGround: 'OSL 26:1' } : {}),
        fileName: `${title}.pdf`,
        mimeType: 'application/pdf',
        stream: uploadStream(pdfFile([title, 'Bakgrund', 'Förslag till beslut'])),
        maxBytes: 10_000_000,
      })
    }
  } finally {
    await db.destroy()
  }
}

/** Every row of every table, each table's rows sorted, so two databases compare as values. */
async function readAllTables(config: Config): Promise<Record<string, string[]>> {
  const db = openDatabase(config.database)
  try {
    const tables = (await db.introspection.getTables()).map((table) => table.name).sort()
    const all: Record<string, string[]> = {}
    for (const table of tables) {
      // biome-ignore lint/suspicious/noExplicitAny: every table, whatever its columns
      const rows = await (db as any).selectFrom(table).selectAll().execute()
      all[table] = rows.map((row: unknown) => JSON.stringify(row)).sort()
    }
    return all
  } finally {
    await db.destroy()
  }
}

/** Every file under `root` (but tmp/), by its path inside it, with its bytes. */
function readAllFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name)
      if (entry.isDirectory()) {
        if (name !== 'tmp') walk(name)
      } else files[name] = readFileSync(path.join(root, name)).toString('base64')
    }
  }
  walk('')
  return files
}

describe('paragraf backup beside a server that writes [sqlite]', () => {
  it('finishes while another connection writes between its steps, with a consistent copy', {
    timeout: 120_000,
  }, async () => {
    const config = configOf('busy-source')
    await fillSource(config)
    // Another connection writes again and again, as a busy server would: a stepwise online backup
    // starts over after each such write and never ends.
    const writer = new SqliteDatabase((config.database as { file: string }).file)
    writer.pragma('busy_timeout = 5000')
    writer.exec('create table scratch (n integer)')
    const insert = writer.prepare('insert into scratch values (?)')
    let writes = 0
    let writing = true
    const write = () => {
      if (!writing) return
      insert.run(writes++)
      setImmediate(write)
    }
    setImmediate(write)
    const file = path.join(dir, 'busy.paragraf-backup')
    try {
      await backupCommand(file, config)
    } finally {
      writing = false
    }
    writer.close()
    assert.ok(writes > 0)
    await restoreCommand(file, configOf('busy-target'))
    const copy = new SqliteDatabase((configOf('busy-target').database as { file: string }).file, {
      readonly: true,
    })
    try {
      assert.equal(copy.pragma('integrity_check', { simple: true }), 'ok')
      const copied = copy.prepare('select count(*) as n from scratch').pluck().get() as number
      assert.ok(copied <= writes)
    } finally {
      copy.close()
    }
  })
})

const dialects: Array<['sqlite' | 'postgres', string | undefined]> = [
  ['sqlite', ''],
  ['postgres', process.env.PARAGRAF_TEST_DATABASE_URL],
]

for (const [dialect, baseUrl] of dialects) {
  describe(`paragraf backup and restore [${dialect}]`, {
    skip: baseUrl === undefined && 'PARAGRAF_TEST_DATABASE_URL is not set',
  }, () => {
    const names = [
      `paragraf_backup_${randomBytes(4).toString('hex')}`,
      `paragraf_restore_${randomBytes(4).toString('hex')}`,
    ]
    const urlOf = (database: string) => {
      const url = new URL(baseUrl as string)
      url.pathname = `/${database}`
      return url.toString()
    }
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: baseUrl })
      await client.connect()
      try {
        await client.query(statement)
      } finally {
        await client.end()
      }
    }
    const source = () => configOf(`${dialect}-source`, dialect === 'sqlite' ? '' : urlOf(names[0] as string))
    const target = () => configOf(`${dialect}-target`, dialect === 'sqlite' ? '' : urlOf(names[1] as string))
    const file = path.join(dir, `${dialect}.paragraf-backup`)

    after(async () => {
      if (dialect === 'postgres')
        for (const name of names) await admin(`drop database if exists ${name} with (force)`)
    })

    it('restores every table and every document file into an empty database', async () => {
      if (dialect === 'postgres') for (const name of names) await admin(`create database ${name}`)
      await fillSource(source())
      const written = await backupCommand(file, source())
      assert.match(written, /^Säkerhetskopian .* är skriven \(.* MB\): databasen och 2 dokumentfiler\.$/)

      const restored = await restoreCommand(file, target())
      assert.match(restored, /^Återställt från .*: databasen och 2 dokumentfiler\.$/)
      const [before, afterRestore] = [await readAllTables(source()), await readAllTables(target())]
      assert.deepEqual(Object.keys(afterRestore), Object.keys(before))
      for (const table of Object.keys(before)) assert.deepEqual(afterRestore[table], before[table], table)
      assert.ok((before.document?.length ?? 0) >= 2)
      const documents = (config: Config) => readAllFiles((config.storage as { dir: string }).dir)
      assert.equal(Object.keys(documents(source())).length, 2)
      assert.deepEqual(documents(target()), documents(source()))
    })

    it('refuses a database that is not empty, a file that is no backup, and an existing backup file', async () => {
      await assert.rejects(restoreCommand(file, target()), (error: Error) => {
        assert.ok(error instanceof BackupError)
        assert.match(error.message, /inte tom/)
        return true
      })
      const noise = path.join(dir, 'noise.tar')
      writeFileSync(noise, 'inte en säkerhetskopia')
      await assert.rejects(restoreCommand(noise, target()), /ingen säkerhetskopia/)
      await assert.rejects(backupCommand(file, source()), /finns redan/)
      // A backup made by a later version, with a migration this version does not have.
      const unpacked = mkdtempSync(path.join(dir, 'unpacked-'))
      execFileSync('tar', ['-xf', file, '-C', unpacked])
      const manifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8'))
      manifest.migrations.push('9999-from-the-future')
      writeFileSync(path.join(unpacked, 'manifest.json'), JSON.stringify(manifest))
      const later = path.join(dir, `${dialect}-later.paragraf-backup`)
      execFileSync('tar', ['-cf', later, '-C', unpacked, '.'])
      await assert.rejects(
        restoreCommand(
          later,
          configOf(
            `${dialect}-empty`,
            target().database.dialect === 'sqlite' ? '' : urlOf(names[1] as string),
          ),
        ),
        /nyare version av Paragraf \(migreringen 9999-from-the-future/,
      )
    })
  })
}
