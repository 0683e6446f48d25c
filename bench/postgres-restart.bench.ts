// PostgreSQL restarted under load: a real `paragraf serve` (demo data) on a PostgreSQL cluster of its
// own, read by CLIENTS concurrent clients on 127.0.0.1 while the cluster is restarted RESTARTS times
// (pg_ctl stop -m fast, DOWN_MS away, pg_ctl start). Counts every answer by status, the requests
// that got no answer within 8 s, and the time from `pg_ctl start` to the first 200 again.
// The shared PostgreSQL at 5432 is never touched. Figures go in docs/reliability.md.
// Run: node --import tsx bench/postgres-restart.bench.ts [RESTARTS] [CLIENTS] [DOWN_MS]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createPrivatePostgres, postgresBinDir } from '../test/support/private-postgres.ts'
import { spawnServer } from '../test/support/spawned-server.ts'

const restarts = Number(process.argv[2] ?? 3)
const clients = Number(process.argv[3] ?? 8)
const downMs = Number(process.argv[4] ?? 3_000)
const addresses = ['/', '/anslagstavla', '/committees/socialnamnden', '/oparl/v1/body', '/sok?q=beslut']

const binDir = postgresBinDir()
if (!binDir) {
  console.error('initdb is not installed: this bench needs PostgreSQL server programs (e.g. postgresql-15).')
  process.exit(1)
}
const dataDir = mkdtempSync(path.join(tmpdir(), 'paragraf-restart-bench-'))
const cluster = await createPrivatePostgres(binDir)
const server = await spawnServer({ DATABASE_URL: cluster.url, DATA_DIR: dataDir }, ['--demo'])

const counts = new Map<string, number>()
const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1)
let last200At = 0
let slowest = 0
let running = true
let missingRetryAfter = 0

async function client(n: number) {
  for (let i = n; running; i++) {
    const address = addresses[i % addresses.length] as string
    const started = performance.now()
    try {
      const response = await fetch(`${server.url}${address}`, { signal: AbortSignal.timeout(8_000) })
      await response.arrayBuffer()
      count(String(response.status))
      if (response.status === 200) last200At = performance.now()
      if (response.status === 503 && !response.headers.get('retry-after')) missingRetryAfter++
    } catch (error) {
      count((error as Error).name === 'TimeoutError' ? 'no answer in 8 s' : 'connection failed')
    }
    slowest = Math.max(slowest, performance.now() - started)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const load = Array.from({ length: clients }, (_, n) => client(n))
const recoveries: number[] = []
const benchStarted = performance.now()
try {
  await sleep(3_000)
  for (let r = 0; r < restarts; r++) {
    cluster.stop()
    await sleep(downMs)
    cluster.start()
    const startedAt = performance.now()
    while (last200At < startedAt && performance.now() - startedAt < 30_000) await sleep(20)
    recoveries.push(last200At >= startedAt ? last200At - startedAt : Number.NaN)
    await sleep(3_000)
  }
} finally {
  running = false
  await Promise.all(load)
}
const seconds = (performance.now() - benchStarted) / 1000
const total = [...counts.values()].reduce((sum, n) => sum + n, 0)
console.log(
  `${restarts} restarts (down ${downMs} ms each) under ${clients} clients, ${total} requests in ${seconds.toFixed(1)} s`,
)
for (const [status, n] of [...counts].sort()) console.log(`  ${status}: ${n}`)
console.log(`  503 without Retry-After: ${missingRetryAfter}`)
console.log(`  server still running: ${server.exited() === undefined ? 'yes' : `no (${server.exited()})`}`)
console.log(
  `  recovery (pg_ctl start -> first 200): ${recoveries.map((ms) => `${Math.round(ms)} ms`).join(', ')}`,
)
console.log(`  slowest answer: ${Math.round(slowest)} ms`)
await server.stop()
cluster.remove()
rmSync(dataDir, { recursive: true, force: true })
