import { accessSync, constants, mkdirSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { DatabaseTarget } from './db/database.ts'

// The environment is read once, here. Every problem is reported at once, on one line, and the
// result is frozen so nothing changes it later.

export interface Config {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly database: DatabaseTarget
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
}

export class ConfigError extends Error {}

const environmentSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be 0–65535')
    .max(65535, 'PORT must be 0–65535')
    .default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type ConfigInput = Partial<Record<keyof z.infer<typeof environmentSchema>, string | undefined>>

/** Reads the configuration from the environment, with command-line flags taking precedence. */
export function loadConfig(environment: NodeJS.ProcessEnv, flags: ConfigInput = {}): Config {
  const merged = {
    ...pick(environment),
    ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)),
  }
  const parsed = environmentSchema.safeParse(merged)
  const problems: string[] = parsed.success ? [] : parsed.error.issues.map((i) => i.message)
  let database: DatabaseTarget | undefined
  let dataDir = ''
  if (parsed.success) {
    dataDir = path.resolve(parsed.data.DATA_DIR)
    const writable = checkWritable(dataDir)
    if (writable) problems.push(writable)
    const target = parseDatabaseUrl(parsed.data.DATABASE_URL, dataDir)
    if (typeof target === 'string') problems.push(target)
    else database = target
  }
  if (!parsed.success || !database || problems.length > 0) throw new ConfigError(problems.join('; '))
  return Object.freeze({
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    dataDir,
    database,
    logLevel: parsed.data.LOG_LEVEL,
  })
}

function pick(environment: NodeJS.ProcessEnv): ConfigInput {
  const { PORT, HOST, DATA_DIR, DATABASE_URL, LOG_LEVEL } = environment
  return Object.fromEntries(
    Object.entries({ PORT, HOST, DATA_DIR, DATABASE_URL, LOG_LEVEL }).filter(
      ([, v]) => v !== undefined && v !== '',
    ),
  )
}

/** postgres://… or postgresql://… for PostgreSQL; sqlite:FILE, or nothing for data/paragraf.sqlite. */
export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseTarget | string {
  if (!url) return { dialect: 'sqlite', file: path.join(dataDir, 'paragraf.sqlite') }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '')
    return file
      ? { dialect: 'sqlite', file: path.resolve(file) }
      : 'DATABASE_URL sqlite: needs a file name (sqlite:./data/paragraf.sqlite)'
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      const parsed = new URL(url)
      if (!parsed.hostname) return 'DATABASE_URL has no host name (postgres://USER@HOST:5432/DATABASE)'
      if (parsed.pathname.length <= 1)
        return 'DATABASE_URL names no database (postgres://USER@HOST:5432/DATABASE)'
      return { dialect: 'postgres', url }
    } catch {
      return 'DATABASE_URL is not a valid URL (postgres://USER@HOST:5432/DATABASE)'
    }
  }
  return 'DATABASE_URL must start with postgres://, postgresql:// or sqlite:'
}

function checkWritable(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, constants.W_OK)
    return undefined
  } catch {
    return `DATA_DIR ${dir} cannot be created or written to`
  }
}
