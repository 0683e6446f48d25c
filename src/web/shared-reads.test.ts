import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sharedReads } from './shared-reads.ts'

// A read is shared only by callers that arrived before it began: the version a page is served at
// must be read after its request arrived, or a change committed just before could be missed.
describe('sharedReads', () => {
  /** A read that ends when told, and records the order in which reads began and callers arrived. */
  function controlledReads() {
    const events: string[] = []
    const ends: Array<(value: number) => void> = []
    let begun = 0
    const read = () => {
      const n = ++begun
      events.push(`read ${n} begins`)
      return new Promise<number>((resolve) => ends.push(resolve)).then((value) => {
        events.push(`read ${n} ends`)
        return value
      })
    }
    return { events, read, end: (value: number) => ends.shift()?.(value), begun: () => begun }
  }

  it('gives callers who arrive during a read the next read, begun after they arrived', async () => {
    const reads = controlledReads()
    const version = sharedReads(reads.read)
    const first = version()
    reads.events.push('b and c arrive')
    const [second, third] = [version(), version()]
    assert.equal(reads.begun(), 1, 'b and c do not begin reads of their own while one is under way')
    reads.end(1)
    assert.equal(await first, 1)
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(reads.begun(), 2, 'the next read begins once the first has ended')
    reads.end(2)
    assert.deepEqual(await Promise.all([second, third]), [2, 2], 'b and c share the read begun after them')
    assert.deepEqual(reads.events, [
      'read 1 begins',
      'b and c arrive',
      'read 1 ends',
      'read 2 begins',
      'read 2 ends',
    ])
  })

  it('begins a read at once when none is under way, and passes a failed read on to its callers', async () => {
    let calls = 0
    const version = sharedReads(async () => {
      calls++
      if (calls === 1) throw new Error('databasen svarar inte')
      return calls
    })
    await assert.rejects(version(), /svarar inte/)
    assert.equal(await version(), 2, 'a failed read is not kept: the next caller reads again')
    assert.equal(await version(), 3)
  })
})
