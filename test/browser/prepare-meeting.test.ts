import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { createUser } from '../../src/domain/account/account.service.ts'
import { grantRole } from '../../src/domain/account/role-grant.service.ts'
import { createOrganisation } from '../../src/domain/organisation/organisation.service.ts'
import { systemActor } from '../../src/domain/shared/actor.ts'
import { createDiskDocumentStore } from '../../src/storage/disk-document-store.ts'
import { chromiumReady, wcagViolations } from '../support/browser.ts'
import { type BrowserApp, signInThroughForm, startBrowserApp } from '../support/browser-app.ts'
import { pdfFile } from '../support/document-files.ts'

// Issue 5 as a clerk meets it, in Debian's Chromium: from an empty database with only the first
// accounts (made as `paragraf user add` makes them), set up Socialnämnden with its members, schedule
// a meeting, build the agenda with a confidential item and two attachments, publish the notice, and
// find it on the public portal and the notice board; axe checks every workspace page on the way.
const admin = { email: 'admin@kommun.example', password: 'administratorns-losenord' }
const secretary = { email: 'sekreterare@kommun.example', password: 'sekreterarens-losenord' }

describe('preparing a meeting in the workspace (Chromium)', {
  skip: !chromiumReady() && 'Chromium is not installed',
}, () => {
  let started: BrowserApp
  let base: string
  let storeDir: string

  before(async () => {
    storeDir = mkdtempSync(path.join(tmpdir(), 'paragraf-browser-'))
    started = await startBrowserApp(
      async (db) => {
        const actor = systemActor('cli')
        const organisation = await createOrganisation(db, actor, { name: 'Stockholms stad', kind: 'kommun' })
        const adminUser = await createUser(db, actor, { ...admin, name: 'Ada Administratör' })
        await grantRole(db, actor, {
          userId: adminUser.id,
          role: 'administrator',
          organisationId: organisation.id,
        })
        const secretaryUser = await createUser(db, actor, { ...secretary, name: 'Sara Sekreterare' })
        await grantRole(db, actor, {
          userId: secretaryUser.id,
          role: 'secretary',
          organisationId: organisation.id,
        })
      },
      {
        now: () => new Date('2027-02-01T09:00:00Z'),
        documents: createDiskDocumentStore(storeDir),
        publicUrl: 'https://moten.example.se',
      },
    )
    base = started.base
  })
  after(async () => {
    await started?.close()
    if (storeDir) rmSync(storeDir, { recursive: true, force: true })
  })

  const failures: string[] = []
  async function checkAccessibility(page: Page, what: string) {
    failures.push(...(await wcagViolations(page, what)))
  }
  const signIn = (page: Page, who: { email: string; password: string }) => signInThroughForm(page, base, who)
  async function submit(page: Page, form: string) {
    await Promise.all([page.waitForNavigation(), page.click(`${form} button[type=submit] >> nth=-1`)])
    const status = await page.locator('main').innerText()
    assert.doesNotMatch(status, /Något gick fel|Felaktiga uppgifter|Ingen behörighet/, `after ${form}`)
  }

  it('sets up a committee, prepares a meeting and publishes its notice', async () => {
    const context = await started.browser.newContext({ javaScriptEnabled: true })
    const page = await context.newPage()

    await signIn(page, admin)
    await checkAccessibility(page, 'admin start')
    await page.goto(`${base}/admin/organisationer/stockholms-stad/ny-namnd`)
    await checkAccessibility(page, 'new committee')
    const committeeForm = 'form[action$="/ny-namnd"]'
    await page.fill(`${committeeForm} [name=name]`, 'Socialnämnden')
    await page.selectOption(`${committeeForm} [name=kind]`, 'namnd')
    await page.fill(`${committeeForm} [name=seats]`, '13')
    await submit(page, committeeForm)
    await page.goto(`${base}/admin/namnder/socialnamnden/importera`)
    await checkAccessibility(page, 'member list import')
    await page.fill(
      'form[action$="/importera"] [name=members]',
      'namn;parti;roll;från\nAnna Andersson;S;ordförande;2027-01-01\nBo Berg;M;ledamot;2027-01-01',
    )
    await submit(page, 'form[action$="/importera"]')
    await page.goto(`${base}/admin/namnder/socialnamnden`)
    await checkAccessibility(page, 'committee')
    assert.match(await page.locator('main').innerText(), /Anna Andersson[\s\S]*Bo Berg/)
    await context.clearCookies()

    await signIn(page, secretary)
    await page.goto(`${base}/admin/namnder/socialnamnden/sammantraden`)
    await checkAccessibility(page, 'meetings')
    const meetingForm = 'form[action$="/sammantraden"]'
    await page.fill(`${meetingForm} [name=meetsOn]`, '2027-03-10')
    await page.fill(`${meetingForm} [name=startTime]`, '17:00')
    await submit(page, meetingForm)

    const agenda = `${base}/admin/namnder/socialnamnden/sammantraden/mote-2027-03-10/dagordning`
    await page.goto(agenda)
    await checkAccessibility(page, 'agenda')
    const itemForm = 'form[action$="/dagordning"]'
    await page.fill(`${itemForm} [name=title]`, 'Månadsrapport februari 2027')
    await page.fill(`${itemForm} [name=registryNumber]`, 'SN 2027/14')
    await submit(page, itemForm)
    await page.fill(`${itemForm} [name=title]`, 'Yttrande till förvaltningsrätten i mål om bistånd')
    // Public or secret is a choice of two (the secret one named by its ground, OSL 26:1).
    await page.check(`${itemForm} [name=confidential][value=ja]`)
    await page.fill(`${itemForm} [name=confidentialityGround]`, 'OSL 26:1')
    await submit(page, itemForm)

    await page.click('main a:has-text("Månadsrapport februari 2027")')
    await checkAccessibility(page, 'agenda item')
    for (const [title, text] of [
      ['Tjänsteutlåtande', 'Månadsrapporten visar ett överskott.'],
      ['Bilaga ekonomi', 'Prognos per kvartal.'],
    ] as const) {
      const upload = 'form[action$="/handlingar"]'
      await page.fill(`${upload} [name=documentTitle]`, title)
      await page.setInputFiles(`${upload} input[type=file]`, {
        name: `${title.toLowerCase().replace(/\s/g, '-')}.pdf`,
        mimeType: 'application/pdf',
        buffer: Buffer.from(pdfFile([text])),
      })
      await submit(page, upload)
    }

    await page.goto(`${base}/admin/namnder/socialnamnden/sammantraden/mote-2027-03-10/kallelse`)
    await checkAccessibility(page, 'notice')
    await submit(page, 'form[action$="/kallelse"]')
    await page.goto(`${base}/admin/namnder/socialnamnden/sammantraden/mote-2027-03-10`)
    assert.match(await page.locator('main').innerText(), /Kallelse publicerad/)

    const visitor = await started.browser.newContext({ javaScriptEnabled: false })
    const publicPage = await visitor.newPage()
    await publicPage.goto(`${base}/committees/socialnamnden/mote-2027-03-10`)
    const shown = await publicPage.locator('main').innerText()
    assert.match(shown, /Månadsrapport februari 2027/)
    assert.match(shown, /Tjänsteutlåtande[\s\S]*Bilaga ekonomi/)
    assert.match(shown, /Ärende som omfattas av sekretess/)
    assert.doesNotMatch(shown, /förvaltningsrätten i mål/)
    await publicPage.goto(`${base}/anslagstavla`)
    assert.match(await publicPage.locator('main').innerText(), /Socialnämnden/)
    await publicPage.goto(`${base}/admin/namnder/socialnamnden/sammantraden`)
    assert.match(publicPage.url(), /\/admin\/logga-in/)
    await visitor.close()
    await context.close()
    assert.deepEqual(failures, [])
  })
})
