import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { describe, it } from 'node:test'
import { type ParseOutcome, parseDocument } from './parse-document.ts'

// Robustness, not speed: every mutated fixture must give a well-formed outcome within a bound.
const TOTAL = 3000
const BOUND_MS = 2000

const FIXTURES = [
  '000_7ac823c5cdfc07f6.txt',
  '001_20ab8816d6ccb0bd.txt',
  '002_02371675939a916f.txt',
  'kommunstyrelsen-2024-02-27.txt',
  'bygg-och-miljonamnden-2023-05-10.md',
  'barn-och-utbildningsnamnden-2024-04-16.html',
  'portal-socialnamnden-2024-03-19.html',
  'kallelse-kultur-och-fritidsnamnden-2024-09-10.txt',
  'kommunfullmaktige-2024-06-17.pdf',
].map((name) => ({
  name,
  bytes: readFileSync(new URL(`../../test/fixtures/documents/${name}`, import.meta.url)),
}))

function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Mutation = (bytes: Buffer, rnd: () => number) => Buffer
const pick = (n: number, rnd: () => number) => Math.floor(rnd() * n)
const lines = (b: Buffer) => b.toString('utf8').split('\n')
const join = (l: string[]) => Buffer.from(l.join('\n'))

const MUTATIONS: [string, Mutation][] = [
  ['delete lines', (b, r) => join(lines(b).filter(() => r() > 0.1))],
  [
    'duplicate a run of lines',
    (b, r) => {
      const l = lines(b)
      const at = pick(l.length, r)
      return join([...l.slice(0, at), ...l.slice(at, at + 20), ...l.slice(at)])
    },
  ],
  [
    'swap lines',
    (b, r) => {
      const l = lines(b)
      for (let k = 0; k < 20; k++) {
        const i = pick(l.length, r)
        const j = pick(l.length, r)
        ;[l[i], l[j]] = [l[j] ?? '', l[i] ?? '']
      }
      return join(l)
    },
  ],
  [
    'flip bytes',
    (b, r) => {
      const c = Buffer.from(b)
      for (let k = 0; k < 1 + pick(50, r); k++) c[pick(c.length, r)] = pick(256, r)
      return c
    },
  ],
  ['truncate', (b, r) => b.subarray(0, pick(b.length, r))],
  [
    'insert binary',
    (b, r) => {
      const at = pick(b.length, r)
      const junk = Buffer.from(Array.from({ length: 1 + pick(400, r) }, () => pick(256, r)))
      return Buffer.concat([b.subarray(0, at), junk, b.subarray(at)])
    },
  ],
  [
    'as UTF-16 LE',
    (b) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(b.toString('utf8'), 'utf16le')]),
  ],
  ['as Latin-1', (b) => Buffer.from(b.toString('utf8'), 'latin1')],
  [
    'CRLF and BOM',
    (b) =>
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(b.toString('utf8').replace(/\n/g, '\r\n')),
      ]),
  ],
  [
    'insert markup runs',
    (b, r) => {
      const tokens = [
        '**',
        '~~',
        '§ ',
        '(',
        ')',
        '<li>',
        '</p>',
        '|',
        '# ',
        '- 1 ',
        'att ',
        'Dnr ',
        'Bilagor\n',
        '•',
        '&#',
        '\f',
      ]
      const l = lines(b)
      for (let k = 0; k < 30; k++) {
        const i = pick(l.length, r)
        l[i] = `${tokens[pick(tokens.length, r)]?.repeat(1 + pick(200, r))}${l[i] ?? ''}`
      }
      return join(l)
    },
  ],
  ['join all lines', (b) => Buffer.from(b.toString('utf8').replace(/\n/g, ' '))],
]

function assertWellFormed(outcome: ParseOutcome, label: string): void {
  if (!outcome.ok) {
    assert.equal(typeof outcome.reason, 'string', label)
    assert.ok(outcome.reason.length > 0 && !outcome.reason.includes('\n'), label)
    return
  }
  const d = outcome.document
  assert.ok(d.kind === 'agenda' || d.kind === 'minutes', label)
  // Minutes may hold only their cover page (the text ends before § 1), a notice only its heading
  // (cut off before its list); then a warning says so.
  assert.ok(Array.isArray(d.items) && (d.items.length > 0 || d.warnings.length > 0), label)
  assert.ok(Array.isArray(d.warnings), label)
  assert.equal(typeof JSON.stringify(d), 'string', label)
}

describe('parseDocument under random mutation', () => {
  it(`returns a well-formed outcome within ${BOUND_MS} ms for ${TOTAL} mutated fixtures`, async () => {
    const rnd = prng(20221214)
    let slowest = 0
    for (let n = 0; n < TOTAL; n++) {
      const fixture = FIXTURES[n % FIXTURES.length] as (typeof FIXTURES)[number]
      // PDFs are only truncated: PDF.js leaves internal promises rejected on some damaged files
      // (see pdf-text.ts), which node:test reports even though the parse itself returns cleanly.
      const pool = fixture.name.endsWith('.pdf') ? MUTATIONS.filter(([m]) => m === 'truncate') : MUTATIONS
      const [name, mutate] = pool[pick(pool.length, rnd)] as [string, Mutation]
      const bytes = n % 3 === 0 ? mutate(mutate(fixture.bytes, rnd), rnd) : mutate(fixture.bytes, rnd)
      const label = `#${n} ${fixture.name} / ${name}`
      const started = performance.now()
      const outcome = await parseDocument({ bytes, fileName: fixture.name })
      const elapsed = performance.now() - started
      slowest = Math.max(slowest, elapsed)
      assert.ok(elapsed < BOUND_MS, `${label} took ${elapsed.toFixed(0)} ms`)
      assertWellFormed(outcome, label)
    }
    assert.ok(slowest < BOUND_MS)
  })

  it('parses a 50 MB protocol without error', async () => {
    const seed = readFileSync(
      new URL('../../test/fixtures/documents/002_02371675939a916f.txt', import.meta.url),
      'utf8',
    )
    const cover = seed.slice(0, seed.indexOf('**§ 1**'))
    const body = seed.slice(seed.indexOf('**§ 1**'))
    const parts = [cover]
    let size = cover.length
    for (let copy = 0; size < 50 * 1024 * 1024; copy++) {
      const renumbered = body.replace(/\*\*§ (\d+)\*\*/g, (_, n: string) => `**§ ${Number(n) + copy * 19}**`)
      parts.push(renumbered)
      size += Buffer.byteLength(renumbered)
    }
    const outcome = await parseDocument({ bytes: Buffer.from(parts.join('\n')), fileName: 'big.md' })
    assert.ok(outcome.ok)
    assert.equal(outcome.document.items.length, (parts.length - 1) * 19)
    assert.equal(outcome.document.chair, 'Jan Jönsson')
  })

  it('parses 50 MB on a single line without hanging', async () => {
    const line = Buffer.alloc(50 * 1024 * 1024, 'Nämnden ställde sig bakom förslaget (S) ** ~~ § 5 ')
    // A hang guard, not a speed target (bench/parse.bench.ts measures speed): the process's CPU
    // time, so other work on a busy machine does not count against the parser.
    const started = process.cpuUsage()
    const outcome = await parseDocument({ bytes: line, fileName: 'one-line.txt' })
    const used = process.cpuUsage(started)
    assert.ok((used.user + used.system) / 1000 < 30_000, 'more than 30 s of CPU for one line')
    assertWellFormed(outcome, 'one line')
  })
})
