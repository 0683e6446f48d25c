import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { createTestCommittee, createTestMeeting } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { createApp } from '../app.ts'
import { paths } from '../paths.ts'
import { calendarWindow } from './feeds.routes.ts'

// A calendar holds the past two years and the coming one, so it is read in bounded time however
// long the archive (issue 15, item 3); `?ar=YYYY` gives any whole year of the archive.
describeOnEachDatabase('calendars, a window of years', (getDb) => {
  let app: FastifyInstance
  let committeeSlug: string
  const days = ['2019-05-02', '2024-11-21', '2024-11-22', '2026-03-04', '2027-11-22', '2027-11-23']
  before(async () => {
    const committee = await createTestCommittee(getDb(), { name: 'Fritidsnämnden' })
    committeeSlug = committee.slug
    for (const meetsOn of days) await createTestMeeting(getDb(), { committee, meetsOn })
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
  })
  after(() => app.close())

  const daysIn = async (url: string) => {
    const response = await app.inject(url)
    assert.equal(response.statusCode, 200, url)
    return [...response.body.matchAll(/DTSTART[^:]*:(\d{4})(\d{2})(\d{2})/g)].map(
      (m) => `${m[1]}-${m[2]}-${m[3]}`,
    )
  }

  it('holds the past two years and the coming one by default, on the site-wide and the committee calendar', async () => {
    const inWindow = ['2024-11-22', '2026-03-04', '2027-11-22']
    assert.deepEqual(await daysIn(paths.calendar()), inWindow)
    assert.deepEqual(await daysIn(paths.committeeCalendar(committeeSlug)), inWindow)
  })

  it('gives one whole year with ?ar=, and the default window for an odd year', async () => {
    assert.deepEqual(await daysIn(`${paths.calendar()}?ar=2019`), ['2019-05-02'])
    assert.deepEqual(await daysIn(`${paths.committeeCalendar(committeeSlug)}?ar=2024`), [
      '2024-11-21',
      '2024-11-22',
    ])
    assert.deepEqual(await daysIn(`${paths.calendar()}?ar=x`), ['2024-11-22', '2026-03-04', '2027-11-22'])
  })

  it('counts the window from the Swedish day', () => {
    assert.deepEqual(calendarWindow('2025-11-22', undefined), { from: '2023-11-22', to: '2026-11-22' })
  })
})
