#!/usr/bin/env node
// `npm test`: every *.test.ts(x) under src/ and test/, on in-memory SQLite and, when
// PARAGRAF_TEST_DATABASE_URL is set, on PostgreSQL too. Node 20's test runner does not expand
// globs, so the files are listed here. Extra arguments are passed on (e.g. a file to run alone).
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { dropSchemasOfRun } from './test-schemas.js'

const root = path.resolve(import.meta.dirname, '..')

function findTests(dir) {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name)
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'fixtures' ? [] : findTests(rel)
    return /\.test\.tsx?$/.test(entry.name) ? [rel] : []
  })
}

const postgres = process.env.PARAGRAF_TEST_DATABASE_URL
if (!postgres) {
  if (process.env.REQUIRE_POSTGRES === '1') {
    console.error(
      'REQUIRE_POSTGRES=1 but PARAGRAF_TEST_DATABASE_URL is not set: the PostgreSQL suite cannot be skipped.',
    )
    process.exit(1)
  }
  console.log(
    'Note: the PostgreSQL suite is skipped (only SQLite runs). To run it too, set\n' +
      '  PARAGRAF_TEST_DATABASE_URL=postgres://USER@127.0.0.1:5432/DATABASE npm test',
  )
} else {
  console.log(`Running the suite on SQLite and on PostgreSQL (${postgres.replace(/:[^:@/]*@/, ':***@')}).`)
}

const args = process.argv.slice(2)
const files = args.some((a) => !a.startsWith('-'))
  ? args
  : [...args, ...findTests('src'), ...findTests('test')]
// The PostgreSQL schemas of this run carry its id; they are dropped once every file is done.
const run = `r${process.pid}`
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TZ: process.env.TZ ?? 'UTC', PARAGRAF_TEST_RUN: run },
})
if (postgres) await dropSchemasOfRun(postgres, run)
if (!postgres) console.log('(PostgreSQL suite skipped: set PARAGRAF_TEST_DATABASE_URL to run it.)')
process.exit(result.status ?? 1)
