import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'

/** How long a browser or CDN may reuse a public page or feed before revalidating it. */
const maxAgeSeconds = 60

/** A strong validator of the body: a proxy or browser revalidates with If-None-Match. */
export function entityTag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

/** The tag of the same body sent gzipped (the page cache's): another representation, another tag. */
export const gzippedTag = (tag: string) => tag.replace(/"$/, '-gzip"')

/** The tag of the body itself, whichever representation a client kept. */
const bodyTag = (tag: string) => tag.replace(/^W\//, '').replace(/-gzip"$/, '"')

function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  // Weak comparison (RFC 9110 13.1.2): W/"x" matches "x"; and a body kept gzipped or not is the
  // same body: a client that has either is told it still holds the page (a kept page is sent
  // gzipped only once compressed, so two servers, or one a moment apart, may send either).
  return ifNoneMatch.split(',').some((candidate) => bodyTag(candidate.trim()) === bodyTag(tag))
}

/**
 * Public pages and feeds get an ETag (a hash of the body) and `cache-control: public, max-age=60`;
 * a GET whose If-None-Match names the current tag gets 304 with no body. Errors and other methods
 * are left alone.
 */
export function registerCaching(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload
    if (reply.statusCode !== 200) return payload
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
    // A page served from the page cache brings the tag it was first sent with: not hashed again.
    const kept = reply.getHeader('etag')
    const tag = typeof kept === 'string' ? kept : entityTag(payload)
    reply.header('etag', tag)
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', `public, max-age=${maxAgeSeconds}`)
    if (matches(request.headers['if-none-match'], tag)) {
      reply.code(304)
      reply.removeHeader('content-length')
      return ''
    }
    return payload
  })
}
