import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInDemoAccount } from '../../../../test/support/admin-users.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { createApp } from '../../app.ts'

// The "Nästa steg" box on the pages that prepare a meeting: the agenda and the notice say where the
// meeting stands and link onwards, never to the page they are on.

const meetingUrl = '/admin/namnder/socialnamnden/sammantraden/mote-2027-03-10'
const agendaUrl = `${meetingUrl}/dagordning`
const noticeUrl = `${meetingUrl}/kallelse`

describeOnEachDatabase('the next step while a meeting is prepared', (getDb) => {
  let app: FastifyInstance
  let secretary: AdminClient

  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
    secretary = await signedInDemoAccount(app, 'secretary')
    await secretary.get('/admin/namnder/socialnamnden/sammantraden')
    await secretary.post('/admin/namnder/socialnamnden/sammantraden', {
      meetsOn: '2027-03-10',
      startTime: '13:00',
    })
  })
  after(() => app.close())

  /** The box's heading and its links, as the page gives them. */
  const nextStep = (html: string) => {
    const box = /<section class="next-step"[\s\S]*?<\/section>/.exec(html)?.[0]
    assert.ok(box, 'the page has a Nästa steg box')
    return { text: text(box), links: [...box.matchAll(/href="([^"]+)"/g)].map((m) => m[1]) }
  }

  it('sends an empty agenda’s notice page to the agenda, and the agenda page to nothing but itself', async () => {
    const agenda = nextStep((await secretary.get(agendaUrl)).body)
    assert.match(agenda.text, /Nästa steg: Förbered Lägg in ärendena på dagordningen/)
    assert.deepEqual(agenda.links, [])
    const notice = nextStep((await secretary.get(noticeUrl)).body)
    assert.match(notice.text, /Nästa steg: Förbered/)
    assert.deepEqual(notice.links, [agendaUrl])
  })

  it('sends the agenda with an item on to the notice, which then names the step without a link', async () => {
    const added = await secretary.post(agendaUrl, { title: 'Information om verksamheten' })
    assert.equal(added.statusCode, 303)
    const agenda = nextStep((await secretary.get(agendaUrl)).body)
    assert.match(agenda.text, /Nästa steg: Kallelse När dagordningen är klar publiceras kallelsen/)
    assert.deepEqual(agenda.links, [noticeUrl])
    const notice = nextStep((await secretary.get(noticeUrl)).body)
    assert.match(notice.text, /Nästa steg: Kallelse/)
    assert.deepEqual(notice.links, [])
  })
})
