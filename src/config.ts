import { accessSync, constants, mkdirSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { DatabaseTarget } from './db/database.ts'
import { type MailSettings, parseMailSettings, parsePublicUrl } from './mail/mail-settings.ts'
import type { StorageTarget } from './storage/open-document-store.ts'

// The environment is read once, here. Every problem is reported at once, on one line, and the
// result is frozen so nothing changes it later.

export interface Config {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly database: DatabaseTarget
  /** Where document files are kept: DATA_DIR/documents, or an S3 bucket. */
  readonly storage: StorageTarget
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** The portal's address, for links in mail (PUBLIC_URL; by default http://HOST:PORT). */
  readonly publicUrl: string
  /**
   * The tag: authority (RFC 4151) of feed ids and calendar UIDs (FEED_ID_AUTHORITY, "stockholm.se,2026"),
   * so they survive a change of address; undefined: the host of the portal's address, in 2026.
   */
  readonly feedIdAuthority: string | undefined
  /** The mail server (SMTP_URL, MAIL_FROM); undefined: no mail is sent. */
  readonly mail: MailSettings | undefined
  /**
   * Whose X-Forwarded-For and -Proto headers to believe (TRUST_PROXY): by default only a proxy on
   * this machine, so a visitor cannot pose as another address to slip the login limit.
   */
  readonly trustProxy: boolean | string
  /**
   * The OIDC broker through which signatories sign with an e-legitimation (BankID, Freja eID):
   * SIGNING_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _PROVIDER_NAME, _IDENTITY_CLAIM; undefined: none.
   */
  readonly signingOidc: SigningOidcSettings | undefined
  /**
   * The organisation's identity provider through which staff sign in to the workspace (Entra ID,
   * Keycloak, an e-ID broker): LOGIN_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _PROVIDER_NAME,
   * _ORGANISATION; undefined: passwords only.
   */
  readonly loginOidc: LoginOidcSettings | undefined
  /**
   * The key that seals TOTP secrets at rest (TOTP_SECRET_KEY, 32 bytes in base64, the same on every
   * app server); undefined: TOTP cannot be turned on or checked.
   */
  readonly totpSecretKey: Buffer | undefined
  /** The megabytes of rendered public pages each server keeps until the record changes (PAGE_CACHE_MB; 0: none). */
  readonly pageCacheMegabytes: number
}

export interface LoginOidcSettings {
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string | undefined
  /** How the login page names it: "Logga in med <name>". */
  readonly providerName: string
  /** The organisation (slug) whose list shows accounts opened at a first sign-in; else the only one. */
  readonly organisation: string | undefined
}

export interface SigningOidcSettings {
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string | undefined
  /** How the minutes name it: "BankID via Svensk e-identitet". */
  readonly providerName: string
  /** The ID token claim with the personnummer (12 digits); sub is read when it is missing. */
  readonly identityClaim: string
}

export class ConfigError extends Error {}

// Every problem below is one line in Swedish: `paragraf` prints them, joined by '; ', and stops.
const pageCacheProblem = 'PAGE_CACHE_MB ska vara ett helt antal megabyte (0 stänger av sidcachen)'

const environmentSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT ska vara ett tal' })
    .int('PORT ska vara ett heltal')
    .min(0, 'PORT ska vara 0–65535')
    .max(65535, 'PORT ska vara 0–65535')
    .default(3000),
  HOST: z.string().min(1, 'HOST får inte vara tom').default('localhost'),
  DATA_DIR: z.string().min(1, 'DATA_DIR får inte vara tom').default('./data'),
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LOG_LEVEL ska vara fatal, error, warn, info, debug, trace eller silent',
    })
    .default('info'),
  PAGE_CACHE_MB: z.coerce
    .number({ error: pageCacheProblem })
    .int({ error: pageCacheProblem })
    .min(0, { error: pageCacheProblem })
    .max(100_000, { error: 'PAGE_CACHE_MB får vara högst 100000' })
    .default(64),
  STORAGE: z.enum(['disk', 's3'], { error: 'STORAGE ska vara disk eller s3' }).default('disk'),
  S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'S3_ENDPOINT ska vara en http(s)-adress (http://127.0.0.1:9000)' })
    .optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  PUBLIC_URL: z.string().optional(),
  FEED_ID_AUTHORITY: z
    .string()
    .regex(/^([a-z0-9-]+(\.[a-z0-9-]+)+|[^@\s,]+@[a-z0-9-]+(\.[a-z0-9-]+)+),\d{4}(-\d\d(-\d\d)?)?$/i, {
      error:
        'FEED_ID_AUTHORITY ska vara en domän (eller e-postadress) och ett datum då den var er: stockholm.se,2026',
    })
    .optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  MAIL_INTERVAL_SECONDS: z.string().optional(),
  TRUST_PROXY: z.string().default('loopback'),
  SIGNING_OIDC_ISSUER: z
    .url({ error: 'SIGNING_OIDC_ISSUER ska vara förmedlingstjänstens issuer-adress' })
    .optional(),
  SIGNING_OIDC_CLIENT_ID: z.string().optional(),
  SIGNING_OIDC_CLIENT_SECRET: z.string().optional(),
  SIGNING_OIDC_PROVIDER_NAME: z.string().default('e-legitimation'),
  SIGNING_OIDC_IDENTITY_CLAIM: z.string().default('personal_identity_number'),
  LOGIN_OIDC_ISSUER: z
    .url({ error: 'LOGIN_OIDC_ISSUER ska vara identitetsleverantörens issuer-adress' })
    .optional(),
  LOGIN_OIDC_CLIENT_ID: z.string().optional(),
  LOGIN_OIDC_CLIENT_SECRET: z.string().optional(),
  LOGIN_OIDC_PROVIDER_NAME: z.string().default('organisationens konto'),
  LOGIN_OIDC_ORGANISATION: z.string().optional(),
  TOTP_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v.trim(), 'base64').length === 32, {
      error: 'TOTP_SECRET_KEY ska vara 32 slumpmässiga byte i base64 (openssl rand -base64 32)',
    })
    .optional(),
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
  const storage = parseStorage(merged)
  if (Array.isArray(storage)) problems.push(...storage)
  const mail = parseMailSettings(merged)
  if (Array.isArray(mail)) problems.push(...mail)
  const publicUrl = parsePublicUrl(merged.PUBLIC_URL)
  if (Array.isArray(publicUrl)) problems.push(...publicUrl)
  if (parsed.success && parsed.data.SIGNING_OIDC_ISSUER && !parsed.data.SIGNING_OIDC_CLIENT_ID)
    problems.push('SIGNING_OIDC_CLIENT_ID behövs med SIGNING_OIDC_ISSUER')
  if (parsed.success && parsed.data.LOGIN_OIDC_ISSUER && !parsed.data.LOGIN_OIDC_CLIENT_ID)
    problems.push('LOGIN_OIDC_CLIENT_ID behövs med LOGIN_OIDC_ISSUER')
  if (parsed.success) {
    dataDir = path.resolve(parsed.data.DATA_DIR)
    const writable = checkWritable(dataDir)
    if (writable) problems.push(writable)
    const target = parseDatabaseUrl(parsed.data.DATABASE_URL, dataDir)
    if (typeof target === 'string') problems.push(target)
    else database = target
  }
  if (
    !parsed.success ||
    !database ||
    Array.isArray(storage) ||
    Array.isArray(mail) ||
    Array.isArray(publicUrl) ||
    problems.length > 0
  )
    throw new ConfigError(problems.join('; '))
  return Object.freeze({
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    dataDir,
    database,
    storage: storage === 'disk' ? { kind: 'disk' as const, dir: path.join(dataDir, 'documents') } : storage,
    logLevel: parsed.data.LOG_LEVEL,
    pageCacheMegabytes: parsed.data.PAGE_CACHE_MB,
    publicUrl: publicUrl ?? `http://${parsed.data.HOST}:${parsed.data.PORT}`,
    feedIdAuthority: parsed.data.FEED_ID_AUTHORITY?.toLowerCase(),
    mail,
    trustProxy: parseTrustProxy(parsed.data.TRUST_PROXY),
    signingOidc: parsed.data.SIGNING_OIDC_ISSUER
      ? {
          issuer: parsed.data.SIGNING_OIDC_ISSUER,
          clientId: parsed.data.SIGNING_OIDC_CLIENT_ID as string,
          clientSecret: parsed.data.SIGNING_OIDC_CLIENT_SECRET,
          providerName: parsed.data.SIGNING_OIDC_PROVIDER_NAME,
          identityClaim: parsed.data.SIGNING_OIDC_IDENTITY_CLAIM,
        }
      : undefined,
    loginOidc: parsed.data.LOGIN_OIDC_ISSUER
      ? {
          issuer: parsed.data.LOGIN_OIDC_ISSUER,
          clientId: parsed.data.LOGIN_OIDC_CLIENT_ID as string,
          clientSecret: parsed.data.LOGIN_OIDC_CLIENT_SECRET,
          providerName: parsed.data.LOGIN_OIDC_PROVIDER_NAME,
          organisation: parsed.data.LOGIN_OIDC_ORGANISATION,
        }
      : undefined,
    totpSecretKey: parsed.data.TOTP_SECRET_KEY
      ? Buffer.from(parsed.data.TOTP_SECRET_KEY.trim(), 'base64')
      : undefined,
  })
}

function pick(environment: NodeJS.ProcessEnv): ConfigInput {
  const { PORT, HOST, DATA_DIR, DATABASE_URL, LOG_LEVEL, PAGE_CACHE_MB } = environment
  const { STORAGE, S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = environment
  const storage = { STORAGE, S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY }
  const { PUBLIC_URL, SMTP_URL, MAIL_FROM, MAIL_INTERVAL_SECONDS, TRUST_PROXY, FEED_ID_AUTHORITY } =
    environment
  const { SIGNING_OIDC_ISSUER, SIGNING_OIDC_CLIENT_ID, SIGNING_OIDC_CLIENT_SECRET } = environment
  const { SIGNING_OIDC_PROVIDER_NAME, SIGNING_OIDC_IDENTITY_CLAIM } = environment
  const { LOGIN_OIDC_ISSUER, LOGIN_OIDC_CLIENT_ID, LOGIN_OIDC_CLIENT_SECRET } = environment
  const { LOGIN_OIDC_PROVIDER_NAME, LOGIN_OIDC_ORGANISATION, TOTP_SECRET_KEY } = environment
  return Object.fromEntries(
    Object.entries({
      PORT,
      HOST,
      DATA_DIR,
      DATABASE_URL,
      LOG_LEVEL,
      PAGE_CACHE_MB,
      ...storage,
      PUBLIC_URL,
      SMTP_URL,
      MAIL_FROM,
      MAIL_INTERVAL_SECONDS,
      TRUST_PROXY,
      FEED_ID_AUTHORITY,
      SIGNING_OIDC_ISSUER,
      SIGNING_OIDC_CLIENT_ID,
      SIGNING_OIDC_CLIENT_SECRET,
      SIGNING_OIDC_PROVIDER_NAME,
      SIGNING_OIDC_IDENTITY_CLAIM,
      LOGIN_OIDC_ISSUER,
      LOGIN_OIDC_CLIENT_ID,
      LOGIN_OIDC_CLIENT_SECRET,
      LOGIN_OIDC_PROVIDER_NAME,
      LOGIN_OIDC_ORGANISATION,
      TOTP_SECRET_KEY,
    }).filter(([, v]) => v !== undefined && v !== ''),
  )
}

/**
 * 'true' trusts every proxy (only behind one that always sets the headers), 'false' none; anything
 * else is a comma-separated list of addresses, networks or the names loopback, linklocal and
 * uniquelocal, as Fastify reads it.
 */
export function parseTrustProxy(value: string): boolean | string {
  const text = value.trim().toLowerCase()
  if (text === 'true') return true
  if (text === 'false' || text === '') return false
  return value.trim()
}

/** postgres://… or postgresql://… for PostgreSQL; sqlite:FILE, or nothing for data/paragraf.sqlite. */
export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseTarget | string {
  if (!url) return { dialect: 'sqlite', file: path.join(dataDir, 'paragraf.sqlite') }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '')
    return file
      ? { dialect: 'sqlite', file: path.resolve(file) }
      : 'DATABASE_URL sqlite: behöver ett filnamn (sqlite:./data/paragraf.sqlite)'
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      const parsed = new URL(url)
      if (!parsed.hostname) return 'DATABASE_URL saknar värdnamn (postgres://USER@HOST:5432/DATABASE)'
      if (parsed.pathname.length <= 1)
        return 'DATABASE_URL anger ingen databas (postgres://USER@HOST:5432/DATABASE)'
      return { dialect: 'postgres', url }
    } catch {
      return 'DATABASE_URL är ingen giltig adress (postgres://USER@HOST:5432/DATABASE)'
    }
  }
  return 'DATABASE_URL ska börja med postgres://, postgresql:// eller sqlite:'
}

/**
 * STORAGE=s3 needs a bucket, and access keys come in pairs (none: the S3 client finds credentials
 * itself). Checked on the raw input, so these problems are reported with every other one.
 */
function parseStorage(input: ConfigInput): 'disk' | Exclude<StorageTarget, { kind: 'disk' }> | string[] {
  if (input.STORAGE !== 's3') return 'disk'
  const problems: string[] = []
  if (!input.S3_BUCKET) problems.push('STORAGE=s3 behöver S3_BUCKET')
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = input
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    problems.push('S3_ACCESS_KEY_ID och S3_SECRET_ACCESS_KEY ska anges tillsammans')
  if (problems.length > 0 || !input.S3_BUCKET) return problems
  return {
    kind: 's3',
    endpoint: input.S3_ENDPOINT,
    bucket: input.S3_BUCKET,
    region: input.S3_REGION || 'us-east-1',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  }
}

function checkWritable(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, constants.W_OK)
    return undefined
  } catch {
    return `DATA_DIR ${dir} går inte att skapa eller skriva i`
  }
}
