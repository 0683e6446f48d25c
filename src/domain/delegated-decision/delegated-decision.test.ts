import assert from 'node:assert/strict'
import { it } from 'node:test'
import { createTestCommittee, createTestMeeting, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { getAgenda } from '../agenda/agenda.service.ts'
import {
  listUnreportedDelegatedDecisions,
  listUrgentDecisionsToReport,
  postDelegatedDecisionNotice,
  registerDelegatedDecision,
  reportDelegatedDecisions,
} from './delegated-decision.service.ts'

const decision = (committeeId: number, decidedOn: string, title = 'Beslut om bistånd till förening') => ({
  committeeId,
  title,
  decisionMaker: 'Avdelningschef Jenny Swärd',
  delegationPoint: '4.2.1',
  decidedOn,
})

describeOnEachDatabase('delegated decisions', (getDb) => {
  it('reports the unreported decisions taken before a meeting as one report item, and only once', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    await inTransaction(db, (trx) =>
      registerDelegatedDecision(trx, testActor, {
        ...decision(committee.id, '2024-01-10'),
        registryNumber: 'SN 2024/3',
      }),
    )
    await inTransaction(db, (trx) =>
      registerDelegatedDecision(
        trx,
        testActor,
        decision(committee.id, '2024-01-20', 'Yttrande till länsstyrelsen'),
      ),
    )
    await inTransaction(db, (trx) =>
      registerDelegatedDecision(trx, testActor, decision(committee.id, '2024-02-20', 'Efter mötet')),
    )
    const meeting = await createTestMeeting(db, { committee, meetsOn: '2024-02-06' })
    const report = await inTransaction(db, (trx) =>
      reportDelegatedDecisions(trx, testActor, { meetingId: meeting.id }),
    )
    assert.equal(report?.reported, 2)
    const [entry] = await getAgenda(db, meeting.id)
    assert.equal(entry?.item.title, 'Anmälan av delegationsbeslut')
    assert.equal(
      entry?.item.summary,
      '2024-01-10 Beslut om bistånd till förening (Dnr SN 2024/3), Avdelningschef Jenny Swärd, delegationspunkt 4.2.1\n\n' +
        '2024-01-20 Yttrande till länsstyrelsen, Avdelningschef Jenny Swärd, delegationspunkt 4.2.1',
    )
    assert.equal(
      await inTransaction(db, (trx) => reportDelegatedDecisions(trx, testActor, { meetingId: meeting.id })),
      undefined,
    )
    assert.deepEqual(
      (await listUnreportedDelegatedDecisions(db, committee.id, '2024-12-31')).map((d) => d.title),
      ['Efter mötet'],
    )
  })

  it('announces a decision not reported to the committee, with three weeks to appeal (KL 8:10, 13:5)', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    const taken = await inTransaction(db, (trx) =>
      registerDelegatedDecision(trx, testActor, decision(committee.id, '2025-05-06')),
    )
    const notice = await inTransaction(db, (trx) =>
      postDelegatedDecisionNotice(trx, testActor, {
        delegatedDecisionId: taken.id,
        postedOn: '2025-05-08',
      }),
    )
    assert.equal(notice.kind, 'delegated_decision')
    assert.equal(notice.lastAppealDay, '2025-05-30')
    assert.equal(notice.delegatedDecisionId, taken.id)
    await assert.rejects(
      inTransaction(db, (trx) =>
        postDelegatedDecisionNotice(trx, testActor, {
          delegatedDecisionId: taken.id,
          postedOn: '2025-05-09',
        }),
      ),
      {
        code: 'invalid_state',
      },
    )
    // Announced on its own, it is not reported to the next meeting as well.
    const meeting = await createTestMeeting(db, { committee, meetsOn: '2025-06-10' })
    assert.equal(
      await inTransaction(db, (trx) => reportDelegatedDecisions(trx, testActor, { meetingId: meeting.id })),
      undefined,
    )
  })

  it('refuses a notice for a decision reported to the committee, and input it cannot read', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    const taken = await inTransaction(db, (trx) =>
      registerDelegatedDecision(trx, testActor, decision(committee.id, '2024-09-02')),
    )
    const meeting = await createTestMeeting(db, { committee, meetsOn: '2024-09-17' })
    await inTransaction(db, (trx) => reportDelegatedDecisions(trx, testActor, { meetingId: meeting.id }))
    await assert.rejects(
      inTransaction(db, (trx) =>
        postDelegatedDecisionNotice(trx, testActor, {
          delegatedDecisionId: taken.id,
          postedOn: '2024-09-20',
        }),
      ),
      {
        code: 'invalid_state',
      },
    )
    await assert.rejects(
      inTransaction(db, (trx) =>
        registerDelegatedDecision(trx, testActor, { ...decision(committee.id, '2024-13-01') }),
      ),
      {
        field: 'decidedOn',
      },
    )
    await assert.rejects(
      inTransaction(db, (trx) =>
        registerDelegatedDecision(trx, testActor, {
          ...decision(committee.id, '2024-10-01'),
          decisionMaker: ' ',
        }),
      ),
      {
        field: 'decisionMaker',
      },
    )
  })

  it('A6: has the chair’s urgent decision reported at the next meeting, never announced on its own (KL 6:39–40)', async () => {
    const db = getDb()
    const committee = await createTestCommittee(db)
    const urgent = await inTransaction(db, (trx) =>
      registerDelegatedDecision(trx, testActor, {
        ...decision(committee.id, '2025-03-03', 'Yttrande till förvaltningsrätten'),
        decisionMaker: 'Ordföranden',
        urgent: true,
      }),
    )
    await inTransaction(db, (trx) =>
      registerDelegatedDecision(trx, testActor, decision(committee.id, '2025-03-04', 'Vanligt beslut')),
    )
    assert.equal(urgent.urgent, true)
    await assert.rejects(
      inTransaction(db, (trx) =>
        postDelegatedDecisionNotice(trx, testActor, {
          delegatedDecisionId: urgent.id,
          postedOn: '2025-03-05',
        }),
      ),
      /reported at the next meeting \(KL 6:40\)/,
    )
    const meeting = await createTestMeeting(db, { committee, meetsOn: '2025-03-18' })
    const earlier = await createTestMeeting(db, { committee, meetsOn: '2025-03-01' })
    assert.deepEqual(
      (await listUrgentDecisionsToReport(db, meeting)).map((d) => d.title),
      ['Yttrande till förvaltningsrätten'],
    )
    assert.deepEqual(await listUrgentDecisionsToReport(db, earlier), [])
    await inTransaction(db, (trx) => reportDelegatedDecisions(trx, testActor, { meetingId: meeting.id }))
    assert.deepEqual(await listUrgentDecisionsToReport(db, meeting), [])
  })
})
