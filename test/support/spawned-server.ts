import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { freePort } from './free-port.ts'

// `paragraf serve` as an operator runs it: its own process, so a fault that ends the process (an
// unhandled 'error' event) shows as an exit rather than as a failed test in the runner's process.

const bin = path.resolve(import.meta.dirname, '../../bin/paragraf.js')

export interface SpawnedServer {
  url: string
  /** The exit code (or signal) once the process has ended; undefined while it runs. */
  exited(): string | undefined
  /** What the process wrote, for the message of a failed assertion. */
  output(): string
  stop(): Promise<void>
}

/** Starts `paragraf serve` with the environment given and waits until it answers /health. */
export async function spawnServer(env: Record<string, string>, args: string[] = []): Promise<SpawnedServer> {
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, 'serve', '--port', String(port), '--host', '127.0.0.1', ...args],
    {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  let exit: string | undefined
  const ended = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exit = signal ?? String(code)
      resolve()
    })
  })
  const url = `http://127.0.0.1:${port}`
  const server: SpawnedServer = {
    url,
    exited: () => exit,
    output: () => output.slice(-4000),
    async stop() {
      if (exit === undefined) child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await ended
      clearTimeout(killer)
    },
  }
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (exit !== undefined) throw new Error(`paragraf serve ended (${exit}) before it answered:\n${output}`)
    const answer = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined)
    if (answer?.ok) return server
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await server.stop()
  throw new Error(`paragraf serve did not answer within 90 s:\n${output}`)
}
