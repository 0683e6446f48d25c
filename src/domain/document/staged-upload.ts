import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { finished } from 'node:stream/promises'

/** An upload written to a temporary file, so it can be checked before anything is stored. */
export interface StagedUpload {
  file: string
  size: number
  sha512: string
  /** Removes the temporary file; safe to call more than once. */
  discard: () => Promise<void>
}

/**
 * Streams an upload to a temporary file, counting and hashing as it goes; memory use does not grow
 * with the file (the file is in TMPDIR: point that at a disk where /tmp is kept in memory). Past
 * `maxBytes` nothing more is written and `tooLarge` is set; the rest of the stream is still read
 * (and dropped), so a multipart request can finish and be answered.
 */
export async function stageUpload(
  stream: Readable,
  maxBytes: number,
): Promise<StagedUpload & { tooLarge: boolean }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'paragraf-upload-'))
  const discard = () => rm(dir, { recursive: true, force: true })
  const file = path.join(dir, 'upload')
  const hash = createHash('sha512')
  let size = 0
  const out = createWriteStream(file, { flags: 'wx' })
  const written = finished(out)
  written.catch(() => undefined) // awaited below; this only keeps an early failure from going unhandled
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > maxBytes) continue
      hash.update(chunk)
      if (!out.write(chunk)) await once(out, 'drain') // rejects if the disk fails
    }
    out.end()
    await written
  } catch (error) {
    out.destroy()
    await discard()
    throw error
  }
  if (size > maxBytes) await discard()
  return { file, size, sha512: hash.digest('hex'), discard, tooLarge: size > maxBytes }
}
