import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import {
  addTestMembers,
  addTestSection,
  createTestCommittee,
  createTestMeeting,
  testActor,
} from '../../../test/support/factories.ts'
import { pageText } from '../../../test/support/page-text.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-test-server.ts'
import { subscribing } from '../../../test/support/subscribing.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { inTransaction } from '../../db/database.ts'
import { createApp } from '../../web/app.ts'
import { addAgendaItem } from '../agenda/agenda.service.ts'
import type { Committee } from '../committee/committee.ts'
import { registerMatter } from '../matter/matter.service.ts'
import type { Meeting } from '../meeting/meeting.ts'
import { publishNotice } from '../meeting/publish-notice.ts'
import { appointSignatories, openMinutes } from '../minutes/minutes.service.ts'
import type { Person } from '../person/person.ts'
import { signAndAnnounce } from '../sign-off/sign-and-announce.service.ts'
import { prepareSignOff } from '../sign-off/sign-off.service.ts'
import { queueSubscriptionMail } from './subscription-mail.service.ts'

const publicUrl = 'https://paragraf.example.se'
const registryNumber = 'KS 2023/7'
// 1 March 2023 in Sweden: the day things are published below.
const now = new Date('2023-03-01T10:00:00Z')

describeOnEachDatabase('e-mail subscriptions (bevakning)', (getDb, dialect) => {
  let smtp: TestSmtpServer
  let app: FastifyInstance
  let committee: Committee
  let members: Person[]
  let earlier: Meeting
  let earlierItemId: number

  const { tokens, deliver, mailTo, form, subscribe, confirm } = subscribing({
    db: getDb,
    app: () => app,
    smtp: () => smtp,
  })
  const run = (at = now) => queueSubscriptionMail(getDb(), { publicUrl, now: at })

  before(async () => {
    smtp = await startTestSmtpServer()
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => now, publicUrl })
    committee = await createTestCommittee(getDb(), { name: 'Miljönämnden' })
    members = await addTestMembers(getDb(), committee, 2)
    const matter = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, {
        organisationId: committee.organisationId,
        registryNumber,
        title: 'Tillsynsplan',
      }),
    )
    // The matter is public: on the published agenda of the meeting of 15 February.
    earlier = await createTestMeeting(getDb(), { committee, meetsOn: '2023-02-15' })
    earlierItemId = (
      await inTransaction(getDb(), (trx) =>
        addAgendaItem(trx, testActor, {
          meetingId: earlier.id,
          number: '1',
          title: 'Tillsynsplan 2023',
          matterId: matter.id,
        }),
      )
    ).id
    await publishNotice(getDb(), testActor, {
      meetingId: earlier.id,
      version: earlier.version,
      today: '2023-02-01',
      publicUrl,
    })
  })
  after(async () => {
    await app.close()
    await smtp.close()
  })

  it('offers the form on the committee, matter and notice board pages, and 404 for what is unknown', async () => {
    for (const [page, link] of [
      [`/committees/${committee.slug}`, `/bevaka?namnd=${committee.slug}`],
      [
        `/arenden/${encodeURIComponent(registryNumber)}`,
        `/bevaka?arende=${encodeURIComponent(registryNumber)}`,
      ],
    ]) {
      const response = await app.inject(page as string)
      assert.ok(response.body.includes(`href="${link}"`), page)
      assert.equal((await app.inject(link as string)).statusCode, 200, link)
    }
    assert.match((await app.inject('/anslagstavla')).body, /href="\/bevaka\?anslagstavla=1"/)
    assert.match(pageText((await app.inject('/bevaka?anslagstavla=1')).body), /Bevaka anslagstavlan/)
    assert.equal((await app.inject('/bevaka?namnd=finns-inte')).statusCode, 404)
    assert.equal((await app.inject('/bevaka?arende=KS%202099%2F1')).statusCode, 404)
    const invalid = await app.inject(form({ namnd: committee.slug, epost: 'inte en adress' }))
    assert.equal(invalid.statusCode, 400)
    assert.match(pageText(invalid.body), /Skriv e-postadressen som namn@exempel\.se/)
  })

  it('sends a confirmation mail with the one-click unsubscribe headers; nothing is active before it is opened', async () => {
    const mail = await subscribe('anna@example.se', { namnd: committee.slug })
    assert.equal(mail.subject, 'Bekräfta bevakning: Miljönämnden')
    assert.match(
      mail.raw,
      /^List-Unsubscribe:\s+<https:\/\/paragraf\.example\.se\/bevaka\/avsluta\?token=[\w-]+>/m,
    )
    assert.match(mail.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m)
    await subscribe('bo@example.se', { arende: registryNumber })
    await subscribe('glomsk@example.se', { anslagstavla: '1' }) // never confirmed
    await confirm('anna@example.se')
    await confirm('bo@example.se')
    // What was public when they confirmed is not news.
    assert.equal(await run(), 0)
  })

  it('mails a published meeting notice once, to the committee subscriber only; a confidential item never', async () => {
    const meeting = await createTestMeeting(getDb(), { committee, meetsOn: '2023-03-15' })
    const matter = await inTransaction(getDb(), (trx) =>
      registerMatter(trx, testActor, {
        organisationId: committee.organisationId,
        registryNumber,
      }),
    )
    await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: '1',
        title: 'Tillsyn av enskild, HEMLIGT-ÄRENDE',
        matterId: matter.id,
        confidential: true,
        confidentialityGround: 'OSL 26:1',
      }),
    )
    await publishNotice(getDb(), testActor, {
      meetingId: meeting.id,
      version: meeting.version,
      today: '2023-03-01',
      publicUrl,
    })
    assert.equal(await run(), 1)
    assert.equal(await run(), 0)
    await deliver()
    const [news, ...more] = mailTo('anna@example.se').slice(1)
    assert.ok(news)
    assert.equal(more.length, 0)
    assert.equal(news.subject, 'Nytt om Miljönämnden')
    assert.ok(news.text.includes(`${publicUrl}/committees/${committee.slug}/${meeting.slug}\n`), news.text)
    assert.ok(
      news.text.includes(`${publicUrl}/bevaka/avsluta?token=${tokens.get('anna@example.se')?.unsubscribe}`),
    )
    assert.match(news.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m)
    assert.equal(
      mailTo('bo@example.se').length,
      1,
      'the matter subscriber hears nothing of a confidential item',
    )
    assert.ok(smtp.received.every((m) => !m.text.includes('HEMLIGT')))
    assert.equal(mailTo('glomsk@example.se').length, 1, 'the unconfirmed get the confirmation only')
  })

  it('mails signed-off minutes once: the notice to the committee subscriber, the decision to the matter subscriber', async () => {
    const minutes = await inTransaction(getDb(), (trx) =>
      openMinutes(trx, testActor, { meetingId: earlier.id }),
    )
    await addTestSection(getDb(), minutes, {
      title: 'Tillsynsplan 2023',
      agendaItemId: earlierItemId,
      decision: ['Planen antas.'],
    })
    await inTransaction(getDb(), (trx) =>
      appointSignatories(trx, testActor, {
        minutesId: minutes.id,
        personIds: members.map((m) => m.id),
      }),
    )
    const signOff = await inTransaction(getDb(), (trx) =>
      prepareSignOff(trx, testActor, { minutesId: minutes.id, sectionNumbers: [1] }),
    )
    for (const member of members)
      await signAndAnnounce(getDb(), testActor, {
        signOffId: signOff.id,
        personId: member.id,
        on: '2023-03-01',
      })
    assert.equal(await run(), 2)
    assert.equal(await run(), 0)
    await deliver()
    const anna = mailTo('anna@example.se')
    assert.equal(anna.length, 3)
    assert.ok(anna[2]?.text.includes(`${publicUrl}/committees/${committee.slug}/${earlier.slug}/protokoll\n`))
    const bo = mailTo('bo@example.se')
    assert.equal(bo.length, 2)
    assert.equal(bo[1]?.subject, `Nytt om ärende ${registryNumber}`)
    assert.ok(
      bo[1]?.text.includes(`${publicUrl}/committees/${committee.slug}/${earlier.slug}/protokoll#paragraf-1`),
    )
    assert.equal(mailTo('glomsk@example.se').length, 1)
  })

  it('sends at most three confirmations per address a day, and answers the fourth the same', async () => {
    const address = 'maltavla@example.se'
    const before = smtp.received.length
    const answers = []
    const targets: Array<Record<string, string>> = [{ namnd: committee.slug }, { anslagstavla: '1' }]
    for (const fields of [...targets, ...targets]) {
      const response = await app.inject(form({ ...fields, epost: address }))
      answers.push([response.statusCode, response.headers.location, response.body])
    }
    await deliver()
    assert.equal(mailTo(address).length, 3)
    assert.equal(smtp.received.length - before, 3)
    assert.deepEqual(answers[3], answers[0])
    assert.equal(
      pageText((await app.inject('/bevaka/skickat')).body).includes('Kontrollera din e-post'),
      true,
    )
  })

  it('unsubscribes: GET shows a button, the one-click POST of RFC 8058 deletes without any other token', async () => {
    const token = tokens.get('anna@example.se')?.unsubscribe as string
    const page = await app.inject(`/bevaka/avsluta?token=${token}`)
    assert.equal(page.statusCode, 200)
    assert.equal(page.headers['cache-control'], 'no-store')
    assert.match(pageText(page.body), /Avsluta bevakningen/)
    const oneClick = await app.inject({
      method: 'POST',
      url: `/bevaka/avsluta?token=${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    })
    assert.equal(oneClick.statusCode, 200)
    assert.match(pageText(oneClick.body), /Bevakningen är avslutad/)
    assert.equal((await app.inject(`/bevaka/avsluta?token=${token}`)).statusCode, 404)
    // The same as multipart/form-data, which RFC 8058 also allows.
    const bo = tokens.get('bo@example.se')?.unsubscribe as string
    const multipart = await app.inject({
      method: 'POST',
      url: `/bevaka/avsluta?token=${bo}`,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    })
    assert.equal(multipart.statusCode, 200)
    const left = await getDb().selectFrom('subscription').select('email').execute()
    assert.ok(!left.some((r) => r.email === 'anna@example.se' || r.email === 'bo@example.se'))
  })

  it('deletes unconfirmed subscriptions after seven days', async () => {
    const pending = () =>
      getDb().selectFrom('subscription').select('id').where('email', '=', 'glomsk@example.se').execute()
    await run(new Date('2023-03-07T10:00:00Z'))
    assert.equal((await pending()).length, 1)
    await run(new Date('2023-03-08T10:00:01Z'))
    assert.equal((await pending()).length, 0)
    const token = tokens.get('glomsk@example.se')?.confirm as string
    assert.equal((await app.inject(`/bevaka/bekrafta?token=${token}`)).statusCode, 404)
  })

  it(`queues each mail once when three job runs race${dialect === 'postgres' ? ' on PostgreSQL' : ''}`, async () => {
    await subscribe('cecilia@example.se', { anslagstavla: '1' })
    await subscribe('david@example.se', { namnd: committee.slug })
    await confirm('cecilia@example.se')
    await confirm('david@example.se')
    const meeting = await createTestMeeting(getDb(), { committee, meetsOn: '2023-03-29' })
    await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, { meetingId: meeting.id, number: '1', title: 'Budget' }),
    )
    await publishNotice(getDb(), testActor, {
      meetingId: meeting.id,
      version: meeting.version,
      today: '2023-03-01',
      publicUrl,
    })
    const counts = await Promise.all([run(), run(), run()])
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      2,
    )
    const queued = await getDb()
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('to_address', 'in', ['cecilia@example.se', 'david@example.se'])
      .where('subject', 'like', 'Nytt om%')
      .execute()
    assert.deepEqual(queued.map((r) => r.to_address).sort(), ['cecilia@example.se', 'david@example.se'])
  })
})
