import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { pageText as text } from '../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { createApp } from '../app.ts'

describeOnEachDatabase('the public portal', (getDb) => {
  let app: FastifyInstance
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent' })
  })
  after(() => app.close())

  it('lists the committees by kind and the next and latest meetings on the start page', async () => {
    const response = await app.inject('/')
    assert.equal(response.statusCode, 200)
    const page = text(response.body)
    assert.match(page, /Nämnder Socialnämnden/)
    assert.match(page, /Kommande sammanträden Socialnämnden, onsdag 9 december 2026/)
    assert.match(page, /Senast justerade protokoll Socialnämnden, onsdag 14 december 2022/)
    assert.match(response.headers['content-security-policy'] as string, /default-src 'self'/)
  })

  it('shows a committee with its members, substitutes in order, and meetings by year', async () => {
    const page = text((await app.inject('/committees/socialnamnden?ar=2022')).body)
    assert.match(page, /Alexander Ojanne \(S\), ordförande/)
    assert.match(page, /Ersättare Emil Adén \(S\) Lena Josefsson \(S\)/)
    assert.match(page, /2022 onsdag 14 december 2022/)
  })

  it('lists one year of past meetings at a time, the latest by default, with a link to each year', async () => {
    const latest = text((await app.inject('/committees/socialnamnden')).body)
    assert.match(latest, /Tidigare sammanträden 2023 2022 2023 /)
    assert.doesNotMatch(latest, /14 december 2022/)
    const page = (await app.inject('/committees/socialnamnden?ar=2022')).body
    assert.match(page, /<a href="\/committees\/socialnamnden\?ar=2022" aria-current="page">2022<\/a>/)
    assert.match(page, /<a href="\/committees\/socialnamnden\?ar=2023">2023<\/a>/)
    assert.doesNotMatch(text(page), /2023 [a-zåäö]+dag \d+ [a-zåäö]+ 2023/)
    // An odd year is the default one; a year without meetings says so.
    assert.match(text((await app.inject('/committees/socialnamnden?ar=x')).body), /2023 2022 2023 /)
    assert.match(
      text((await app.inject('/committees/socialnamnden?ar=1999')).body),
      /Det finns inga tidigare sammanträden att visa för 1999\./,
    )
  })

  it('links the meeting to its signed-off minutes, with the sign-off days', async () => {
    const page = text((await app.inject('/committees/socialnamnden/mote-2022-12-14')).body)
    assert.match(page, /§§ 18–19 justerade 14 december 2022 \(omedelbar justering\)/)
    assert.match(page, /Läs protokollet från onsdag 14 december 2022/)
    assert.match(page, /5 Månadsrapport november 2022 Dnr 1\.2\.2-72\/2022/)
  })

  it('shows the signed-off minutes with motions, the dissent and the last appeal day', async () => {
    const page = text((await app.inject('/committees/socialnamnden/mote-2022-12-14/protokoll')).body)
    assert.match(page, /Justerat §§ 18–19 14 december 2022 \(omedelbar justering\)/)
    // Imported: the published protocol says it was signed off, not how; no way is claimed.
    assert.match(page, /Justerat enligt det publicerade protokollet/)
    assert.doesNotMatch(page, /med lösenord/)
    assert.match(page, /sista dag för överklagande 9 januari 2023/)
    assert.match(
      page,
      // The dissent as printed, its authors named once.
      /Reservationer Jan Jönsson \(L\), Ole-Jörgen Persson m\.fl\. \(M\) och Maria Paniagua Dachner \(C\) reserverade sig mot beslutet till förmån för det egna yrkandet\./,
    )
    assert.match(page, /Emil Adén \(S\), tjänstgörande ersättare för Alexander Ojanne/)
  })

  it('shows paragraphs and lists of the § texts as paragraphs and lists, § 10 in printed order', async () => {
    const html = (await app.inject('/committees/socialnamnden/mote-2022-12-14/protokoll')).body
    const section = (n: number) => {
      const start = html.indexOf(`id="paragraf-${n}"`)
      return html.slice(start, html.indexOf('</section>', start))
    }
    const s16 = section(16)
    assert.equal(s16.match(/<ol type="A">/g)?.length, 1, '§ 16: A–F as one lettered list')
    assert.equal(s16.match(/<li>/g)?.length, 6 + 1, '§ 16: six report items and the decision')
    assert.equal(/<p>[^<]*\n\n/.test(html), false, 'no paragraph holds a blank line')
    const s18 = section(18)
    assert.match(s18, /räkning:<\/p><ul><li>teckna avtal/)
    assert.equal(section(15).match(/<ul>/g)?.length, 1, '§ 15: the bullets of the statement')
    assert.match(
      section(10),
      /\(C\) yrkade<\/p><ol><li>att i huvudsak bifalla [^<]*<\/li><li>[^<]*<\/li><li>att därutöver anföra:<\/li><\/ol><p>Av förvaltningens/,
    )
    const s10 = text(section(10))
    assert.match(s10, /att därutöver anföra: Av förvaltningens tjänsteuttalande .* stöd\. Beslutsordning/)
    assert.equal(
      s10.split('Ole-Jörgen Persson').length - 1,
      2,
      'the motion and the dissent name their authors once',
    )
  })

  it('keeps a confidential agenda item to its number and a neutral title', async () => {
    const page = text((await app.inject('/committees/socialnamnden/mote-2026-12-09')).body)
    assert.match(page, /29 Ärende som omfattas av sekretess/)
    assert.doesNotMatch(page, /förvaltningsrätten i mål|enskild person/)
    assert.match(page, /Ändringar sedan kallelsen publicerades Punkt 29 ändrades/)
    assert.match(page, /Aspuddens akut- och planeringsboende/)
  })

  it('answers an unknown committee, meeting or malformed address with a Swedish 404 page', async () => {
    for (const url of [
      '/committees/finns-inte',
      '/committees/socialnamnden/mote-1999-01-01',
      '/committees/Å%20B',
      '/nowhere',
    ]) {
      const response = await app.inject(url)
      assert.equal(response.statusCode, 404, url)
      assert.match(text(response.body), /Sidan finns inte/, url)
    }
    // An address that cannot even be decoded is the client's error, still answered in Swedish.
    const malformed = await app.inject('/committees/%E0%A4%A')
    assert.equal(malformed.statusCode, 400)
    assert.match(text(malformed.body), /Felaktiga uppgifter/)
    const query = await app.inject('/?q=%ZZ&page[]=x')
    assert.equal(query.statusCode, 200)
  })
})
