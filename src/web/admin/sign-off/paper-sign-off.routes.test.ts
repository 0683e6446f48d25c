import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AdminClient } from '../../../../test/support/admin-client.ts'
import {
  testPassword as password,
  signedInPerson,
  signedInSecretary,
} from '../../../../test/support/admin-users.ts'
import { pdfFile } from '../../../../test/support/document-files.ts'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  testActor,
} from '../../../../test/support/factories.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { inTransaction } from '../../../db/database.ts'
import { getCommitteeSettings } from '../../../domain/committee/committee.service.ts'
import type { Committee } from '../../../domain/committee/committee.ts'
import type { Meeting } from '../../../domain/meeting/meeting.ts'
import { appointSignatories } from '../../../domain/minutes/minutes.service.ts'
import { prepareSignOff } from '../../../domain/sign-off/sign-off.service.ts'
import { createDiskDocumentStore } from '../../../storage/disk-document-store.ts'
import { createApp } from '../../app.ts'
import { paths } from '../../paths.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-paper-sign-off-'))
after(() => rmSync(dir, { recursive: true, force: true }))

describeOnEachDatabase('a sign-off recorded on paper', (getDb, dialect) => {
  let app: FastifyInstance
  let committee: Committee
  let meeting: Meeting
  let secretary: AdminClient
  let signatory: AdminClient
  let url: string
  let signOffId: number

  before(async () => {
    const db = getDb()
    committee = await createTestCommittee(db, { settings: { signingMethod: 'paper' } })
    const [chair, member] = await addTestMembers(db, committee, 2)
    const created = await createTestMinutes(db, committee)
    meeting = created.meeting
    await addTestSection(db, created.minutes, { title: 'Budget 2023', decision: ['Budgeten antas.'] })
    await inTransaction(db, (trx) =>
      appointSignatories(trx, testActor, {
        minutesId: created.minutes.id,
        personIds: [chair!.id, member!.id],
      }),
    )
    const signOff = await inTransaction(db, (trx) =>
      prepareSignOff(trx, testActor, {
        minutesId: created.minutes.id,
        sectionNumbers: [1],
      }),
    )
    signOffId = signOff.id
    url = `/admin/justera/${signOff.id}/papper`
    app = await createApp({
      db,
      documents: createDiskDocumentStore(path.join(dir, dialect)),
      logLevel: 'silent',
      now: () => new Date('2022-12-20T10:00:00Z'),
    })
    secretary = await signedInSecretary(app, db, committee, 'sekr-papper@example.se')
    signatory = await signedInPerson(app, db, chair!, 'justerare-papper@example.se')
  })
  after(() => app.close())

  const scan = { fileName: 'justerat.pdf', contentType: 'application/pdf', bytes: pdfFile(['Justerat']) }

  it('is for the secretary: a signatory cannot record it', async () => {
    assert.equal((await signatory.get(url)).statusCode, 403)
    const page = await secretary.get(url)
    assert.equal(page.statusCode, 200)
    assert.match(text(page.body), /Justerarna .+ och .+ har skrivit under protokollet på papper/)
  })

  it('refuses a password signature where the committee signs on paper', async () => {
    const page = await signatory.get(`/admin/justera/${signOffId}`)
    assert.match(text(page.body), /Nämnden justerar protokollet på papper/)
    assert.doesNotMatch(page.body, /name="password"/)
    const response = await signatory.post(`/admin/justera/${signOffId}`, { password })
    assert.equal(response.statusCode, 400)
    assert.match(text(response.body), /Nämnden justerar inte med lösenord/)
  })

  it('refuses a day after today and a file that is not a scan, then records it and publishes how', async () => {
    const late = await secretary.postFile(url, { signedOn: '2022-12-21' }, scan)
    assert.equal(late.statusCode, 400)
    assert.match(text(late.body), /kan inte ligga efter i dag/)
    const notScan = await secretary.postFile(
      url,
      { signedOn: '2022-12-19' },
      { fileName: 'justerat.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('Justerat') },
    )
    assert.equal(notScan.statusCode, 400)
    assert.equal(
      (await getDb().selectFrom('signature').selectAll().where('sign_off_id', '=', signOffId).execute())
        .length,
      0,
    )
    const done = await secretary.postFile(url, { signedOn: '2022-12-19' }, scan)
    assert.equal(done.statusCode, 303, text(done.body))
    const signOff = await getDb()
      .selectFrom('sign_off')
      .selectAll()
      .where('id', '=', signOffId)
      .executeTakeFirstOrThrow()
    assert.equal(signOff.status, 'signed_off')
    assert.equal(signOff.signed_off_on, '2022-12-19')
    assert.ok(signOff.paper_document_id)
    const notice = await getDb()
      .selectFrom('notice')
      .selectAll()
      .where('sign_off_id', '=', signOffId)
      .executeTakeFirstOrThrow()
    assert.equal(notice.posted_on, '2022-12-20', 'the notice goes up the day it is recorded')
    const published = await app.inject(paths.minutes(committee.slug, meeting.slug))
    assert.equal(published.statusCode, 200)
    assert.match(text(published.body), /Justerat på papper den 2022-12-19/)
    // Once signed off, recording again is refused.
    const again = await secretary.postFile(url, { signedOn: '2022-12-19' }, scan)
    assert.equal(again.statusCode, 400)
  })

  it('is chosen in the committee’s settings', async () => {
    const url = `/admin/namnder/${committee.slug}/installningar`
    const form = await secretary.get(url)
    assert.match(text(form.body), /Hur justerarna skriver under protokollet/)
    assert.match(form.body, /<option value="paper" selected/)
    const bad = await secretary.post(url, { signingMethod: 'fax' })
    assert.equal(bad.statusCode, 400)
    assert.match(text(bad.body), /Välj lösenord, e-legitimation, papper eller ärv/)
    assert.equal((await secretary.post(url, { signingMethod: 'oidc' })).statusCode, 303)
    assert.equal((await getCommitteeSettings(getDb(), committee.id)).signingMethod, 'oidc')
  })
})
