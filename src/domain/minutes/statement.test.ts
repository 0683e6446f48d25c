import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  createTestPerson,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import type { LocalSettingsOverride } from '../organisation/local-settings.ts'
import type { DomainError } from '../shared/errors.ts'
import { recordStatement } from './section-record.service.ts'

describeOnEachDatabase('recordStatement', (getDb) => {
  for (const { kind, settings, accepted, stored } of [
    { kind: 'protokollsanteckning', settings: {}, accepted: true, stored: 'protokollsanteckning' },
    { kind: ' Särskilt uttalande ', settings: {}, accepted: true, stored: 'särskilt uttalande' },
    { kind: 'ersättaryttrande', settings: {}, accepted: true, stored: 'ersättaryttrande' },
    {
      kind: 'ersättaryttrande',
      settings: { substitutesMayStateOpinion: false },
      accepted: false,
      stored: '',
    },
    {
      kind: 'protokollsanteckning',
      settings: { statementKinds: ['särskilt yttrande'] },
      accepted: false,
      stored: '',
    },
    {
      kind: 'särskilt yttrande',
      settings: { statementKinds: ['särskilt yttrande'] },
      accepted: true,
      stored: 'särskilt yttrande',
    },
    { kind: 'reservation', settings: {}, accepted: false, stored: '' },
  ] satisfies Array<{ kind: string; settings: LocalSettingsOverride; accepted: boolean; stored: string }>) {
    it(`${accepted ? 'records' : 'refuses'} a statement of kind '${kind.trim()}' under ${JSON.stringify(settings)}`, async () => {
      const committee = await createTestCommittee(getDb(), { settings })
      const author = await createTestPerson(getDb(), committee.organisationId)
      const { minutes } = await createTestMinutes(getDb(), committee)
      const section = await addTestSection(getDb(), minutes)
      const record = inTransaction(getDb(), (trx) =>
        recordStatement(trx, testActor, {
          sectionId: section.id,
          kind,
          text: 'Vi noterar',
          authors: [{ personId: author.id }],
        }),
      )
      if (accepted) assert.equal((await record).kind, stored)
      else
        await assert.rejects(
          record,
          (error: DomainError) => error.code === 'invalid_input' && error.field === 'kind',
        )
    })
  }
})
