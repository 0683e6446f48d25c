import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  testActor,
  unique,
} from '../../../test/support/factories.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-test-server.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { type Db, inTransaction } from '../../db/database.ts'
import { createSmtpMailer } from '../../mail/smtp-mailer.ts'
import { createUser, grantRole } from '../account/account.service.ts'
import type { Committee } from '../committee/committee.ts'
import { deliverPendingMail, listOutboxMailOfMeeting } from '../mail/mail.service.ts'
import { appointSignatories } from '../minutes/minutes.service.ts'
import { setPersonEmail } from '../person/person.service.ts'
import { prepareSignOff, signSections } from './sign-off.service.ts'
import { queueSignOffReminders } from './sign-off-reminder-mail.service.ts'

const publicUrl = 'https://paragraf.example.se'
const password = 'ett-långt-lösenord-2023'

async function addSecretary(
  db: Db,
  committee: Committee,
  options: { wholeOrganisation?: boolean; role?: string; personId?: number } = {},
) {
  const n = unique()
  const user = await createUser(db, testActor, {
    email: `sekr-${n}@example.se`,
    name: `Sekreterare ${n}`,
    password,
    personId: options.personId ?? null,
  })
  await grantRole(db, testActor, {
    userId: user.id,
    role: options.role ?? 'secretary',
    organisationId: committee.organisationId,
    committeeId: options.wholeOrganisation ? null : committee.id,
  })
  return user
}

/**
 * Minutes of a meeting on `meetsOn` with two §§, the chair and a member appointed to sign, both with
 * an e-mail address (unless `memberWithoutEmail`), the §§ put up for sign-off (unless `prepare` is
 * false), and a secretary of the committee.
 */
async function setUp(
  db: Db,
  meetsOn: string,
  options: { prepare?: boolean; memberWithoutEmail?: boolean } = {},
) {
  const committee = await createTestCommittee(db, { name: `Miljönämnden ${unique()}` })
  const [chair, member] = await addTestMembers(db, committee, 2)
  const chairEmail = `ordf-${unique()}@example.se`
  await inTransaction(db, (trx) => setPersonEmail(trx, testActor, { personId: chair!.id, email: chairEmail }))
  // Mixed case: the address is compared without case, and written to as given.
  const memberEmail = `Justerare-${unique()}@Example.se`
  if (!options.memberWithoutEmail)
    await inTransaction(db, (trx) =>
      setPersonEmail(trx, testActor, { personId: member!.id, email: memberEmail }),
    )
  const { meeting, minutes } = await createTestMinutes(db, committee, { meetsOn })
  await addTestSection(db, minutes)
  await addTestSection(db, minutes)
  await inTransaction(db, (trx) =>
    appointSignatories(trx, testActor, { minutesId: minutes.id, personIds: [chair!.id, member!.id] }),
  )
  const signOff =
    options.prepare === false
      ? undefined
      : await inTransaction(db, (trx) =>
          prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [1, 2] }),
        )
  const secretary = await addSecretary(db, committee)
  return {
    committee,
    meeting,
    minutes,
    signOff,
    chair: chair!,
    member: member!,
    secretary,
    chairEmail,
    memberEmail,
  }
}

const sign = (db: Db, signOffId: number, personId: number, on: string) =>
  signSections(db, testActor, { signOffId, personId, on })

const remind = (db: Db, today: string) => queueSignOffReminders(db, { today, publicUrl })

const recipients = async (db: Db, meetingId: number) =>
  (await listOutboxMailOfMeeting(db, meetingId)).map((m) => m.to).sort()

describeOnEachDatabase('queueSignOffReminders', (getDb) => {
  it('reminds, 3 days before the deadline, the signatories who have not signed and the secretaries', async () => {
    const db = getDb()
    const { committee, meeting, signOff, chair, member, memberEmail, secretary } = await setUp(
      db,
      '2023-03-15',
    )
    const orgSecretary = await addSecretary(db, committee, { wholeOrganisation: true })
    await addSecretary(db, await createTestCommittee(db, { organisationId: committee.organisationId }))
    await addSecretary(db, committee, { role: 'registrar' })
    await sign(db, signOff!.id, chair.id, '2023-03-20')

    assert.equal(await remind(db, '2023-03-25'), 0, '4 days before the deadline of 2023-03-29: nothing yet')
    assert.equal(await remind(db, '2023-03-26'), 3)
    const mails = await listOutboxMailOfMeeting(db, meeting.id)
    assert.deepEqual(mails.map((m) => m.to).sort(), [memberEmail, orgSecretary.email, secretary.email].sort())
    const toMember = mails.find((m) => m.to === memberEmail)!
    assert.equal(toMember.subject, `Påminnelse om justering av protokoll: ${committee.name} 15 mars 2023`)
    assert.match(toMember.text, new RegExp(`^Hej ${member.name},`))
    assert.match(toMember.text, /senast onsdag 29 mars 2023/)
    assert.match(toMember.text, /Det är 3 dagar kvar\./)
    assert.ok(toMember.text.includes(`${publicUrl}/admin/justera/${signOff!.id}\n`))
    assert.ok(!toMember.text.includes('sekreterare för'))
    const toSecretary = mails.find((m) => m.to === secretary.email)!
    assert.match(toSecretary.text, new RegExp(`Har ännu inte skrivit under: ${member.name}\\.`))
    assert.ok(
      toSecretary.text.includes(
        `${publicUrl}/admin/namnder/${committee.slug}/sammantraden/${meeting.slug}/protokoll/justering`,
      ),
    )
    assert.ok(!toSecretary.text.includes('/admin/justera/'))
  })

  it('sends each reminder once: 3 days before, again on the last day, then never more', async () => {
    const db = getDb()
    const { meeting, chairEmail, memberEmail, secretary } = await setUp(db, '2023-05-10') // deadline 2023-05-24
    const everyone = [chairEmail, memberEmail, secretary.email].sort()
    assert.equal(await remind(db, '2023-05-21'), 3)
    for (const today of ['2023-05-21', '2023-05-22', '2023-05-23']) assert.equal(await remind(db, today), 0)
    assert.equal(await remind(db, '2023-05-24'), 3)
    for (const today of ['2023-05-24', '2023-05-25', '2023-06-01']) assert.equal(await remind(db, today), 0)
    const mails = await listOutboxMailOfMeeting(db, meeting.id)
    assert.deepEqual(
      mails.map((m) => `${m.subject.split(':')[0]} -> ${m.to}`).sort(),
      [
        ...everyone.map((to) => `Påminnelse om justering av protokoll -> ${to}`),
        ...everyone.map((to) => `Sista dagen att justera protokoll -> ${to}`),
      ].sort(),
    )
  })

  it('sends the first reminder seen after the deadline as the last one, and none when long overdue', async () => {
    const db = getDb()
    const late = await setUp(db, '2023-07-03') // deadline 2023-07-17
    const stale = await setUp(db, '2023-06-01') // deadline 2023-06-15: 34 days before the 19 July
    assert.equal(await remind(db, '2023-07-19'), 3)
    assert.equal(await remind(db, '2023-07-20'), 0)
    const mails = await listOutboxMailOfMeeting(db, late.meeting.id)
    assert.ok(mails.every((m) => m.subject.startsWith('Försenad justering av protokoll:')))
    assert.ok(mails.every((m) => m.text.includes('Tiden gick ut för 2 dagar sedan.')))
    assert.deepEqual(await recipients(db, stale.meeting.id), [])
  })

  it('reminds no signatory who has signed, and nobody once the minutes are signed off', async () => {
    const db = getDb()
    const partly = await setUp(db, '2023-09-04') // deadline 2023-09-18
    const signedOff = await setUp(db, '2023-09-04')
    await sign(db, partly.signOff!.id, partly.member.id, '2023-09-08')
    await sign(db, signedOff.signOff!.id, signedOff.chair.id, '2023-09-08')
    await sign(db, signedOff.signOff!.id, signedOff.member.id, '2023-09-08')
    assert.equal(await remind(db, '2023-09-15'), 2)
    assert.deepEqual(
      await recipients(db, partly.meeting.id),
      [partly.chairEmail, partly.secretary.email].sort(),
    )
    assert.deepEqual(await recipients(db, signedOff.meeting.id), [])
    assert.equal(await remind(db, '2023-09-18'), 2)
    assert.deepEqual(await recipients(db, signedOff.meeting.id), [])
  })

  it('reminds only the secretaries while no §§ are put up for sign-off', async () => {
    const db = getDb()
    const { meeting, secretary } = await setUp(db, '2023-10-02', { prepare: false }) // deadline 2023-10-16
    assert.equal(await remind(db, '2023-10-13'), 1)
    const [mail] = await listOutboxMailOfMeeting(db, meeting.id)
    assert.equal(mail?.to, secretary.email)
    assert.match(mail?.text ?? '', /Inga paragrafer väntar på underskrift/)
  })

  it("writes to a signatory's user account when the person has no address; once to a signatory who is secretary", async () => {
    const db = getDb()
    const { committee, meeting, chair, member, secretary } = await setUp(db, '2023-11-06', {
      memberWithoutEmail: true,
    })
    const account = await createUser(db, testActor, {
      email: `konto-${unique()}@example.se`,
      name: 'Kontot',
      password,
      personId: member.id,
    })
    // The chair is also a secretary of the committee, under the same address in another case.
    const chairAccount = await addSecretary(db, committee, { personId: chair.id })
    await inTransaction(db, (trx) =>
      setPersonEmail(trx, testActor, { personId: chair.id, email: chairAccount.email.toUpperCase() }),
    )
    assert.equal(await remind(db, '2023-11-17'), 3)
    const mails = await listOutboxMailOfMeeting(db, meeting.id)
    assert.deepEqual(
      mails.map((m) => m.to.toLowerCase()).sort(),
      [account.email, chairAccount.email, secretary.email].sort(),
    )
    const toChair = mails.find((m) => m.to.toLowerCase() === chairAccount.email)!
    assert.match(toChair.text, new RegExp(`^Hej ${chair.name},`))
    assert.match(toChair.text, /Du är utsedd att justera protokollet/)
    assert.match(toChair.text, /Du får påminnelsen som sekreterare/)
  })

  it('queues each reminder once when several servers run the job at the same moment', async () => {
    const db = getDb()
    const { meeting } = await setUp(db, '2024-01-08') // deadline 2024-01-22
    const counts = await Promise.all(Array.from({ length: 4 }, () => remind(db, '2024-01-19')))
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      3,
    )
    const sent = await recipients(db, meeting.id)
    assert.equal(sent.length, 3)
    assert.equal(new Set(sent).size, 3)
    assert.equal(await remind(db, '2024-01-19'), 0)
  })
})

describeOnEachDatabase('sign-off reminders through a real SMTP server', (getDb) => {
  let smtp: TestSmtpServer
  before(async () => {
    smtp = await startTestSmtpServer()
  })
  after(() => smtp.close())

  it('delivers the reminder to the signatory: committee, meeting day, deadline and the link to sign', async () => {
    const db = getDb()
    const { committee, signOff, chair, member, memberEmail, secretary } = await setUp(db, '2023-03-15')
    await sign(db, signOff!.id, chair.id, '2023-03-20')
    assert.equal(await remind(db, '2023-03-29'), 2)
    const mailer = createSmtpMailer({ smtpUrl: smtp.url, from: 'Paragraf <noreply@example.se>' })
    try {
      assert.deepEqual(await deliverPendingMail(db, mailer, { limit: 10 }), { sent: 2, failed: 0 })
    } finally {
      mailer.close()
    }
    assert.deepEqual(
      smtp.received.map((m) => m.to[0]?.toLowerCase()).sort(),
      [memberEmail.toLowerCase(), secretary.email].sort(),
    )
    const received = smtp.received.find((m) => m.to[0]?.toLowerCase() === memberEmail.toLowerCase())!
    assert.equal(received.subject, `Sista dagen att justera protokoll: ${committee.name} 15 mars 2023`)
    for (const expected of [
      `Hej ${member.name},`,
      `Protokollet från sammanträdet med ${committee.name} onsdag 15 mars 2023 ska vara justerat senast onsdag 29 mars 2023`,
      'I dag är sista dagen.',
      `${publicUrl}/admin/justera/${signOff!.id}`,
    ]) {
      assert.ok(received.text.includes(expected), `the mail lacks "${expected}":\n${received.text}`)
    }
  })
})
