// The day a controversial decision is announced: a real `paragraf serve` on a generated archive
// (`paragraf generate`, SQLite as installed by default), read by CLIENTS concurrent clients in a
// load generator of its own process (node's fetch) for SECONDS seconds: the start page, meeting pages,
// search, an OParl list and the notice board's feed, in turn. A third of the way in, the secretary
// publishes the next meeting's notice (kallelse) and the two signatories sign the minutes through
// the workspace's forms; the last signature signs the § off and puts the notice on the notice board
// (KL 8:12), and the decision must then be on the public meeting page. Reports throughput,
// p50/p95/p99, every answer that was not a success (must be 0), the server's resident memory
// (at the start of the load, the largest sampled, at the end, and its peak) and the sign-off's
// steps. After the sign-off the secretary goes on editing until the end: every EDIT_SECONDS (15) an
// agenda item is added to a later meeting through the workspace's form, so every cached page is
// rendered anew again and again. The server runs with bench/heap-sampler.mjs (a full collection and
// the heap that survived it every HEAP_SAMPLE_SECONDS, 15): a leak shows as heap after collection
// climbing to the end of a long run. Figures go in the README's benchmark table and
// docs/reliability.md ("Load").
// Run: [SERVER_NODE_OPTIONS=…] node --import tsx bench/load.bench.ts [CLIENTS] [SECONDS] [YEARS]
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { inTransaction } from '../src/db/database.ts'
import { createUser } from '../src/domain/account/account.service.ts'
import { grantRole } from '../src/domain/account/role-grant.service.ts'
import { addAgendaItem } from '../src/domain/agenda/agenda.service.ts'
import { scheduleMeeting } from '../src/domain/meeting/meeting.service.ts'
import { addMembership } from '../src/domain/membership/membership.service.ts'
import { appointSignatories, openMinutes } from '../src/domain/minutes/minutes.service.ts'
import { addSection } from '../src/domain/minutes/section.service.ts'
import { addPerson } from '../src/domain/person/person.service.ts'
import { systemActor } from '../src/domain/shared/actor.ts'
import { prepareSignOff } from '../src/domain/sign-off/sign-off.service.ts'
import { kill9, sqliteTarget, startServer } from '../test/support/crash-run.ts'
import { signedIn } from '../test/support/record-crash-run.ts'

interface ClientPlan {
  url: string
  clients: number
  seconds: number
  addresses: { kind: string; address: string }[]
}

interface ClientResult {
  requests: number
  seconds: number
  statuses: Record<string, number>
  failures: Record<string, number>
  latency: { p50: number; p95: number; p99: number; max: number }
  byKind: Record<string, { requests: number; p50: number; p95: number; p99: number }>
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
const ms = (n: number) => Math.round(n * 10) / 10

/** The load generator: its own process, so its work is not the server's nor the orchestrator's. */
async function runClients(plan: ClientPlan): Promise<ClientResult> {
  const statuses: Record<string, number> = {}
  const failures: Record<string, number> = {}
  const times: number[] = []
  const byKind = new Map<string, number[]>()
  const ends = performance.now() + plan.seconds * 1000
  const started = performance.now()
  async function client(n: number) {
    for (let i = n * 7; performance.now() < ends; i++) {
      const { kind, address } = plan.addresses[i % plan.addresses.length]!
      const before = performance.now()
      try {
        const response = await fetch(`${plan.url}${address}`, { signal: AbortSignal.timeout(10_000) })
        await response.arrayBuffer()
        statuses[response.status] = (statuses[response.status] ?? 0) + 1
        if (response.status >= 400)
          failures[`${response.status} ${address}`] = (failures[`${response.status} ${address}`] ?? 0) + 1
      } catch (error) {
        const what = (error as Error).name === 'TimeoutError' ? 'no answer in 10 s' : 'connection failed'
        failures[`${what} ${address}`] = (failures[`${what} ${address}`] ?? 0) + 1
      }
      const took = performance.now() - before
      times.push(took)
      const ofKind = byKind.get(kind) ?? []
      ofKind.push(took)
      byKind.set(kind, ofKind)
    }
  }
  await Promise.all(Array.from({ length: plan.clients }, (_, n) => client(n)))
  const seconds = (performance.now() - started) / 1000
  const sorted = times.sort((a, b) => a - b)
  return {
    requests: times.length,
    seconds,
    statuses,
    failures,
    latency: {
      p50: ms(percentile(sorted, 50)),
      p95: ms(percentile(sorted, 95)),
      p99: ms(percentile(sorted, 99)),
      max: ms(sorted.at(-1) ?? 0),
    },
    byKind: Object.fromEntries(
      [...byKind].map(([kind, list]) => {
        const s = list.sort((a, b) => a - b)
        return [
          kind,
          {
            requests: s.length,
            p50: ms(percentile(s, 50)),
            p95: ms(percentile(s, 95)),
            p99: ms(percentile(s, 99)),
          },
        ]
      }),
    ),
  }
}

if (process.argv[2] === '--client') {
  const result = await runClients(JSON.parse(process.argv[3]!) as ClientPlan)
  process.stdout.write(JSON.stringify(result))
  process.exit(0)
}

const clients = Number(process.argv[2] ?? 16)
const seconds = Number(process.argv[3] ?? 60)
const years = Number(process.argv[4] ?? 3)
const bin = path.resolve(import.meta.dirname, '../bin/paragraf.js')
const actor = systemActor('load-bench')
const password = 'ett-långt-lösenord-för-lasttest'
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' })
const dayFrom = (n: number) =>
  new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const sleep = (n: number) => new Promise((resolve) => setTimeout(resolve, n))

const dataDir = mkdtempSync(path.join(tmpdir(), 'paragraf-load-bench-'))
const target = sqliteTarget(dataDir)
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('PARAGRAF_TEST_')),
)

try {
  // The archive: one organisation's YEARS years, generated and indexed as `paragraf generate` does.
  const t = performance.now()
  const generated = spawnSync(
    process.execPath,
    [bin, 'generate', '--organisations', '1', '--years', String(years)],
    {
      env: { ...env, ...target.env },
      encoding: 'utf8',
    },
  )
  if (generated.status !== 0)
    throw new Error(`paragraf generate failed:\n${generated.stdout}${generated.stderr}`)
  const generateSeconds = (performance.now() - t) / 1000

  // The decision and the people who make it public: a secretary, two signatories with accounts,
  // minutes of yesterday's meeting with the controversial § awaiting the signatures, and next
  // month's meeting whose notice the secretary publishes. The rest of the archive is as generated.
  const db = target.open()
  const committee = await db
    .selectFrom('committee')
    .select(['id', 'slug', 'organisation_id'])
    .orderBy('id')
    .executeTakeFirstOrThrow()
  const secretaryEmail = 'sekreterare-last@example.se'
  const secretary = await createUser(db, actor, { email: secretaryEmail, name: 'Sekreteraren', password })
  await grantRole(db, actor, {
    userId: secretary.id,
    role: 'secretary',
    organisationId: committee.organisation_id,
    committeeId: committee.id,
  })
  const signatories: { personId: number; email: string }[] = []
  for (const name of ['Justerare Ett', 'Justerare Två']) {
    const person = await inTransaction(db, (trx) =>
      addPerson(trx, actor, { organisationId: committee.organisation_id, name }),
    )
    await inTransaction(db, (trx) =>
      addMembership(trx, actor, {
        committeeId: committee.id,
        personId: person.id,
        role: 'member',
        startsOn: dayFrom(-400),
      }),
    )
    const email = `justerare-${person.id}@example.se`
    await createUser(db, actor, { email, name, password, personId: person.id })
    signatories.push({ personId: person.id, email })
  }
  const held = await inTransaction(db, (trx) =>
    scheduleMeeting(trx, actor, { committeeId: committee.id, meetsOn: dayFrom(-1) }),
  )
  const minutes = await inTransaction(db, (trx) => openMinutes(trx, actor, { meetingId: held.id }))
  const decisionTitle = 'Nedläggning av Bergsskolan och Ängsskolan'
  await addSection(db, actor, {
    minutesId: minutes.id,
    title: decisionTitle,
    decision: ['Bergsskolan och Ängsskolan läggs ned från och med höstterminen.'],
  })
  await inTransaction(db, (trx) =>
    appointSignatories(trx, actor, {
      minutesId: minutes.id,
      personIds: signatories.map((s) => s.personId),
    }),
  )
  const signOff = await inTransaction(db, (trx) =>
    prepareSignOff(trx, actor, { minutesId: minutes.id, sectionNumbers: [1] }),
  )
  const next = await inTransaction(db, (trx) =>
    scheduleMeeting(trx, actor, {
      committeeId: committee.id,
      meetsOn: dayFrom(30),
      startTime: '13:00',
      location: 'Stadshuset',
    }),
  )
  await inTransaction(db, (trx) =>
    addAgendaItem(trx, actor, { meetingId: next.id, title: 'Återremitterade skolfrågor' }),
  )
  const later = await inTransaction(db, (trx) =>
    scheduleMeeting(trx, actor, {
      committeeId: committee.id,
      meetsOn: dayFrom(60),
      startTime: '13:00',
      location: 'Stadshuset',
    }),
  )

  // What the public reads: the start page, 40 meeting pages, 8 searches, OParl's meeting list, the
  // notice board's feed and the committee's feed.
  const meetings = await db
    .selectFrom('meeting')
    .innerJoin('committee', 'committee.id', 'meeting.committee_id')
    .select(['meeting.slug', 'committee.slug as committee'])
    .where('meeting.status', '!=', 'planned')
    .orderBy('meeting.meets_on', 'desc')
    .limit(40)
    .execute()
  const searches = [
    'budget',
    'detaljplan',
    'bygglov',
    'hemtjänst',
    'förskola',
    'skolskjuts',
    'avfall',
    'ledsagning',
  ]
  const addresses: ClientPlan['addresses'] = []
  for (let i = 0; i < 40; i++) {
    const m = meetings[i % meetings.length]!
    addresses.push(
      { kind: 'start page', address: '/' },
      { kind: 'meeting page', address: `/committees/${m.committee}/${m.slug}` },
      { kind: 'search', address: `/sok?q=${encodeURIComponent(searches[i % searches.length]!)}` },
      { kind: 'OParl list', address: `/oparl/v1/body/${committee.organisation_id}/meeting` },
      {
        kind: 'feed',
        address: i % 2 ? '/anslagstavla/flode.atom' : `/committees/${committee.slug}/flode.atom`,
      },
    )
  }

  // SERVER_NODE_OPTIONS (e.g. --max-old-space-size=256) for the server alone: does it hold under a cap?
  const sampler = path.join(import.meta.dirname, 'heap-sampler.mjs')
  target.env.NODE_OPTIONS = `${process.env.SERVER_NODE_OPTIONS ?? ''} --expose-gc --import ${sampler}`.trim()
  const server = await startServer(target)
  const pid = server.child.pid!
  const heap: { at: number; heapUsed: number; rss: number }[] = []
  let heapLine = ''
  server.child.stderr?.on('data', (chunk: Buffer) => {
    heapLine += chunk.toString()
    for (let end = heapLine.indexOf('\n'); end >= 0; end = heapLine.indexOf('\n')) {
      const line = heapLine.slice(0, end)
      heapLine = heapLine.slice(end + 1)
      if (line.startsWith('heap-sample ')) heap.push(JSON.parse(line.slice('heap-sample '.length)))
    }
  })
  const memory = (field: 'VmRSS' | 'VmHWM') => {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`))
    return line ? Math.round(Number(line[1]) / 1024) : 0
  }
  const rssBefore = memory('VmRSS')
  const samples: number[] = []
  const rssSampler = setInterval(() => samples.push(memory('VmRSS')), 1000)
  const loadAverages: number[] = []
  const loadSampler = setInterval(() => loadAverages.push(loadavg()[0]!), 5000)

  const plan: ClientPlan = { url: server.url, clients, seconds, addresses }
  const loadStarted = Date.now()
  const generator = spawn(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--client', JSON.stringify(plan)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  let out = ''
  generator.stdout.on('data', (c) => (out += c))
  const generatorDone = new Promise<ClientResult>((resolve, reject) =>
    generator.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as ClientResult)
        : reject(new Error(`load generator exit ${code}`)),
    ),
  )

  // The secretary and the signatories, through the workspace's forms, while the load goes on.
  await sleep((seconds * 1000) / 3)
  const rssAtLoad = memory('VmRSS')
  const steps: Record<string, number | string> = {}
  const step = async (name: string, run: () => Promise<number>) => {
    const started = performance.now()
    const status = await run()
    steps[name] = `${status} in ${Math.round(performance.now() - started)} ms`
    if (status !== 303) throw new Error(`${name} answered ${status}`)
  }
  const noticeForm = `/admin/namnder/${committee.slug}/sammantraden/${next.slug}/kallelse`
  const clerk = await signedIn(server.url, secretaryEmail, password)
  await step('kallelse published', async () => {
    await clerk.get(noticeForm)
    // The meeting's version, as the form's hidden field holds it.
    const { version } = await db
      .selectFrom('meeting')
      .select('version')
      .where('id', '=', next.id)
      .executeTakeFirstOrThrow()
    return clerk.post(noticeForm, new URLSearchParams({ version: String(version) }))
  })
  const signStarted = performance.now()
  for (const [i, s] of signatories.entries()) {
    const signer = await signedIn(server.url, s.email, password)
    await step(
      `signature ${i + 1}${i === signatories.length - 1 ? ' (signs off, posts the notice)' : ''}`,
      async () => {
        await signer.get(`/admin/justera/${signOff.id}`)
        return signer.post(`/admin/justera/${signOff.id}`, new URLSearchParams({ password }))
      },
    )
  }
  const signOffMs = Math.round(performance.now() - signStarted)
  const { status } = await db
    .selectFrom('sign_off')
    .select('status')
    .where('id', '=', signOff.id)
    .executeTakeFirstOrThrow()
  const notice = await db
    .selectFrom('notice')
    .select('id')
    .where('sign_off_id', '=', signOff.id)
    .executeTakeFirst()
  // Public at once (TF 2:10): the § on the minutes page, the notice on the notice board.
  const publicPage = await (
    await fetch(`${server.url}/committees/${committee.slug}/${held.slug}/protokoll`)
  ).text()
  const board = await (await fetch(`${server.url}/anslagstavla`)).text()
  const checks = {
    signedOff: status === 'signed_off',
    noticePosted: notice !== undefined,
    onMinutesPage: publicPage.includes(decisionTitle),
    onNoticeBoard: board.includes(`/committees/${committee.slug}/${held.slug}`),
  }
  const signedOff = Object.values(checks).every(Boolean)

  // The secretary goes on preparing a later meeting until the load ends.
  const editEveryMs = Number(process.env.EDIT_SECONDS ?? 15) * 1000
  const agendaForm = `/admin/namnder/${committee.slug}/sammantraden/${later.slug}/dagordning`
  const edits = { saved: 0, failed: [] as string[] }
  while (Date.now() + editEveryMs < loadStarted + seconds * 1000) {
    await sleep(editEveryMs)
    try {
      await clerk.get(agendaForm)
      const saved = await clerk.post(agendaForm, new URLSearchParams({ title: `Ärende ${edits.saved + 1}` }))
      if (saved === 303) edits.saved++
      else edits.failed.push(`agenda item answered ${saved}`)
    } catch (error) {
      edits.failed.push((error as Error).message)
    }
  }

  const result = await generatorDone
  clearInterval(rssSampler)
  clearInterval(loadSampler)
  const rssEnd = memory('VmRSS')
  const rssPeak = memory('VmHWM')
  await kill9(server)
  await db.destroy()

  const failures = Object.values(result.failures).reduce((a, b) => a + b, 0)
  // The heap after a full collection: the first sample a minute into the load (the page cache and
  // the code warmed up) against the last, and the least-squares slope over the second half.
  const during = heap.filter((h) => h.at >= loadStarted && h.at <= loadStarted + result.seconds * 1000 + 5000)
  const warm = during.find((h) => h.at >= loadStarted + 60_000) ?? during[0]
  const secondHalf = during.filter((h) => h.at >= loadStarted + (result.seconds * 1000) / 2)
  const slope = (points: typeof heap) => {
    if (points.length < 2) return 0
    const xs = points.map((p) => (p.at - loadStarted) / 60_000)
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length
    const my = points.reduce((a, p) => a + p.heapUsed, 0) / points.length
    const num = points.reduce((a, p, i) => a + (xs[i]! - mx) * (p.heapUsed - my), 0)
    const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0)
    return Math.round((num / den) * 100) / 100
  }
  console.log(
    JSON.stringify(
      {
        serverNodeOptions: process.env.SERVER_NODE_OPTIONS ?? '',
        machine: `${cpus().length} cores, load average ${loadAverages.length ? (loadAverages.reduce((a, b) => a + b, 0) / loadAverages.length).toFixed(1) : loadavg()[0]!.toFixed(1)} during the run`,
        archive: `${years} years generated in ${generateSeconds.toFixed(0)} s`,
        clients,
        seconds: Number(result.seconds.toFixed(1)),
        requests: result.requests,
        throughput: `${(result.requests / result.seconds).toFixed(0)} requests/s`,
        latencyMs: result.latency,
        byKind: result.byKind,
        statuses: result.statuses,
        errors: failures,
        failures: result.failures,
        rssMiB: {
          beforeLoad: rssBefore,
          atSignOff: rssAtLoad,
          largestSampled: Math.max(...samples),
          end: rssEnd,
          peak: rssPeak,
          // Every 10 s of the load: a leak climbs to the end, a heap that has found its size levels off.
          every10s: samples.filter((_, i) => i % 10 === 9),
        },
        signOff: { completed: signedOff, ...checks, tookMs: signOffMs, steps },
        secretaryEdits: { every: `${editEveryMs / 1000} s`, saved: edits.saved, failed: edits.failed },
        heapAfterFullGcMiB: {
          beforeLoad: heap.filter((h) => h.at < loadStarted).at(-1)?.heapUsed,
          warm: warm?.heapUsed,
          end: during.at(-1)?.heapUsed,
          largest: Math.max(...during.map((h) => h.heapUsed)),
          slopeSecondHalfMiBPerMinute: slope(secondHalf),
          everyMinute: during.filter((_, i) => i % 4 === 3).map((h) => h.heapUsed),
        },
      },
      null,
      2,
    ),
  )
  if (failures > 0 || !signedOff || edits.failed.length > 0) process.exitCode = 1
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
