import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createTestCommittee, createTestOrganisation, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import {
  countUnhandledAccessibilityFeedback,
  listAccessibilityFeedback,
  markAccessibilityFeedbackHandled,
  receiveAccessibilityFeedback,
} from './accessibility-feedback.service.ts'
import { committeeSlugInPage, deletionCutoff } from './accessibility-feedback.ts'

const at = (iso: string) => new Date(iso)
const admin = { kind: 'user', userId: 7, name: 'Administratören' } as const

describe('the rules of accessibility feedback', () => {
  it('deletes handled feedback twelve calendar months after it was handled', () => {
    for (const [now, cutoff] of [
      ['2026-11-22T10:00:00.000Z', '2025-11-22T10:00:00.000Z'],
      ['2024-02-29T12:00:00.000Z', '2023-03-01T12:00:00.000Z'], // no 29 February in 2023
      ['2027-01-05T00:00:00.000Z', '2026-01-05T00:00:00.000Z'],
    ] as const) {
      assert.equal(deletionCutoff(at(now)).toISOString(), cutoff, now)
    }
  })

  it('finds the committee in the page the visitor named', () => {
    for (const [page, slug] of [
      ['https://paragraf.example.se/committees/socialnamnden/mote-2022-12-14/protokoll', 'socialnamnden'],
      ['/committees/Kulturnamnden', 'kulturnamnden'],
      ['anslagstavlan', undefined],
      [null, undefined],
    ] as const) {
      assert.equal(committeeSlugInPage(page), slug, String(page))
    }
  })
})

describeOnEachDatabase('accessibility feedback', (getDb) => {
  it('stores what the visitor wrote exactly, for the organisation of the committee named', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    const message = '  Tabellen med omröstningen\n läses i fel ordning av NVDA.  '
    const feedback = await receiveAccessibilityFeedback(
      db,
      testActor,
      {
        message,
        page: `/committees/${committee.slug}/mote-2026-11-18/protokoll`,
        senderName: 'Ann Andersson',
        replyAddress: 'ann@example.se',
      },
      at('2026-11-20T08:30:00Z'),
    )
    assert.ok(feedback)
    assert.equal(feedback.organisationId, committee.organisationId)
    assert.equal(feedback.message, message)
    assert.equal(feedback.replyAddress, 'ann@example.se')
    assert.equal(feedback.receivedAt, '2026-11-20T08:30:00.000Z')
    assert.equal(feedback.handledAt, null)
    const [received] = await listAuditEvents(db, 'accessibility_feedback', feedback.id)
    assert.equal(received?.action, 'accessibility_feedback.received')
    // The audit log is kept for good: no message and no address in it.
    assert.doesNotMatch(JSON.stringify(received?.after), /ann@example|NVDA/)
  })

  it('lists unhandled feedback first, newest first, and marks it handled once, in the audit log', async () => {
    const db = getDb()
    const organisation = await createTestOrganisation(db)
    const committee = await createTestCommittee(db, { organisationId: organisation.id })
    const send = (text: string, iso: string) =>
      receiveAccessibilityFeedback(
        db,
        testActor,
        { message: text, page: `/committees/${committee.slug}` },
        at(iso),
      )
    const first = await send('Första', '2026-10-01T10:00:00Z')
    await send('Andra', '2026-10-02T10:00:00Z')
    await send('Tredje', '2026-10-03T10:00:00Z')
    assert.ok(first)
    assert.deepEqual(
      (await countUnhandledAccessibilityFeedback(db, [organisation.id])).get(organisation.id),
      3,
    )

    const handled = await inTransaction(db, (trx) =>
      markAccessibilityFeedbackHandled(
        trx,
        admin,
        { feedbackId: first.id, note: '  Svarade per e-post; tabellen rättad.  ' },
        at('2026-10-04T09:00:00Z'),
      ),
    )
    assert.equal(handled.handledAt, '2026-10-04T09:00:00.000Z')
    assert.equal(handled.handledBy, 'user:7')
    assert.equal(handled.handlingNote, 'Svarade per e-post; tabellen rättad.')
    await assert.rejects(
      inTransaction(db, (trx) =>
        markAccessibilityFeedbackHandled(
          trx,
          admin,
          { feedbackId: first.id, note: 'Igen' },
          at('2026-10-05'),
        ),
      ),
      { code: 'invalid_state' },
    )
    await assert.rejects(
      inTransaction(db, (trx) =>
        markAccessibilityFeedbackHandled(trx, admin, { feedbackId: first.id, note: '  ' }, at('2026-10-05')),
      ),
      { code: 'invalid_input', field: 'note' },
    )
    const list = await listAccessibilityFeedback(db, [organisation.id], at('2026-10-05T00:00:00Z'))
    assert.deepEqual(
      list.map((f) => f.message),
      ['Tredje', 'Andra', 'Första'],
    )
    assert.deepEqual(
      (await countUnhandledAccessibilityFeedback(db, [organisation.id])).get(organisation.id),
      2,
    )
    const events = await listAuditEvents(db, 'accessibility_feedback', first.id)
    assert.deepEqual(
      events.map((e) => [e.action, e.actor]),
      [
        ['accessibility_feedback.received', 'system:test'],
        ['accessibility_feedback.handled', 'user:7'],
      ],
    )
    assert.deepEqual(
      (await listAccessibilityFeedback(db, [], at('2026-10-05T00:00:00Z'))).length,
      0,
      'no organisation, no feedback',
    )
  })

  it('deletes feedback handled more than twelve months ago when feedback is listed or stored', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    const send = async (text: string, iso: string) => {
      const feedback = await receiveAccessibilityFeedback(
        db,
        testActor,
        { message: text, page: `/committees/${committee.slug}`, replyAddress: 'besokare@example.se' },
        at(iso),
      )
      assert.ok(feedback)
      return feedback
    }
    const old = await send('Gammal', '2025-01-10T10:00:00Z')
    const recent = await send('Nyare', '2025-06-10T10:00:00Z')
    const open = await send('Obehandlad', '2024-01-10T10:00:00Z')
    await inTransaction(db, (trx) =>
      markAccessibilityFeedbackHandled(
        trx,
        admin,
        { feedbackId: old.id, note: 'Svarat' },
        at('2025-01-20T10:00:00Z'),
      ),
    )
    await inTransaction(db, (trx) =>
      markAccessibilityFeedbackHandled(
        trx,
        admin,
        { feedbackId: recent.id, note: 'Svarat' },
        at('2025-06-20T10:00:00Z'),
      ),
    )

    // 2026-01-21: the first was handled twelve months and a day ago; unhandled ones are never deleted.
    const list = await listAccessibilityFeedback(db, [committee.organisationId], at('2026-01-21T10:00:00Z'))
    assert.deepEqual(
      list.map((f) => f.id),
      [open.id, recent.id],
    )
    const events = await listAuditEvents(db, 'accessibility_feedback', old.id)
    assert.deepEqual(events.at(-1)?.actor, 'system:retention')
    assert.equal(events.at(-1)?.action, 'accessibility_feedback.deleted')

    // Storing new feedback cleans up as well.
    await send('Ännu en', '2026-06-21T10:00:00Z')
    const remaining = await getDb()
      .selectFrom('accessibility_feedback')
      .select('id')
      .where('organisation_id', '=', committee.organisationId)
      .execute()
    assert.equal(remaining.length, 2)
    assert.ok(!remaining.some((r) => r.id === recent.id))
  })

  it('refuses an empty or too long message', async () => {
    const db = getDb()
    await createTestOrganisation(db)
    await assert.rejects(receiveAccessibilityFeedback(db, testActor, { message: ' \n ' }, new Date()), {
      code: 'invalid_input',
      field: 'message',
    })
    await assert.rejects(
      receiveAccessibilityFeedback(db, testActor, { message: 'x'.repeat(5001) }, new Date()),
      { code: 'invalid_input', field: 'message' },
    )
  })
})
