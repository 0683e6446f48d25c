import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInDemoAccount } from '../../../../test/support/admin-users.ts'
import { pdfFile, pngFile } from '../../../../test/support/document-files.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { createDiskDocumentStore } from '../../../storage/disk-document-store.ts'
import { createApp } from '../../app.ts'

// The agenda editor, its documents and publishing the notice, through the forms.

const meetingUrl = '/admin/namnder/socialnamnden/sammantraden/mote-2027-03-10'
const agendaUrl = `${meetingUrl}/dagordning`

describeOnEachDatabase('the agenda in the workspace', (getDb) => {
  let app: FastifyInstance
  let secretary: AdminClient
  const storeDir = mkdtempSync(path.join(tmpdir(), 'paragraf-agenda-test-'))
  const itemIds = async () =>
    [...(await secretary.get(agendaUrl)).body.matchAll(/dagordning\/(\d+)"/g)].map((m) => m[1]!)

  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({
      db: getDb(),
      logLevel: 'silent',
      now: () => new Date('2026-11-22T10:00:00Z'),
      documents: createDiskDocumentStore(storeDir),
      publicUrl: 'https://paragraf.example.se',
    })
    secretary = await signedInDemoAccount(app, 'secretary')
    await secretary.get('/admin/namnder/socialnamnden/installningar')
    await secretary.post('/admin/namnder/socialnamnden/installningar', {
      individualMattersConfidential: 'ja',
    })
    await secretary.get('/admin/namnder/socialnamnden/sammantraden')
    await secretary.post('/admin/namnder/socialnamnden/sammantraden', {
      meetsOn: '2027-03-10',
      startTime: '13:00',
    })
  })
  after(async () => {
    await app.close()
    rmSync(storeDir, { recursive: true, force: true })
  })

  it('sends a signed-out visitor to the login page, and refuses a user without rights', async () => {
    const anonymous = await app.inject({ url: agendaUrl })
    assert.equal(anonymous.statusCode, 303)
    const admin = await signedInDemoAccount(app, 'administrator')
    // The administrator keeps the organisation, not the committee's confidential preparation.
    assert.equal((await admin.get(agendaUrl)).statusCode, 403)
    assert.equal((await admin.get(`${meetingUrl}/kallelse`)).statusCode, 403)
  })

  it('adds standard items and an item for a matter, asking public or secret where the committee’s matters are secret', async () => {
    const page = await secretary.get(agendaUrl)
    // Issue 12: no box ticked in advance at the bottom; the choice first, with the reason (OSL 26:1).
    assert.doesNotMatch(page.body, /name="confidential" value="(ja|nej)" checked/)
    assert.match(
      text(page.body),
      /Offentlig eller sekretess Nämnden behandlar ärenden om enskilda, som omfattas av sekretess \(OSL 26:1\)/,
    )
    assert.ok(
      page.body.indexOf('name="confidential"') < page.body.indexOf('name="title"'),
      'the choice comes first',
    )
    assert.match(page.body, /value="OSL 26:1"/)
    const unchosen = await secretary.post(agendaUrl, {
      confidentialChoice: 'required',
      title: 'Information om verksamheten',
      confidentialityGround: 'OSL 26:1',
    })
    assert.equal(unchosen.statusCode, 400)
    assert.match(text(unchosen.body), /Välj om punkten är offentlig eller omfattas av sekretess/)
    // What was typed stays, still with no choice made for the secretary.
    assert.match(unchosen.body, /value="Information om verksamheten"/)
    assert.doesNotMatch(unchosen.body, /name="confidential" value="(ja|nej)" checked/)
    await secretary.get(agendaUrl)
    const standard = await app.inject({
      method: 'POST',
      url: `${agendaUrl}/standardpunkter`,
      headers: {
        cookie: [...secretary.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: `_csrf=${encodeURIComponent(/name="_csrf" value="([^"]+)"/.exec(page.body)![1]!)}&keys=dagordning&keys=justerare`,
    })
    assert.equal(standard.statusCode, 303)
    const missingGround = await secretary.post(agendaUrl, {
      registryNumber: 'SN 2027/12',
      title: 'Ansökan om bistånd',
      confidential: 'ja',
      confidentialityGround: '',
    })
    assert.equal(missingGround.statusCode, 400)
    assert.match(text(missingGround.body), /Grund för sekretess: Ange lagrummet/)
    assert.match(missingGround.body, /value="SN 2027\/12"/)
    const added = await secretary.post(agendaUrl, {
      registryNumber: 'SN 2027/12',
      title: 'Ansökan om bistånd',
      confidential: 'ja',
      confidentialityGround: 'OSL 26:1',
    })
    assert.equal(added.statusCode, 303)
    const agenda = text((await secretary.get(agendaUrl)).body)
    assert.match(
      agenda,
      /1\. Godkännande av dagordning.*2\. Val av justerare.*3\. Ansökan om bistånd Sekretess \(OSL 26:1\)/,
    )
    const matter = await getDb()
      .selectFrom('matter')
      .select('id')
      .where('registry_number', '=', 'SN 2027/12')
      .execute()
    assert.equal(matter.length, 1)
  })

  it('moves an item up, and keeps the change history', async () => {
    const [, second] = await itemIds()
    const page = await secretary.get(agendaUrl)
    const version = new RegExp(`dagordning/${second}/upp"[^]*?name="version" value="(\\d+)"`).exec(
      page.body,
    )?.[1]
    const moved = await secretary.post(`${agendaUrl}/${second}/upp`, { version: version! })
    assert.equal(moved.statusCode, 303)
    assert.match(
      text((await secretary.get(agendaUrl)).body),
      /1\. Val av justerare.*2\. Godkännande av dagordning/,
    )
    const history = text((await secretary.get(`${agendaUrl}/${second}`)).body)
    assert.match(history, /Punkt 2 flyttades upp till punkt 1/)
    // Swedish time, as the clerk's clock said it, not UTC (issue 12).
    const change = await getDb()
      .selectFrom('agenda_item_change')
      .select('created_at')
      .where('agenda_item_id', '=', Number(second))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    const swedish = new Date(change.created_at)
      .toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' })
      .slice(0, 16)
    assert.match(history, new RegExp(`${swedish} Punkt 2 flyttades upp till punkt 1`))
    const stale = await secretary.post(`${agendaUrl}/${second}/utgar`, { version: version! })
    assert.equal(stale.statusCode, 409)
    assert.match(text(stale.body), /Någon annan har ändrat dagordningen/)
  })

  it('saves an item, and on a conflict shows the other version beside what was typed', async () => {
    const [first] = await itemIds()
    const page = await secretary.get(`${agendaUrl}/${first}`)
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? ''
    const mine = {
      version,
      title: 'Val av justerare',
      summary: 'Ordföranden föreslår två justerare.',
      proposal: 'att utse två\natt justera',
      confidential: '',
    }
    const bad = await secretary.post(`${agendaUrl}/${first}`, { ...mine, title: '', summary: '' })
    assert.equal(bad.statusCode, 400)
    assert.match(text(bad.body), /Skriv en ärendemening eller en sammanfattning/)
    assert.equal((await secretary.post(`${agendaUrl}/${first}`, mine)).statusCode, 303)
    const theirs = await secretary.post(`${agendaUrl}/${first}`, { ...mine, summary: 'Min egen text.' })
    assert.equal(theirs.statusCode, 409)
    const body = text(theirs.body)
    assert.match(body, /Någon annan har ändrat punkten medan du skrev/)
    assert.match(body, /Sammanfattning Min egen text\. Ordföranden föreslår två justerare\./)
    assert.match(theirs.body, />Min egen text\.<\/textarea>/)
  })

  it('uploads attachments, refuses a wrong file in Swedish, and replaces a version', async () => {
    const [, , third] = await itemIds()
    const itemUrl = `${agendaUrl}/${third}`
    await secretary.get(itemUrl)
    const pdf = pdfFile(['Utredning om bistånd'])
    const uploaded = await secretary.postFile(
      `${itemUrl}/handlingar`,
      {
        documentTitle: 'Utredning',
        documentKind: 'bilaga',
        documentConfidential: 'ja',
        documentGround: 'OSL 26:1',
      },
      { fileName: 'utredning.pdf', contentType: 'application/pdf', bytes: pdf },
    )
    assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 500))
    const page = await secretary.get(itemUrl)
    assert.match(
      text(page.body),
      /Utredning Bilaga \d+ kB, application\/pdf [0-9a-f]{12}… Sekretess \(OSL 26:1\)/,
    )
    const wrong = await secretary.postFile(
      `${itemUrl}/handlingar`,
      { documentTitle: 'Bild', documentKind: 'bilaga', documentConfidential: '', documentGround: '' },
      { fileName: 'bild.pdf', contentType: 'application/pdf', bytes: pngFile() },
    )
    assert.equal(wrong.statusCode, 400)
    assert.match(text(wrong.body), /Filens innehåll stämmer inte med dess filtyp eller filnamn/)
    assert.match(wrong.body, /value="Bild"/)
    const documentId = /handlingar\/(\d+)\/ny-version/.exec(page.body)?.[1]
    const replaced = await secretary.postFile(
      `${itemUrl}/handlingar/${documentId}/ny-version`,
      {},
      {
        fileName: 'utredning-2.pdf',
        contentType: 'application/pdf',
        bytes: pdfFile(['Utredning, version 2']),
      },
    )
    assert.equal(replaced.statusCode, 303)
    assert.match(text((await secretary.get(itemUrl)).body), /Bilagan Utredning ersattes med en ny version/)
    const noToken = await app.inject({
      method: 'POST',
      url: `${itemUrl}/handlingar`,
      headers: {
        cookie: [...secretary.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'content-type': 'multipart/form-data; boundary=x',
      },
      payload:
        '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--x--\r\n',
    })
    assert.equal(noToken.statusCode, 403)
  })

  it('publishes the notice: the meeting is notice_published and the notice is on the anslagstavla', async () => {
    const page = await secretary.get(`${meetingUrl}/kallelse`)
    assert.equal(page.statusCode, 200)
    assert.match(text(page.body), /Sista dag att publicera kallelsen: onsdag 3 mars 2027/)
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? ''
    const published = await secretary.post(`${meetingUrl}/kallelse`, { version })
    assert.equal(published.statusCode, 303)
    assert.match(text((await secretary.get(meetingUrl)).body), /Kallelse publicerad/)
    const board = text((await app.inject({ url: '/anslagstavla' })).body)
    assert.match(board, /Socialnämnden/)
    assert.match(board, /10 mars 2027/)
    const publicPage = text((await app.inject({ url: '/committees/socialnamnden/mote-2027-03-10' })).body)
    assert.match(publicPage, /Ärende som omfattas av sekretess/)
    assert.doesNotMatch(publicPage, /Ansökan om bistånd/)
  })
})
