import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { promisify } from 'node:util'
import type { DatabaseTarget } from '../db/database.ts'

// What `paragraf backup` writes and `paragraf restore` reads: one tar file holding manifest.json,
// the database (an SQLite file from the online backup API, or a pg_dump archive) and documents/,
// one file per stored document, named by its storage key.

/** A mistake or a fault the operator can act on, printed as one line. */
export class BackupError extends Error {}

export const manifestName = 'manifest.json'
export const documentsDirName = 'documents'

export interface BackupManifest {
  format: 'paragraf-backup'
  version: 1
  createdAt: string
  dialect: DatabaseTarget['dialect']
  /** database.sqlite or database.pgdump */
  database: string
  /** The migrations the copied database had run: a version that lacks one cannot restore it. */
  migrations: string[]
  /** Storage key -> sha512 of the file, checked again on restore. */
  documents: Record<string, string>
}

const run = promisify(execFile)

/** Runs an outside program (tar, pg_dump, pg_restore); its failure becomes one line. */
export async function runProgram(program: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  try {
    await run(program, args, { env, maxBuffer: 16 * 1024 * 1024 })
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string }
    if (e.code === 'ENOENT')
      throw new BackupError(`${program} saknas på den här datorn: installera det och försök igen`)
    const reason = (e.stderr ?? e.message).trim().split('\n')[0]
    throw new BackupError(`${program} misslyckades: ${reason}`)
  }
}

/** The environment that gives pg_dump and pg_restore the database of `url`, with the password out of the process list. */
export function postgresProgramEnv(url: string): { env: NodeJS.ProcessEnv; dbname: string } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  return { env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }, dbname: parsed.toString() }
}

export async function sha512OfFile(file: string): Promise<string> {
  const hash = createHash('sha512')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
