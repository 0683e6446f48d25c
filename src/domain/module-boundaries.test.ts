// The domain's seams, checked on the source (issue 10): a module reads another through that
// module's read entry (`<module>.reads.ts`) or calls its service, never its repository; and no
// file of the domain imports itself back through a chain of runtime imports (an ES module cycle
// leaves one side's exports undefined while the other loads, depending on which is loaded first).
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'

const root = import.meta.dirname

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(file)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : []
  })
}

interface Import {
  target: string
  /** Erased by TypeScript (`import type`, or every name marked `type`): no runtime edge. */
  typeOnly: boolean
}

const importLine = /^\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+'(\.[^']+)'/gm

function importsOf(file: string): Import[] {
  return [...readFileSync(file, 'utf8').matchAll(importLine)].map((m) => {
    const clause = (m[2] ?? '').trim()
    const names = clause.startsWith('{')
      ? clause
          .replace(/[{}]/g, '')
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean)
      : []
    const allTypes = names.length > 0 && names.every((n) => n.startsWith('type '))
    return { target: path.resolve(path.dirname(file), m[3] ?? ''), typeOnly: Boolean(m[1]) || allTypes }
  })
}

const moduleOf = (file: string) => path.relative(root, file).split(path.sep)[0] ?? ''
const relative = (file: string) => path.relative(root, file)
const files = sourceFiles(root)

test("no module of the domain imports another module's repository", () => {
  const crossings = files.flatMap((file) =>
    importsOf(file)
      .filter((i) => i.target.startsWith(root + path.sep))
      .filter((i) => i.target.endsWith('.repository.ts') && moduleOf(i.target) !== moduleOf(file))
      .map((i) => `${relative(file)} -> ${relative(i.target)}`),
  )
  assert.deepEqual(crossings, [], "import the module's <module>.reads.ts (reads) or its service (writes)")
})

test('a read entry re-exports reads of its own module only', () => {
  for (const file of files.filter((f) => f.endsWith('.reads.ts'))) {
    for (const i of importsOf(file)) {
      if (i.target.endsWith('.repository.ts'))
        assert.equal(moduleOf(i.target), moduleOf(file), `${relative(file)} re-exports ${relative(i.target)}`)
      assert.ok(
        !i.target.endsWith('.service.ts'),
        `${relative(file)} imports a service: ${relative(i.target)}`,
      )
    }
  }
})

/** Every cycle a depth-first walk meets, each as `a -> b -> a`. */
function findCycles(graph: Map<string, string[]>): string[] {
  const cycles: string[] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  function visit(node: string) {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '))
      else if (!state.has(next) && graph.has(next)) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of graph.keys()) if (!state.has(node)) visit(node)
  return cycles
}

test('the runtime imports of the domain have no cycle', () => {
  const graph = new Map(
    files.map((file) => [
      relative(file),
      importsOf(file)
        .filter((i) => !i.typeOnly && i.target.startsWith(root + path.sep))
        .map((i) => relative(i.target)),
    ]),
  )
  assert.deepEqual(findCycles(graph), [])
})

test('the checks are not vacuous: they find a cycle, and the imports they read are there', () => {
  const cyclic = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
  ])
  assert.deepEqual(findCycles(cyclic), ['a.ts -> b.ts -> c.ts -> a.ts'])
  // Edges known to exist (one a multi-line import): a scanner that missed them would pass anything.
  const edges = (file: string) => importsOf(path.join(root, file)).map((i) => relative(i.target))
  assert.ok(edges('sign-off/sign-off.service.ts').includes('minutes/minutes.reads.ts'))
  assert.ok(edges('agenda/agenda.service.ts').includes('search/search.service.ts'))
  assert.ok(edges('search/search.service.ts').includes('agenda/agenda.reads.ts'))
})
