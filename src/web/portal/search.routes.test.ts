import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { createTestCommittee } from '../../../test/support/factories.ts'
import { addBudgetItems } from '../../../test/support/search-fixture.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { createApp } from '../app.ts'

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describeOnEachDatabase('the search page', (getDb) => {
  let app: FastifyInstance
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent' })
  })
  after(() => app.close())

  it('finds the meeting of 2022-12-14 again by searching "ledsagning", with the words marked', async () => {
    const response = await app.inject('/sok?q=ledsagning')
    assert.equal(response.statusCode, 200)
    const page = text(response.body)
    assert.match(page, /\d+ träffar/)
    assert.match(page, /§ 12 Ledsagning enligt SoL och ledsagarservice enligt LSS/)
    assert.match(page, /Socialnämnden, sammanträde 14 december 2022/)
    assert.match(page, /Punkt 12 Ledsagning enligt SoL och ledsagarservice enligt LSS Punkt på dagordningen/)
    assert.match(response.body, /<mark>ledsagningsmodellen<\/mark>/)
    assert.match(response.body, /href="\/committees\/socialnamnden\/mote-2022-12-14\/protokoll#paragraf-12"/)
    assert.match(response.body, /<input type="search" id="sok-q" name="q" value="ledsagning"/)
  })

  it('offers the search as an Atom feed of the same hits, announced on the results page', async () => {
    const page = await app.inject('/sok?q=ledsagning&namnd=socialnamnden')
    assert.match(
      page.body,
      /<link rel="alternate" type="application\/atom\+xml" title="Nya träffar för ”ledsagning”" href="\/sok\/flode\.atom\?q=ledsagning&amp;namnd=socialnamnden"/,
    )
    const feed = await app.inject('/sok/flode.atom?q=ledsagning&namnd=socialnamnden')
    assert.equal(feed.statusCode, 200)
    assert.match(feed.headers['content-type'] as string, /application\/atom\+xml/)
    assert.match(
      feed.body,
      /§ 12 Ledsagning enligt SoL och ledsagarservice enligt LSS \(Socialnämnden 2022-12-14\)/,
    )
    assert.match(
      feed.body,
      /href="http:\/\/localhost(:\d+)?\/committees\/socialnamnden\/mote-2022-12-14\/protokoll#paragraf-12"/,
    )
  })

  it('has labelled fields and filters as selects, and keeps the chosen filters', async () => {
    const response = await app.inject('/sok?q=ledsagning&namnd=socialnamnden&ar=2022&typ=protokoll')
    assert.equal(response.statusCode, 200)
    for (const [id, label] of [
      ['sok-q', 'Sökord'],
      ['sok-namnd', 'Nämnd'],
      ['sok-ar', 'År'],
      ['sok-typ', 'Typ'],
      ['sok-parti', 'Parti'],
    ]) {
      assert.match(response.body, new RegExp(`<label for="${id}">${label}</label>`), id)
    }
    assert.match(response.body, /<option value="socialnamnden" selected>Socialnämnden<\/option>/)
    assert.match(response.body, /<option value="2022" selected>2022<\/option>/)
    assert.match(text(response.body), /2 träffar/)
  })

  it('says so when nothing is found, and shows only the form for an empty query', async () => {
    assert.match(text((await app.inject('/sok?q=zebrafink')).body), /Inga träffar/)
    const empty = await app.inject('/sok')
    assert.equal(empty.statusCode, 200)
    assert.doesNotMatch(text(empty.body), /Inga träffar|träff/)
    assert.match(text((await app.inject('/sok?q=och')).body), /Skriv ett eller flera ord/)
  })

  it('escapes what was searched for', async () => {
    const response = await app.inject(
      `/sok?q=${encodeURIComponent('<script>alert(1)</script>"><img src=x>')}`,
    )
    assert.equal(response.statusCode, 200)
    assert.doesNotMatch(response.body, /<script>alert|<img src=x>/)
    assert.match(response.body, /value="&lt;script>alert\(1\)&lt;\/script>&quot;>&lt;img src=x>"/)
  })

  it('never finds the confidential agenda item', async () => {
    const page = text((await app.inject('/sok?q=f%C3%B6rvaltningsr%C3%A4tten')).body)
    assert.match(page, /Inga träffar/)
  })

  it('ignores parameters it cannot read, names them, and never answers 500', async () => {
    const response = await app.inject(
      '/sok?q=ledsagning&ar=tjugo&sida=-1&typ=allt&namnd=%C3%85%20B&parti=%01',
    )
    assert.equal(response.statusCode, 200)
    const page = text(response.body)
    assert.match(page, /Vi kunde inte läsa nämnd, år, typ, parti och sida i adressen/)
    // A NUL is dropped from every query before a page reads it (web/input-checks.ts): an empty party.
    const nul = text((await app.inject('/sok?q=ledsagning&parti=%00')).body)
    assert.match(nul, /§ 12 Ledsagning enligt SoL/)
    assert.match(page, /§ 12 Ledsagning enligt SoL/)
    for (const url of [
      '/sok?q[]=a&q[]=b',
      '/sok?q=a&q=b',
      '/sok?q=%ZZ',
      '/sok?sida=99999999999999999999&q=ledsagning',
      '/sok?q=ledsagning&sida=9999',
      `/sok?q=${'å'.repeat(3000)}`,
      '/sok?q=%22boende%20OR%20(plan*%20NEAR',
      '/sok?namnd=finns-inte&q=ledsagning',
      '/sok?q=%00',
    ]) {
      const r = await app.inject(url)
      assert.ok(r.statusCode === 200 || r.statusCode === 400, `${url}: ${r.statusCode}`)
      if (r.statusCode === 400) assert.match(text(r.body), /Felaktiga uppgifter/, url)
    }
    assert.match(text((await app.inject('/sok?q=ledsagning&sida=9')).body), /Sidan 9 finns inte/)
  })

  it('pages through many hits with links that work without JavaScript', async () => {
    const committee = await createTestCommittee(getDb(), { name: 'Budgetnämnden' })
    await addBudgetItems(getDb(), committee.id, 24)
    const first = await app.inject('/sok?q=budget&namnd=budgetnamnden')
    const page = text(first.body)
    assert.match(page, /24 träffar/)
    assert.match(page, /Sida 1 av 2/)
    assert.match(
      first.body,
      /<a rel="next" href="\/sok\?q=budget&amp;namnd=budgetnamnden&amp;sida=2">Nästa sida<\/a>/,
    )
    const second = text((await app.inject('/sok?q=budget&namnd=budgetnamnden&sida=2')).body)
    assert.match(second, /Sida 2 av 2/)
    assert.match(second, /Föregående sida/)
  })

  it('has a search box on the start page that sends its query to the search page', async () => {
    const body = (await app.inject('/')).body
    assert.match(body, /<form method="get" action="\/sok"/)
    assert.match(body, /<input type="search" id="start-sok" name="q"/)
  })
})
