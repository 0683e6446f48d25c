import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import type { KyselyPlugin } from 'kysely'
import { testActor } from '../../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { inTransaction } from '../../../db/database.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { getAgendaItem } from '../../agenda/agenda.repository.ts'
import { updateAgendaItem } from '../../agenda/agenda.service.ts'
import { keepMissingForms, rebuildPublicRecord } from '../../public-record/public-record-rebuild.ts'
import { addDays } from '../../shared/calendar-date.ts'
import { oparlLinks } from './oparl-links.ts'
import { withLoggedModified } from './oparl-modified.ts'
import { buildMeetings, readMeetingsAsKept } from './oparl-read.ts'

// The public forms of meetings are kept as the change log decides them (0033) and read back for
// OParl instead of being built from the tables: they must be the very objects the tables build,
// on any day from their steady day on, under any PUBLIC_URL, and follow every change.

describeOnEachDatabase('kept public forms of meetings', (getDb) => {
  const links = oparlLinks('https://kommun.example/paragraf')
  const afterEveryAppeal = '2099-01-01'

  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
  })

  const publicMeetingIds = async () =>
    (
      await getDb()
        .selectFrom('public_object')
        .select('object_id')
        .where('kind', '=', 'meeting')
        .where('public', '=', true)
        .orderBy('object_id')
        .execute()
    ).map((r) => r.object_id)

  const keptRows = () =>
    getDb().selectFrom('public_form').select(['kind', 'object_id', 'steady_from', 'form']).execute()

  /** Both reads as OParl sends them: JSON, with `modified` from the log. */
  const sent = (objects: unknown) => JSON.parse(JSON.stringify(objects)) as Record<string, unknown>[]
  const asKept = async (ids: number[], today: string) =>
    sent(await withLoggedModified(getDb(), await readMeetingsAsKept(getDb(), links, ids, today)))
  const asBuilt = async (ids: number[], today: string) =>
    sent(await withLoggedModified(getDb(), await buildMeetings(getDb(), links, ids, today)))

  it('keeps the form of every public meeting and reads it back as the tables build it, in one query', async () => {
    const ids = await publicMeetingIds()
    assert.ok(ids.length >= 3, 'the demo has public meetings')
    assert.deepEqual(
      (await keptRows()).map((r) => `${r.kind}:${r.object_id}`).sort(),
      ids.map((id) => `meeting:${id}`).sort(),
    )
    const meetings = await asKept(ids, afterEveryAppeal)
    assert.deepEqual(meetings, await asBuilt(ids, afterEveryAppeal))
    const json = JSON.stringify(meetings)
    assert.doesNotMatch(json, /paragraf\.invalid/)
    assert.match(json, /"https:\/\/kommun\.example\/paragraf\/oparl\/v1\/meeting\/\d+"/)

    let queries = 0
    const counted: KyselyPlugin = {
      transformQuery: ({ node }) => {
        queries++
        return node
      },
      transformResult: async ({ result }) => result,
    }
    await readMeetingsAsKept(getDb().withPlugin(counted), links, ids, afterEveryAppeal)
    assert.equal(queries, 1, 'every meeting read by its key from the kept forms')
  })

  it('builds a meeting whose decisions are still open to appeal on the day, as that day shows them', async () => {
    const waiting = (await keptRows()).find((r) => r.steady_from !== null)
    assert.ok(waiting, 'the demo has announced minutes')
    const steadyFrom = waiting.steady_from as string
    const dayBefore = addDays(steadyFrom, -1)
    const [open] = await asKept([waiting.object_id], dayBefore)
    assert.deepEqual([open], await asBuilt([waiting.object_id], dayBefore))
    assert.match(JSON.stringify(open), /"finality":"appealable"/)
    const [settled] = await asKept([waiting.object_id], steadyFrom)
    assert.deepEqual([settled], await asBuilt([waiting.object_id], steadyFrom))
    assert.doesNotMatch(JSON.stringify(settled), /"finality":"appealable"/)
  })

  it('keeps the form again when what the public sees of the meeting changes', async () => {
    const item = await getDb()
      .selectFrom('agenda_item')
      .innerJoin('public_object', (join) =>
        join
          .onRef('public_object.object_id', '=', 'agenda_item.id')
          .on('public_object.kind', '=', 'agenda-item')
          .on('public_object.public', '=', true),
      )
      .innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
      .select(['agenda_item.id', 'agenda_item.meeting_id', 'agenda_item.title'])
      // A meeting whose agenda is out and still open to changes.
      .where('meeting.status', '=', 'notice_published')
      .where('agenda_item.confidential', '=', false)
      .where('agenda_item.title', 'is not', null)
      .orderBy('agenda_item.id')
      .executeTakeFirstOrThrow()
    const title = item.title as string
    assert.match(JSON.stringify(await asKept([item.meeting_id], afterEveryAppeal)), new RegExp(title))
    const current = await getAgendaItem(getDb(), item.id)
    await inTransaction(getDb(), (trx) =>
      updateAgendaItem(trx, testActor, {
        agendaItemId: current.id,
        version: current.version,
        confidential: true,
        confidentialityGround: 'OSL 26:1',
      }),
    )
    const meetings = await asKept([item.meeting_id], afterEveryAppeal)
    assert.doesNotMatch(JSON.stringify(meetings), new RegExp(title))
    assert.deepEqual(meetings, await asBuilt([item.meeting_id], afterEveryAppeal))
  })

  it('gives an archive whose log was filled before forms were kept its forms, without a change in the log', async () => {
    const before = (await keptRows()).map((r) => `${r.object_id}:${r.steady_from}:${r.form.length}`).sort()
    await getDb().deleteFrom('public_form').execute()
    const ids = await publicMeetingIds()
    // Without kept forms every meeting is built: the same objects, only slower.
    assert.deepEqual(await asKept(ids, afterEveryAppeal), await asBuilt(ids, afterEveryAppeal))
    assert.equal(await rebuildPublicRecord(getDb()), 0)
    assert.deepEqual(
      (await keptRows()).map((r) => `${r.object_id}:${r.steady_from}:${r.form.length}`).sort(),
      before,
    )
  })

  it('keeps the missing forms when a server starts, once, and writes nothing in the log', async () => {
    const before = (await keptRows()).map((r) => `${r.object_id}:${r.steady_from}:${r.form.length}`).sort()
    const lastSeq = async () =>
      (await getDb().selectFrom('public_change').select('seq').orderBy('seq', 'desc').executeTakeFirst())?.seq
    const seq = await lastSeq()
    await getDb().deleteFrom('public_form').execute()
    assert.equal(await keepMissingForms(getDb(), { batch: 2 }), before.length)
    assert.deepEqual(
      (await keptRows()).map((r) => `${r.object_id}:${r.steady_from}:${r.form.length}`).sort(),
      before,
    )
    assert.equal(await keepMissingForms(getDb()), 0, 'nothing left to keep')
    assert.equal(await lastSeq(), seq)
  })
})
