// A real S3 endpoint for tests: s3rver in a child process of its own, on a free port, keeping its
// objects in a temporary directory that is removed when it stops.

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { S3Target } from '../../src/storage/s3-document-store.ts'

export interface RunningS3rver {
  target: S3Target
  /** Where s3rver keeps the objects (to check what is stored). */
  directory: string
  stop: () => Promise<void>
}

const bin = path.join(
  path.dirname(createRequire(import.meta.url).resolve('s3rver/package.json')),
  'bin/s3rver.js',
)

export async function startS3rver(bucket = 'paragraf-test'): Promise<RunningS3rver> {
  const directory = mkdtempSync(path.join(tmpdir(), 'paragraf-s3rver-'))
  const child = spawn(
    process.execPath,
    [
      bin,
      '--directory',
      directory,
      '--address',
      '127.0.0.1',
      '--port',
      '0',
      '--silent',
      '--configure-bucket',
      bucket,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const port = await listeningPort(child)
  return {
    target: {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      region: 'us-east-1',
      // s3rver's built-in account.
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    },
    directory,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill()
        await exited
      }
      rmSync(directory, { recursive: true, force: true })
    },
  }
}

/** s3rver prints "S3rver listening on 127.0.0.1:PORT" once it serves. */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => fail(new Error(`s3rver did not start: ${output}`)), 15_000)
    const fail = (error: Error) => {
      clearTimeout(timer)
      child.kill()
      reject(error)
    }
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on [^\s:]+:(\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        child.stdout?.off('data', read)
        child.stdout?.resume() // keep draining, so a full pipe never blocks it
        resolve(Number(match[1]))
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code) => fail(new Error(`s3rver exited (${code}): ${output}`)))
  })
}
