// Parsing speed of the document parser on one core: MB/s over a corpus generated from the
// fixtures (~50 MB of protocol text). Run: node --import tsx bench/parse.bench.ts
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { parseDocument } from '../src/import/parse-document.ts'

const TARGET_BYTES = 50 * 1024 * 1024
const fixture = (name: string) =>
  readFileSync(new URL(`../test/fixtures/documents/${name}`, import.meta.url), 'utf8')

const sources = [
  { name: '002.md', text: fixture('002_02371675939a916f.txt') },
  { name: 'ks.txt', text: fixture('kommunstyrelsen-2024-02-27.txt') },
  { name: 'bmn.md', text: fixture('bygg-och-miljonamnden-2023-05-10.md') },
  { name: 'bun.html', text: fixture('barn-och-utbildningsnamnden-2024-04-16.html') },
]

// Many protocols of realistic size: each fixture with its § numbers shifted, as in a city's archive.
const corpus: { name: string; bytes: Uint8Array }[] = []
let total = 0
for (let n = 0; total < TARGET_BYTES; n++) {
  const source = sources[n % sources.length] as (typeof sources)[number]
  const text = source.text.replace(/§ (\d+)/g, (_, d: string) => `§ ${Number(d) + (n % 50) * 100}`)
  const bytes = Buffer.from(text)
  corpus.push({ name: `${n}-${source.name}`, bytes })
  total += bytes.length
}

async function run(label: string, docs: { name: string; bytes: Uint8Array }[]): Promise<void> {
  const bytes = docs.reduce((sum, d) => sum + d.bytes.length, 0)
  const started = performance.now()
  let items = 0
  for (const d of docs) {
    const outcome = await parseDocument({ bytes: d.bytes, fileName: d.name })
    if (!outcome.ok) throw new Error(`${d.name}: ${outcome.reason}`)
    items += outcome.document.items.length
  }
  const seconds = (performance.now() - started) / 1000
  const mb = bytes / 1024 / 1024
  console.log(
    `${label}: ${mb.toFixed(1)} MB, ${docs.length} documents, ${items} items in ${seconds.toFixed(2)} s = ` +
      `${(mb / seconds).toFixed(1)} MB/s, ${(docs.length / seconds).toFixed(1)} documents/s`,
  )
}

await run('warm-up', corpus.slice(0, 200))
await run('corpus of protocols', corpus)
const seed = sources[0]?.text ?? ''
const cover = seed.slice(0, seed.indexOf('**§ 1**'))
const body = seed.slice(seed.indexOf('**§ 1**'))
const copies: string[] = [cover]
for (let k = 0, size = 0; size < TARGET_BYTES; k++) {
  const part = body.replace(/\*\*§ (\d+)\*\*/g, (_, d: string) => `**§ ${Number(d) + k * 19}**`)
  copies.push(part)
  size += part.length
}
await run('one 50 MB protocol', [{ name: 'big.md', bytes: Buffer.from(copies.join('\n')) }])
