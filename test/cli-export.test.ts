import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { strFromU8, unzipSync } from 'fflate'

// `paragraf export` as a user meets it: through bin/paragraf.js, on a fresh data directory with demo data.

const bin = path.resolve(import.meta.dirname, '../bin/paragraf.js')
const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-cli-export-'))
after(() => rmSync(dir, { recursive: true, force: true }))

function paragraf(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(dir, 'data'), PUBLIC_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() }
}

describe('paragraf export', () => {
  it('writes everything published to a ZIP and says so on one line', () => {
    assert.equal(paragraf(['demo']).status, 0)
    const file = path.join(dir, 'oppna-data.zip')
    const result = paragraf(['export', file])
    assert.equal(result.status, 0, result.stderr)
    assert.equal(result.stdout.split('\n').length, 1, result.stdout)
    assert.match(
      result.stdout,
      /^Exporterade \d+ sammanträden \(\d+ dagordningar, \d+ protokoll\) till .*oppna-data\.zip\.$/,
    )
    const files = unzipSync(readFileSync(file))
    assert.ok('README.txt' in files)
    const index = JSON.parse(strFromU8(files['index.json'] as Uint8Array))
    assert.ok(index.meetings.length > 0)
    const minutes = JSON.parse(strFromU8(files['socialnamnden/mote-2022-12-14/protokoll.json'] as Uint8Array))
    assert.equal(minutes.kind, 'minutes')
    assert.equal(minutes.meeting.date, '2022-12-14')
  })

  it('refuses a path it cannot write with one line and a non-zero exit', () => {
    const blocker = path.join(dir, 'a-file')
    writeFileSync(blocker, 'not a directory')
    const target = path.join(blocker, 'export.zip')
    const result = paragraf(['export', target])
    assert.notEqual(result.status, 0)
    assert.equal(result.stderr.split('\n').length, 1, result.stderr)
    assert.match(result.stderr, /^paragraf: filen .* kan inte skrivas/)
    assert.equal(existsSync(target), false)
  })

  it('asks for exactly one file', () => {
    const result = paragraf(['export'])
    assert.equal(result.status, 2)
    assert.match(result.stderr, /^paragraf: export tar en fil: paragraf export FIL\.zip$/)
  })
})
