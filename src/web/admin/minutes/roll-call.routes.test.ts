import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInSecretary } from '../../../../test/support/admin-users.ts'
import { createTestCommittee, createTestMeeting, testActor } from '../../../../test/support/factories.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { inTransaction } from '../../../db/database.ts'
import { addMembership } from '../../../domain/membership/membership.service.ts'
import type { MembershipRole } from '../../../domain/membership/membership.ts'
import { addPerson, findOrAddParty } from '../../../domain/person/person.service.ts'
import type { Person } from '../../../domain/person/person.ts'
import { createApp } from '../../app.ts'

// Issue 12: "Föreslå ersättare" proposed Lena Josefsson (S), who was not there, ticked her present
// and recorded her serving. Substitutes come from those present, in the established order (B3).
describeOnEachDatabase('suggesting substitutes in the roll call', (getDb) => {
  let app: FastifyInstance
  let secretary: AdminClient
  let base: string
  const people = new Map<string, Person>()

  before(async () => {
    const db = getDb()
    const committee = await createTestCommittee(db, { seats: 4 })
    const seat = async (name: string, party: string, role: MembershipRole, substituteOrder?: number) => {
      const person = await inTransaction(db, (trx) =>
        addPerson(trx, testActor, { organisationId: committee.organisationId, name }),
      )
      const { id: partyId } = await inTransaction(db, (trx) =>
        findOrAddParty(trx, testActor, {
          organisationId: committee.organisationId,
          abbreviation: party,
        }),
      )
      await inTransaction(db, (trx) =>
        addMembership(trx, testActor, {
          committeeId: committee.id,
          personId: person.id,
          partyId,
          role,
          startsOn: '2022-01-01',
          ...(substituteOrder ? { substituteOrder } : {}),
        }),
      )
      people.set(name.split(' ')[1]!, person)
    }
    await seat('Ann Ojanne', 'S', 'chair')
    await seat('Bo Hollis', 'KD', 'member')
    await seat('Cia Berg', 'M', 'member')
    await seat('Dan Ek', 'L', 'member')
    await seat('Lena Josefsson', 'S', 'substitute', 1)
    await seat('Eva Adén', 'S', 'substitute', 2)
    await seat('Per Lindberg', 'M', 'substitute', 3)
    await seat('Ulla Elfvén', 'L', 'substitute', 4)
    const meeting = await createTestMeeting(db, { committee, meetsOn: '2022-12-14' })
    app = await createApp({ db, logLevel: 'silent', now: () => new Date('2022-12-14T15:00:00Z') })
    secretary = await signedInSecretary(app, db, committee, 'sekr-ersattare@example.se')
    base = `/admin/namnder/${committee.slug}/sammantraden/${meeting.slug}/protokoll/narvaro`
  })
  after(() => app.close())

  const id = (name: string) => people.get(name)!.id
  const form = (present: string[]) => ({
    ...Object.fromEntries(['Ojanne', 'Hollis', 'Berg', 'Ek'].map((n) => [`narvaro-${id(n)}`, 'present'])),
    [`narvaro-${id('Ojanne')}`]: 'absent',
    [`narvaro-${id('Hollis')}`]: 'absent',
    ...Object.fromEntries(present.map((n) => [`ersattare-narvarande-${id(n)}`, 'ja'])),
    atgard: 'foresla',
  })
  const selected = (html: string, member: string) =>
    new RegExp(`name="ersattare-${id(member)}"[\\s\\S]*?</select>`)
      .exec(html)![0]
      .match(/value="(\d+)" selected/)?.[1]

  it('proposes only substitutes ticked present, the member’s party first, then the order', async () => {
    await secretary.get(base)
    const page = await secretary.post(base, form(['Adén', 'Lindberg', 'Elfvén']))
    assert.equal(page.statusCode, 200)
    assert.equal(selected(page.body, 'Ojanne'), String(id('Adén')))
    // No KD substitute is there: the first present in the established order.
    assert.equal(selected(page.body, 'Hollis'), String(id('Lindberg')))
    assert.doesNotMatch(
      page.body,
      new RegExp(`name="ersattare-narvarande-${id('Josefsson')}" value="ja" checked`),
    )
  })

  it('asks for the substitutes on site when none is ticked', async () => {
    await secretary.get(base)
    const page = await secretary.post(base, form([]))
    assert.equal(selected(page.body, 'Ojanne'), undefined)
    assert.match(text(page.body), /Kryssa i vilka ersättare som är på plats/)
  })

  it('refuses a § number past any protocol in "from §", in Swedish, and records nothing', async () => {
    // PostgreSQL answered 500 (integer out of range) for 99999999999999999999 (hostile-workspace test).
    await secretary.get(base)
    const { atgard: _, ...roll } = form([])
    const page = await secretary.post(base, { ...roll, [`fran-${id('Berg')}`]: '99999999999999999999' })
    assert.equal(page.statusCode, 400)
    assert.match(text(page.body), /Ange paragrafens nummer, ett heltal från 1 till 99 999/)
    const recorded = await getDb()
      .selectFrom('attendance')
      .select('id')
      .where('person_id', '=', id('Berg'))
      .execute()
    assert.deepEqual(recorded, [])
  })
})
