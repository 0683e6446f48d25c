import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { it } from 'node:test'
import type { KyselyPlugin, OperationNode } from 'kysely'
import { testActor } from '../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../test/support/test-db.ts'
import type { DocumentJson } from '../domain/publication/document-json.ts'
import { addDays } from '../domain/shared/calendar-date.ts'
import { type ImportSummary, importDocument, importDocuments } from './import-document.ts'
import { parseDocument } from './parse-document.ts'

// Issue 15: importing costs statements, and on PostgreSQL each is a round trip. The roll call, the
// §§, the agenda items, the motions, votes, dissents and statements under the §§ and the sign-offs
// of a protocol are written at once (recordAttendanceLines, addSections, addAgendaItems,
// recordMotions, recordVotes, recordDissents, recordStatements, recordSignOffs) with what they need
// read once, so a bigger protocol costs more rows, not more statements for them.

async function parsed(file: string): Promise<DocumentJson> {
  const bytes = readFileSync(new URL(`../../test/fixtures/documents/${file}`, import.meta.url))
  const outcome = await parseDocument({ bytes, fileName: file })
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.document
}

/** The same protocol a week later, with registry numbers of its own: a next meeting of the committee. */
function weekLater(document: DocumentJson, weeks = 1): DocumentJson {
  const copy = structuredClone(document)
  const move = (date: string | undefined) => (date ? addDays(date, 7 * weeks) : undefined)
  copy.meeting = { ...copy.meeting, ...(copy.meeting?.date ? { date: move(copy.meeting.date) } : {}) }
  copy.signOffs = copy.signOffs?.map((s) => ({ ...s, ...(s.date ? { date: move(s.date) } : {}) }))
  if (copy.noticePosted) copy.noticePosted = move(copy.noticePosted)
  copy.items = copy.items.map((i) => ({
    ...i,
    registryNumbers: i.registryNumbers?.map((r) => `${r}-${weeks + 1}`),
  }))
  return copy
}

/** Counts statements by what they do and to which table, e.g. "insert attendance", "select meeting". */
function statementCounter() {
  const counts = new Map<string, number>()
  let total = 0
  const tableOf = (node: OperationNode | undefined): string => {
    const n = node as { kind?: string; table?: { identifier?: { name?: string } }; froms?: OperationNode[] }
    if (n?.kind === 'TableNode') return n.table?.identifier?.name ?? '?'
    if (n?.kind === 'AliasNode') return tableOf((node as unknown as { node: OperationNode }).node)
    return '?'
  }
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      total++
      const n = node as unknown as {
        kind: string
        into?: OperationNode
        from?: { froms: OperationNode[] }
        table?: OperationNode
      }
      const key =
        n.kind === 'InsertQueryNode'
          ? `insert ${tableOf(n.into)}`
          : n.kind === 'SelectQueryNode'
            ? `select ${tableOf(n.from?.froms[0])}`
            : n.kind === 'UpdateQueryNode'
              ? `update ${tableOf(n.table)}`
              : n.kind
      counts.set(key, (counts.get(key) ?? 0) + 1)
      return node
    },
    async transformResult({ result }) {
      return result
    },
  }
  return { plugin, count: (key: string) => counts.get(key) ?? 0, total: () => total }
}

describeOnEachDatabase('importDocument: statements per protocol', (getDb) => {
  it('writes the roll call and the §§ of seed 002 (19 §§, 32 on the roll call) each in one statement', async () => {
    const protocol = await parsed('002_02371675939a916f.txt')
    assert.equal(protocol.items.filter((i) => typeof i.section === 'number').length, 19)
    assert.equal(protocol.attendance?.length, 32)
    const organisation = { organisation: 'Räknestad' }
    // The first import registers the committee, its people and parties; the next meeting is the
    // import as it runs through an archive.
    await importDocument(getDb(), testActor, protocol, organisation)
    const counter = statementCounter()
    const summary = await importDocument(
      getDb().withPlugin(counter.plugin),
      testActor,
      weekLater(protocol),
      organisation,
    )
    assert.equal(summary.created.section, 19)
    // Per object these were one each: 32 and 19 (and as many reads of the meeting and minutes).
    assert.equal(counter.count('insert attendance'), 1)
    assert.equal(counter.count('insert section'), 1)
    // And the agenda items the §§ decided (19 before): the first, with no matter, goes alone so
    // that the import's audit row names what it created in the same order as before.
    assert.ok(counter.count('insert agenda_item') <= 2, `${counter.count('insert agenda_item')} item inserts`)
    // The people named are read at once, not each by name or id (72 reads before).
    assert.ok(counter.count('select person') <= 12, `${counter.count('select person')} reads of person`)
    // The meeting and the minutes were read for every line of the roll call, every § and every
    // agenda item (120 and 67 reads before), then per motion, vote, dissent and statement (30 and 20).
    assert.ok(counter.count('select meeting') <= 12, `${counter.count('select meeting')} reads of meeting`)
    assert.ok(counter.count('select minutes') <= 5, `${counter.count('select minutes')} reads of minutes`)
    // The minutes the import opened are kept as written, with their §§ and that none is locked yet:
    // 14 reads of minutes, 15 of §§ and 10 of locked §§ (sign_off_section) before, 8, 7 and 4 after;
    // a meeting it created has no minutes but those it opened (5 reads of minutes, the meeting 12).
    assert.ok(counter.count('select section') <= 7, `${counter.count('select section')} reads of section`)
    assert.ok(
      counter.count('select sign_off_section') <= 4,
      `${counter.count('select sign_off_section')} reads of sign_off_section`,
    )
    // The statements of §§ 6, 7, 9, 12 and 15 (six), the motions and the dissent of § 10: each kind
    // with its authors written at once (recordStatements, recordMotions, recordDissents).
    for (const kind of ['statement', 'motion', 'dissent']) {
      assert.equal(counter.count(`insert ${kind}`), 1, `insert ${kind}`)
      assert.equal(counter.count(`insert ${kind}_author`), 1, `insert ${kind}_author`)
    }
    // Both sign-offs (§§ 18–19 at the meeting, §§ 1–17 after it) sealed from one reading of the
    // record, their signatures and seals written at once (recordSignOffs).
    assert.equal(counter.count('insert sign_off'), 2)
    assert.equal(counter.count('insert signature'), 1)
    assert.equal(counter.count('insert record_seal'), 1)
    // The agenda's 13 new matters: read in one statement and written in one.
    assert.equal(counter.count('insert matter'), 1)
    // 1,034 statements before the batch use cases; 384 with those of the roll call, the §§ and the
    // agenda items; 273 with those of the records under the §§ and the sign-offs (285 with the kept
    // activity of 0035, decided at the transaction's edge); 237 with the agenda's matters registered
    // together (registerMatters) and the minutes read once by the edge's reactions (readOnceAtEdge);
    // 211 with the meeting and committee read once per transaction (readOncePerTransaction), 213
    // with the edge reading them anew (what another transaction changed meanwhile); 214 on SQLite
    // and 208 on PostgreSQL before the organisation was read once per transaction and the parties
    // once per document, 210 and 204 after; 190 and 184 with the minutes the import opened kept; 180
    // and 174 with what the meeting it created holds known (no other minutes, agenda or roll call
    // than it wrote) and the signatories of its minutes kept; 177 and 171 with a step of the meeting
    // the import created audited as part of its creation; 176 and 170 with who served at its §§
    // known to be no one until recorded.
    assert.ok(counter.total() <= 177, `${counter.total()} statements`)
    // The organisation's settings were read by four use cases (5 reads with the importer's list).
    assert.ok(
      counter.count('select organisation') <= 2,
      `${counter.count('select organisation')} reads of organisation`,
    )
    // The parties: once by the import register (twice before), by the search index and the public forms.
    assert.ok(counter.count('select party') <= 3, `${counter.count('select party')} reads of party`)
    assert.ok(
      counter.count('select committee') <= 4,
      `${counter.count('select committee')} reads of committee`,
    )
  })

  it('reads the highest ids once a transaction of documents, and counts what each added as alone', async () => {
    const protocol = await parsed('002_02371675939a916f.txt')
    const documents = [protocol, weekLater(protocol), weekLater(protocol, 2)]
    // The highest ids of the counted tables: before each document when imported alone, once a
    // transaction when together (each document's after is the next one's before).
    let highestIdReads = 0
    const plugin: KyselyPlugin = {
      transformQuery({ node }) {
        const text = JSON.stringify(node)
        if (text.includes('max(id)') && !text.includes('count(*)')) highestIdReads++
        return node
      },
      async transformResult({ result }) {
        return result
      },
    }
    const together = await importDocuments(getDb().withPlugin(plugin), testActor, documents, {
      organisation: 'Samstad',
    })
    assert.equal(highestIdReads, 1)
    const alone: ImportSummary[] = []
    for (const document of documents)
      alone.push(await importDocument(getDb(), testActor, document, { organisation: 'Ensamstad' }))
    assert.deepEqual(
      together.map((outcome) => (outcome as ImportSummary).created),
      alone.map((summary) => summary.created),
    )
    assert.ok(((together[1] as ImportSummary).created.section ?? 0) > 0)
  })
})
