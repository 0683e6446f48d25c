import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { createTestCommittee, createTestPerson, testActor } from '../../test/support/factories.ts'
import { pageText as text } from '../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../test/support/test-db.ts'
import { up as shortenUnreachableSlugs } from '../db/migrations/0015-reachable-slugs.ts'
import { createCommittee } from '../domain/committee/committee.service.ts'
import { createApp } from './app.ts'

// An address segment longer than Fastify's maxParamLength (100) never reaches a route. It must
// be an ordinary "not found" (and no committee's address may be that long), not a 500.

const longName =
  'Nämnden för arbetsmarknad, vuxenutbildning, integration och samhällsorientering för nyanlända i Stockholms stad'
const longSegment = 'a'.repeat(101)

/** The app's log lines, as JSON objects. */
const logged: Array<Record<string, unknown>> = []
const logStream = { write: (line: string) => void logged.push(JSON.parse(line)) }

describeOnEachDatabase('long names and long addresses', (getDb) => {
  let app: FastifyInstance
  before(async () => {
    app = await createApp({
      db: getDb(),
      logLevel: 'info',
      logStream,
      now: () => new Date('2026-11-22T10:00:00Z'),
    })
  })
  after(() => app.close())

  it('gives a committee with a very long name a short slug its pages answer at', async () => {
    const committee = await createTestCommittee(getDb(), { name: longName })
    assert.equal(committee.slug, 'namnden-for-arbetsmarknad-vuxenutbildning-integration-och')
    const namesake = await createCommittee(getDb(), testActor, {
      organisationId: committee.organisationId,
      name: `${longName}, södra`,
      kind: 'namnd',
    })
    assert.equal(namesake.slug, `${committee.slug}-2`)
    for (const url of [
      `/committees/${committee.slug}`,
      `/committees/${committee.slug}/kalender.ics`,
      `/committees/${committee.slug}/flode.atom`,
    ]) {
      const response = await app.inject(url)
      assert.equal(response.statusCode, 200, url)
    }
    assert.match(text((await app.inject(`/committees/${namesake.slug}`)).body), /södra/)
  })

  it('answers a segment over 100 characters with the Swedish not-found page, logged once', async () => {
    logged.length = 0
    const response = await app.inject(`/committees/${longSegment}`)
    const logs = [...logged]
    assert.equal(response.statusCode, 404)
    assert.match(text(response.body), /Sidan finns inte/)
    assert.equal(logs.filter((l) => l.msg === 'address refused before routing').length, 1)
    assert.equal(logs.filter((l) => (l.level as number) >= 50).length, 0, 'no error logged')
    for (const url of [
      `/committees/${longSegment}/mote-2026-01-01`,
      `/committees/${longSegment}/kalender.ics`,
      `/personer/${longSegment}`,
      `/admin/namnder/${longSegment}`,
    ]) {
      const answer = await app.inject(url)
      assert.equal(answer.statusCode, 404, url)
    }
  })

  it('answers OParl and JSON clients there in JSON', async () => {
    const oparl = await app.inject(`/oparl/v1/body/${longSegment}`)
    assert.equal(oparl.statusCode, 404)
    assert.match(oparl.headers['content-type'] as string, /^application\/json/)
    assert.equal(oparl.json().type, 'https://schema.oparl.org/1.1/Error')
    const api = await app.inject(`/api/v1/x/${longSegment}`)
    assert.equal(api.statusCode, 404)
    assert.equal(api.json().error, 'not_found')
  })

  it('shortens a slug no address could reach (migration 0015), and leaves reachable ones alone', async () => {
    const reachable = await createTestCommittee(getDb())
    const unreachable = await createTestCommittee(getDb())
    const person = await createTestPerson(getDb(), reachable.organisationId)
    const long = `${'lang-'.repeat(30)}namnd`
    await sql`update committee set slug = ${long} where id = ${unreachable.id}`.execute(getDb())
    await sql`update committee set slug = ${long.slice(0, 59)} where id = ${reachable.id}`.execute(getDb())
    await sql`update person set slug = ${`${long}-person`} where id = ${person.id}`.execute(getDb())
    await shortenUnreachableSlugs(getDb() as never)
    const slugs = await getDb()
      .selectFrom('committee')
      .select(['id', 'slug'])
      .where('id', 'in', [reachable.id, unreachable.id])
      .orderBy('id')
      .execute()
    assert.deepEqual(
      slugs.map((s) => s.slug),
      [long.slice(0, 59), `${long.slice(0, 59)}-2`],
    )
    const personSlug = await getDb()
      .selectFrom('person')
      .select('slug')
      .where('id', '=', person.id)
      .executeTakeFirst()
    assert.ok((personSlug?.slug.length ?? 0) <= 60, personSlug?.slug)
    assert.equal((await app.inject(`/committees/${long.slice(0, 59)}-2`)).statusCode, 200)
  })
})
