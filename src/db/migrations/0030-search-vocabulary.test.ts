import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { createTestMeeting, unique } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { search } from '../../domain/search/search.service.ts'
import { down, up } from './0030-search-vocabulary.ts'

// Entries indexed before 0030 (their words in search_entry, the trigram index of 0002) are found
// after it by a word and by a part of one, through the vocabulary; on SQLite the words leave the entry.
describeOnEachDatabase('migration 0030: parts of words through the vocabulary', (getDb, dialect) => {
  it('moves the words of the entries indexed before it into the word and vocabulary indexes', async () => {
    const db = getDb()
    const meeting = await createTestMeeting(db)
    const word = `stadsbyggnadsplanering${unique()}`
    await down(db as never)
    const entry = await db
      .insertInto('search_entry')
      .values({
        kind: 'agenda_item',
        object_id: meeting.id,
        meeting_id: meeting.id,
        committee_id: meeting.committeeId,
        year: 2022,
        meets_on: meeting.meetsOn,
        published_on: meeting.meetsOn,
        label: 'Punkt 1',
        anchor: 'punkt-1',
        section_number: null,
        title: `Översyn av ${word}`,
        body: 'Nämnden beslutar',
        title_words: `översyn ${word}`,
        body_words: 'nämnden beslutar',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (dialect === 'sqlite')
      await sql`insert into search_fts (rowid, title, body) values (${entry.id}, ${`översyn ${word}`}, 'nämnden beslutar')`.execute(
        db,
      )
    await up(db as never)

    const found = async (q: string) =>
      (await search(db, { q, page: 1, pageSize: 20 })).hits.some((h) => h.title === `Översyn av ${word}`)
    assert.ok(await found(word), 'the word')
    assert.ok(await found('byggnadsplan'), 'a part of it')
    assert.ok(!(await found('byggnadsplanx')), 'not what it does not hold')
    const row = await db
      .selectFrom('search_entry')
      .select(['title_words', 'body_words'])
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow()
    if (dialect === 'sqlite') assert.deepEqual(row, { title_words: '', body_words: '' })
    else assert.equal(row.title_words, `översyn ${word}`)
    await db.deleteFrom('search_entry').where('id', '=', entry.id).execute()
    assert.ok(!(await found(word)), 'a deleted entry leaves the word index')
  })

  if (dialect === 'sqlite')
    it('changes nothing when it stops half-way, and goes through when started again', async () => {
      const db = getDb()
      await down(db as never)
      // A table in the way of the vocabulary: the migration stops after dropping the trigram index.
      await sql`create table search_word (id integer primary key)`.execute(db)
      await assert.rejects(up(db as never))
      const tables = async () =>
        (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
        ).rows.map((r) => r.name)
      assert.ok((await tables()).includes('search_trigram'), 'the trigram index is still there')
      assert.ok(!(await tables()).includes('search_entry_words'), 'nothing of the migration is left')
      await sql`drop table search_word`.execute(db)
      await up(db as never)
      assert.ok((await tables()).includes('search_entry_words'))
      assert.ok(!(await tables()).includes('search_trigram'))
    })
})
