import { gzip } from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { CompiledQuery } from 'kysely'
import type { Queryable } from '../db/database.ts'
import { keepEverywhere } from '../db/postgres-prepared.ts'
import { kindsThePageCachePassesOver } from '../domain/audit/audit-kinds.ts'
import { gzippedTag } from './caching.ts'
import { sharedReads } from './shared-reads.ts'

// Public pages kept as rendered until what the public sees may have changed (issue 15). A page is
// kept with the version of the public record it was rendered from: the public change log's last
// sequence number, the last audit row of a kind the log does not follow but the portal shows (a
// party renamed, a delegated decision registered: src/domain/audit/audit-kinds.ts) and the newest
// notice (recordVersionQuery says why). All are in the database, so every app server on it sees
// the same version and a change through one server is seen through all. What a secretary does
// only in the workspace (a draft agenda, minutes being taken, an account) moves none of them, so
// the portal stays kept through a working day; the first visitor after a publication gets the new
// page. A kept page is served only for the day it was rendered on (what is upcoming and what is
// final depends on the day). Pages read per visitor (the workspace, files, the export, the
// rate-limited API) are not kept.

export interface PageCacheOptions {
  /** The most bytes of pages kept in this process; the least recently used go first. */
  maxBytes: number
}

interface Kept {
  version: string
  day: string
  /** As sent: a page rendered as text is kept as its UTF-8 bytes, so its size is known exactly. */
  body: Buffer
  /** What the route said beside the body (type, disposition, links), replayed on a hit. */
  headers: Record<string, string>
  /** What keeping it costs: the body and, beside it, its address, its headers and their objects. */
  bytes: number
  /** The body gzipped, once compressed after it was kept (compressible types of 1 KB or more). */
  gzipped?: Buffer
}

/**
 * What an entry costs beside its body, roughly: the entry, its map slot and the headers object
 * (about 512 bytes), and the address and headers as strings (up to two bytes a character). Counting
 * only the body let many small pages (an OParl object of 300 bytes at ten thousand addresses that
 * differ in an ignored query parameter) take 2.5 times the limit.
 */
const entryOverhead = (url: string, headers: Record<string, string>) =>
  512 + 2 * (url.length + Object.entries(headers).reduce((n, [k, v]) => n + k.length + v.length, 0))

const notKept = /^\/(admin|handlingar|export|api|health|ready|assets)(\/|$|\?)/

/**
 * The version of the public record: one indexed read of the change log's newest row, one of the
 * newest audit row of a kind it does not follow (migration 0038 indexes those rows alone) and one
 * of the newest notice. The change log follows a notice only through its meeting: a delegated
 * decision's notice, posted on its own, names none and is in no public form, yet the notice board
 * must show it the day it goes up (KL 13:5 runs from then). Notices are only ever added, so the
 * newest id tells of every one. Written as SQL once (the same text on both databases) because it
 * runs before every public page, where building the query anew each time was a measurable share
 * of a cached page's cost.
 */
export const recordVersionQuery = CompiledQuery.raw(
  `select (select max(seq) from public_change) as seq, (select max(id) from audit_event where object_type not in (${kindsThePageCachePassesOver
    .map((kind) => `'${kind}'`)
    .join(', ')})) as audit, (select max(id) from notice) as notice`,
)

// Run before every public page: kept prepared on PostgreSQL even outside a transaction.
keepEverywhere(recordVersionQuery.sql)

type VersionPart = number | string | null

export async function recordVersion(db: Queryable): Promise<string> {
  const { rows } = await db.executeQuery<{ seq: VersionPart; audit: VersionPart; notice: VersionPart }>(
    recordVersionQuery,
  )
  const row = rows[0]
  return `${Number(row?.seq ?? 0)}.${Number(row?.audit ?? 0)}.${Number(row?.notice ?? 0)}`
}

/**
 * How long a request waits for another rendering the same page at the same version before it
 * renders the page itself: long enough for the slowest page (the whole portal's calendar, half a
 * second at a million items), short enough that a stuck render holds no one for long.
 */
const longestWaitForAnotherMs = 5_000

export function registerPageCache(app: FastifyInstance, options: PageCacheOptions) {
  const kept = new Map<string, Kept>()
  let bytes = 0
  const forget = (key: string) => {
    const entry = kept.get(key)
    if (!entry) return
    kept.delete(key)
    bytes -= entry.bytes
  }
  const versions = new WeakMap<FastifyRequest, string>()
  // The version is read once for the requests that arrive while a read is under way (shared-reads.ts).
  const versionReads = new WeakMap<Queryable, () => Promise<string>>()
  const versionNow = (db: Queryable) => {
    let read = versionReads.get(db)
    if (!read) {
      read = sharedReads(() => recordVersion(db))
      versionReads.set(db, read)
    }
    return read()
  }
  // Pages being rendered, by address, version and day: after a publication the first visitors of a
  // page arrive together (sixteen at once in the bench), and each would render it — sixteen
  // calendars of 5 MB at once is the stall issue 15 measured. The first renders; the others wait
  // for it and are served what it kept.
  const rendering = new Map<string, Promise<void>>()
  const renderedBy = new WeakMap<FastifyRequest, () => void>()
  const settle = (request: FastifyRequest) => {
    renderedBy.get(request)?.()
    renderedBy.delete(request)
  }
  const keptFor = (request: FastifyRequest, version: string) => {
    const entry = kept.get(request.url)
    return entry && entry.version === version && entry.day === request.today ? entry : undefined
  }

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || notKept.test(request.url)) return
    let version: string
    try {
      version = await versionNow(request.db)
    } catch {
      return // the database is away: the route answers as it does then (503)
    }
    versions.set(request, version)
    const key = `${request.today} ${version} ${request.url}`
    let entry = keptFor(request, version)
    const other = entry ? undefined : rendering.get(key)
    if (other) {
      await Promise.race([
        other,
        new Promise((resolve) => setTimeout(resolve, longestWaitForAnotherMs).unref()),
      ])
      entry = keptFor(request, version)
    }
    if (!entry) {
      if (!rendering.has(key)) {
        const done = new Promise<void>((resolve) => {
          renderedBy.set(request, () => {
            rendering.delete(key)
            resolve()
          })
        })
        rendering.set(key, done)
      }
      return
    }
    // Most recently used last, so the first in the map is the one to drop.
    kept.delete(request.url)
    kept.set(request.url, entry)
    reply.headers(entry.headers).header('x-paragraf-cache', 'hit').header('vary', 'Accept-Encoding')
    if (entry.gzipped && acceptsGzip(request.headers['accept-encoding'])) {
      // Another representation, so another strong validator (RFC 9110 8.8.3).
      const tag = entry.headers.etag
      if (tag) reply.header('etag', gzippedTag(tag))
      return reply.header('content-encoding', 'gzip').send(entry.gzipped)
    }
    return reply.send(entry.body)
  })

  // Whatever became of the render (kept, not keepable, an error, a client gone), its waiters go on.
  app.addHook('onResponse', async (request) => settle(request))
  app.addHook('onRequestAbort', async (request) => settle(request))

  app.addHook('onSend', async (request, reply, payload) => {
    keep(request, reply, payload)
    // Kept or not, the answer is made: its waiters go on now, not once it has been sent (a download
    // streamed to a slow reader, the open-data export, takes minutes).
    settle(request)
    return payload
  })

  function keep(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const version = versions.get(request)
    if (version === undefined || reply.statusCode !== 200 || reply.getHeader('x-paragraf-cache')) return
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return
    if (reply.hasHeader('set-cookie') || reply.hasHeader('vary')) return
    // A page its route says no one may keep (a link from a mail, read with its token) is rendered
    // each time: what voids it (a subscription confirmed or ended) moves no version.
    if (/no-store|private/i.test(String(reply.getHeader('cache-control') ?? ''))) return
    // Up to an eighth of the cache: the whole portal's calendar of three years is 5 MB for 25
    // organisations (issue 15), and rendering it takes half a second, far more than its bytes cost.
    if (Buffer.byteLength(payload) > options.maxBytes / 8) return
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload
    const headers = replayed(reply.getHeaders())
    const size = body.length + entryOverhead(request.url, headers)
    forget(request.url)
    const entry: Kept = { version, day: request.today, body, headers, bytes: size }
    kept.set(request.url, entry)
    bytes += size
    evictOverLimit()
    if (body.length >= smallestGzipped && compressible.test(headers['content-type'] ?? '')) {
      // Compressed beside the event loop, once per kept page; hits until then are sent as they are.
      gzip(body, (error, gzipped) => {
        if (error || kept.get(request.url) !== entry) return
        entry.gzipped = gzipped
        entry.bytes += gzipped.length
        bytes += gzipped.length
        evictOverLimit()
      })
    }
  }

  function evictOverLimit() {
    for (const key of kept.keys()) {
      if (bytes <= options.maxBytes) break
      forget(key)
    }
  }
}

// Kept pages are also sent gzipped to those who ask: the portal's calendar of three years is 5 MB
// (0.5 MB gzipped) and a start page 53 KB (8 KB); sixteen readers of the calendar at once moved
// 420 MB/s and waited a quarter of a second for it (issue 15). Smaller answers gain nothing.
const smallestGzipped = 1024
const compressible = /^(text\/|application\/(json|[\w.+-]+\+(json|xml)|xml|javascript))/i

/** Whether an Accept-Encoding header takes gzip: named (or `*` when it is not) with a q above 0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    const [coding = '', ...parameters] = part.trim().toLowerCase().split(';')
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='))
    weights.set(coding.trim(), q === undefined ? 1 : Number(q.slice(2)))
  }
  const weight = weights.get('gzip') ?? weights.get('x-gzip') ?? weights.get('*') ?? 0
  return weight > 0
}

/** The headers a route set, without those computed for each answer (length, date). */
function replayed(headers: Record<string, unknown>): Record<string, string> {
  // The ETag is kept: it is a hash of the same body (caching.ts), and hashing a large page again
  // on every hit would cost more than the rest of the hit.
  const skip = new Set(['content-length', 'date', 'set-cookie', 'x-paragraf-cache'])
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name, value]) => !skip.has(name.toLowerCase()) && value !== undefined)
      .map(([name, value]) => [name, String(value)]),
  )
}
