import assert from 'node:assert/strict'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import type { Person } from '../../src/domain/person/person.ts'
import { createDiskDocumentStore } from '../../src/storage/disk-document-store.ts'
import { oidcCallbackPath } from '../../src/web/admin/sign-off/sign-off-oidc.routes.tsx'
import { chromiumReady, wcagViolations } from '../support/browser.ts'
import { type BrowserApp, startBrowserApp } from '../support/browser-app.ts'
import { pdfFile } from '../support/document-files.ts'
import { freePort } from '../support/free-port.ts'
import { startOidcTestProvider } from '../support/oidc-browser.ts'
import { cycleAccounts, type Seat, seatSocialnamnden } from '../support/seated-committee.ts'

// Issue 12 as a new secretary and two signatories meet it, in Debian's Chromium: from the login
// page to laga kraft by clicking only. After each login no address is typed: every step of the
// cycle (meeting, agenda, notice, roll call, §§, close, signatories, sign-off, notice, appeals,
// laga kraft) is reached by the links and buttons the pages offer, the "Nästa steg" box first.
// Socialnämnden has 13 members and 3 substitutes and holds three meetings, each signed another way
// (the committee's setting, changed by the secretary between them): with the signatories' passwords,
// with e-legitimation through a real OpenID Connect provider process (oidc-test-provider.mjs, the
// municipality's broker), and on paper, recorded by the secretary with the scanned signed cover.
// The signatories log in and sign themselves; the public minutes say how each sign-off was made.
// Axe checks every page of Paragraf visited (the broker's own login pages are not Paragraf's).
// Like the other browser tests, it runs on SQLite only: the database behind the pages is tested on
// both by the route tests.
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

/** The three meetings, each a Wednesday, and the personnummer the signatories' e-legitimations carry. */
const meetingDays = {
  password: { on: '2027-03-10', label: 'onsdag 10 mars 2027', short: '10 mars 2027' },
  oidc: { on: '2027-04-14', label: 'onsdag 14 april 2027', short: '14 april 2027' },
  paper: { on: '2027-05-12', label: 'onsdag 12 maj 2027', short: '12 maj 2027' },
}
type MeetingDay = (typeof meetingDays)[keyof typeof meetingDays]
const identityNumbers = { chair: '196803142385', signatory: '197512300419' }
const brokerName = 'BankID via Testbroker'

describe('meeting cycles from login to the public minutes by clicking only (Chromium)', {
  skip: !chromiumReady() && 'Chromium is not installed',
}, () => {
  let started: BrowserApp
  let base: string
  let broker: ChildProcess
  let members: Person[]
  let substitutes: Person[]
  const documentsDir = mkdtempSync(path.join(tmpdir(), 'paragraf-meeting-cycle-'))
  // The app's clock: preparing, then the meeting day, then past the appeal period.
  let clock = new Date('2027-02-01T09:00:00Z')

  before(async () => {
    // The broker must know where it sends the signatories back: the app's port is chosen first.
    const port = await freePort()
    const publicUrl = `http://127.0.0.1:${port}`
    const provider = await startOidcTestProvider(`${publicUrl}${oidcCallbackPath}`)
    broker = provider.process
    started = await startBrowserApp(
      async (db) => {
        ;({ members, substitutes } = await seatSocialnamnden(db, {
          members: memberSeats,
          substitutes: substituteSeats,
        }))
      },
      {
        port,
        now: () => clock,
        publicUrl,
        documents: createDiskDocumentStore(documentsDir),
        signingOidc: {
          issuer: provider.issuer,
          clientId: 'paragraf',
          clientSecret: 'testhemlighet',
          providerName: brokerName,
          identityClaim: 'personal_identity_number',
        },
      },
    )
    base = started.base
  })
  after(async () => {
    await started?.close()
    broker?.kill('SIGTERM')
    rmSync(documentsDir, { recursive: true, force: true })
  })

  const failures: string[] = []
  const visited: string[] = []
  async function checked(page: Page, what: string) {
    visited.push(new URL(page.url()).pathname)
    failures.push(...(await wcagViolations(page, what)))
    const main = await page.locator('main').innerText()
    assert.doesNotMatch(
      main,
      /Något gick fel|Felaktiga uppgifter|Ingen behörighet|Det gick inte att spara|kunde inte sparas|Lösenordet stämmer inte|nekades/,
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

  /** A browser of one's own, signed in by the login form. */
  async function signedIn(who: { email: string; password: string }) {
    const context = await started.browser.newContext()
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await logIn(page, who)
    return { context, page }
  }

  /** A signatory logs in, finds the minutes on their start page and reads the whole draft. */
  async function openDraft(page: Page, who: string) {
    assert.match(await checked(page, `start (${who})`), /Att justera/)
    await follow(page, 'section[aria-labelledby=att-justera] a')
    const draft = await checked(page, `sign-off page (${who})`)
    // The whole draft as it will be published: the cover with attendance, then every §.
    assert.match(draft, /Utkast till protokoll/)
    assert.match(draft, /Beslutande/)
    assert.match(draft, /Nils Nord \(S\), tjänstgörande ersättare för Cecilia Carlsson/)
    assert.match(draft, new RegExp(`§ \\d+ ${items[1]}`))
  }

  /** A signatory reads, may comment, and signs by re-entering their password. */
  async function signWithPassword(who: { email: string; password: string }, comment?: string) {
    const { context, page } = await signedIn(who)
    await openDraft(page, who.email)
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

  /**
   * A signatory reads and signs with their e-legitimation: to the broker, its login with the
   * personnummer (the test broker's development form), its consent, and back to Paragraf.
   */
  async function signWithElectronicId(who: { email: string; password: string }, identityNumber: string) {
    const { context, page } = await signedIn(who)
    await openDraft(page, who.email)
    assert.equal(await page.locator('#falt-password').count(), 0, 'no password form for e-legitimation')
    await follow(page, 'main a:has-text("Justera med e-legitimation")')
    assert.notEqual(new URL(page.url()).origin, base, 'the signatory is at the broker')
    await page.fill('input[name=login]', identityNumber)
    await page.fill('input[name=password]', 'valfritt')
    // The broker's own pages (login, then consent) until it sends the signatory back.
    for (let step = 0; step < 5 && new URL(page.url()).origin !== base; step++)
      await Promise.all([page.waitForNavigation(), page.locator('button[type=submit]').first().click()])
    const after = await checked(page, `signed with e-legitimation (${who.email})`)
    assert.match(after, /Din justering är registrerad/)
    await context.close()
    return after
  }

  /**
   * The secretary, from the start page: a new meeting of Socialnämnden, its agenda and notice, the
   * roll call on the day, a § per item, the close, the signatories, and the §§ put up for sign-off.
   */
  async function holdMeeting(page: Page, day: MeetingDay) {
    const dayBefore = (days: number, time: string) =>
      new Date(Date.parse(`${day.on}T${time}Z`) - days * 86_400_000)
    clock = dayBefore(9, '09:00:00')
    if (new URL(page.url()).pathname !== '/admin') {
      await follow(page, 'nav.breadcrumbs a:has-text("Arbetsrum")')
      await checked(page, `start before ${day.on}`)
    }
    await follow(page, 'main a:has-text("Socialnämnden")')
    await checked(page, 'committee')
    await follow(page, 'main a:has-text("Lägg in ett sammanträde")')
    await checked(page, 'meetings')
    const schedule = 'form:has(button:has-text("Lägg in sammanträdet"))'
    await page.fill(`${schedule} [name=meetsOn]`, day.on)
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
    await follow(page, `nav.breadcrumbs a:has-text("${day.short}")`)
    assert.match(await nextStep(page), /Nästa steg: Kallelse/)
    await follow(page, '.next-step a')
    await checked(page, 'notice')
    await follow(page, 'main button:has-text("Publicera kallelsen")')
    await checked(page, 'meeting with its notice published')
    assert.match(await nextStep(page), /Nästa steg: Närvaro/)

    // The meeting day: the roll call, substitutes suggested among those on site.
    clock = dayBefore(0, '16:00:00')
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
  }

  /** From the workspace's meeting page to its public page: the minutes as published, and how they were signed. */
  async function publicMinutes(page: Page, day: MeetingDay) {
    await follow(page, `nav.breadcrumbs a:has-text("${day.short}")`)
    await checked(page, `meeting ${day.on}, signed off`)
    assert.match(await nextStep(page), /Nästa steg: Anslag och överklagande/)
    await follow(page, 'main a:has-text("Sammanträdets publika sida")')
    return readPublishedMinutes(page, day)
  }

  /** From the public meeting page to its minutes as published. */
  async function readPublishedMinutes(page: Page, day: MeetingDay) {
    await checked(page, `public meeting page of ${day.on}`)
    await follow(page, `main a:has-text("Läs protokollet från ${day.label}")`)
    return checked(page, `public minutes of ${day.on}`)
  }

  /** The committee's way of signing, chosen by the secretary in its settings. */
  async function chooseSigningMethod(page: Page, label: string) {
    await follow(page, 'nav.breadcrumbs a:has-text("Arbetsrum")')
    await follow(page, 'main a:has-text("Socialnämnden")')
    await follow(page, 'main a:has-text("Lokala inställningar")')
    await checked(page, 'committee settings')
    await page.selectOption('[name=signingMethod]', { label })
    await follow(page, 'main button:has-text("Spara inställningarna")')
    assert.match(await checked(page, 'committee settings saved'), /Inställningarna är sparade/)
  }

  let secretaryPage: Page

  it('prepares, holds, signs off with passwords and sees the decisions become final, by links and buttons alone', async () => {
    const day = meetingDays.password
    const { page } = await signedIn(secretary)
    secretaryPage = page
    await checked(page, 'start')
    await holdMeeting(page, day)

    // Both signatories log in themselves; the first sends a comment on § 1 before signing.
    await signWithPassword(chairAccount, 'Rätta stavningen av februari i rubriken.')
    const signed = await signWithPassword(signatoryAccount)
    assert.match(signed, /Paragraferna justerades 10 mars 2027 och anslaget har satts upp/)

    // The secretary sees the comment and where the meeting stands: notice up, open to appeal.
    await follow(page, 'nav.breadcrumbs a:has-text("Arbetsrum")')
    await checked(page, 'start after the sign-off')
    await follow(page, `main a:has-text("${day.label}")`)
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
    await follow(page, `nav.breadcrumbs a:has-text("${day.label}")`)
    await checked(page, 'meeting after the appeal period')
    assert.match(await nextStep(page), /Nästa steg: Laga kraft.*vunnit laga kraft/s)
    await follow(page, '.next-step a')
    const published = await readPublishedMinutes(page, day)
    assert.match(published, /Socialnämnden/)
    assert.match(published, /Justerat med lösenord/)
    // Back to the workspace (the public pages do not link to it) with the browser's back button.
    await page.goBack()
    await page.goBack()
  })

  it('signs off the next meeting with e-legitimation through the broker, each signatory for themselves', async () => {
    const day = meetingDays.oidc
    const page = secretaryPage
    // The secretary turns e-legitimation on and keeps the signatories' personnummer (as hashes).
    clock = new Date('2027-04-05T09:00:00Z')
    await chooseSigningMethod(page, 'E-legitimation (BankID, Freja eID)')
    await follow(page, 'nav.breadcrumbs a:has-text("Socialnämnden")')
    await follow(page, 'main a:has-text("Personnummer för e-legitimation")')
    await checked(page, 'personnummer')
    await page.fill(`[name="personnummer-${members[0]!.id}"]`, identityNumbers.chair)
    await page.fill(`[name="personnummer-${members[1]!.id}"]`, identityNumbers.signatory)
    await follow(page, 'main button:has-text("Spara personnumren")')
    const kept = await checked(page, 'personnummer saved')
    assert.match(kept, /Personnumren är sparade/)
    assert.doesNotMatch(kept, new RegExp(identityNumbers.chair))

    await holdMeeting(page, day)
    await signWithElectronicId(chairAccount, identityNumbers.chair)
    const signed = await signWithElectronicId(signatoryAccount, identityNumbers.signatory)
    assert.match(signed, /Paragraferna justerades 14 april 2027 och anslaget har satts upp/)

    const published = await publicMinutes(page, day)
    assert.match(published, new RegExp(`Justerat med e-legitimation \\(${brokerName}\\)`))
    assert.doesNotMatch(published, /Justerat med lösenord/)
    await page.goBack()
    await page.goBack()
  })

  it('signs off the third meeting on paper, recorded by the secretary with the scanned cover', async () => {
    const day = meetingDays.paper
    const page = secretaryPage
    clock = new Date('2027-05-03T09:00:00Z')
    await chooseSigningMethod(page, 'På papper, registrerat av sekreteraren')
    await holdMeeting(page, day)

    // The signatories signed the printed minutes the day after; the secretary records it.
    clock = new Date('2027-05-13T13:00:00Z')
    await follow(page, '.next-step a')
    await checked(page, 'sign-off page (secretary)')
    await follow(page, 'main a:has-text("registrerar justeringen på papper")')
    await checked(page, 'paper sign-off')
    await page.fill('[name=signedOn]', '2027-05-13')
    await page.setInputFiles('[name=file]', {
      name: 'justerat-protokoll.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdfFile(['Justerat protokoll med underskrifter'])),
    })
    await follow(page, 'main button:has-text("Registrera justeringen")')
    assert.match(
      await checked(page, 'paper sign-off recorded'),
      /Paragraferna justerades 13 maj 2027 och anslaget har satts upp/,
    )

    const published = await publicMinutes(page, day)
    assert.match(published, /Justerat på papper den 2027-05-13/)
    await page.context().close()
  })

  it('visited every step as its own page, with no axe violations and nothing typed after a login', () => {
    for (const part of [
      '/sammantraden/',
      '/dagordning',
      '/kallelse',
      '/narvaro',
      '/justera/',
      '/papper',
      '/personnummer',
      '/installningar',
      '/efter-justering',
    ])
      assert.ok(
        visited.some((v) => v.includes(part)),
        `visited ${part}`,
      )
    assert.deepEqual(failures, [])
  })
})
