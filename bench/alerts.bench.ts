// The alerts job at size: a generated archive (one organisation, YEARS years), SEARCHES saved
// searches (common words, some with a committee, year or kind) and PERSONS followed persons, each
// confirmed; then the job that queues the mails runs twice at the day after the last publication:
// the first run finds everything of the last two weeks new, the second nothing (the steady state,
// every 5 minutes). Reports each run's time, mails queued and delivery records.
// Run: node --import tsx bench/alerts.bench.ts [YEARS] [SEARCHES] [PERSONS]   (a temporary SQLite file)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import type { SavedSearch } from '../src/domain/search/saved-search.ts'
import { savedSearchText } from '../src/domain/search/saved-search.ts'
import { queueSubscriptionMail } from '../src/domain/subscription/subscription-mail.service.ts'
import { generateArchive } from '../src/generate/generate-archive.ts'

const YEARS = Number(process.argv[2] ?? 2)
const SEARCHES = Number(process.argv[3] ?? 200)
const PERSONS = Number(process.argv[4] ?? 100)
const words = [
  'budget',
  'uppföljning',
  'avtal',
  'plan',
  'skola',
  'trafik',
  'miljö',
  'rapport',
  'bygglov',
  'tillsyn',
]

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-alerts-bench-'))
  const db = openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.db') })
  try {
    await migrateToLatest(db)
    let started = performance.now()
    const summary = await generateArchive(db, { organisations: 1, years: YEARS, seed: 'alerts' })
    console.log(
      `archive: ${JSON.stringify(summary)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
    const committees = await db.selectFrom('committee').select(['id', 'slug']).orderBy('id').execute()
    const persons = await db
      .selectFrom('motion_author')
      .select((eb) => ['person_id', eb.fn.countAll<number>().as('n')])
      .where('person_id', 'is not', null)
      .groupBy('person_id')
      .orderBy('n', 'desc')
      .limit(PERSONS)
      .execute()
    const last = await db
      .selectFrom('search_entry')
      .select((eb) => eb.fn.max('published_on').as('day'))
      .executeTakeFirstOrThrow()
    const now = new Date(`${last.day}T12:00:00Z`)
    now.setUTCDate(now.getUTCDate() + 1)
    const rows = []
    for (let i = 0; i < SEARCHES; i++) {
      const committee = committees[i % committees.length]
      const search: SavedSearch = {
        q: words[i % words.length] as string,
        committeeSlug: i % 3 === 1 ? committee?.slug : undefined,
        year: i % 5 === 2 ? now.getUTCFullYear() : undefined,
        kind: i % 4 === 3 ? 'section' : undefined,
      }
      rows.push({
        email: `s${i}@example.se`,
        target_kind: 'search',
        committee_id: search.committeeSlug ? (committee?.id ?? null) : null,
        search_query: savedSearchText(search),
        target_key: `search:${savedSearchText(search)}`,
      })
    }
    for (const [i, p] of persons.entries())
      rows.push({
        email: `p${i}@example.se`,
        target_kind: 'person',
        person_id: p.person_id,
        target_key: `person:${p.person_id}`,
      })
    for (const [i, row] of rows.entries())
      await db
        .insertInto('subscription')
        .values({
          ...row,
          confirm_requested_at: now.toISOString(),
          confirmed_at: now.toISOString(),
          unsubscribe_token: `bench-${i}`,
        })
        .execute()
    console.log(`${SEARCHES} saved searches, ${persons.length} persons, job at ${now.toISOString()}`)
    for (const run of ['first run (two weeks new)', 'second run (nothing new)']) {
      started = performance.now()
      const queued = await queueSubscriptionMail(db, { publicUrl: 'https://paragraf.example.se', now })
      const ms = performance.now() - started
      const deliveries = await db
        .selectFrom('subscription_delivery')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      console.log(`${run}: ${ms.toFixed(0)} ms, ${queued} mails queued, ${deliveries.n} delivery records`)
    }
  } finally {
    await db.destroy()
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
