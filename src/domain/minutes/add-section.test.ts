import assert from 'node:assert/strict'
import { it } from 'node:test'
import {
  addTestSection,
  createTestCommittee,
  createTestMinutes,
  testActor,
} from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import type { LocalSettingsOverride } from '../organisation/local-settings.ts'
import type { DomainError } from '../shared/errors.ts'
import { addSection } from './section.service.ts'

describeOnEachDatabase('addSection', (getDb) => {
  it('numbers §§ from 1 at each meeting by default', async () => {
    const committee = await createTestCommittee(getDb())
    const first = await createTestMinutes(getDb(), committee)
    const labels = [
      (await addTestSection(getDb(), first.minutes)).label,
      (await addTestSection(getDb(), first.minutes)).label,
    ]
    const second = await createTestMinutes(getDb(), committee, { meetsOn: '2022-12-20' })
    labels.push((await addTestSection(getDb(), second.minutes)).label)
    assert.deepEqual(labels, ['§ 1', '§ 2', '§ 1'])
  })

  const schemes: Array<{ name: string; settings: LocalSettingsOverride; labels: string[] }> = [
    {
      name: 'with a prefix',
      settings: { sectionNumbering: { scheme: 'per_meeting', prefix: 'KS' } },
      labels: ['KS § 1', 'KS § 2', 'KS § 1'],
    },
    {
      name: 'with the year',
      settings: { sectionNumbering: { scheme: 'per_meeting', yearSuffix: true } },
      labels: ['§ 1/22', '§ 2/22', '§ 1/22'],
    },
    {
      name: 'through the year',
      settings: { sectionNumbering: { scheme: 'per_year' } },
      labels: ['§ 1', '§ 2', '§ 3'],
    },
    {
      name: 'through the year with a prefix',
      settings: { sectionNumbering: { scheme: 'per_year', prefix: 'Sn' } },
      labels: ['Sn § 1', 'Sn § 2', 'Sn § 3'],
    },
  ]
  for (const scheme of schemes) {
    it(`labels §§ ${scheme.name}: ${scheme.labels.join(', ')}`, async () => {
      const committee = await createTestCommittee(getDb(), { settings: scheme.settings })
      const first = await createTestMinutes(getDb(), committee, { meetsOn: '2022-11-09' })
      const second = await createTestMinutes(getDb(), committee, { meetsOn: '2022-12-14' })
      const labels = [
        (await addTestSection(getDb(), first.minutes)).label,
        (await addTestSection(getDb(), first.minutes)).label,
        (await addTestSection(getDb(), second.minutes)).label,
      ]
      assert.deepEqual(labels, scheme.labels)
    })
  }

  it('starts again at § 1 in a new year under per-year numbering', async () => {
    const committee = await createTestCommittee(getDb(), {
      settings: { sectionNumbering: { scheme: 'per_year' } },
    })
    const december = await createTestMinutes(getDb(), committee, { meetsOn: '2022-12-14' })
    await addTestSection(getDb(), december.minutes)
    await addTestSection(getDb(), december.minutes)
    const january = await createTestMinutes(getDb(), committee, { meetsOn: '2023-01-18' })
    assert.equal((await addTestSection(getDb(), january.minutes)).label, '§ 1')
  })

  it('takes a given number (an imported protocol) and refuses it twice', async () => {
    const committee = await createTestCommittee(getDb())
    const { minutes } = await createTestMinutes(getDb(), committee)
    const section = await addSection(getDb(), testActor, {
      minutesId: minutes.id,
      number: 18,
      title: ' Val ',
    })
    assert.deepEqual([section.number, section.label, section.title], [18, '§ 18', 'Val'])
    assert.equal((await addTestSection(getDb(), minutes)).number, 19)
    await assert.rejects(
      addSection(getDb(), testActor, { minutesId: minutes.id, number: 18, title: 'Igen' }),
      (error: DomainError) => error.field === 'number',
    )
  })

  it('allows immediate sign-off of a § only where the committee does', async () => {
    const allowing = await createTestCommittee(getDb())
    const { minutes } = await createTestMinutes(getDb(), allowing)
    assert.equal((await addTestSection(getDb(), minutes, { immediateSignOff: true })).immediateSignOff, true)
    const refusing = await createTestCommittee(getDb(), { settings: { immediateSignOffAllowed: false } })
    const other = await createTestMinutes(getDb(), refusing)
    await assert.rejects(
      addTestSection(getDb(), other.minutes, { immediateSignOff: true }),
      (error: DomainError) => error.code === 'invalid_input' && error.field === 'immediateSignOff',
    )
  })

  it('refuses a § without a title', async () => {
    const { minutes } = await createTestMinutes(getDb(), await createTestCommittee(getDb()))
    await assert.rejects(
      addTestSection(getDb(), minutes, { title: ' ' }),
      (error: DomainError) => error.field === 'title',
    )
  })
})
