import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInPerson, signedInSecretary } from '../../../../test/support/admin-users.ts'
import { addTestMembers, createTestCommittee } from '../../../../test/support/factories.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { Person } from '../../../domain/person/person.ts'
import { getIdentityNumberHash } from '../../../domain/sign-off/identity-number.repository.ts'
import { identityNumberMatches } from '../../../domain/sign-off/signing-method.ts'
import { createApp } from '../../app.ts'
import { paths } from '../../paths.ts'
import { identityNumbersPath } from './identity-numbers.page.tsx'

// The secretary keeps the members' personnummer for signing with e-legitimation: reached from the
// committee's page, kept only as a salted hash, never shown again, refused unless twelve digits.
describeOnEachDatabase('personnummer for signing with e-legitimation', (getDb) => {
  let app: FastifyInstance
  let committee: Committee
  let members: Person[]
  let secretary: AdminClient
  let member: AdminClient
  let url: string

  before(async () => {
    committee = await createTestCommittee(getDb())
    members = await addTestMembers(getDb(), committee, 2)
    url = identityNumbersPath(committee.slug)
    app = await createApp({ db: getDb(), logLevel: 'silent' })
    secretary = await signedInSecretary(app, getDb(), committee, 'sekr-personnummer@example.se')
    member = await signedInPerson(app, getDb(), members[0]!, 'ledamot-personnummer@example.se')
  })
  after(() => app.close())

  it('is linked from the committee’s page and open to its secretary only', async () => {
    const committeePage = await secretary.get(paths.admin.committee(committee.slug))
    assert.match(committeePage.body, new RegExp(`href="${url}"`))
    assert.equal((await member.get(url)).statusCode, 403)
    const page = await secretary.get(url)
    assert.equal(page.statusCode, 200)
    for (const m of members)
      assert.match(text(page.body), new RegExp(`${m.name}\\s+Inget personnummer registrerat`))
  })

  it('keeps a personnummer as a salted hash, never shows it, and refuses one not of twelve digits', async () => {
    const [first, second] = members
    const refused = await secretary.post(url, {
      [`personnummer-${first!.id}`]: '19701010-1234',
      [`personnummer-${second!.id}`]: '701010-1234',
    })
    assert.equal(refused.statusCode, 400)
    assert.match(text(refused.body), /Skriv personnumret med tolv siffror/)
    assert.doesNotMatch(refused.body, /1234/)
    assert.equal(await getIdentityNumberHash(getDb(), first!.id), null, 'nothing saved when one is wrong')

    const saved = await secretary.post(url, { [`personnummer-${first!.id}`]: '19701010-1234' })
    assert.equal(saved.statusCode, 303)
    const hash = await getIdentityNumberHash(getDb(), first!.id)
    assert.ok(hash && !hash.includes('197010101234'))
    assert.ok(identityNumberMatches(hash, '197010101234'))
    const page = await secretary.get(saved.headers.location!)
    assert.match(text(page.body), /Personnumren är sparade/)
    assert.match(text(page.body), new RegExp(`${first!.name}\\s+Personnummer registrerat`))
    assert.doesNotMatch(page.body, /197010101234|19701010-1234/)
    // An empty field keeps what is kept.
    await secretary.post(url, { [`personnummer-${first!.id}`]: '' })
    assert.equal(await getIdentityNumberHash(getDb(), first!.id), hash)
  })
})
