import assert from 'node:assert/strict'
import { it } from 'node:test'
import { createTestOrganisation, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { listAuditEvents } from '../audit/audit.service.ts'
import type { DomainError } from '../shared/errors.ts'
import { getDocument } from './document.reads.ts'
import { type RegisterDocumentInput, registerDocument } from './document.service.ts'

const sha512 = 'ab'.repeat(64)

describeOnEachDatabase('registerDocument', (getDb) => {
  it('stores the document and logs it without its extracted text', async () => {
    const organisation = await createTestOrganisation(getDb())
    const document = await inTransaction(getDb(), (trx) =>
      registerDocument(trx, testActor, {
        organisationId: organisation.id,
        title: ' Tjänsteutlåtande om taxor ',
        kind: 'tjansteutlatande',
        sha512,
        mimeType: 'application/pdf',
        sizeBytes: 12_345,
        datedOn: '2022-11-30',
        extractedText: 'Förvaltningen föreslår att taxorna höjs.',
      }),
    )
    assert.equal(document.title, 'Tjänsteutlåtande om taxor')
    assert.equal(document.confidential, false)
    assert.equal(document.confidentialityGround, null)
    assert.deepEqual(await getDocument(getDb(), document.id), document)
    const [event] = await listAuditEvents(getDb(), 'document', document.id)
    assert.equal(event?.action, 'document.registered')
    assert.equal((event?.after as { sha512?: string } | undefined)?.sha512, sha512)
    assert.ok(!JSON.stringify(event?.after).includes('Förvaltningen föreslår'))
  })

  it('keeps the legal ground of a confidential document', async () => {
    const organisation = await createTestOrganisation(getDb())
    const document = await inTransaction(getDb(), (trx) =>
      registerDocument(trx, testActor, {
        organisationId: organisation.id,
        title: 'Utredning',
        kind: 'bilaga',
        confidential: true,
        confidentialityGround: ' OSL 26:1 ',
      }),
    )
    assert.equal(document.confidential, true)
    assert.equal(document.confidentialityGround, 'OSL 26:1')
  })

  it('drops a ground given for a document that is not confidential', async () => {
    const organisation = await createTestOrganisation(getDb())
    const document = await inTransaction(getDb(), (trx) =>
      registerDocument(trx, testActor, {
        organisationId: organisation.id,
        title: 'Kallelse',
        kind: 'kallelse',
        confidentialityGround: 'OSL 26:1',
      }),
    )
    assert.equal(document.confidentialityGround, null)
  })

  it('links a new version to the document it replaces', async () => {
    const organisation = await createTestOrganisation(getDb())
    const base = { organisationId: organisation.id, title: 'Bilaga 1', kind: 'bilaga' as const }
    const first = await inTransaction(getDb(), (trx) => registerDocument(trx, testActor, base))
    const second = await inTransaction(getDb(), (trx) =>
      registerDocument(trx, testActor, { ...base, replacesDocumentId: first.id }),
    )
    assert.equal(second.replacesDocumentId, first.id)
  })

  const invalid: Array<{ name: string; input: Partial<RegisterDocumentInput>; field: string }> = [
    { name: 'an empty title', input: { title: '  ' }, field: 'title' },
    { name: 'a sha512 that is too short', input: { sha512: 'ab'.repeat(63) }, field: 'sha512' },
    { name: 'a sha512 with a letter past f', input: { sha512: `${'ab'.repeat(63)}ag` }, field: 'sha512' },
    { name: 'a sha512 in upper case', input: { sha512: 'AB'.repeat(64) }, field: 'sha512' },
    { name: 'a sha256', input: { sha512: 'ab'.repeat(32) }, field: 'sha512' },
    {
      name: 'a confidential document without a ground',
      input: { confidential: true },
      field: 'confidentialityGround',
    },
    {
      name: 'a confidential document with a blank ground',
      input: { confidential: true, confidentialityGround: '  ' },
      field: 'confidentialityGround',
    },
    { name: 'a date that does not exist', input: { datedOn: '2022-11-31' }, field: 'datedOn' },
    { name: 'a date in another format', input: { datedOn: '30 november 2022' }, field: 'datedOn' },
  ]
  for (const c of invalid) {
    it(`refuses ${c.name}`, async () => {
      const organisation = await createTestOrganisation(getDb())
      await assert.rejects(
        inTransaction(getDb(), (trx) =>
          registerDocument(trx, testActor, {
            organisationId: organisation.id,
            title: 'Bilaga',
            kind: 'bilaga',
            ...c.input,
          }),
        ),
        (error: DomainError) => error.code === 'invalid_input' && error.field === c.field,
      )
    })
  }
})
