import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { pageText as text } from '../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { appointSignatories } from '../../domain/minutes/minutes.service.ts'
import { recordSignOff } from '../../domain/sign-off/sign-off.service.ts'
import { createApp } from '../app.ts'
import { paths } from '../paths.ts'

// § 1 public and § 2 confidential, signed off on 2023-05-22; § 3 not signed off.
describeOnEachDatabase('the printable extract of a §', (getDb) => {
  let app: FastifyInstance
  let at: { committee: string; meeting: string }
  let names: { chair: string; member: string; secretary: string }
  before(async () => {
    const db = getDb()
    const committee = await createTestCommittee(db, { name: 'Byggnadsnämnden' })
    const [chair, member, secretary] = await addTestMembers(db, committee, 3)
    const { meeting, minutes } = await createTestMinutes(db, committee, {
      meetsOn: '2023-05-17',
      chairPersonId: chair!.id,
      secretaryPersonId: secretary!.id,
    })
    await inTransaction(db, (trx) =>
      appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [chair!.id, member!.id] }),
    )
    await addTestSection(db, minutes, { title: 'Detaljplan för Kvarnbacken', decision: ['Planen antas.'] })
    await addTestSection(db, minutes, { title: 'Tillsyn HEMLIG-EXTRAKT', confidential: true })
    await addTestSection(db, minutes, { title: 'Bygglov OJUSTERAD-EXTRAKT' })
    await inTransaction(db, (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [1, 2],
        signedOffOn: '2023-05-22',
        immediate: false,
        signatoryPersonIds: [chair!.id, member!.id],
      }),
    )
    at = { committee: committee.slug, meeting: meeting.slug }
    app = await createApp({ db, logLevel: 'silent', now: () => new Date('2023-06-01T10:00:00Z') })
    names = { chair: chair!.name, member: member!.name, secretary: secretary!.name }
  })
  after(() => app.close())

  it('shows the committee, meeting, §, decision, sign-off, signatories and the attestation', async () => {
    const response = await app.inject(paths.extract(at.committee, at.meeting, 1))
    assert.equal(response.statusCode, 200)
    const page = text(response.body)
    const { chair, member, secretary } = names
    assert.match(page, /Protokollsutdrag Nämnd Byggnadsnämnden Sammanträdesdatum onsdag 17 maj 2023/)
    assert.match(page, /Justerat 22 maj 2023/)
    assert.match(page, new RegExp(`Justerare ${chair}, ${member}`))
    assert.match(page, /§ 1 Detaljplan för Kvarnbacken/)
    assert.match(page, /Beslut Planen antas\./)
    assert.match(
      page,
      new RegExp(
        `Utdragsbestyrkande Utdraget överensstämmer med originalprotokollet\\. Sekreterare: ${secretary}`,
      ),
    )
  })

  it('is linked from the § on the public minutes', async () => {
    const minutes = await app.inject(paths.minutes(at.committee, at.meeting))
    assert.match(minutes.body, new RegExp(`href="${paths.extract(at.committee, at.meeting, 1)}"`))
    assert.doesNotMatch(minutes.body, new RegExp(`href="${paths.extract(at.committee, at.meeting, 2)}"`))
  })

  it('answers 404 for a confidential §, an unsigned § and an unknown §', async () => {
    for (const number of [2, 3, 9]) {
      const response = await app.inject(paths.extract(at.committee, at.meeting, number))
      assert.equal(response.statusCode, 404, `§ ${number}`)
      assert.doesNotMatch(response.body, /HEMLIG-EXTRAKT|OJUSTERAD-EXTRAKT/)
    }
    assert.equal((await app.inject(paths.extract('okand-namnd', at.meeting, 1))).statusCode, 404)
  })
})
