// Loaded into `paragraf serve` by bench/load.bench.ts (NODE_OPTIONS="--expose-gc --import …"), never
// by the application: every HEAP_SAMPLE_SECONDS (15) a full collection, then one line on standard
// error with what survived it. The heap after a full collection is what the server keeps; growth of
// it over a long run at steady load is a leak, growth of the resident size alone is not.
const everyMs = Number(process.env.HEAP_SAMPLE_SECONDS ?? 15) * 1000
const sample = () => {
  globalThis.gc?.()
  const m = process.memoryUsage()
  const mib = (n) => Math.round((n / 1024 / 1024) * 10) / 10
  const line = {
    at: Date.now(),
    heapUsed: mib(m.heapUsed),
    heapTotal: mib(m.heapTotal),
    external: mib(m.external),
    rss: mib(m.rss),
    collected: typeof globalThis.gc === 'function',
  }
  process.stderr.write(`heap-sample ${JSON.stringify(line)}\n`)
}
setInterval(sample, everyMs).unref()
