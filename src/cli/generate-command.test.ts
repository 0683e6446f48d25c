import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { readGenerateFlags } from './generate-command.ts'

describe('paragraf generate', () => {
  it('reads its flags, with defaults', () => {
    assert.deepEqual(readGenerateFlags({}), { organisations: 1, years: 10, seed: 'paragraf' })
    assert.deepEqual(readGenerateFlags({ organisations: '25', years: '20', seed: 'x' }), {
      organisations: 25,
      years: 20,
      seed: 'x',
    })
    for (const organisations of ['0', '-1', 'två', '1.5', '100000'])
      assert.throws(() => readGenerateFlags({ organisations }), /--organisations ska vara ett heltal från 1/)
    assert.throws(() => readGenerateFlags({ years: '51' }), /--years ska vara ett heltal från 1 till 50/)
  })

  it('stops a bad flag with one Swedish line and exit status 2, writing nothing', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'paragraf-generate-'))
    try {
      const bin = path.resolve(import.meta.dirname, '../../bin/paragraf.js')
      const result = spawnSync(process.execPath, [bin, 'generate', '--years', 'tio', '--data-dir', dataDir], {
        encoding: 'utf8',
      })
      assert.equal(result.status, 2)
      assert.equal(result.stderr.trim(), 'paragraf: --years ska vara ett heltal från 1 till 50, fick "tio"')
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('fills the public change log of what it generated, so `paragraf change-log` then finds nothing to write', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'paragraf-generate-'))
    try {
      const bin = path.resolve(import.meta.dirname, '../../bin/paragraf.js')
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [bin, ...args, '--data-dir', dataDir], { encoding: 'utf8' })
      const generated = run('generate', '--years', '1', '--seed', 'change-log')
      assert.equal(generated.status, 0, generated.stderr)
      const filled = /Ändringsloggen fylldes med (\d+) ändringar/.exec(generated.stdout)
      assert.ok(filled && Number(filled[1]) > 100, generated.stdout)
      const again = run('change-log')
      assert.equal(again.status, 0, again.stderr)
      assert.match(again.stdout, /^Ändringsloggen är genomgången: 0 ändringar skrevs/)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
