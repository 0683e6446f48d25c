import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { before, it } from 'node:test'
import { testActor } from '../../../../test/support/factories.ts'
import { statementsSentBy } from '../../../../test/support/statement-count.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { inTransaction } from '../../../db/database.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { importDocument } from '../../../import/import-document.ts'
import { parseDocument } from '../../../import/parse-document.ts'
import { getAgendaItem } from '../../agenda/agenda.repository.ts'
import { updateAgendaItem } from '../../agenda/agenda.service.ts'
import { addMembership } from '../../membership/membership.service.ts'
import { keepMissingForms, rebuildPublicRecord } from '../../public-record/public-record-rebuild.ts'
import { addDays } from '../../shared/calendar-date.ts'
import { keptFormVersion, unpackedJson } from './oparl-kept-forms.ts'
import { oparlLinks } from './oparl-links.ts'
import { withLoggedModified } from './oparl-modified.ts'
import { buildMeetings, readMeetingsAsKept } from './oparl-read.ts'

const fixtures = path.join(import.meta.dirname, '../../../../test/fixtures/documents')

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

    const queries = await statementsSentBy(getDb(), (db) =>
      readMeetingsAsKept(db, links, ids, afterEveryAppeal),
    )
    assert.equal(queries, 1, 'every meeting read by its key from the kept forms')
  })

  it("holds what the demo's meeting forms show: a change to it needs keptFormVersion raised", async () => {
    // Kept forms of another version are not served. So a change to what a meeting's form shows (a
    // disclosure rule, a field) must raise keptFormVersion, or the old forms would still be served:
    // when this fails, raise it (oparl-kept-forms.ts) and write the new digest here beside it.
    const shown = (await keptRows())
      .sort((a, b) => a.object_id - b.object_id)
      // Times are when the demo was loaded (an agenda change's too): what the form shows is the rest.
      .map((r) => unpackedJson(r.form).replace(/"(created|modified|changed)":"[^"]*"/g, ''))
    const digest = createHash('sha256').update(shown.join('\n')).digest('hex').slice(0, 16)
    assert.deepEqual({ keptFormVersion, digest }, { keptFormVersion: 2, digest: '4dfa3f6de57658ed' })
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
  it('lets the server answer between batches while it keeps the missing forms', async () => {
    // On SQLite every query of a batch resolves at once: without a pause between batches, a fill
    // in a server's background kept every request waiting until the archive was done.
    await getDb().deleteFrom('public_form').execute()
    let done = false
    const fill = keepMissingForms(getDb(), { batch: 1 }).then(() => {
      done = true
    })
    const answeredBeforeTheEnd = await new Promise<boolean>((resolve) => setImmediate(() => resolve(!done)))
    await fill
    assert.ok(answeredBeforeTheEnd)
    assert.ok((await keptRows()).length > 0)
  })
})

describeOnEachDatabase('kept public forms of meetings, as the persons they name change', (getDb) => {
  const links = oparlLinks('https://kommun.example')
  const day = '2099-01-01'
  const sent = (objects: unknown) => JSON.parse(JSON.stringify(objects)) as Record<string, unknown>[]

  before(async () => {
    // Published protocols name members who have no seat in Paragraf (absent, or the member a
    // substitute served for): OParl names them without linking a Person.
    for (const file of [
      '002_02371675939a916f.txt',
      'kommunstyrelsen-2024-02-27.txt',
      'bygg-och-miljonamnden-2023-05-10.md',
      'barn-och-utbildningsnamnden-2024-04-16.html',
    ]) {
      const parsed = await parseDocument({
        bytes: readFileSync(path.join(fixtures, file)),
        fileName: file,
      })
      if (!parsed.ok) throw new Error(parsed.reason)
      await importDocument(getDb(), testActor, parsed.document, { organisation: 'Kommunen' })
    }
  })

  /** Names in the meetings' forms that link no Person, with the meeting naming them. */
  async function unlinkedNames() {
    const ids = (await getDb().selectFrom('public_form').select('object_id').execute()).map(
      (r) => r.object_id,
    )
    const found: { meetingId: number; name: string }[] = []
    const visit = (value: unknown, meetingId: number) => {
      if (Array.isArray(value)) for (const item of value) visit(item, meetingId)
      else if (value && typeof value === 'object') {
        const object = value as Record<string, unknown>
        // A reference to a person is { person, name } when the person is public, { name } when not.
        if (typeof object.name === 'string' && !('id' in object) && !('person' in object))
          found.push({ meetingId, name: object.name })
        for (const child of Object.values(object)) visit(child, meetingId)
      }
    }
    for (const meeting of sent(await readMeetingsAsKept(getDb(), links, ids, day)))
      visit(meeting, Number(String(meeting.id).split('/').pop()))
    return found
  }

  it('decides again the meetings naming a person who becomes public, so their kept forms link them', async () => {
    const [unlinked] = await unlinkedNames()
    assert.ok(unlinked, 'an imported protocol names a member without a seat')
    const person = await getDb()
      .selectFrom('person')
      .select('id')
      .where('name', '=', unlinked.name)
      .executeTakeFirstOrThrow()
    const { committee_id: committeeId } = await getDb()
      .selectFrom('meeting')
      .select('committee_id')
      .where('id', '=', unlinked.meetingId)
      .executeTakeFirstOrThrow()
    // A seat makes the person public in OParl (a Person of the Body's list).
    await inTransaction(getDb(), (trx) =>
      addMembership(trx, testActor, {
        committeeId,
        personId: person.id,
        role: 'substitute',
        startsOn: '2026-01-01',
      }),
    )
    const asKept = sent(
      await withLoggedModified(getDb(), await readMeetingsAsKept(getDb(), links, [unlinked.meetingId], day)),
    )
    assert.deepEqual(
      asKept,
      sent(await withLoggedModified(getDb(), await buildMeetings(getDb(), links, [unlinked.meetingId], day))),
    )
    assert.match(JSON.stringify(asKept), new RegExp(`/oparl/v1/person/${person.id}"`))
    assert.ok(!(await unlinkedNames()).some((u) => u.name === unlinked.name))
  })
})
