import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import type { Person } from '../../src/domain/person/person.ts'
import { chromiumReady, wcagViolations } from '../support/browser.ts'
import { type BrowserApp, startBrowserApp } from '../support/browser-app.ts'
import { cycleAccounts, type Seat, seatSocialnamnden } from '../support/seated-committee.ts'

// Issue 12 as a new secretary and two signatories meet it, in Debian's Chromium: from the login
// page to laga kraft by clicking only. After each login no address is typed: every step of the
// cycle (meeting, agenda, notice, roll call, §§, close, signatories, sign-off, notice, appeals,
// laga kraft) is reached by the links and buttons the pages offer, the "Nästa steg" box first.
// Socialnämnden has 13 members and 6 substitutes; the signatories log in and sign themselves.
// Axe checks every page visited. Like the other browser tests, it runs on SQLite only: the
// database behind the pages is tested on both by the route tests.
const { secretary, chair: chairAccount, signatory: signatoryAccount } = cycleAccounts

const memberSeats: Seat[] = [
  ['Anna Andersson', 'S'],
  ['Bo Berg', 'M'],
  ['Cecilia Carlsson', 'S'],
  ['David Dahl', 'S'],
  ['Eva Ek', 'S'],
  ['Filip Fors', 'M'],
  ['Greta Gran', 'M'],
  ['Hans Holm', 'M'],
  ['Ingrid Isaksson', 'V'],
  ['Johan Jansson', 'V'],
  ['Karin Kvist', 'C'],
  ['Lars Lind', 'L'],
  ['Maria Malm', 'KD'],
]
const substituteSeats: Seat[] = [
  ['Nils Nord', 'S'],
  ['Olga Olsson', 'S'],
  ['Per Palm', 'M'],
]
const items = ['Månadsrapport februari 2027', 'Riktlinjer för ekonomiskt bistånd']

describe('a meeting cycle from login to laga kraft by clicking only (Chromium)', {
  skip: !chromiumReady() && 'Chromium is not installed',
}, () => {
  let started: BrowserApp
  let base: string
  let members: Person[]
  let substitutes: Person[]
  // The app's clock: preparing, then the meeting day, then past the appeal period.
  let clock = new Date('2027-02-01T09:00:00Z')

  before(async () => {
    started = await startBrowserApp(
      async (db) => {
        ;({ members, substitutes } = await seatSocialnamnden(db, {
          members: memberSeats,
          substitutes: substituteSeats,
        }))
      },
      { now: () => clock, publicUrl: 'https://moten.example.se' },
    )
    base = started.base
  })
  after(() => started?.close())

  const failures: string[] = []
  const visited: string[] = []
  async function checked(page: Page, what: string) {
    visited.push(new URL(page.url()).pathname)
    failures.push(...(await wcagViolations(page, what)))
    const main = await page.locator('main').innerText()
    assert.doesNotMatch(
      main,
      /Något gick fel|Felaktiga uppgifter|Ingen behörighet|Det gick inte att spara|kunde inte sparas|Lösenordet stämmer inte/,
      what,
    )
    return main
  }
  /** Clicks and waits for the page it leads to. */
  async function follow(page: Page, selector: string) {
    const target = page.locator(selector).first()
    const href = await target.getAttribute('href')
    const to = href ? new URL(href, page.url()) : undefined
    // A link to a part of the page it is on moves the view, not the page.
    if (to?.hash && to.pathname === new URL(page.url()).pathname) return target.click()
    await Promise.all([page.waitForNavigation(), target.click()])
  }
  /** The login page is the one address typed; everything after it is clicked. */
  async function logIn(page: Page, who: { email: string; password: string }) {
    await page.goto(`${base}/admin/logga-in`)
    await checked(page, 'login')
    await page.fill('#falt-email', who.email)
    await page.fill('#falt-password', who.password)
    await follow(page, 'main button[type=submit]')
    assert.equal(new URL(page.url()).pathname, '/admin')
  }
  const nextStep = (page: Page) => page.locator('.next-step').innerText()

  /** A signatory logs in, finds the minutes on their start page, reads, comments and signs. */
  async function signAs(who: { email: string; password: string }, comment?: string) {
    const context = await started.browser.newContext()
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await logIn(page, who)
    assert.match(await checked(page, `start (${who.email})`), /Att justera/)
    await follow(page, 'section[aria-labelledby=att-justera] a')
    const draft = await checked(page, `sign-off page (${who.email})`)
    // The whole draft as it will be published: the cover with attendance, then every §.
    assert.match(draft, /Utkast till protokoll/)
    assert.match(draft, /Beslutande/)
    assert.match(draft, /Nils Nord \(S\), tjänstgörande ersättare för Cecilia Carlsson/)
    assert.match(draft, new RegExp(`§ 2 ${items[1]}`))
    if (comment) {
      await page.fill('textarea[name=text] >> nth=0', comment)
      await follow(page, 'button:has-text("Skicka synpunkten") >> nth=0')
      assert.match(await checked(page, 'sign-off page after a comment'), /Din synpunkt är skickad/)
    }
    await page.fill('#falt-password', who.password)
    await follow(page, 'button:text-is("Justera")')
    const after = await checked(page, `signed (${who.email})`)
    assert.match(after, /Din justering är registrerad/)
    await context.close()
    return after
  }

  it('prepares, holds, signs off and sees the decisions become final, by links and buttons alone', async () => {
    const context = await started.browser.newContext()
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await logIn(page, secretary)
    await checked(page, 'start')

    // Prepare: the committee, a new meeting, its agenda.
    await follow(page, 'main a:has-text("Socialnämnden")')
    await checked(page, 'committee')
    await follow(page, 'main a:has-text("Lägg in ett sammanträde")')
    await checked(page, 'meetings')
    const schedule = 'form:has(button:has-text("Lägg in sammanträdet"))'
    await page.fill(`${schedule} [name=meetsOn]`, '2027-03-10')
    await page.fill(`${schedule} [name=startTime]`, '17:00')
    await page.fill(`${schedule} [name=location]`, 'Stadshuset')
    await follow(page, `${schedule} button[type=submit]`)
    await checked(page, 'meeting, planned')
    assert.match(await nextStep(page), /Nästa steg: Förbered/)
    await follow(page, '.next-step a')
    await checked(page, 'agenda')
    for (const title of items) {
      const add = 'form:has(button:has-text("Lägg till punkten"))'
      await page.fill(`${add} [name=title]`, title)
      await page.fill(`${add} [name=proposal]`, `Socialnämnden godkänner ${title.toLowerCase()}.`)
      await follow(page, `${add} button[type=submit]`)
      await checked(page, `agenda with ${title}`)
    }

    // The notice (KL 8:10), from the meeting's next step.
    await follow(page, 'nav.breadcrumbs a:has-text("10 mars 2027")')
    assert.match(await nextStep(page), /Nästa steg: Kallelse/)
    await follow(page, '.next-step a')
    await checked(page, 'notice')
    await follow(page, 'main button:has-text("Publicera kallelsen")')
    await checked(page, 'meeting with its notice published')
    assert.match(await nextStep(page), /Nästa steg: Närvaro/)

    // The meeting day: the roll call, substitutes suggested among those on site.
    clock = new Date('2027-03-10T16:00:00Z')
    await follow(page, '.next-step a')
    await checked(page, 'roll call')
    for (const i of [2, 3, 5]) await page.check(`[name="narvaro-${members[i]!.id}"][value=absent]`)
    for (const s of substitutes) await page.check(`[name="ersattare-narvarande-${s.id}"]`)
    await follow(page, 'button[value=foresla]')
    await checked(page, 'roll call with suggestions')
    assert.equal(await page.inputValue(`[name="ersattare-${members[2]!.id}"]`), String(substitutes[0]!.id))
    await follow(page, 'button[value=spara]')
    await checked(page, 'roll call saved')
    assert.match(await nextStep(page), /Nästa steg: Paragrafer/)

    // A § per agenda item, then the close, signatories and the sign-off, each from the next step.
    await follow(page, '.next-step a')
    for (const title of items) {
      await page.selectOption('[name=agendaItemId]', { label: title })
      await follow(page, 'button:has-text("Lägg till paragraf")')
      await checked(page, `minutes with § ${title}`)
    }
    assert.match(await nextStep(page), /Nästa steg: Avsluta/)
    await follow(page, '.next-step a')
    await page.fill('[name=time]', '18:30')
    await follow(page, 'button:has-text("Sammanträdet är avslutat")')
    await checked(page, 'minutes, meeting closed')
    assert.match(await nextStep(page), /Nästa steg: Justerare/)
    await follow(page, '.next-step a')
    await page.selectOption('[name=justerare-0]', String(members[0]!.id))
    await page.selectOption('[name=justerare-1]', String(members[1]!.id))
    await page.fill('[name=signOffPlace]', 'Stadshuset')
    await follow(page, 'button:has-text("Utse justerare")')
    assert.match(await nextStep(page), /Nästa steg: Till justering/)
    await follow(page, 'button[value=resten]')
    await checked(page, 'minutes put up for sign-off')
    assert.match(await nextStep(page), /Nästa steg: Justering.*0 av 2 har justerat/s)

    // Both signatories log in themselves; the first sends a comment on § 1 before signing.
    await signAs(chairAccount, 'Rätta stavningen av februari i rubriken.')
    const signed = await signAs(signatoryAccount)
    assert.match(signed, /Paragraferna justerades 10 mars 2027 och anslaget har satts upp/)

    // The secretary sees the comment and where the meeting stands: notice up, open to appeal.
    await follow(page, 'nav.breadcrumbs a:has-text("Arbetsrum")')
    await checked(page, 'start after the sign-off')
    await follow(page, 'main a:has-text("onsdag 10 mars 2027")')
    await checked(page, 'meeting, signed off')
    assert.match(await nextStep(page), /Nästa steg: Anslag och överklagande.*31 mars 2027/s)
    await follow(page, 'main a:has-text("Protokoll")')
    assert.match(
      await checked(page, 'minutes signed off'),
      /Synpunkter från justerarna\s+§ 1: Anna Andersson, 2027-03-10 \d\d:\d\d: Rätta stavningen/,
    )
    await follow(page, '.next-step a')
    await checked(page, '§ 1 after the sign-off')

    // Three weeks after the notice (KL 13:5) with no appeal: laga kraft.
    clock = new Date('2027-04-02T08:00:00Z')
    await follow(page, 'nav.breadcrumbs a:has-text("onsdag 10 mars 2027")')
    await checked(page, 'meeting after the appeal period')
    assert.match(await nextStep(page), /Nästa steg: Laga kraft.*vunnit laga kraft/s)
    await follow(page, '.next-step a')
    assert.match(await checked(page, 'public meeting page'), /Socialnämnden/)
    await context.close()

    // Every step was its own page, and nothing was typed after a login.
    for (const part of [
      '/sammantraden/',
      '/dagordning',
      '/kallelse',
      '/narvaro',
      '/justera/',
      '/efter-justering',
    ])
      assert.ok(
        visited.some((v) => v.includes(part)),
        `visited ${part}`,
      )
    assert.deepEqual(failures, [])
  })
})
