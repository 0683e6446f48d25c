import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import {
  ConflictError,
  DomainError,
  InvalidInputError,
  InvalidStateError,
  type RefusalReason,
} from './errors.ts'
import { refusalSentence, refusalSentences } from './refusal-sentences.ts'

// The table's type already refuses to compile without a sentence for every declared reason; this
// checks what the type cannot: that each sentence is there, Swedish and not the developer's
// English, and that every reason the code throws is one the table knows.

const src = path.resolve(import.meta.dirname, '../..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(file)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : []
  })
}

/** The reasons written where an error is thrown: `new InvalidStateError('reason', …)` and the like. */
function thrownReasons(): Map<string, string> {
  const found = new Map<string, string>()
  const pattern =
    /new (?:InvalidInputError|InvalidStateError|TallyError|DomainError\(\s*'[a-z_]+',)\(?\s*'([a-z0-9_]+)'/g
  for (const file of sourceFiles(src)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern))
      found.set(match[1] as string, path.relative(src, file))
  }
  return found
}

const englishWords = /\b(the|must|is|not|cannot|only|needs?|already|should|please|error)\b/i

describe('refusalSentences', () => {
  const entries = Object.entries(refusalSentences) as Array<[RefusalReason, unknown]>

  it('has a Swedish sentence for every reason, none empty and none in English', () => {
    assert.ok(entries.length > 150, `${entries.length} reasons`)
    for (const [reason, sentence] of entries) {
      if (typeof sentence === 'function') continue // their words are checked below with details
      assert.equal(typeof sentence, 'string', reason)
      const text = sentence as string
      assert.ok(text.trim().length >= 8, `${reason}: "${text}"`)
      assert.doesNotMatch(text, englishWords, `${reason}: "${text}"`)
      assert.doesNotMatch(text, /^[a-z0-9_]+$/, `${reason} says a code, not a sentence: "${text}"`)
    }
  })

  it('knows every reason the code throws', () => {
    const thrown = thrownReasons()
    assert.ok(thrown.size > 100, `${thrown.size} reasons thrown`)
    for (const [reason, file] of thrown)
      assert.ok(Object.hasOwn(refusalSentences, reason), `${file} throws ${reason}, which has no sentence`)
  })

  it('says the sentences that use details in Swedish, with the details', () => {
    const said = [
      refusalSentence(new ConflictError('§ 4', 1, 2)),
      refusalSentence(new ConflictError('the meeting', 1, 2)),
      refusalSentence(new InvalidStateError('merge_two_at_once', 'x', { table: 'attendance' })),
      refusalSentence(new InvalidStateError('merge_two_at_once', 'x', { table: 'vote_ballot' })),
      refusalSentence(
        new InvalidStateError('signed_off_record', 'x', { part: 'section', labels: ['§ 3'], signing: false }),
      ),
      refusalSentence(
        new InvalidInputError('import_committee_unknown', 'x', 'committee', {
          committee: 'kfn',
          organisation: 'Exempelby kommun',
        }),
      ),
    ]
    assert.deepEqual(said.slice(0, 2), [
      'Någon annan har ändrat paragrafen medan du skrev.',
      'Någon annan har ändrat sammanträdet medan du skrev.',
    ])
    assert.match(said[2] as string, /närvarande vid samma sammanträde/)
    assert.match(said[3] as string, /samma paragraf, omröstning eller justering/)
    assert.match(said[4] as string, /^§ 3 är justerad\. .* rättelse/)
    assert.equal(said[5], 'det finns ingen nämnd kfn i Exempelby kommun')
    for (const text of said) assert.doesNotMatch(text, englishWords, text)
  })

  it('never shows the developer’s message, even for an error whose details are missing', () => {
    const error = new DomainError('invalid_state', 'signed_off_record', 'the developer’s words')
    assert.equal(refusalSentence(error), 'Det går inte att spara så. Kontrollera uppgifterna.')
    assert.equal(
      refusalSentence(new InvalidStateError('no_quorum', 'no quorum: 2 serving, 4 needed (KL 6:27)')),
      'Nämnden är inte beslutför vid paragrafen: mer än hälften av ledamöterna måste tjänstgöra (KL 6:27).',
    )
  })
})
