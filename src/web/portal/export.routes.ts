import { createHash } from 'node:crypto'
import { type FileHandle, open } from 'node:fs/promises'
import { PassThrough } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { databaseFaultOf } from '../../db/database-faults.ts'
import { readBulkExportFingerprint, writeBulkExport } from '../../domain/publication/bulk-export.ts'
import { paths } from '../paths.ts'
import { cachedExportFile, defaultExportCacheDir } from './export-cache.ts'
import { exportLinks } from './export-links.ts'

export interface ExportRouteOptions {
  /** Where built exports are kept (default: DATA_DIR/export, or the system's temp dir). */
  cacheDir?: string
}

// Bumped when the archive's layout changes, so an export cached by an older version is not sent.
const layoutVersion = 1

function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  // Weak comparison (RFC 9110 13.1.2), as for every public GET (caching.ts).
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag)
}

/** The bulk export of everything published (öppna data), as one ZIP built once per state of the data. */
export async function exportRoutes(app: FastifyInstance, options: ExportRouteOptions = {}) {
  const cacheDir = options.cacheDir ?? defaultExportCacheDir()

  app.get(paths.openDataExport(), async (request, reply) => {
    // The archive depends on the data, on the portal's address (its links) and on the day (whether
    // each § can still be appealed): all three make the key, which is also the ETag.
    const fingerprint = await readBulkExportFingerprint(request.db)
    const key = createHash('sha256')
      .update(`${layoutVersion}\n${request.publicUrl}\n${request.today}\n${fingerprint}`)
      .digest('base64url')
      .slice(0, 27)
    const tag = `"${key}"`
    reply.header('etag', tag).header('cache-control', 'public, max-age=60')
    if (matches(request.headers['if-none-match'], tag)) return reply.code(304).send()
    const build = () =>
      cachedExportFile(cacheDir, key, (out) =>
        writeBulkExport(request.db, exportLinks(request.publicUrl, request.today), out, request.now),
      )
    // A newer build may remove the file between finding and opening it: then it is built again.
    let handle: FileHandle | undefined
    try {
      handle = (await open(await build()).catch(() => undefined)) ?? (await open(await build()))
    } catch (error) {
      if (databaseFaultOf(error) !== 'full') throw error
      // No room on the disk to keep the archive: it is a read, so it goes straight to the reader,
      // built again for each one until there is room to keep it.
      request.log.warn({ err: error }, 'the export cannot be kept on a full disk; sent as it is built')
      const out = new PassThrough()
      writeBulkExport(request.db, exportLinks(request.publicUrl, request.today), out, request.now).catch(
        (failure: Error) => out.destroy(failure),
      )
      return reply
        .type('application/zip')
        .header('content-disposition', 'attachment; filename="oppna-data.zip"')
        .send(out)
    }
    const { size } = await handle.stat()
    return reply
      .type('application/zip')
      .header('content-length', size)
      .header('content-disposition', 'attachment; filename="oppna-data.zip"')
      .send(handle.createReadStream())
  })
}
