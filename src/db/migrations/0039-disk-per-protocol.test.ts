import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { listPublicChanges } from '../../domain/public-record/public-record.repository.ts'
import { rebuildPublicRecord } from '../../domain/public-record/public-record-rebuild.ts'
import type { Db } from '../database.ts'
import { down, up } from './0039-disk-per-protocol.ts'

// An archive whose public record was written before 0039 (digests as hexadecimal text) is upgraded
// in place: every object keeps its state, its digest becomes the same 32 bytes, and deciding the
// whole archive again finds nothing changed — the digests compare equal across the two formats.
describeOnEachDatabase(
  'migration 0039: public digests as bytes, no index of services by party',
  (getDb, dialect) => {
    const objects = async (db: Db) =>
      (
        await sql<Record<string, unknown>>`select * from public_object order by kind, object_id`.execute(db)
      ).rows.map(({ digest, public: isPublic, ...rest }) => ({
        ...rest,
        public: Boolean(isPublic),
        digest: digest === null ? null : Buffer.isBuffer(digest) ? digest.toString('hex') : `text:${digest}`,
      }))
    const indexes = async (db: Db) =>
      dialect === 'sqlite'
        ? (
            await sql<{ name: string }>`select name from sqlite_master
            where type = 'index' and tbl_name = 'section_service'`.execute(db)
          ).rows.map((r) => r.name)
        : (
            await sql<{ name: string }>`select indexname as name from pg_indexes
            where schemaname = current_schema() and tablename = 'section_service'`.execute(db)
          ).rows.map((r) => r.name)

    it('keeps every public object and its digest, so that nothing is found changed', async () => {
      const db = getDb()
      await loadDemoData(db, '2026-11-22')
      const log = await listPublicChanges(db, { after: 0, limit: 100_000 })
      const upgraded = await objects(db)
      assert.ok(upgraded.filter((o) => o.digest !== null).length > 50, 'the demo has public objects')
      assert.ok(
        upgraded.every((o) => o.digest === null || /^[0-9a-f]{64}$/.test(o.digest)),
        'each digest is 32 bytes',
      )
      assert.ok(!(await indexes(db)).includes('section_service_party_id'))

      await down(db as never)
      const before = await objects(db)
      assert.deepEqual(
        before,
        upgraded.map((o) => ({ ...o, digest: o.digest === null ? null : `text:${o.digest}` })),
        'before 0039 the same digests, as hexadecimal text',
      )
      assert.ok((await indexes(db)).includes('section_service_party_id'))

      await up(db as never)
      assert.deepEqual(await objects(db), upgraded, 'the same objects, states and digests')
      assert.ok(!(await indexes(db)).includes('section_service_party_id'))
      assert.equal(await rebuildPublicRecord(db), 0, 'deciding the archive again finds nothing changed')
      assert.deepEqual(await listPublicChanges(db, { after: 0, limit: 100_000 }), log)
    })
  },
)
