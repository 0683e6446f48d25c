import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInDemoAccount } from '../../../../test/support/admin-users.ts'
import { createTestPerson } from '../../../../test/support/factories.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { createApp } from '../../app.ts'

describeOnEachDatabase('merging two persons in the workspace', (getDb) => {
  let app: FastifyInstance
  let admin: AdminClient
  const url = '/admin/organisationer/stockholms-stad/personer/sla-ihop'
  const personId = async (slug: string) =>
    (await getDb().selectFrom('person').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id

  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
    admin = await signedInDemoAccount(app, 'administrator')
  })
  after(() => app.close())

  it('merges a duplicate into the person and moves their records, audited', async () => {
    const dan = await personId('dan-guillou')
    const organisationId = (
      await getDb()
        .selectFrom('person')
        .select('organisation_id')
        .where('id', '=', dan)
        .executeTakeFirstOrThrow()
    ).organisation_id
    const duplicate = await createTestPerson(getDb(), organisationId, 'Daniel Guillou')
    assert.match(text((await admin.get(url)).body), /Slå ihop personer i Stockholms stad/)
    const response = await admin.post(url, {
      keptPersonId: String(dan),
      mergedPersonId: String(duplicate.id),
    })
    assert.equal(response.statusCode, 303)
    assert.match(
      text((await admin.get(response.headers.location as string)).body),
      /Personerna är ihopslagna/,
    )
    const gone = await getDb()
      .selectFrom('person')
      .select('id')
      .where('id', '=', duplicate.id)
      .executeTakeFirst()
    assert.equal(gone, undefined)
    const audit = await getDb()
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'person.merged')
      .where('object_id', '=', dan)
      .executeTakeFirst()
    assert.ok(audit)
  })

  it('refuses, in Swedish, two people who attended the same meeting', async () => {
    const response = await admin.post(url, {
      keptPersonId: String(await personId('jan-jonsson')),
      mergedPersonId: String(await personId('anders-goransson')),
    })
    assert.equal(response.statusCode, 400)
    assert.match(text(response.body), /var närvarande vid samma sammanträde/)
    assert.ok(await personId('anders-goransson'))
  })

  it('refuses, in Swedish and saying why, to merge away a person named in signed-off minutes', async () => {
    const anders = await personId('anders-goransson')
    const { organisation_id: organisationId } = await getDb()
      .selectFrom('person')
      .select('organisation_id')
      .where('id', '=', anders)
      .executeTakeFirstOrThrow()
    const kept = await createTestPerson(getDb(), organisationId, 'Anders Göransson (dubblett)')
    const response = await admin.post(url, { keptPersonId: String(kept.id), mergedPersonId: String(anders) })
    assert.equal(response.statusCode, 400)
    // Not the sentence about two people in one §: the refusal's own reason (merge_signed_off_person).
    assert.match(text(response.body), /förekommer i ett justerat protokoll/)
    assert.doesNotMatch(text(response.body), /två olika personer/)
    assert.ok(await personId('anders-goransson'))
  })

  it('is for the organisation’s administrators and secretaries only', async () => {
    const secretary = await signedInDemoAccount(app, 'secretary')
    assert.equal((await secretary.get(url)).statusCode, 200)
    assert.notEqual((await app.inject(url)).statusCode, 200, 'not without signing in')
  })
})
