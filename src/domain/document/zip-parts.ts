import { type FileHandle, open } from 'node:fs/promises'
import { Inflate } from 'fflate'

/** Some named entries of a zip file (DOCX, XLSX and ODT are zip files), as bytes. */
export type ZipParts = ReadonlyMap<string, Uint8Array>

/** No part we read is anywhere near this; a bigger one is a zip bomb or not a document. */
const largestPart = 32 * 1024 * 1024
/** Small pushes bound what one step can inflate to (deflate expands at most ~1000 times). */
const inflateStep = 16 * 1024
/** The end record is 22 bytes, followed by a comment of at most 65535. */
const endSearch = 22 + 65_535

/**
 * Reads the named entries of a zip file on disk. Only the central directory and those entries are
 * read, so memory stays small whatever else the archive holds; an entry that inflates past 32 MiB is
 * left out. A file that is not a readable zip gives no entries.
 */
export async function readZipParts(file: string, names: readonly string[]): Promise<ZipParts> {
  const handle = await open(file, 'r')
  try {
    const parts = new Map<string, Uint8Array>()
    for (const entry of await readCentralDirectory(handle)) {
      if (!names.includes(entry.name) || parts.has(entry.name)) continue
      const bytes = await readEntry(handle, entry)
      if (bytes) parts.set(entry.name, bytes)
    }
    return parts
  } catch {
    return new Map() // a damaged archive: nothing to recognise
  } finally {
    await handle.close()
  }
}

interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  localHeaderOffset: number
}

async function read(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await handle.read(buffer, 0, length, position)
  return buffer.subarray(0, bytesRead)
}

async function readCentralDirectory(handle: FileHandle): Promise<ZipEntry[]> {
  const { size } = await handle.stat()
  const tailStart = Math.max(0, size - endSearch)
  const tail = await read(handle, tailStart, size - tailStart)
  const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0 || end + 22 > tail.length) throw new Error('no end of central directory')
  const count = tail.readUInt16LE(end + 10)
  const directorySize = tail.readUInt32LE(end + 12)
  const directoryOffset = tail.readUInt32LE(end + 16)
  if (directoryOffset + directorySize > size) throw new Error('central directory outside the file')
  const directory = await read(handle, directoryOffset, directorySize)
  const entries: ZipEntry[] = []
  let at = 0
  for (let i = 0; i < count && at + 46 <= directory.length; i++) {
    if (directory.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry')
    const nameLength = directory.readUInt16LE(at + 28)
    const skip = nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32)
    entries.push({
      name: directory.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    })
    at += 46 + skip
  }
  return entries
}

/** The inflated bytes of an entry, or undefined when it is too large or compressed in another way. */
async function readEntry(handle: FileHandle, entry: ZipEntry): Promise<Uint8Array | undefined> {
  const header = await read(handle, entry.localHeaderOffset, 30)
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw new Error('bad local header')
  const dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  if (entry.compressedSize > largestPart) return undefined
  const compressed = await read(handle, dataStart, entry.compressedSize)
  if (entry.method === 0) return compressed
  if (entry.method !== 8) return undefined
  const chunks: Uint8Array[] = []
  let size = 0
  const inflate = new Inflate((chunk) => {
    size += chunk.length
    if (size <= largestPart) chunks.push(chunk)
  })
  for (let i = 0; i < compressed.length && size <= largestPart; i += inflateStep)
    inflate.push(compressed.subarray(i, i + inflateStep), i + inflateStep >= compressed.length)
  return size <= largestPart ? Buffer.concat(chunks, size) : undefined
}
