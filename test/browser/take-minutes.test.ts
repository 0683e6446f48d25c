import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { inTransaction } from '../../src/db/database.ts'
import { addAgendaItem } from '../../src/domain/agenda/agenda.service.ts'
import { getMeeting, scheduleMeeting } from '../../src/domain/meeting/meeting.service.ts'
import type { Meeting } from '../../src/domain/meeting/meeting.ts'
import { publishNotice } from '../../src/domain/meeting/publish-notice.ts'
import type { Person } from '../../src/domain/person/person.ts'
import { systemActor } from '../../src/domain/shared/actor.ts'
import { chromiumReady, wcagViolations } from '../support/browser.ts'
import { type BrowserApp, signInThroughForm, startBrowserApp } from '../support/browser-app.ts'
import { cycleAccounts, type Seat, seatSocialnamnden } from '../support/seated-committee.ts'

// Issue 6 as a secretary meets it, in Debian's Chromium: Socialnämnden (13 seats) meets with six
// members away and six substitutes serving; the secretary takes the roll call, adds a § per agenda
// item, records an open vote with every ballot and a dissent, appoints two signatories and signs
// §§ 3–4 off at once; both signatories sign with their passwords, then sign the rest a week later,
// and a visitor reads the minutes on the portal. Axe checks every workspace page on the way.
const { secretary, chair: chairAccount, signatory: signatoryAccount } = cycleAccounts

// The committee: 13 members (the first is the chair) and six substitutes in the established order.
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
  ['Rut Rask', 'M'],
  ['Sven Sjö', 'V'],
  ['Tova Tall', 'C'],
]
// Away: two S, two M, one V, one C; each is replaced by the first free substitute of the party.
const absentIndexes = [2, 3, 6, 7, 9, 10]
const items = [
  'Månadsrapport februari 2027',
  'Riktlinjer för ekonomiskt bistånd',
  'Yttrande över motion om fritidsgårdar',
  'Val av ombud till stämman',
]

describe('taking the minutes of a meeting in the workspace (Chromium)', {
  skip: !chromiumReady() && 'Chromium is not installed',
}, () => {
  let started: BrowserApp
  let base: string
  let meeting: Meeting
  let members: Person[]
  let substitutes: Person[]
  // The app's clock: the meeting day, then a week later for the sign-off of the rest.
  let clock = new Date('2027-03-10T18:00:00Z')

  before(async () => {
    started = await startBrowserApp(
      async (db) => {
        const actor = systemActor('cli')
        const seated = await seatSocialnamnden(db, { members: memberSeats, substitutes: substituteSeats })
        ;({ members, substitutes } = seated)
        const scheduled = await inTransaction(db, (trx) =>
          scheduleMeeting(trx, actor, {
            committeeId: seated.committee.id,
            meetsOn: '2027-03-10',
            startTime: '17:00',
          }),
        )
        for (const title of items) {
          await inTransaction(db, (trx) =>
            addAgendaItem(trx, actor, {
              meetingId: scheduled.id,
              title,
              proposal: [`Socialnämnden beslutar i enlighet med förslaget om ${title.toLowerCase()}.`],
            }),
          )
        }
        const planned = await getMeeting(db, scheduled.id)
        await publishNotice(db, actor, {
          meetingId: planned.id,
          version: planned.version,
          today: '2027-02-24',
          publicUrl: 'https://moten.example.se',
        })
        meeting = await getMeeting(db, scheduled.id)
      },
      { now: () => clock, publicUrl: 'https://moten.example.se' },
    )
    base = started.base
  })
  after(() => started?.close())

  const failures: string[] = []
  async function checkAccessibility(page: Page, what: string) {
    failures.push(...(await wcagViolations(page, what)))
  }
  const signIn = (page: Page, who: { email: string; password: string }) => signInThroughForm(page, base, who)
  /** Presses `button` (by default the form's last one) and checks the page that comes back. */
  async function submit(page: Page, form: string, button = 'button[type=submit] >> nth=-1') {
    await Promise.all([page.waitForNavigation(), page.click(`${form} ${button}`)])
    const status = await page.locator('main').innerText()
    assert.doesNotMatch(
      status,
      /Något gick fel|Felaktiga uppgifter|Ingen behörighet|Det gick inte att spara|kunde inte sparas|Lösenordet stämmer inte/,
      `after ${form} ${button}`,
    )
    return status
  }
  /** A signatory signs in in a browser of their own, re-enters the password and signs. */
  async function sign(who: { email: string; password: string }, signOffUrl: string, what: string) {
    const context = await started.browser.newContext({ javaScriptEnabled: true })
    const page = await context.newPage()
    await signIn(page, who)
    await page.goto(signOffUrl)
    await checkAccessibility(page, what)
    const form = `form[action="${new URL(signOffUrl).pathname}"]`
    await page.fill(`${form} [name=password]`, who.password)
    const after = await submit(page, form)
    assert.match(after, /Din justering är registrerad/)
    await context.close()
    return after
  }

  it('takes the minutes, signs them off in two steps and publishes them', async () => {
    const context = await started.browser.newContext({ javaScriptEnabled: true })
    const page = await context.newPage()
    await signIn(page, secretary)
    const minutes = `${base}/admin/namnder/socialnamnden/sammantraden/${meeting.slug}/protokoll`
    const path = new URL(minutes).pathname
    await page.goto(minutes)
    await checkAccessibility(page, 'minutes before the roll call')
    assert.match(await page.locator('main').innerText(), /Protokollet öppnas när du sparar närvaron/)

    // Roll call: six members away, their substitutes suggested in the established order.
    const rollCall = `form[action="${path}/narvaro"]`
    await page.click('main a:has-text("Närvaro och tjänstgöring")')
    await checkAccessibility(page, 'roll call')
    for (const i of absentIndexes)
      await page.check(`${rollCall} [name="narvaro-${members[i]!.id}"][value=absent]`)
    for (const s of substitutes) await page.check(`${rollCall} [name="ersattare-narvarande-${s.id}"]`)
    await page.fill(`${rollCall} [name=ovriga]`, 'Tina Tjänsteperson, socialdirektör')
    await submit(page, rollCall, 'button[value=foresla]')
    await checkAccessibility(page, 'roll call with suggested substitutes')
    const expected = [0, 1, 2, 3, 4, 5] // S→Nils, S→Olga, M→Per, M→Rut, V→Sven, C→Tova
    for (const [k, i] of absentIndexes.entries()) {
      assert.equal(
        await page.inputValue(`${rollCall} [name="ersattare-${members[i]!.id}"]`),
        String(substitutes[expected[k]!]!.id),
        `substitute for ${members[i]!.name}`,
      )
    }
    assert.match(await submit(page, rollCall, 'button[value=spara]'), /Närvaron är sparad/)

    // A § for each agenda item, in order.
    const sectionsForm = `form[action="${path}/paragrafer"]`
    for (const title of items) {
      await page.goto(minutes)
      await page.selectOption(`${sectionsForm} [name=agendaItemId]`, { label: title })
      await submit(page, sectionsForm)
    }
    // Serving at each § is recorded by the roll call, so the roll call is saved again now the §§ exist.
    await page.goto(`${minutes}/narvaro`)
    await submit(page, rollCall, 'button[value=spara]')
    await page.goto(minutes)
    await checkAccessibility(page, 'minutes with §§')
    const overview = await page.locator('main').innerText()
    for (const [n, title] of items.entries()) {
      assert.match(overview, new RegExp(`§ ${n + 1}\\s+${title}\\s+Ja: 13 tjänstgör, 7 krävs`))
    }

    // § 2: an open vote, 8 ja and 5 nej, with every serving member's ballot; a nej voter dissents.
    await page.click('main a:has-text("§ 2")')
    await checkAccessibility(page, '§ 2')
    const serving = [...members.filter((_, i) => !absentIndexes.includes(i)), ...substitutes]
    assert.equal(serving.length, 13)
    const noVoters = new Set([members[4]!, members[8]!, members[11]!, substitutes[1]!, substitutes[4]!])
    const voteForm = `form[action="${path}/paragrafer/2/omrostning"]`
    await page.fill(`${voteForm} [name=question]`, 'Bifall till förvaltningens förslag')
    await page.fill(`${voteForm} [name=yesMeans]`, 'förvaltningens förslag')
    await page.fill(`${voteForm} [name=noMeans]`, 'avslag')
    await page.selectOption(`${voteForm} [name=kind]`, 'open')
    for (const person of serving) {
      const choice = noVoters.has(person) ? 'no' : 'yes'
      await page.check(`${voteForm} [name="rost-${person.id}"][value=${choice}]`)
    }
    await submit(page, voteForm)
    await checkAccessibility(page, '§ 2 after the vote')
    const dissentForm = `form[action="${path}/paragrafer/2/reservation"]`
    const dissenter = members[4]!
    await page.check(`${dissentForm} [name="reservant-${dissenter.id}"]`)
    await submit(page, dissentForm)

    // The chair closes the meeting; dissents were announced before it (KL 4:27).
    await page.goto(minutes)
    const closedForm = `form[action="${path}/avslutat"]`
    await page.fill(`${closedForm} [name=time]`, '18:30')
    await submit(page, closedForm)
    assert.match(await page.locator('main').innerText(), /Sammanträdet avslutades kl\. 18:30/)

    // Two signatories; §§ 3–4 signed off at once at the meeting.
    await page.goto(minutes)
    const signatoriesForm = `form[action="${path}/justerare"]`
    await page.selectOption(`${signatoriesForm} [name=justerare-0]`, String(members[0]!.id))
    await page.selectOption(`${signatoriesForm} [name=justerare-1]`, String(members[1]!.id))
    await submit(page, signatoriesForm)
    const signOffForm = `form[action="${path}/justering"]`
    await page.check(`${signOffForm} [name=p-3]`)
    await page.check(`${signOffForm} [name=p-4]`)
    await submit(page, signOffForm, 'button[value=omedelbar]')
    await checkAccessibility(page, 'minutes with an immediate sign-off')
    const immediateLink = page.locator('main a:has-text("Omedelbar justering av § 3, § 4")')
    const immediateUrl = new URL((await immediateLink.getAttribute('href')) as string, base).href
    await page.goto(immediateUrl)
    await checkAccessibility(page, 'immediate sign-off (secretary)')

    await sign(chairAccount, immediateUrl, 'immediate sign-off (chair)')
    const signed = await sign(signatoryAccount, immediateUrl, 'immediate sign-off (signatory)')
    assert.match(signed, /Paragraferna justerades 10 mars 2027 och anslaget har satts upp/)

    // A week later: the rest are prepared and signed.
    clock = new Date('2027-03-17T10:00:00Z')
    // The dissent's written reason comes in before the sign-off.
    await page.goto(`${minutes}/paragrafer/2`)
    const reasonForm = `form[action*="/paragrafer/2/reservation/"]`
    await page.fill(`${reasonForm} [name=text]`, 'Riktlinjerna ger för låga nivåer för barnfamiljer.')
    await submit(page, reasonForm)
    await checkAccessibility(page, '§ 2 with the dissent’s written reason')
    await page.goto(minutes)
    assert.match(
      await page.locator('main').innerText(),
      /Omedelbar justering av § 3, § 4: justerad 10 mars 2027/,
    )
    await submit(page, signOffForm, 'button[value=resten]')
    const restLink = page.locator('main a:has-text("Justering av § 1, § 2")')
    const restUrl = new URL((await restLink.getAttribute('href')) as string, base).href
    await sign(chairAccount, restUrl, 'sign-off (chair)')
    const signedRest = await sign(signatoryAccount, restUrl, 'sign-off (signatory)')
    assert.match(signedRest, /Paragraferna justerades 17 mars 2027 och anslaget har satts upp/)
    await page.goto(minutes)
    await checkAccessibility(page, 'signed-off minutes')
    assert.match(await page.locator('main').innerText(), /Justering av § 1, § 2: justerad 17 mars 2027/)
    await context.close()

    // A visitor reads the minutes on the portal.
    const visitor = await started.browser.newContext({ javaScriptEnabled: false })
    const publicPage = await visitor.newPage()
    await publicPage.goto(`${base}/committees/socialnamnden/${meeting.slug}/protokoll`)
    const shown = await publicPage.locator('main').innerText()
    assert.match(shown, /Justerat\s+§§ 3–4 10 mars 2027 \(omedelbar justering\)/)
    assert.match(shown, /Justerat\s+§§ 1–2 17 mars 2027/)
    // The meeting notice, then the two minutes notices (KL 8:12) with their last appeal days (KL 13:5).
    assert.match(shown, /Uppsatt på anslagstavlan 24 februari 2027\n/)
    assert.match(shown, /Uppsatt på anslagstavlan 10 mars 2027, sista dag för överklagande 31 mars 2027/)
    assert.match(shown, /Uppsatt på anslagstavlan 17 mars 2027, sista dag för överklagande 7 april 2027/)
    assert.match(shown, /§ 3 Yttrande[^\n]*\n+Länk till § 3 · Justerad 10 mars 2027 \(omedelbar justering\)/)
    assert.match(shown, /§ 2 Riktlinjer[^\n]*\n+Länk till § 2 · Justerad 17 mars 2027\n/)
    assert.match(shown, /§ 2 Riktlinjer[\s\S]*Kan överklagas till och med 7 april 2027[\s\S]*§ 3 Yttrande/)
    assert.match(shown, /§ 4 Val av ombud[\s\S]*Kan överklagas till och med 31 mars 2027/)
    assert.match(shown, /Bifall till förvaltningens förslag/)
    assert.match(shown, /Resultat: 8 ja, 5 nej, 0 avstår/)
    for (const person of serving) {
      const choice = noVoters.has(person) ? 'Nej' : 'Ja'
      assert.match(shown, new RegExp(`${person.name}\\s+\\S+\\s+${choice}`, 'i'), `ballot of ${person.name}`)
    }
    assert.match(
      shown,
      /Eva Ek[^\n]* reserverar sig mot beslutet: Riktlinjerna ger för låga nivåer för barnfamiljer/,
    )
    await visitor.close()
    assert.deepEqual(failures, [])
  })
})
