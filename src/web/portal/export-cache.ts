import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Writable } from 'node:stream'

// The bulk export is built once per state of the published data and kept on disk: building it
// reads every meeting, sending it again only reads a file.

/** Where built exports are kept when the app is given no place (`paragraf serve` gives DATA_DIR/export). */
export function defaultExportCacheDir(): string {
  return path.join(tmpdir(), 'paragraf-export')
}

const fileNamePattern = /^export-[A-Za-z0-9_-]+\.zip$/

// Requests that arrive while an export is being built wait for that build instead of starting another.
const building = new Map<string, Promise<string>>()

/**
 * The path of the export for `key`, building it with `build` when it is not on disk yet. A build
 * goes to a temporary file renamed into place, so a reader never sees half an archive; older
 * exports in the directory are then removed (a reader that already opened one keeps reading it).
 */
export async function cachedExportFile(
  dir: string,
  key: string,
  build: (out: Writable) => Promise<unknown>,
): Promise<string> {
  const file = path.join(dir, `export-${key}.zip`)
  if (await exists(file)) return file
  const pending = building.get(file)
  if (pending) return pending
  const work = (async () => {
    await mkdir(dir, { recursive: true })
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
    try {
      await build(createWriteStream(temporary))
      await rename(temporary, file)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
    for (const name of await readdir(dir))
      if (fileNamePattern.test(name) && name !== path.basename(file))
        await rm(path.join(dir, name), { force: true })
    return file
  })()
  building.set(file, work)
  try {
    return await work
  } finally {
    building.delete(file)
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}
