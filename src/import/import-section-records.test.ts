import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { it } from 'node:test'
import { testActor } from '../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../test/support/test-db.ts'
import type { DocumentJson } from '../domain/publication/document-json.ts'
import { importDocument } from './import-document.ts'

// The records under a protocol's §§ are written a kind at a time, in the order the kinds first
// appear (the import's audit row lists them so). A dissent is held against the ballots of its own §
// (KL 4:27): when a dissent comes first in the protocol and a later § has both a vote and a
// dissent, the §§ are recorded one by one, so that dissent still meets the ballots before it.

describeOnEachDatabase('importDocument: the records under the §§', (getDb) => {
  it('holds a dissent against the vote of its § even when a dissent comes first in the protocol', async () => {
    const member = (name: string) => ({ name, party: 'S', role: 'ledamot' as const, present: true })
    const protocol: DocumentJson = {
      kind: 'minutes',
      source: { file: 'protokoll.txt', format: 'text' },
      committee: 'Kulturnämnden',
      meeting: { date: '2024-03-05' },
      attendance: [member('Anna Berg'), member('Bo Ek'), member('Cecilia Lind')],
      items: [
        {
          section: 1,
          title: 'Bibliotekets öppettider',
          decision: ['Öppettiderna ändras.'],
          dissents: [{ by: [{ name: 'Cecilia Lind' }], text: 'Reservation mot beslutet.' }],
        },
        {
          section: 2,
          title: 'Taxa för lokaler',
          decision: ['Taxan antas.'],
          votes: [
            {
              question: 'Bifall till förslaget?',
              ballots: [
                { name: 'Anna Berg', vote: 'ja' },
                { name: 'Bo Ek', vote: 'ja' },
                { name: 'Cecilia Lind', vote: 'nej' },
              ],
            },
          ],
          // Anna Berg voted for the decision: her dissent is warned about and kept as printed.
          dissents: [{ by: [{ name: 'Anna Berg' }], text: 'Reservation.' }],
        },
      ],
      warnings: [],
    }
    const summary = await importDocument(getDb(), testActor, protocol, {
      organisation: `Reservationsby ${randomUUID()}`,
    })
    assert.deepEqual(summary.warnings, [
      '§ 2, reservation (registrerad som i protokollet): den som reserverar sig röstade för beslutet (KL 4:27)',
    ])
    assert.equal(summary.created.dissent, 2)
    assert.equal(summary.created.vote, 1)
    const audit = await getDb()
      .selectFrom('audit_event')
      .select('after')
      .where('action', '=', 'import.minutes')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    const created = (JSON.parse(audit.after ?? '{}') as { created: Array<{ action: string }> }).created
    const actions = created.map((c) => c.action)
    assert.ok(
      actions.indexOf('section.dissent_recorded') < actions.indexOf('section.vote_recorded'),
      actions.join(', '),
    )
  })
})
