import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { loadDemoData } from '../../demo/load-demo.ts'
import { createApp } from '../app.ts'
import { paths } from '../paths.ts'

/** The calendar's own URL property, unfolded (RFC 5545 3.1). */
const calendarUrl = (ics: string) =>
  /^URL:(.+)$/m.exec(ics.replace(/\r\n /g, '').split('BEGIN:VEVENT')[0] ?? '')?.[1]?.trim()

describeOnEachDatabase('calendars and feeds, where a visitor finds them', (getDb) => {
  let app: FastifyInstance
  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2023-04-01T10:00:00Z') })
  })
  after(() => app.close())

  it("gives a committee's calendar its own address, not the site-wide calendar's", async () => {
    const committee = await app.inject(paths.committeeCalendar('socialnamnden'))
    assert.equal(committee.statusCode, 200)
    assert.match(String(calendarUrl(committee.body)), /\/committees\/socialnamnden\/kalender\.ics$/)
    const all = await app.inject(paths.calendar())
    assert.match(String(calendarUrl(all.body)), /\/kalender\.ics$/)
    assert.doesNotMatch(String(calendarUrl(all.body)), /committees/)
  })

  it('serves one meeting as an .ics linked from its page, and 404 for an unknown meeting', async () => {
    const url = paths.meetingCalendar('socialnamnden', 'mote-2022-12-14')
    const page = (await app.inject(paths.meeting('socialnamnden', 'mote-2022-12-14'))).body
    assert.ok(page.includes(`href="${url}"`), 'the meeting page links its .ics')
    const response = await app.inject(url)
    assert.equal(response.statusCode, 200)
    assert.match(response.headers['content-type'] as string, /^text\/calendar/)
    assert.match(String(response.headers['content-disposition']), /mote-2022-12-14\.ics/)
    assert.equal(response.body.match(/BEGIN:VEVENT/g)?.length, 1)
    assert.match(response.body, /DTSTART:20221214T160000Z/)
    assert.match(
      String(calendarUrl(response.body)),
      /\/committees\/socialnamnden\/mote-2022-12-14\/kalender\.ics$/,
    )
    assert.equal(
      (await app.inject(paths.meetingCalendar('socialnamnden', 'mote-1999-01-01'))).statusCode,
      404,
    )
  })

  it('links the committee feed and calendar from the committee page and the site-wide feeds from every page', async () => {
    const committee = (await app.inject(paths.committee('socialnamnden'))).body
    assert.ok(committee.includes(`href="${paths.committeeCalendar('socialnamnden')}"`))
    assert.ok(committee.includes(`href="${paths.committeeFeed('socialnamnden')}"`))
    for (const url of ['/', paths.committee('socialnamnden')]) {
      const html = (await app.inject(url)).body
      assert.ok(html.includes(`href="${paths.agendaFeed()}"`), `${url} links the agenda feed`)
      assert.ok(html.includes(`href="${paths.minutesFeed()}"`), `${url} links the minutes feed`)
    }
  })
})
