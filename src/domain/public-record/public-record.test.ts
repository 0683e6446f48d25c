import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { getAgendaItem } from '../agenda/agenda.repository.ts'
import { updateAgendaItem, withdrawAgendaItem } from '../agenda/agenda.service.ts'
import { listPublicChanges, listPublicObjectStates, listVanished } from './public-record.repository.ts'
import { fillPublicRecordIfEmpty, rebuildPublicRecord } from './public-record-rebuild.ts'

// The public change log is written at the edge of every transaction that touches the record, and
// decided from the same public forms as OParl: so deciding the whole archive again finds nothing
// the log missed, after the demo's imports and after every change below.

describeOnEachDatabase('the public change log', (getDb) => {
  let agendaItems: { id: number; title: string | null; matter_id: number | null; documents: number[] }[]
  let organisationId: number

  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    const meeting = await getDb()
      .selectFrom('meeting')
      .innerJoin('committee', 'committee.id', 'meeting.committee_id')
      .select(['meeting.id', 'committee.organisation_id'])
      .where('meeting.status', '=', 'notice_published')
      // The 2023 agenda, imported from Stockholm's, whose items carry matters.
      .orderBy('meeting.meets_on')
      .executeTakeFirstOrThrow()
    organisationId = meeting.organisation_id
    const items = await getDb()
      .selectFrom('agenda_item')
      .select(['id', 'title', 'matter_id'])
      .where('meeting_id', '=', meeting.id)
      .where('confidential', '=', false)
      .orderBy('position')
      .execute()
    agendaItems = await Promise.all(
      items.map(async (i) => ({
        ...i,
        documents: (
          await getDb()
            .selectFrom('attachment')
            .select('document_id')
            .where('agenda_item_id', '=', i.id)
            .where('document_id', 'is not', null)
            .execute()
        ).map((a) => a.document_id as number),
      })),
    )
  })

  const log = () => listPublicChanges(getDb(), { after: 0, limit: 100_000 })
  const driftWritten = () => rebuildPublicRecord(getDb())

  it('follows the demo as it was imported: each public object appeared once, nothing missed', async () => {
    const changes = await log()
    const kinds = new Set(changes.map((c) => c.kind))
    for (const kind of ['meeting', 'agenda-item', 'paper', 'person', 'membership', 'organization'])
      assert.ok(kinds.has(kind as never), `the log has no ${kind}`)
    assert.deepEqual(
      changes.map((c) => c.seq),
      changes.map((_, i) => changes[0]!.seq + i),
      'sequence numbers follow each other',
    )
    assert.equal(await driftWritten(), 0)
  })

  it('logs an item made confidential as changed, and its consultation as vanished, naming nothing', async () => {
    const withFile = agendaItems.find((i) => i.matter_id !== null)
    assert.ok(withFile, 'the upcoming demo meeting has an item with a matter')
    const last = (await log()).at(-1)!.seq
    const item = await getAgendaItem(getDb(), withFile.id)
    await inTransaction(getDb(), (trx) =>
      updateAgendaItem(trx, testActor, {
        agendaItemId: item.id,
        version: item.version,
        confidential: true,
        confidentialityGround: 'OSL 26:1',
      }),
    )
    const changes = await listPublicChanges(getDb(), { after: last, limit: 100 })
    const actions = changes.map((c) => `${c.kind}:${c.objectId}:${c.action}`)
    assert.ok(actions.includes(`agenda-item:${item.id}:changed`), actions.join(' '))
    assert.ok(actions.includes(`consultation:${item.id}:vanished`), actions.join(' '))
    assert.ok(changes.some((c) => c.kind === 'meeting' && c.action === 'changed'))
    assert.doesNotMatch(JSON.stringify(changes), new RegExp(withFile.title ?? 'no title'))
    // The tombstone stays, for OParl's modified_since (2-08).
    const vanished = await listVanished(getDb(), { kind: 'consultation', organisationId, limit: 10 })
    assert.deepEqual(
      vanished.map((v) => v.objectId),
      [item.id],
    )
    assert.equal(await driftWritten(), 0)
  })

  it('logs a withdrawn item as changed once, and an edit that changes nothing public not at all', async () => {
    const target = agendaItems.find((i) => i.matter_id === null) ?? agendaItems.at(-1)!
    const last = (await log()).at(-1)!.seq
    const item = await getAgendaItem(getDb(), target.id)
    await inTransaction(getDb(), (trx) =>
      withdrawAgendaItem(trx, testActor, { agendaItemId: item.id, version: item.version }),
    )
    const changes = await listPublicChanges(getDb(), { after: last, limit: 100 })
    assert.deepEqual(
      changes.filter((c) => c.kind === 'agenda-item').map((c) => [c.objectId, c.action]),
      [[item.id, 'changed']],
    )
    const state = (await listPublicObjectStates(getDb(), 'agenda-item', [item.id])).get(item.id)
    assert.equal(state?.seq, changes.find((c) => c.kind === 'agenda-item')?.seq)
    // The same values again: nothing new in public, nothing logged.
    const after = (await log()).at(-1)!.seq
    const now = await getAgendaItem(getDb(), item.id)
    await inTransaction(getDb(), (trx) =>
      updateAgendaItem(trx, testActor, {
        agendaItemId: now.id,
        version: now.version,
        title: now.title ?? '',
      }),
    )
    assert.deepEqual(await listPublicChanges(getDb(), { after, limit: 100 }), [])
    assert.equal(await driftWritten(), 0)
  })

  it('fills the log of an archive kept before it existed, once, as the same objects', async () => {
    const kept = await getDb()
      .selectFrom('public_object')
      .select(['kind', 'object_id', 'public', 'digest'])
      .execute()
    await getDb().deleteFrom('public_object').execute()
    await getDb().deleteFrom('public_change').execute()
    const written = await fillPublicRecordIfEmpty(getDb())
    assert.ok(written && written > 0)
    assert.equal(
      await fillPublicRecordIfEmpty(getDb()),
      undefined,
      'a log that is not empty is left as it is',
    )
    const filled = await getDb()
      .selectFrom('public_object')
      .select(['kind', 'object_id', 'public', 'digest'])
      .execute()
    const publicOnes = (rows: typeof kept) =>
      rows
        .filter((r) => Boolean(r.public))
        .map((r) => `${r.kind}:${r.object_id}:${r.digest}`)
        .sort()
    assert.deepEqual(publicOnes(filled), publicOnes(kept))
    assert.equal(await driftWritten(), 0)
  })
})
