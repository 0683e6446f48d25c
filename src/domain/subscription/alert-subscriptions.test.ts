import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import {
  type AlertAgenda,
  alertSecret,
  publishAlertAgenda,
  signOffAlertMinutes,
} from '../../../test/support/alert-data.ts'
import {
  addTestMembers,
  createTestCommittee,
  createTestPerson,
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
import type { Person } from '../person/person.ts'
import { mergePersons } from '../person/person-merge.service.ts'
import { todayInSweden } from '../shared/swedish-date.ts'
import { queueSubscriptionMail } from './subscription-mail.service.ts'

// Alerts at every level: a saved search and a person, followed by e-mail through the same double
// opt-in and the same delivery records as a committee or a matter (subscription.test.ts).

const publicUrl = 'https://paragraf.example.se'
const word = 'fågelholkar'
/** A text as it stands in an HTML attribute. */
const attribute = (text: string) => text.replaceAll('&', '&amp;')

describeOnEachDatabase('alerts for a saved search and a person (bevakning)', (getDb, dialect) => {
  let smtp: TestSmtpServer
  let app: FastifyInstance
  let committee: Committee
  let elsewhere: Committee
  let members: Person[]
  let mover: Person
  let agenda: AlertAgenda
  let searchQuery: string
  // The notice and the sign-off happen now, so the runs use the real clock.
  const today = todayInSweden()

  const { tokens, deliver, mailTo, subscribe, confirm } = subscribing({
    db: getDb,
    app: () => app,
    smtp: () => smtp,
  })
  const run = () => queueSubscriptionMail(getDb(), { publicUrl, now: new Date() })

  before(async () => {
    smtp = await startTestSmtpServer()
    app = await createApp({ db: getDb(), logLevel: 'silent', publicUrl })
    committee = await createTestCommittee(getDb(), { name: 'Parknämnden' })
    elsewhere = await createTestCommittee(getDb(), { name: 'Skolnämnden' })
    members = await addTestMembers(getDb(), committee, 3)
    mover = members[2] as Person
    // Public before anyone subscribes: not news to them.
    agenda = await publishAlertAgenda(getDb(), { committee, meetsOn: today, word })
    searchQuery = new URLSearchParams({ q: word, namnd: committee.slug }).toString()
  })
  after(async () => {
    await app.close()
    await smtp.close()
  })

  it('offers the form and the Atom feed on the search results and the person page; 404 for nothing to follow', async () => {
    const results = await app.inject(`/sok?${searchQuery}`)
    assert.equal(results.statusCode, 200)
    assert.match(results.body, /<form method="post" action="\/bevaka"/)
    assert.ok(
      results.body.includes(`name="sokning" value="${attribute(searchQuery)}"`),
      'the search as a hidden field',
    )
    assert.ok(results.body.includes(`rel="alternate" type="application/atom+xml"`))
    assert.ok(results.body.includes(`href="/sok/flode.atom?${attribute(searchQuery)}"`))
    const person = await app.inject(`/personer/${mover.slug}`)
    assert.ok(person.body.includes(`name="person" value="${mover.slug}"`))
    assert.ok(
      person.body.includes(
        `<link rel="alternate" type="application/atom+xml" title="${mover.name}" href="/personer/${mover.slug}/flode.atom"`,
      ),
    )
    assert.match(
      pageText((await app.inject(`/bevaka?person=${mover.slug}`)).body),
      new RegExp(`Bevaka ${mover.name}`),
    )
    assert.match(
      pageText((await app.inject(`/bevaka?sokning=${encodeURIComponent(searchQuery)}`)).body),
      /Bevaka sökningen ”fågelholkar” \(Parknämnden\)/,
    )
    assert.equal((await app.inject('/bevaka?person=finns-inte')).statusCode, 404)
    assert.equal((await app.inject(`/bevaka?sokning=${encodeURIComponent('q=och')}`)).statusCode, 404)
    assert.equal(
      (await app.inject(`/bevaka?sokning=${encodeURIComponent(`q=${word}&namnd=finns-inte`)}`)).statusCode,
      404,
    )
  })

  it('subscribes with double opt-in; the same search in another order is the same subscription; nothing old is news', async () => {
    const search = await subscribe('sara@example.se', { sokning: searchQuery })
    assert.equal(search.subject, 'Bekräfta bevakning: sökningen ”fågelholkar” (Parknämnden)')
    // Asked again with the filters in another order: one row, a new confirmation link.
    await subscribe('sara@example.se', {
      sokning: `namnd=${committee.slug}&q=${encodeURIComponent(word)}&sida=3`,
    })
    const rows = await getDb()
      .selectFrom('subscription')
      .select('id')
      .where('email', '=', 'sara@example.se')
      .execute()
    assert.equal(rows.length, 1)
    const person = await subscribe('per@example.se', { person: mover.slug })
    assert.equal(person.subject, `Bekräfta bevakning: ${mover.name}`)
    await subscribe('glomsk@example.se', { person: mover.slug }) // never confirmed
    assert.equal(await run(), 0, 'nothing before the confirmation')
    await confirm('sara@example.se')
    await confirm('per@example.se')
    // The public agenda item with the word was public when Sara confirmed.
    assert.equal(await run(), 0)
  })

  it('mails new signed-off minutes once to each, racing runs too; the confidential § never', async () => {
    await signOffAlertMinutes(getDb(), { agenda, members, mover, word, signedOffOn: today })
    // The word in another committee: not what Sara's search is limited to.
    await publishAlertAgenda(getDb(), { committee: elsewhere, meetsOn: today, word })
    const counts = await Promise.all([run(), run(), run()])
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      2,
      `one mail to the search and one to the person${dialect === 'postgres' ? ' on PostgreSQL' : ''}`,
    )
    assert.equal(await run(), 0)
    await deliver()
    const [sara] = mailTo('sara@example.se').slice(2)
    assert.ok(sara)
    assert.equal(sara.subject, 'Nytt om sökningen ”fågelholkar” (Parknämnden)')
    const minutesPath = `${publicUrl}/committees/${committee.slug}/${agenda.meeting.slug}/protokoll`
    assert.ok(sara.text.includes(`${minutesPath}#paragraf-1\n`), sara.text)
    assert.ok(!sara.text.includes('#paragraf-2'), 'the confidential § is not a hit')
    assert.ok(!sara.text.includes('Skolnämnden'), 'another committee is outside the search')
    assert.ok(sara.text.includes(`${publicUrl}/sok?q=f%C3%A5gelholkar&namnd=${committee.slug}`))
    assert.ok(
      sara.text.includes(`${publicUrl}/bevaka/avsluta?token=${tokens.get('sara@example.se')?.unsubscribe}`),
    )
    assert.match(sara.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m)
    const [per, ...more] = mailTo('per@example.se').slice(1)
    assert.ok(per)
    assert.equal(more.length, 0)
    assert.equal(per.subject, `Nytt om ${mover.name} (3)`)
    assert.match(
      per.text,
      /- Yrkande: Parknämnden .*, § 1 fågelholkar i stadsparken – Avslag, holkarna räcker\./,
    )
    assert.match(per.text, /- Reservation: .* – Vi reserverar oss mot beslutet\./)
    assert.match(per.text, /- Röst: .* – Bifall eller avslag\? Röstade nej; utfall 2 ja, 1 nej, 0 avstår\./)
    assert.ok(!per.text.includes('#paragraf-2'))
    assert.equal(mailTo('glomsk@example.se').length, 1, 'the unconfirmed get the confirmation only')
    assert.ok(
      smtp.received.every((m) => !m.raw.includes(alertSecret)),
      'no mail carries the secret',
    )
  })

  it('never mails a confidential match: an item secret from the start, or made secret before the index caught up', async () => {
    const { meeting } = await publishAlertAgenda(getDb(), { committee, meetsOn: today, word: 'ekorrholkar' })
    const secretOnly = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: meeting.id,
        number: '3',
        title: `${word} för enskild ${alertSecret}`,
        confidential: true,
        confidentialityGround: 'OSL 26:1',
      }),
    )
    assert.ok(secretOnly.id)
    // A public item with the word, then made confidential behind the index's back: the index still
    // has it, the disclosure rules do not.
    const late = (await publishAlertAgenda(getDb(), { committee, meetsOn: today, word: 'tornseglare' }))
      .meeting
    const item = await inTransaction(getDb(), (trx) =>
      addAgendaItem(trx, testActor, {
        meetingId: late.id,
        number: '3',
        title: `${word} vid skolan`,
      }),
    )
    const indexed = await getDb()
      .selectFrom('search_entry')
      .select('id')
      .where('kind', '=', 'agenda_item')
      .where('object_id', '=', item.id)
      .execute()
    assert.equal(indexed.length, 1, 'the item is in the index')
    await getDb().updateTable('agenda_item').set({ confidential: true }).where('id', '=', item.id).execute()
    const before = smtp.received.length
    assert.equal(await run(), 0)
    await deliver()
    assert.equal(smtp.received.length, before)
    assert.ok(smtp.received.every((m) => !m.raw.includes(alertSecret) && !m.raw.includes('vid skolan')))
  })

  it('follows the person kept when the one followed is merged into another', async () => {
    const twin = await createTestPerson(getDb(), committee.organisationId, 'Mia Dubbel')
    const kept = await createTestPerson(getDb(), committee.organisationId, 'Mia Dubbelsdotter')
    await subscribe('mia@example.se', { person: twin.slug })
    await confirm('mia@example.se')
    await mergePersons(getDb(), testActor, { keptPersonId: kept.id, mergedPersonId: twin.id })
    const token = tokens.get('mia@example.se')?.unsubscribe as string
    assert.match(
      pageText((await app.inject(`/bevaka/avsluta?token=${token}`)).body),
      /Du bevakar Mia Dubbelsdotter\./,
    )
  })

  it('names the person on the unsubscribe page', async () => {
    const token = tokens.get('per@example.se')?.unsubscribe as string
    const page = await app.inject(`/bevaka/avsluta?token=${token}`)
    assert.match(pageText(page.body), new RegExp(`Du bevakar ${mover.name}`))
  })
})
