import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { SubscriptionTarget } from './subscription.ts'
import type { PublishedItem } from './subscription-items.ts'
import { composeDigestMail, mostItemsPerMail, targetPath } from './subscription-mail.ts'

const search: SubscriptionTarget = {
  kind: 'search',
  search: { q: 'budget', committeeSlug: 'socialnamnden', year: 2024, kind: 'section', party: 'S' },
  committeeId: 1,
  committeeName: 'Socialnämnden',
}
const person: SubscriptionTarget = {
  kind: 'person',
  personId: 7,
  personSlug: 'anna-ek',
  personName: 'Anna Ek',
}

describe('the mails of a saved search and a person', () => {
  it('links each to its page on the portal, a search by its Swedish parameters', () => {
    assert.equal(targetPath(search), '/sok?q=budget&namnd=socialnamnden&ar=2024&typ=protokoll&parti=S')
    assert.equal(targetPath(person), '/personer/anna-ek')
  })

  it(`lists at most ${mostItemsPerMail} items in one mail and counts the rest`, () => {
    const items: PublishedItem[] = Array.from({ length: 60 }, (_, i) => ({
      key: `hit:section:${i}`,
      text: `Paragraf i protokollet: § ${i}`,
      path: `/committees/socialnamnden/mote-2024-01-01/protokoll#paragraf-${i}`,
    }))
    const mail = composeDigestMail({
      to: 'a@example.se',
      target: search,
      publicUrl: 'https://paragraf.example.se/',
      unsubscribeToken: 'token',
      items,
    })
    assert.equal(
      mail.subject,
      'Nytt om sökningen ”budget” (Socialnämnden, 2024, parti S, paragraf i protokollet) (60)',
    )
    assert.equal(mail.text.split('\n').filter((line) => line.startsWith('- ')).length, mostItemsPerMail)
    assert.match(mail.text, /… och 10 till\./)
    assert.ok(
      mail.text.includes(
        'Allt om sökningen ”budget” (Socialnämnden, 2024, parti S, paragraf i protokollet): https://paragraf.example.se/sok?q=budget&namnd=socialnamnden&ar=2024&typ=protokoll&parti=S',
      ),
    )
  })
})
