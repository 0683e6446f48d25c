import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { minutesPaths } from '../../web/admin/minutes/minutes.paths.ts'
import {
  composeSignOffReminderMail,
  minutesSignOffPageUrl,
  type ReminderStage,
  reminderStageFor,
  signPageUrl,
} from './sign-off-reminder-mail.ts'

describe('reminderStageFor', () => {
  const cases: Array<[number, ReminderStage | undefined]> = [
    [14, undefined], // the meeting day
    [4, undefined],
    [3, 'due_soon'],
    [1, 'due_soon'],
    [0, 'last_day'], // the deadline itself (KL 5:69)
    [-1, 'last_day'], // overdue, and the last-day reminder not yet sent: it goes now
    [-14, 'last_day'],
    [-15, undefined], // long overdue: the start page shows it, no mail
  ]
  for (const [daysLeft, stage] of cases) {
    it(`${daysLeft} days left -> ${stage ?? 'no reminder'}`, () =>
      assert.equal(reminderStageFor(daysLeft), stage))
  }
})

describe('composeSignOffReminderMail', () => {
  const base = {
    committeeName: 'Miljönämnden',
    meetsOn: '2023-03-15',
    deadline: '2023-03-29',
    recipient: { name: 'Eva Ek', email: 'eva@example.se' },
  }

  it('asks a signatory to sign, with the committee, the dates, the days left and the link', () => {
    const mail = composeSignOffReminderMail({
      ...base,
      daysLeft: 3,
      signUrls: ['https://paragraf.example.se/admin/justera/7'],
    })
    assert.equal(mail.to, 'eva@example.se')
    assert.equal(mail.subject, 'Påminnelse om justering av protokoll: Miljönämnden 15 mars 2023')
    for (const expected of [
      'Hej Eva Ek,',
      'Protokollet från sammanträdet med Miljönämnden onsdag 15 mars 2023 ska vara justerat senast onsdag 29 mars 2023',
      '5 kap. 69 § kommunallagen',
      'Det är 3 dagar kvar.',
      'Du är utsedd att justera protokollet och har ännu inte skrivit under.',
      'https://paragraf.example.se/admin/justera/7',
    ]) {
      assert.ok(mail.text.includes(expected), `the mail lacks "${expected}":\n${mail.text}`)
    }
    assert.ok(!mail.text.includes('sekreterare för'))
  })

  it('tells the secretary who has yet to sign, or that nothing awaits signature', () => {
    const waiting = composeSignOffReminderMail({
      ...base,
      daysLeft: 0,
      signUrls: [],
      secretary: {
        url: 'https://x.se/admin/namnder/mn/sammantraden/m/protokoll/justering',
        unsignedNames: ['A', 'B'],
      },
    })
    assert.equal(waiting.subject, 'Sista dagen att justera protokoll: Miljönämnden 15 mars 2023')
    assert.match(waiting.text, /I dag är sista dagen\./)
    assert.match(waiting.text, /Du får påminnelsen som sekreterare för Miljönämnden\./)
    assert.match(waiting.text, /Har ännu inte skrivit under: A, B\./)
    assert.ok(!waiting.text.includes('Du är utsedd att justera'))
    const unprepared = composeSignOffReminderMail({
      ...base,
      daysLeft: -1,
      signUrls: [],
      secretary: { url: 'https://x.se/j', unsignedNames: [] },
    })
    assert.equal(unprepared.subject, 'Försenad justering av protokoll: Miljönämnden 15 mars 2023')
    assert.match(unprepared.text, /Tiden gick ut för 1 dag sedan\./)
    assert.match(unprepared.text, /Inga paragrafer väntar på underskrift/)
  })
})

describe('the links in the reminder', () => {
  const publicUrl = 'https://paragraf.example.se/'
  it('lead to the page where a signatory signs (minutesPaths.sign)', () =>
    assert.equal(signPageUrl(publicUrl, 12), `https://paragraf.example.se${minutesPaths.sign(12)}`))
  it("lead the secretary to the minutes' sign-off page (minutesPaths.prepareSignOff)", () =>
    assert.equal(
      minutesSignOffPageUrl(publicUrl, 'miljonamnden', 'mote-2023-03-15'),
      `https://paragraf.example.se${minutesPaths.prepareSignOff('miljonamnden', 'mote-2023-03-15')}`,
    ))
})
