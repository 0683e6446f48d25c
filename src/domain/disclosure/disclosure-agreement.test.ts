import assert from 'node:assert/strict'
import { before, it } from 'node:test'
import { createTestCommittee, createTestMeeting, testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { type Db, inTransaction } from '../../db/database.ts'
import { addAgendaItem, attachDocument } from '../agenda/agenda.service.ts'
import { registerDocument } from '../document/document.service.ts'
import { cancelMeeting, changeMeetingStatus } from '../meeting/meeting.service.ts'
import { openMinutes } from '../minutes/minutes.service.ts'
import { publicMinutesRecord, readMinutesRecord } from '../minutes/minutes-record.ts'
import { addSection } from '../minutes/section.service.ts'
import { readPublicMeeting } from '../publication/public-meeting.ts'
import { recordSignOff } from '../sign-off/sign-off.service.ts'
import {
  publicAgendaItems,
  publicDocumentIds,
  publicSectionIds,
  signedOffSectionIds,
} from './disclosure.predicates.ts'
import {
  agendaIsPublic,
  agendaItemDisclosure,
  confidentialTitle,
  type Disclosure,
  documentIsPublic,
  sectionDisclosure,
} from './disclosure.ts'

// The disclosure rule is written twice — in TypeScript (disclosure.ts, what the read models apply)
// and in SQL (disclosure.predicates.ts, what the lists and OParl select) — so this table runs every
// combination of § × agenda item × document confidential × signed off or not × notice out or not
// through both, and through the read models the portal renders, and asserts they all agree.

interface Case {
  sectionConfidential: boolean
  itemConfidential: boolean
  documentConfidential: boolean
  signedOff: boolean
  noticeOut: boolean
}

const flags = [false, true]
const cases: Case[] = flags.flatMap((sectionConfidential) =>
  flags.flatMap((itemConfidential) =>
    flags.flatMap((documentConfidential) =>
      flags.flatMap((signedOff) =>
        flags.map((noticeOut) => ({
          sectionConfidential,
          itemConfidential,
          documentConfidential,
          signedOff,
          noticeOut,
        })),
      ),
    ),
  ),
)

const name = (c: Case) =>
  Object.entries(c)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')

interface Built {
  case: Case
  committeeSlug: string
  meetingSlug: string
  itemId: number
  sectionId: number
  documentId: number
}

/** One meeting per case: an item with a document and a § for it, signed off or not, notice out or not. */
async function build(db: Db, c: Case): Promise<Built> {
  const committee = await createTestCommittee(db)
  const meeting = await createTestMeeting(db, {
    committee,
    meetsOn: '2023-05-10',
  })
  const item = await inTransaction(db, (trx) =>
    addAgendaItem(trx, testActor, {
      meetingId: meeting.id,
      number: '1',
      title: 'Ärendet',
      ...(c.itemConfidential ? { confidential: true, confidentialityGround: 'OSL 26:1' } : {}),
    }),
  )
  const document = await inTransaction(db, (trx) =>
    registerDocument(trx, testActor, {
      organisationId: committee.organisationId,
      title: 'Bilagan',
      kind: 'bilaga',
      sourceUrl: 'https://example.org/bilaga.pdf',
      ...(c.documentConfidential ? { confidential: true, confidentialityGround: 'OSL 26:1' } : {}),
    }),
  )
  await inTransaction(db, (trx) =>
    attachDocument(trx, testActor, { agendaItemId: item.id, documentId: document.id }),
  )
  const minutes = await inTransaction(db, (trx) => openMinutes(trx, testActor, { meetingId: meeting.id }))
  // The § keeps its own flag: the item's secrecy must reach it through the rule, not through a copy.
  const section = await addSection(db, testActor, {
    minutesId: minutes.id,
    agendaItemId: item.id,
    title: 'Paragrafen',
    decision: ['Beslutet.'],
    confidential: c.sectionConfidential,
  })
  if (c.signedOff) {
    await inTransaction(db, (trx) =>
      recordSignOff(trx, testActor, {
        minutesId: minutes.id,
        sectionNumbers: [section.number],
        signedOffOn: '2023-06-01',
        immediate: false,
        signatoryPersonIds: [],
      }),
    )
  }
  // Opening the minutes moved the meeting past 'planned'; a case whose notice is not out sets the
  // status back, so the rule is tried on every combination, possible in practice or not.
  const status = c.noticeOut ? 'minutes_draft' : 'planned'
  await db.updateTable('meeting').set({ status }).where('id', '=', meeting.id).execute()
  return {
    case: c,
    committeeSlug: committee.slug,
    meetingSlug: meeting.slug,
    itemId: item.id,
    sectionId: section.id,
    documentId: document.id,
  }
}

/** What the SQL predicates say of each case. */
async function bySql(db: Db, built: Built) {
  const has = async (query: { execute: () => Promise<unknown[]> }) => (await query.execute()).length > 0
  return {
    item: await has(publicAgendaItems(db).select('item.id').where('item.id', '=', built.itemId)),
    sectionInFull: await has(publicSectionIds(db).where('section.id', '=', built.sectionId)),
    sectionSignedOff: await has(
      signedOffSectionIds(db).where('sign_off_section.section_id', '=', built.sectionId),
    ),
    document: await has(publicDocumentIds(db).where('attachment.document_id', '=', built.documentId)),
  }
}

/** What the read models the portal renders show of each case. */
async function byReadModels(db: Db, built: Built) {
  const shown = await readPublicMeeting(db, built.committeeSlug, built.meetingSlug)
  assert.ok(shown)
  const entry = shown.agenda.find((e) => e.item.id === built.itemId)
  const item: Disclosure = !entry
    ? 'withheld'
    : entry.item.title === confidentialTitle
      ? 'number_only'
      : 'in_full'
  const meetingId = shown.meeting.id
  const record = await readMinutesRecord(db, meetingId)
  const section = record && publicMinutesRecord(record).sections.find((s) => s.section.id === built.sectionId)
  const sectionShown: Disclosure = !section
    ? 'withheld'
    : section.section.confidential
      ? 'number_only'
      : 'in_full'
  if (sectionShown === 'number_only') assert.equal(section?.section.title, confidentialTitle)
  return {
    item,
    section: sectionShown,
    document: entry?.attachments.some((d) => d.id === built.documentId) ?? false,
  }
}

describeOnEachDatabase('the disclosure rule in SQL and in TypeScript', (getDb) => {
  const built: Built[] = []
  before(async () => {
    // One transaction for the whole table: the same rows, written in a fraction of the time.
    await getDb()
      .transaction()
      .execute(async (trx) => {
        for (const c of cases) built.push(await build(trx, c))
      })
  })

  it(`agree for all ${cases.length} combinations, with each other and with the read models`, async () => {
    assert.equal(built.length, 32)
    for (const b of built) {
      const c = b.case
      const rule = {
        item: agendaItemDisclosure({ agendaPublic: c.noticeOut, itemConfidential: c.itemConfidential }),
        section: sectionDisclosure(c),
        document: documentIsPublic({
          agendaPublic: c.noticeOut,
          itemConfidential: c.itemConfidential,
          documentConfidential: c.documentConfidential,
        }),
      }
      const sql = await bySql(getDb(), b)
      const read = await byReadModels(getDb(), b)
      assert.equal(sql.item, rule.item === 'in_full', `item, SQL vs rule: ${name(c)}`)
      assert.equal(sql.sectionInFull, rule.section === 'in_full', `§ in full, SQL vs rule: ${name(c)}`)
      assert.equal(sql.sectionSignedOff, rule.section !== 'withheld', `§ on record, SQL vs rule: ${name(c)}`)
      assert.equal(sql.document, rule.document, `document, SQL vs rule: ${name(c)}`)
      assert.equal(read.item, rule.item, `item, read model vs rule: ${name(c)}`)
      assert.equal(read.section, rule.section, `§, read model vs rule: ${name(c)}`)
      assert.equal(read.document, rule.document, `document, read model vs rule: ${name(c)}`)
    }
  })

  it('says what the law says of each combination', () => {
    for (const c of cases) {
      const secret = c.sectionConfidential || c.itemConfidential
      // TF 2:10: nothing of an unsigned §; OSL: a § of a secret item is secret whatever its own flag.
      assert.equal(
        sectionDisclosure(c),
        !c.signedOff ? 'withheld' : secret ? 'number_only' : 'in_full',
        name(c),
      )
      assert.equal(
        documentIsPublic({
          agendaPublic: c.noticeOut,
          itemConfidential: c.itemConfidential,
          documentConfidential: c.documentConfidential,
        }),
        c.noticeOut && !c.itemConfidential && !c.documentConfidential,
        name(c),
      )
    }
  })

  it('agree that a meeting cancelled before its notice never had a public agenda, and one cancelled after it keeps it', async () => {
    const db = getDb()
    for (const noticeFirst of [false, true]) {
      const committee = await createTestCommittee(db)
      let meeting = await createTestMeeting(db, { committee, meetsOn: '2023-09-12' })
      const item = await inTransaction(db, (trx) =>
        addAgendaItem(trx, testActor, {
          meetingId: meeting.id,
          number: '1',
          title: 'Ärendet',
        }),
      )
      if (noticeFirst)
        meeting = await inTransaction(db, (trx) =>
          changeMeetingStatus(trx, testActor, meeting, 'notice_published'),
        )
      meeting = await cancelMeeting(db, testActor, {
        meetingId: meeting.id,
        version: meeting.version,
        reason: 'Inga ärenden',
      })
      const sql =
        (await publicAgendaItems(db).select('item.id').where('item.id', '=', item.id).execute()).length > 0
      const shown = await readPublicMeeting(db, committee.slug, meeting.slug)
      const read = shown?.agenda.some((e) => e.item.id === item.id) ?? false
      assert.equal(agendaIsPublic(meeting), noticeFirst, `rule, notice first: ${noticeFirst}`)
      assert.equal(sql, noticeFirst, `SQL, notice first: ${noticeFirst}`)
      assert.equal(read, noticeFirst, `read model, notice first: ${noticeFirst}`)
    }
  })
})
