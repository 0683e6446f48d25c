import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'

// docs/rules.md is the audit of every rule in the domain notes' sections M, B and A: where Paragraf
// keeps it and which tests hold it. This keeps the audit true as the code moves: a rule without a
// test, a test file that is gone or a test renamed away from its line fails here.

const root = join(import.meta.dirname, '..')
const audit = readFileSync(join(root, 'docs/rules.md'), 'utf8')
const rules = [
  ...['M1', 'M2', 'M3', 'M4', 'M5', 'M6'],
  ...['B1', 'B2', 'B3', 'B4', 'B5'],
  ...['A1', 'A2', 'A3', 'A4', 'A5', 'A6'],
]

/** The "- test: `path` » text" lines under each "## X." heading. */
function testLines(): Map<string, Array<{ path: string; text: string }>> {
  const byRule = new Map<string, Array<{ path: string; text: string }>>()
  let rule: string | undefined
  for (const line of audit.split('\n')) {
    const heading = /^## ([A-Z]\d)\. /.exec(line)
    if (line.startsWith('## ')) rule = heading?.[1] ?? line.slice(3)
    const test = /^- test: `([^`]+)` » (.+)$/.exec(line)
    if (line.startsWith('- test:')) {
      assert.ok(test, `a test line that cannot be read: ${line}`)
      if (rule) byRule.set(rule, [...(byRule.get(rule) ?? []), { path: test[1]!, text: test[2]!.trim() }])
    }
  }
  return byRule
}

describe('the audit of the rules (docs/rules.md)', () => {
  const lines = testLines()

  it('lists every rule of sections M, B and A with at least one test', () => {
    const missing = rules.filter((rule) => (lines.get(rule) ?? []).length === 0)
    assert.deepEqual(missing, [])
  })

  it('names only test files that exist, with the text each line quotes', () => {
    const wrong: string[] = []
    for (const [rule, tests] of lines) {
      for (const { path, text } of tests) {
        const file = join(root, path)
        if (!/\.test\.tsx?$/.test(path) || !existsSync(file)) wrong.push(`${rule}: no test file ${path}`)
        else if (!readFileSync(file, 'utf8').includes(text)) wrong.push(`${rule}: "${text}" not in ${path}`)
      }
    }
    assert.deepEqual(wrong, [])
  })
})
