import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, it } from 'node:test'
import { pdfFile, testVirusScanner, uploadStream } from '../../../test/support/document-files.ts'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { createDiskDocumentStore } from '../../storage/disk-document-store.ts'
import { appointSignatories } from '../minutes/minutes.service.ts'
import type { LocalSettingsOverride } from '../organisation/local-settings.ts'
import {
  IdentityMismatchError,
  setPersonIdentityNumber,
  signWithElectronicId,
} from './oidc-signature.service.ts'
import { recordPaperSignOff } from './paper-sign-off.service.ts'
import { signAndAnnounce } from './sign-and-announce.service.ts'
import { prepareSignOff } from './sign-off.service.ts'
import { hashIdentityNumber, identityNumberMatches, signedHowText } from './signing-method.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'paragraf-signing-test-'))
after(() => rmSync(dir, { recursive: true, force: true }))

it('keeps a personnummer only as a salted hash that matches it in either form', () => {
  const hash = hashIdentityNumber('19811218-9876')
  assert.doesNotMatch(hash, /198112189876/)
  assert.notEqual(hash, hashIdentityNumber('198112189876'), 'a new salt each time')
  assert.ok(identityNumberMatches(hash, '198112189876'))
  assert.ok(!identityNumberMatches(hash, '198112189877'))
  assert.ok(!identityNumberMatches(hash, '811218-9876'), 'ten digits never match')
  assert.ok(!identityNumberMatches(null, '198112189876'))
})

it('says how a sign-off was made', () => {
  assert.equal(signedHowText([{ method: 'password' }]), 'Justerat med lösenord')
  assert.equal(
    signedHowText([{ method: 'as_published' }, { method: 'as_published' }]),
    'Justerat enligt det publicerade protokollet',
  )
  assert.equal(
    signedHowText([
      { method: 'oidc', evidence: { provider: 'BankID via Test-broker' } },
      { method: 'oidc', evidence: { provider: 'BankID via Test-broker' } },
    ]),
    'Justerat med e-legitimation (BankID via Test-broker)',
  )
  assert.equal(
    signedHowText([{ method: 'paper', evidence: { signedOnPaperOn: '2022-12-19' } }]),
    'Justerat på papper den 2022-12-19',
  )
})

describeOnEachDatabase('signing methods', (getDb, dialect) => {
  const store = createDiskDocumentStore(path.join(dir, dialect))
  const setUp = async (settings: LocalSettingsOverride) => {
    const committee = await createTestCommittee(getDb(), { settings })
    const [chair, member] = await addTestMembers(getDb(), committee, 2)
    const { meeting, minutes } = await createTestMinutes(getDb(), committee)
    await addTestSection(getDb(), minutes)
    await inTransaction(getDb(), (trx) =>
      appointSignatories(trx, testActor, {
        minutesId: minutes.id,
        personIds: [chair!.id, member!.id],
      }),
    )
    const signOff = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [1] }),
    )
    return { committee, meeting, minutes, signOff, chair: chair!, member: member! }
  }
  const seals = async (signOffId: number) =>
    getDb().selectFrom('record_seal').select('hash').where('sign_off_id', '=', signOffId).execute()
  const audits = async (action: string) =>
    getDb().selectFrom('audit_event').select('after').where('action', '=', action).execute()

  it('signs with an e-legitimation of the appointed person, keeping the claims with the number hashed', async () => {
    const { signOff, chair, member } = await setUp({ signingMethod: 'oidc' })
    await setPersonIdentityNumber(getDb(), testActor, chair.id, '19811218-9876')
    await setPersonIdentityNumber(getDb(), testActor, member.id, '19700101-1234')
    const kept = await getDb()
      .selectFrom('person')
      .select('identity_number_hash')
      .where('id', '=', chair.id)
      .executeTakeFirstOrThrow()
    assert.doesNotMatch(JSON.stringify(kept), /9876/)
    const claims = (number: string) => ({
      iss: 'http://127.0.0.1:1/',
      sub: number,
      personal_identity_number: number,
      name: 'Test Testsson',
      auth_time: 1671444000,
      iat: 1671444005,
    })
    const signWith = (personId: number, number: string) =>
      signWithElectronicId(getDb(), testActor, {
        signOffId: signOff.id,
        personId,
        on: '2022-12-19',
        claims: claims(number),
        identityClaim: 'personal_identity_number',
        provider: 'BankID via Test-broker',
      })
    // The member's turn with the chair's e-legitimation: refused, nothing signed.
    await assert.rejects(
      signWith(member.id, '198112189876'),
      (e) => e instanceof IdentityMismatchError && e.reason === 'other_person',
    )
    assert.equal(
      (await getDb().selectFrom('signature').selectAll().where('sign_off_id', '=', signOff.id).execute())
        .length,
      0,
    )
    await signWith(chair.id, '198112189876')
    const { signOff: done, notice } = await signWith(member.id, '197001011234')
    assert.equal(done.status, 'signed_off')
    assert.ok(notice, 'the notice goes up with the last signature')
    assert.equal((await seals(signOff.id)).length, 1, 'sealed as with a password')
    const rows = await getDb()
      .selectFrom('signature')
      .selectAll()
      .where('sign_off_id', '=', signOff.id)
      .execute()
    assert.deepEqual(
      rows.map((r) => r.method),
      ['oidc', 'oidc'],
    )
    assert.doesNotMatch(rows.map((r) => r.evidence).join(), /198112189876|197001011234/)
    const evidence = done.signatures[0]!.evidence!
    assert.equal(evidence.provider, 'BankID via Test-broker')
    assert.equal(evidence.authenticatedAt, '2022-12-19T10:00:00.000Z')
    assert.equal(evidence.claims?.name, 'Test Testsson')
    assert.ok(identityNumberMatches(kept.identity_number_hash, '198112189876'))
    assert.equal(evidence.claims?.personal_identity_number, kept.identity_number_hash)
    assert.ok((await audits('minutes.signed')).some((a) => String(a.after).includes('"method":"oidc"')))
  })

  it('refuses an e-legitimation where no personnummer is kept, or the committee signs otherwise', async () => {
    const oidc = await setUp({ signingMethod: 'oidc' })
    const input = (s: typeof oidc) => ({
      signOffId: s.signOff.id,
      personId: s.chair.id,
      on: '2022-12-19',
      claims: { sub: '198112189876' },
      identityClaim: 'personal_identity_number',
      provider: 'Freja eID via Test-broker',
    })
    await assert.rejects(
      signWithElectronicId(getDb(), testActor, input(oidc)),
      (e) => e instanceof IdentityMismatchError && e.reason === 'no_identity_number_kept',
    )
    const password = await setUp({})
    await setPersonIdentityNumber(getDb(), testActor, password.chair.id, '198112189876')
    await assert.rejects(
      signWithElectronicId(getDb(), testActor, input(password)),
      /does not sign with e-legitimation/,
    )
  })

  it('records a paper sign-off with the scanned cover, seals it and posts the notice today', async () => {
    const { signOff, meeting } = await setUp({ signingMethod: 'paper' })
    const file = () => ({
      fileName: 'justerat.pdf',
      mimeType: 'application/pdf',
      stream: uploadStream(pdfFile(['Justerat protokoll'])),
      maxBytes: 1024 * 1024,
    })
    await assert.rejects(
      recordPaperSignOff(getDb(), store, testActor, {
        signOffId: signOff.id,
        signedOnPaperOn: '2022-12-13',
        today: '2022-12-20',
        file: file(),
      }),
      /before the meeting/,
    )
    const { signOff: done, notice } = await recordPaperSignOff(
      getDb(),
      store,
      testActor,
      { signOffId: signOff.id, signedOnPaperOn: '2022-12-19', today: '2022-12-20', file: file() },
      { scanForViruses: testVirusScanner },
    )
    assert.equal(meeting.meetsOn, '2022-12-14')
    assert.equal(done.status, 'signed_off')
    assert.equal(done.signedOffOn, '2022-12-19')
    assert.equal(notice?.postedOn, '2022-12-20')
    assert.deepEqual(
      done.signatures.map((s) => [s.method, s.evidence?.signedOnPaperOn]),
      [
        ['paper', '2022-12-19'],
        ['paper', '2022-12-19'],
      ],
    )
    const document = await getDb()
      .selectFrom('document')
      .selectAll()
      .where('id', '=', done.paperDocumentId!)
      .executeTakeFirstOrThrow()
    assert.equal(document.kind, 'protokoll')
    assert.equal(Boolean(document.confidential), false)
    assert.equal((await seals(signOff.id)).length, 1)
    assert.equal(signedHowText(done.signatures), 'Justerat på papper den 2022-12-19')
  })

  it('refuses a password signature where the committee signs on paper or with e-legitimation', async () => {
    const { signOff, chair } = await setUp({ signingMethod: 'paper' })
    await assert.rejects(
      signAndAnnounce(getDb(), testActor, { signOffId: signOff.id, personId: chair.id, on: '2022-12-19' }),
      /does not sign with a password/,
    )
  })
})
