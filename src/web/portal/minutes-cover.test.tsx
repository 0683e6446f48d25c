import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { render } from 'preact-render-to-string'
import { pageText as text } from '../../../test/support/page-text.ts'
import type { Attendance } from '../../domain/minutes/attendance.ts'
import type { MinutesRecord } from '../../domain/minutes/minutes-record.ts'
import { MinutesCover, type Names } from './minutes.view.tsx'

// Issue 12: a vice chair presiding was "vice ordförande" in the attendance but "Ordförande" at the
// signature. The one who presides in the chair's absence is tjänstgörande ordförande in both.
const line = (personId: number, role: Attendance['role'], present = true): Attendance => ({
  meetingId: 1,
  personId,
  partyId: null,
  role,
  title: null,
  present,
  remote: false,
  servingForPersonId: null,
  arrivedAtSection: null,
  leftAfterSection: null,
})
const names: Names = {
  person: (id) => ['', 'Anna Ordförande', 'Vera Vice', 'Lars Ledamot'][id ?? 0]!,
  party: () => undefined,
}
const record = (attendance: Attendance[], chairPersonId: number): MinutesRecord =>
  ({
    minutes: { chairPersonId, secretaryPersonId: null, signOffPlace: null },
    attendance,
    signatoryIds: [],
    signOffs: [],
    notices: [],
    sections: [],
  }) as unknown as MinutesRecord

describe('the cover of the minutes', () => {
  it('calls a vice chair presiding tjänstgörande ordförande in the attendance and at the signature', () => {
    const cover = text(
      render(
        <MinutesCover
          record={record([line(1, 'chair', false), line(2, 'vice_chair'), line(3, 'member')], 2)}
          names={names}
        />,
      ),
    )
    assert.match(cover, /Vera Vice, vice ordförande, tjänstgörande ordförande/)
    assert.match(cover, /Tjänstgörande ordförande Vera Vice/)
    assert.doesNotMatch(cover, /(^|\s)Ordförande Vera Vice/)
  })

  it('calls the chair presiding ordförande', () => {
    const cover = text(
      render(<MinutesCover record={record([line(1, 'chair'), line(2, 'vice_chair')], 1)} names={names} />),
    )
    assert.match(cover, /Anna Ordförande, ordförande/)
    assert.match(cover, /Vera Vice, vice ordförande(?!,)/)
    assert.match(cover, /Ordförande Anna Ordförande/)
  })
})
