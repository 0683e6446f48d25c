import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { inTransaction } from '../../src/db/database.ts'
import { addAgendaItem } from '../../src/domain/agenda/agenda.service.ts'
import { getMeeting, scheduleMeeting } from '../../src/domain/meeting/meeting.service.ts'
import { publishNotice } from '../../src/domain/meeting/publish-notice.ts'
import { readMinutesRecord } from '../../src/domain/minutes/minutes-record.ts'
import type { Person } from '../../src/domain/person/person.ts'
import { systemActor } from '../../src/domain/shared/actor.ts'
import type { BallotChoice } from '../../src/domain/vote/tally.ts'
import { listVotes } from '../../src/domain/vote/vote.reads.ts'
import { chromiumReady, wcagViolations } from '../support/browser.ts'
import { type BrowserApp, startBrowserApp } from '../support/browser-app.ts'
import { cycleAccounts } from '../support/seated-committee.ts'
import { type SeatedCouncil, seatKommunfullmaktige } from '../support/seated-council.ts'

// Issue 12, item 5, as a council's secretary meets it in Debian's Chromium: Kommunfullmäktige has
// 61 members and 30 substitutes. After the login page no address is typed: the secretary takes the
// roll call (three members away, substitutes suggested among those there), adds the §§, and
// records an open vote as "alla ja utom …", a vote by party group with two who broke ranks, and a
// secret election by its counts, each on one page with a handful of choices instead of 61 radio
// groups. Axe checks every page visited; the ballots stored are those chosen.
const { secretary } = cycleAccounts
const items = ['Årsredovisning 2026', 'Motion om cykelbanor längs Storgatan', 'Val av revisor 2027–2030']

describe('a council of 61 records its votes in a few clicks (Chromium)', {
  skip: !chromiumReady() && 'Chromium is not installed',
}, () => {
  let started: BrowserApp
  let base: string
  let council: SeatedCouncil
  let meetingId: number
  const clock = new Date('2027-03-10T16:00:00Z')

  before(async () => {
    started = await startBrowserApp(
      async (db) => {
        const actor = systemActor('cli')
        council = await seatKommunfullmaktige(db)
        const scheduled = await inTransaction(db, (trx) =>
          scheduleMeeting(trx, actor, {
            committeeId: council.committee.id,
            meetsOn: '2027-03-10',
            startTime: '18:00',
          }),
        )
        meetingId = scheduled.id
        for (const title of items) {
          await inTransaction(db, (trx) =>
            addAgendaItem(trx, actor, {
              meetingId: scheduled.id,
              title,
              proposal: [`Kommunfullmäktige beslutar i enlighet med förslaget om ${title.toLowerCase()}.`],
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
      },
      { now: () => clock, publicUrl: 'https://moten.example.se' },
    )
    base = started.base
  })
  after(() => started?.close())

  const failures: string[] = []
  async function checked(page: Page, what: string) {
    failures.push(...(await wcagViolations(page, what)))
    const main = await page.locator('main').innerText()
    assert.doesNotMatch(
      main,
      /Något gick fel|Felaktiga uppgifter|Ingen behörighet|Det gick inte att spara|kunde inte sparas/,
      what,
    )
    return main
  }
  /** Clicks and waits for the page it leads to. */
  async function follow(page: Page, selector: string) {
    await Promise.all([page.waitForNavigation(), page.locator(selector).first().click()])
  }
  const ballotsOf = async (number: number) => {
    const record = await readMinutesRecord(started.db, meetingId)
    const sectionId = record!.sections.find((s) => s.section.number === number)!.section.id
    const vote = (await listVotes(started.db, [sectionId])).at(-1)!
    return { vote, ballots: new Map(vote.ballots.map((b) => [b.personId, b.choice])) }
  }

  it('takes the roll call and records three votes by rule and by counts, by links and buttons', async () => {
    const context = await started.browser.newContext()
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    await page.goto(`${base}/admin/logga-in`)
    await checked(page, 'login')
    await page.fill('#falt-email', secretary.email)
    await page.fill('#falt-password', secretary.password)
    await follow(page, 'main button[type=submit]')
    await checked(page, 'start')

    // The roll call: three away (S, M, SD), the first substitute of each party on site.
    const { members, substitutes } = council
    const away = [members[3]!, members[21]!, members[40]!]
    const onSite = [substitutes[0]!, substitutes[1]!, substitutes[10]!, substitutes[16]!]
    await follow(page, 'main a:has-text("10 mars 2027")')
    await checked(page, 'meeting')
    assert.match(await page.locator('.next-step').innerText(), /Nästa steg: Närvaro/)
    await follow(page, '.next-step a')
    await checked(page, 'roll call of 61 members and 30 substitutes')
    for (const m of away) await page.check(`[name="narvaro-${m.id}"][value=absent]`)
    for (const s of onSite) await page.check(`[name="ersattare-narvarande-${s.id}"]`)
    await follow(page, 'button[value=foresla]')
    await checked(page, 'roll call with suggested substitutes')
    const serving = [substitutes[0]!, substitutes[10]!, substitutes[16]!]
    for (const [i, m] of away.entries())
      assert.equal(await page.inputValue(`[name="ersattare-${m.id}"]`), String(serving[i]!.id), m.name)
    await follow(page, 'button[value=spara]')
    await checked(page, 'roll call saved')
    const voters: Person[] = [...members.filter((m) => !away.includes(m)), ...serving]

    // A § per agenda item.
    await follow(page, '.next-step a')
    for (const title of items) {
      await page.selectOption('[name=agendaItemId]', { label: title })
      await follow(page, 'button:has-text("Lägg till paragraf")')
    }
    assert.match(await checked(page, 'minutes with three §§'), /61 tjänstgör, 31 krävs/)

    // § 1: alla ja utom three nej and one avstår.
    await follow(page, 'main a:has-text("§ 1")')
    await checked(page, '§ 1')
    await follow(page, 'main a:has-text("alla ja utom")')
    assert.match(await checked(page, 'vote page of § 1'), /61 ledamöter och tjänstgörande ersättare röstar/)
    const alla = 'form[action$="/omrostning/alla"]'
    const nej = [voters[10]!, voters[30]!, voters[45]!]
    const avstar = voters[58]!
    await page.fill(`${alla} [name=alla-fraga]`, 'Godkänna årsredovisningen 2026')
    for (const v of nej) await page.selectOption(`${alla} [name="alla-undantag-${v.id}"]`, 'no')
    await page.selectOption(`${alla} [name="alla-undantag-${avstar.id}"]`, 'abstain')
    await follow(page, `${alla} button[type=submit]`)
    assert.match(
      await checked(page, '§ 1 with its vote'),
      /Godkänna årsredovisningen 2026: 57 ja, 3 nej, 1 avstår/,
    )
    const first = await ballotsOf(1)
    assert.equal(first.ballots.size, 61)
    for (const v of voters)
      assert.equal(first.ballots.get(v.id), nej.includes(v) ? 'no' : v === avstar ? 'abstain' : 'yes', v.name)

    // § 2: party group by party group; one S member votes ja, one M member abstains.
    await follow(page, 'nav.breadcrumbs a:has-text("Protokoll")')
    await follow(page, 'main a:has-text("§ 2")')
    await follow(page, 'main a:has-text("alla ja utom")')
    await checked(page, 'vote page of § 2')
    const grupper = 'form[action$="/omrostning/grupper"]'
    const groups: Record<string, BallotChoice> = {
      S: 'no',
      M: 'yes',
      SD: 'yes',
      V: 'no',
      C: 'yes',
      L: 'yes',
      KD: 'yes',
      MP: 'no',
    }
    await page.fill(`${grupper} [name=grupper-fraga]`, 'Bifall till motionen')
    for (const [party, choice] of Object.entries(groups)) {
      const word = { yes: 'ja', no: 'nej', abstain: 'avstår' }[choice]
      await page
        .locator(`${grupper} fieldset fieldset:has(legend:text-matches("^${party} \\\\("))`)
        .getByLabel(word, { exact: true })
        .check()
    }
    const [rebelS, rebelM] = [members[5]!, members[25]!]
    await page.selectOption(`${grupper} [name="grupper-undantag-${rebelS.id}"]`, 'yes')
    await page.selectOption(`${grupper} [name="grupper-undantag-${rebelM.id}"]`, 'abstain')
    await follow(page, `${grupper} button[type=submit]`)
    await checked(page, '§ 2 with its vote')
    const second = await ballotsOf(2)
    assert.equal(second.ballots.size, 61)
    for (const v of voters) {
      const expected = v === rebelS ? 'yes' : v === rebelM ? 'abstain' : groups[council.partyOf.get(v.id)!]
      assert.equal(second.ballots.get(v.id), expected, v.name)
    }

    // § 3: a secret election, the counts only.
    await follow(page, 'nav.breadcrumbs a:has-text("Protokoll")')
    await follow(page, 'main a:has-text("§ 3")')
    await follow(page, 'main a:has-text("alla ja utom")')
    await checked(page, 'vote page of § 3')
    const sluten = 'form[action$="/omrostning/sluten"]'
    await page.fill(`${sluten} [name=sluten-fraga]`, 'Val av revisor')
    await page.fill(`${sluten} [name=sluten-ja-for]`, 'Karin Revisor')
    await page.fill(`${sluten} [name=sluten-antal-ja]`, '34')
    await page.fill(`${sluten} [name=sluten-nej-for]`, 'Olle Granskare')
    await page.fill(`${sluten} [name=sluten-antal-nej]`, '25')
    await page.fill(`${sluten} [name=sluten-antal-blanka]`, '2')
    await follow(page, `${sluten} button[type=submit]`)
    assert.match(await checked(page, '§ 3 with the election'), /Val av revisor: 34 ja, 25 nej, 2 avstår/)
    const third = await ballotsOf(3)
    assert.deepEqual(
      [third.vote.kind, third.vote.yes, third.vote.no, third.vote.abstain, third.ballots.size],
      ['election', 34, 25, 2, 0],
    )
    await context.close()
    assert.deepEqual(failures, [])
  })
})
