import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { type Kysely, sql } from 'kysely'
import { openDatabase } from './database.ts'
import { migrateToLatest } from './migrate.ts'

// Kysely's migrator lists tables to see whether its own exist; Kysely's PostgreSQL introspector
// listed every schema's, and a schema another process dropped during that listing failed the
// migration ("schema … does not exist": a test's or a benchmark's schema beside CI's). Paragraf's
// introspector lists its own schema only.

const postgresUrl = process.env.PARAGRAF_TEST_DATABASE_URL
const skip = postgresUrl ? false : 'PARAGRAF_TEST_DATABASE_URL is not set: the introspection is PostgreSQL'

describe('PostgreSQL introspection of the connection’s own schema', { skip }, () => {
  const tag = randomBytes(4).toString('hex')
  const schema = `test_introspect_${tag}`
  const other = `test_introspect_other_${tag}`
  let admin: Kysely<unknown>
  let db: Kysely<unknown>

  before(async () => {
    admin = openDatabase({
      dialect: 'postgres',
      url: postgresUrl ?? '',
      maxConnections: 2,
    }) as Kysely<unknown>
    await sql`create schema ${sql.id(schema)}`.execute(admin)
    await sql`create schema ${sql.id(other)}`.execute(admin)
    await sql`create table ${sql.id(other)}.elsewhere (id integer)`.execute(admin)
    db = openDatabase({ dialect: 'postgres', url: postgresUrl ?? '', schema }) as Kysely<unknown>
  })
  after(async () => {
    await db.destroy()
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin)
    await sql`drop schema if exists ${sql.id(other)} cascade`.execute(admin)
    await admin.destroy()
  })

  it('lists the tables of its own schema, with their columns, and no other schema’s', async () => {
    await sql`create table place (id serial primary key, name text not null, note text default 'x')`.execute(
      db,
    )
    const tables = await db.introspection.getTables()
    assert.deepEqual(
      tables.map((t) => [t.schema, t.name]),
      [[schema, 'place']],
    )
    assert.deepEqual(
      tables[0]?.columns.map((c) => [
        c.name,
        c.dataType,
        c.isNullable,
        c.isAutoIncrementing,
        c.hasDefaultValue,
      ]),
      [
        ['id', 'int4', false, true, true],
        ['name', 'text', false, false, false],
        ['note', 'text', true, false, true],
      ],
    )
    await sql`drop table place`.execute(db)
  })

  // Schemas made and dropped by another connection while the migrations are read: each listing
  // must not see them. With Kysely's introspector this failed within a second, here.
  const migrateBesideDrops = async (migrated: Kysely<unknown>) => {
    let dropping = true
    const churn = (async () => {
      for (let n = 0; dropping; n++) {
        const name = `test_introspect_churn_${tag}_${n % 4}`
        await sql`create schema if not exists ${sql.id(name)}`.execute(admin)
        await sql`create table if not exists ${sql.id(name)}.t (id integer)`.execute(admin)
        await sql`drop schema ${sql.id(name)} cascade`.execute(admin)
      }
    })()
    try {
      for (let round = 0; round < 40; round++)
        await migrated.introspection.getTables({ withInternalKyselyTables: true })
      await migrateToLatest(migrated as never)
    } finally {
      dropping = false
      await churn
    }
  }

  it('migrates while other schemas of the database are made and dropped', async () => {
    await migrateBesideDrops(db)
    const tables = (await db.introspection.getTables()).map((t) => t.name)
    assert.ok(tables.includes('meeting'), 'the schema is migrated')
  })
})
