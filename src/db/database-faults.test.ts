import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import SqliteDatabase from 'better-sqlite3'
import { databaseFaultOf } from './database-faults.ts'

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('databaseFaultOf', () => {
  const cases: Array<[string, unknown, ReturnType<typeof databaseFaultOf>]> = [
    [
      'a restart ending the connection (57P01)',
      coded('57P01', 'terminating connection due to administrator command'),
      'unavailable',
    ],
    ['PostgreSQL starting up (57P03)', coded('57P03', 'the database system is starting up'), 'unavailable'],
    [
      'a statement over its time (57014)',
      coded('57014', 'canceling statement due to statement timeout'),
      'unavailable',
    ],
    ['a refused connection', coded('ECONNREFUSED'), 'unavailable'],
    ['every address of a host refusing', new AggregateError([coded('ECONNREFUSED')]), 'unavailable'],
    ['a connection broken mid-query', new Error('Connection terminated unexpectedly'), 'unavailable'],
    ['no free connection in time', new Error('timeout exceeded when trying to connect'), 'unavailable'],
    ['a connection exception (08006)', coded('08006'), 'unavailable'],
    ['SQLite locked by another writer', coded('SQLITE_BUSY', 'database is locked'), 'unavailable'],
    ['SQLite full', coded('SQLITE_FULL', 'database or disk is full'), 'full'],
    ['PostgreSQL disk full (53100)', coded('53100'), 'full'],
    ['a full disk under a file write', coded('ENOSPC'), 'full'],
    ['a full disk as the cause', new Error('upload failed', { cause: coded('ENOSPC') }), 'full'],
    ['a unique violation', coded('23505'), undefined],
    ['a missing file', coded('ENOENT'), undefined],
    ['a bug', new TypeError('x is undefined'), undefined],
    ['not an error', 'text', undefined],
  ]
  for (const [what, error, fault] of cases) {
    it(`${what}: ${fault ?? 'no fault'}`, () => assert.equal(databaseFaultOf(error), fault))
  }

  it('knows the error better-sqlite3 throws when the file may not grow', () => {
    const sqlite = new SqliteDatabase(':memory:')
    sqlite.exec('create table t (x text)')
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true })}`)
    const error = (() => {
      try {
        sqlite.prepare('insert into t values (?)').run('x'.repeat(100_000))
      } catch (e) {
        return e
      }
    })()
    sqlite.close()
    assert.equal(databaseFaultOf(error), 'full')
  })
})
