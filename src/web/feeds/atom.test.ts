import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { testActor, unique } from '../../../test/support/factories.ts'
import { protocolWithIdentityNumbers } from '../../../test/support/identity-number-protocol.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { allElements, childrenNamed, parseXml, type XmlElement } from '../../../test/support/xml-tree.ts'
import { importDocument } from '../../import/import-document.ts'
import { createApp } from '../app.ts'
import { renderAtom, tagId, xmlText } from './atom.ts'

// What a clerk writes reaches feed readers as text, never as markup a reader would run.

const hostile = [
  '<script>alert("flöde")</script>',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(2)">klicka</a>',
  ']]><script>alert(3)</script><![CDATA[',
  'Nul\u0000 och \u0001styrtecken\u001b',
].join(' ')

/** The only elements an Atom feed of ours has: anything else came in from a text. */
const atomElements = new Set([
  'feed',
  'id',
  'title',
  'subtitle',
  'updated',
  'author',
  'name',
  'uri',
  'link',
  'generator',
  'rights',
  'entry',
  'summary',
])

function assertNoLiveMarkup(feed: XmlElement, where: string) {
  for (const element of allElements(feed)) {
    assert.ok(atomElements.has(element.name), `${where}: an element <${element.name}> came from a text`)
    assert.equal(element.cdata, 0, `${where}: CDATA in <${element.name}>`)
    if (['title', 'summary', 'subtitle', 'rights'].includes(element.name))
      assert.equal(element.attributes.type, 'text', `${where}: <${element.name}> is not plain text`)
    for (const [name, value] of Object.entries(element.attributes)) {
      assert.doesNotMatch(name, /^on/i, where)
      assert.doesNotMatch(value, /^\s*javascript:/i, where)
    }
  }
}

describe('renderAtom', () => {
  const site = {
    baseUrl: 'https://paragraf.example.se',
    idAuthority: 'example.se,2026',
    author: 'Exempelby kommun',
  }
  const xml = renderAtom(site, {
    title: hostile,
    description: hostile,
    pagePath: '/',
    feedPath: '/floden/protokoll.atom',
    entries: [
      { path: '/committees/a/b#paragraf-1', key: 'k"1', title: hostile, date: new Date(0), summary: hostile },
    ],
  })

  it('writes titles and summaries as escaped plain text that a reader shows as written', () => {
    const feed = parseXml(xml)
    assertNoLiveMarkup(feed, 'renderAtom')
    const [entry] = childrenNamed(feed, 'entry')
    const summary = childrenNamed(entry as XmlElement, 'summary')[0] as XmlElement
    // The text comes back as written, less the characters XML cannot carry.
    assert.equal(summary.text, [...hostile].filter((c) => c >= ' ').join(''))
  })

  it('names the organisation as author, in Swedish, with tag: ids and links under the site', () => {
    const feed = parseXml(xml)
    assert.equal(feed.attributes['xml:lang'], 'sv')
    assert.equal(
      childrenNamed(childrenNamed(feed, 'author')[0] as XmlElement, 'name')[0]?.text,
      'Exempelby kommun',
    )
    assert.equal(childrenNamed(feed, 'id')[0]?.text, 'tag:example.se,2026:/floden/protokoll.atom')
    const entry = childrenNamed(feed, 'entry')[0] as XmlElement
    assert.equal(childrenNamed(entry, 'id')[0]?.text, 'tag:example.se,2026:/committees/a/b#k%221')
    assert.equal(
      childrenNamed(entry, 'link')[0]?.attributes.href,
      'https://paragraf.example.se/committees/a/b#paragraf-1',
    )
  })

  it('keeps tag: ids within the URI grammar and XML text within XML 1.0', () => {
    assert.equal(
      tagId('example.se,2026', '/sok/flode.atom?q=<a b>'),
      'tag:example.se,2026:/sok/flode.atom?q=%3Ca%20b%3E',
    )
    assert.equal(xmlText('a\u0000<b>&"\uFFFE\uD800'), 'a&lt;b&gt;&amp;&quot;')
  })
})

describeOnEachDatabase('the portal feeds', (getDb) => {
  let app: FastifyInstance
  let committeeSlug: string
  const organisation = `Exempelby kommun ${unique()}`
  before(async () => {
    // PostgreSQL stores no NUL in text: the § texts carry the other control characters.
    const stored = hostile.replace('\u0000', '')
    const protocol = protocolWithIdentityNumbers('Kulturnämnden', [
      {
        section: 1,
        title: `Bidrag ${stored}`,
        decision: [`Beslut ${stored}`],
        registryNumbers: ['KN 2024/1'],
      },
    ])
    const summary = await importDocument(getDb(), testActor, protocol, { organisation })
    assert.ok(summary.changed)
    committeeSlug = 'kulturnamnden'
    app = await createApp({
      db: getDb(),
      logLevel: 'silent',
      now: () => new Date('2024-03-11T10:00:00Z'),
      publicUrl: 'https://paragraf.exempelby.se',
      feedIdAuthority: 'exempelby.se,2024',
    })
  })
  after(() => app.close())

  const feeds = () => [
    '/floden/protokoll.atom',
    `/committees/${committeeSlug}/flode.atom`,
    '/arenden/KN%202024%2F1/flode.atom',
    '/sok/flode.atom?q=Bidrag',
  ]

  it('carries a hostile text of a § as text: no element, handler or script link comes alive', async () => {
    for (const url of feeds()) {
      const response = await app.inject(url)
      assert.equal(response.statusCode, 200, url)
      const feed = parseXml(response.body)
      assertNoLiveMarkup(feed, url)
      assert.ok(childrenNamed(feed, 'entry').length > 0, `${url} has entries`)
      assert.match(response.body, /&lt;script&gt;alert\(/, url)
    }
  })

  it('has the organisation as author and xml:lang="sv" on every feed', async () => {
    for (const url of [...feeds(), '/floden/dagordningar.atom', '/anslagstavla/flode.atom']) {
      const feed = parseXml((await app.inject(url)).body)
      assert.equal(feed.attributes['xml:lang'], 'sv', url)
      const author = childrenNamed(feed, 'author')[0]
      assert.equal(author && childrenNamed(author, 'name')[0]?.text, organisation, url)
    }
  })

  it('gives the same ids and links whatever Host header a request names', async () => {
    for (const url of [...feeds(), '/kalender.ics']) {
      const here = (await app.inject({ url, headers: { host: 'paragraf.exempelby.se' } })).body
      const elsewhere = (
        await app.inject({ url, headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } })
      ).body
      assert.equal(elsewhere, here, url)
      assert.doesNotMatch(elsewhere, /evil\.example/, url)
    }
    const calendar = (await app.inject('/kalender.ics')).body
    assert.match(calendar, /UID:meeting-\d+@exempelby\.se/)
    const feed = parseXml((await app.inject('/floden/protokoll.atom')).body)
    for (const entry of childrenNamed(feed, 'entry'))
      assert.match(childrenNamed(entry, 'id')[0]?.text ?? '', /^tag:exempelby\.se,2024:\/committees\//)
  })

  it('keeps ids when the site moves to a new address, and links follow the new one', async () => {
    const moved = await createApp({
      db: getDb(),
      logLevel: 'silent',
      now: () => new Date('2024-03-11T10:00:00Z'),
      publicUrl: 'https://moten.exempelby.se',
      feedIdAuthority: 'exempelby.se,2024',
    })
    try {
      const ids = (xml: string) =>
        allElements(parseXml(xml))
          .filter((e) => e.name === 'id')
          .map((e) => e.text)
      for (const url of feeds()) {
        const before = (await app.inject(url)).body
        const after = (await moved.inject(url)).body
        assert.deepEqual(ids(after), ids(before), url)
        assert.match(after, /href="https:\/\/moten\.exempelby\.se\//, url)
      }
      const uids = (ics: string) => ics.match(/^UID:.*$/gm)
      assert.deepEqual(
        uids((await moved.inject('/kalender.ics')).body),
        uids((await app.inject('/kalender.ics')).body),
      )
    } finally {
      await moved.close()
    }
  })
})
