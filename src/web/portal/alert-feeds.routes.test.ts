import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { alertSecret, publishAlertAgenda, signOffAlertMinutes } from '../../../test/support/alert-data.ts'
import { addTestMembers, createTestCommittee } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { childrenNamed, parseXml, type XmlElement } from '../../../test/support/xml-tree.ts'
import type { Committee } from '../../domain/committee/committee.ts'
import type { Person } from '../../domain/person/person.ts'
import { todayInSweden } from '../../domain/shared/swedish-date.ts'
import { createApp } from '../app.ts'

// The Atom feeds of a saved search and of a person: valid, bounded to their newest entries, ids
// that stay the same, and nothing confidential.

const publicUrl = 'https://paragraf.example.se'
const authority = 'tag:paragraf.example.se,2026:'
const word = 'humlebon'

const text = (element: XmlElement, name: string) => childrenNamed(element, name)[0]?.text

/** Parses a feed as a reader would and checks what every Atom feed must have (RFC 4287). */
function readFeed(body: string) {
  const feed = parseXml(body)
  assert.equal(feed.name, 'feed')
  assert.equal(feed.attributes.xmlns, 'http://www.w3.org/2005/Atom')
  assert.equal(feed.attributes['xml:lang'], 'sv')
  for (const name of ['id', 'title', 'updated', 'author']) assert.ok(childrenNamed(feed, name)[0], name)
  const entries = childrenNamed(feed, 'entry')
  for (const entry of entries) {
    assert.ok(text(entry, 'id')?.startsWith(authority), text(entry, 'id'))
    assert.equal(childrenNamed(entry, 'title')[0]?.attributes.type, 'text')
    assert.equal(childrenNamed(entry, 'summary')[0]?.attributes.type, 'text')
    assert.ok(childrenNamed(entry, 'link')[0]?.attributes.href?.startsWith(`${publicUrl}/`))
    assert.ok(!Number.isNaN(Date.parse(text(entry, 'updated') ?? '')))
  }
  assert.equal(new Set(entries.map((e) => text(e, 'id'))).size, entries.length, 'ids are unique')
  return { feed, entries, id: text(feed, 'id') }
}

describeOnEachDatabase('Atom feeds of a saved search and a person', (getDb) => {
  let app: FastifyInstance
  let committee: Committee
  let mover: Person

  before(async () => {
    app = await createApp({ db: getDb(), logLevel: 'silent', publicUrl })
    committee = await createTestCommittee(getDb(), { name: 'Naturnämnden' })
    const members = await addTestMembers(getDb(), committee, 3)
    mover = members[2] as Person
    const today = todayInSweden()
    // 55 more public items with the word, and 55 more motions by the mover: more than a feed holds.
    const agenda = await publishAlertAgenda(getDb(), { committee, meetsOn: today, word, extraItems: 55 })
    await signOffAlertMinutes(getDb(), {
      agenda,
      members,
      mover,
      word,
      signedOffOn: today,
      extraMotions: 55,
    })
  })
  after(() => app.close())

  it('gives a saved search as a valid feed of its 50 newest public hits, under one id whatever the order of its filters', async () => {
    const url = `/sok/flode.atom?q=${word}&namnd=${committee.slug}`
    const response = await app.inject(url)
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-type']), /^application\/atom\+xml/)
    const { entries, id } = readFeed(response.body)
    assert.equal(id, `${authority}/sok/flode.atom?q=${word}&namnd=${committee.slug}`)
    assert.equal(entries.length, 50, 'bounded: 58 public hits, the 50 newest')
    assert.ok(!response.body.includes(alertSecret), 'nothing of the confidential item or §')
    assert.ok(!response.body.includes('#paragraf-2'))
    assert.ok(response.body.includes(`/committees/${committee.slug}/`))
    const reordered = readFeed(
      (await app.inject(`/sok/flode.atom?namnd=${committee.slug}&sida=2&q=${word}`)).body,
    )
    assert.equal(reordered.id, id, 'the same search is the same feed')
    assert.deepEqual(
      reordered.entries.map((e) => text(e, 'id')),
      entries.map((e) => text(e, 'id')),
      'entry ids stay the same from one fetch to the next',
    )
    // The § of the minutes is in the feed, under the id of its page and kind.
    const section = entries.find((e) => text(e, 'title')?.startsWith('§ 1 '))
    assert.ok(section, 'the public § is an entry')
    assert.match(text(section, 'id') ?? '', /\/protokoll#section-\d+$/)
  })

  it('gives a person as a valid feed of their 50 newest public acts: motions, dissents and ballots, nothing confidential', async () => {
    const response = await app.inject(`/personer/${mover.slug}/flode.atom`)
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-type']), /^application\/atom\+xml/)
    const { entries, id } = readFeed(response.body)
    assert.equal(id, `${authority}/personer/${mover.slug}/flode.atom`)
    assert.equal(entries.length, 50, 'bounded: 58 public acts, the 50 newest')
    const titles = entries.map((e) => text(e, 'title') ?? '')
    for (const heading of ['Yrkande:', 'Reservation:', 'Röst:'])
      assert.ok(
        titles.some((t) => t.startsWith(heading)),
        heading,
      )
    assert.ok(!response.body.includes(alertSecret), 'nothing of the confidential §')
    assert.ok(!response.body.includes('#paragraf-2'))
    const again = readFeed((await app.inject(`/personer/${mover.slug}/flode.atom`)).body)
    assert.deepEqual(
      again.entries.map((e) => text(e, 'id')),
      entries.map((e) => text(e, 'id')),
    )
    assert.equal((await app.inject('/personer/finns-inte/flode.atom')).statusCode, 404)
  })
})
