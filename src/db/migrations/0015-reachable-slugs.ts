import { type Kysely, sql } from 'kysely'

// Frozen in time (see 0001). A committee or person whose name made a slug longer than 100
// characters could not be reached at all: every address with it answered 500 (Fastify's
// maxParamLength). Such slugs are cut to 60 characters at the end of a word, numbered when taken.
// No address that worked changes, so nothing needs to redirect: slugs of up to 100 characters
// stay as they are.

const longest = 100
const cappedLength = 60

function capped(slug: string): string {
  const cut = slug.slice(0, cappedLength + 1)
  const end = cut.lastIndexOf('-')
  return (end > 0 ? cut.slice(0, end) : slug.slice(0, cappedLength)).replace(/-+$/, '')
}

async function shorten(db: Kysely<unknown>, table: 'committee' | 'person'): Promise<void> {
  const { rows } = await sql<{ id: number; slug: string }>`select id, slug from ${sql.table(table)}
    where length(slug) > ${longest} order by id`.execute(db)
  for (const row of rows) {
    const base = capped(row.slug)
    const { rows: taken } = await sql<{ slug: string }>`select slug from ${sql.table(table)}
      where slug like ${`${base}%`}`.execute(db)
    const slugs = new Set(taken.map((t) => t.slug))
    let slug = base
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`
    await sql`update ${sql.table(table)} set slug = ${slug} where id = ${row.id}`.execute(db)
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await shorten(db, 'committee')
  await shorten(db, 'person')
}

export async function down(): Promise<void> {
  // The long slugs could not be reached; there is nothing to restore.
}
