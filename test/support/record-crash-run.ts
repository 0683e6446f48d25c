import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { verifyCommand } from '../../src/cli/verify-command.ts'
import { type Db, inTransaction } from '../../src/db/database.ts'
import { createUser } from '../../src/domain/account/account.service.ts'
import { scheduleMeeting } from '../../src/domain/meeting/meeting.service.ts'
import { addMembership } from '../../src/domain/membership/membership.service.ts'
import { appointSignatories, openMinutes } from '../../src/domain/minutes/minutes.service.ts'
import { addSection } from '../../src/domain/minutes/section.service.ts'
import { addPerson, setPersonEmail } from '../../src/domain/person/person.service.ts'
import { rebuildPublicRecord } from '../../src/domain/public-record/public-record-rebuild.ts'
import { systemActor } from '../../src/domain/shared/actor.ts'
import { signAndAnnounce } from '../../src/domain/sign-off/sign-and-announce.service.ts'
import { prepareSignOff, signSections } from '../../src/domain/sign-off/sign-off.service.ts'
import { kill9, type Server, Session, startServer, type Target } from './crash-run.ts'

// Crash safety of the legal record (issue 11): a real `paragraf serve` on the demo data, driven
// over HTTP as the workspace is driven, ended with SIGKILL at a seeded random moment of one of the
// three writes that make the record (the last signature of a sign-off with its notice, KL 8:12; a
// rectification of a signed-off §, FL 36 §; a notice of a meeting, KL 8:10), started again, and
// checked: nothing half-written, `paragraf verify` passes, and the public change log holds exactly
// what committed transactions wrote (rebuildPublicRecord writes nothing). The interrupted write is
// then redone. Shared by test/crash-safety-record.test.ts (a few kills, in CI) and
// bench/crash-safety-record.bench.ts (many).

const bin = path.resolve(import.meta.dirname, '../../bin/paragraf.js')
const actor = systemActor('crash-test')
const password = 'ett-långt-lösenord-för-krascher'

export type RecordWrite = 'sign' | 'rectify' | 'notice'
export const recordWrites: readonly RecordWrite[] = ['sign', 'rectify', 'notice']

export interface RecordCrashFigures {
  kills: number
  /** Killed before the write's POST was sent (while its form was read): nothing of it found, redone. */
  beforePost: number
  /** Killed with the POST on its way, before the commit: nothing of it found, and redone. */
  rolledBack: number
  /** Killed with the POST on its way, after the commit but before the answer: found whole. */
  committedUnanswered: number
  /** Answered 303 before the kill: committed, and found committed. */
  answered: number
  /** The uninterrupted write on this server: reading its form (ms). */
  formMs: number
  /** The median time from a POST to its answer, of the uninterrupted write and every answered round (ms). */
  postMs: number
}

/** A day `n` days after `from`, as YYYY-MM-DD. */
const dayAfter = (from: string, n: number) =>
  new Date(Date.parse(`${from}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** Signs in with an e-mail address and password through the login form. */
export async function signedIn(url: string, email: string, secret: string): Promise<Session> {
  const session = new Session(url)
  await session.get('/admin/logga-in')
  const status = await session.post('/admin/logga-in', new URLSearchParams({ email, password: secret }))
  if (status !== 303) throw new Error(`sign-in of ${email} answered ${status}`)
  return session
}

interface Stage {
  db: Db
  committeeId: number
  committee: string
  signatories: { personId: number; email: string }[]
  /** Meetings this run made, whose records the invariants look at. */
  meetingIds: Set<number>
  /** The mails one notice queues (the committee's members with an address), learnt when calibrating. */
  invitationsPerNotice?: number
  seq: number
}

/** The socialnämnd of the demo, two signatories with accounts of their own, and what this run made. */
async function stage(db: Db): Promise<Stage> {
  const committee = await db
    .selectFrom('committee')
    .select(['id', 'slug', 'organisation_id'])
    .where('slug', '=', 'socialnamnden')
    .executeTakeFirstOrThrow()
  const signatories: Stage['signatories'] = []
  for (const name of ['Justerare Ett', 'Justerare Två']) {
    const person = await inTransaction(db, (trx) =>
      addPerson(trx, actor, { organisationId: committee.organisation_id, name }),
    )
    await inTransaction(db, (trx) =>
      addMembership(trx, actor, {
        committeeId: committee.id,
        personId: person.id,
        role: 'member',
        startsOn: '2026-01-01',
      }),
    )
    const email = `justerare-${person.id}@example.se`
    await inTransaction(db, (trx) => setPersonEmail(trx, actor, { personId: person.id, email }))
    await createUser(db, actor, { email, name, password, personId: person.id })
    signatories.push({ personId: person.id, email })
  }
  return {
    db,
    committeeId: committee.id,
    committee: committee.slug,
    signatories,
    meetingIds: new Set(),
    seq: 0,
  }
}

/** Minutes of a past meeting with one §, both signatories appointed and the sign-off prepared. */
async function minutesToSign(s: Stage, title: string) {
  const meeting = await inTransaction(s.db, (trx) =>
    scheduleMeeting(trx, actor, {
      committeeId: s.committeeId,
      meetsOn: dayAfter('2026-01-05', s.seq++ % 300),
    }),
  )
  s.meetingIds.add(meeting.id)
  const minutes = await inTransaction(s.db, (trx) => openMinutes(trx, actor, { meetingId: meeting.id }))
  await addSection(s.db, actor, { minutesId: minutes.id, title, decision: ['Förslaget bifalls.'] })
  await inTransaction(s.db, (trx) =>
    appointSignatories(trx, actor, {
      minutesId: minutes.id,
      personIds: s.signatories.map((p) => p.personId),
    }),
  )
  const signOff = await inTransaction(s.db, (trx) =>
    prepareSignOff(trx, actor, { minutesId: minutes.id, sectionNumbers: [1] }),
  )
  return { meeting, minutes, signOff }
}

/** One write of the record, prepared (all but the HTTP request) and then checked. */
interface Attempt {
  /** Sends the request that makes the write; resolves with the status (0 when the connection was cut). */
  send(url: string): Promise<number>
  /** Whether the write is in the database. */
  committed(): Promise<boolean>
  /** When the write's POST was sent (the form page read, the request on its way), if it was. */
  posted(): number | undefined
}

async function prepareSign(s: Stage, url: string, round: number): Promise<Attempt> {
  const { signOff } = await minutesToSign(s, `Beslut att justera ${round}`)
  const [first, last] = s.signatories as [Stage['signatories'][0], Stage['signatories'][0]]
  await signSections(s.db, actor, { signOffId: signOff.id, personId: first.personId, on: today() })
  const address = `/admin/justera/${signOff.id}`
  const session = await signedIn(url, last.email, password)
  const state: { posted?: number } = {}
  const send = async (at: string) => {
    // After a restart the signatory signs in again at the new address, as after a lost connection.
    const signer = at === session.url ? session : await signedIn(at, last.email, password)
    await signer.get(address)
    state.posted = performance.now()
    return signer.post(address, new URLSearchParams({ password }))
  }
  return {
    send: (at) => send(at).catch(() => 0),
    posted: () => state.posted,
    committed: async () =>
      (
        await s.db
          .selectFrom('sign_off')
          .select('status')
          .where('id', '=', signOff.id)
          .executeTakeFirstOrThrow()
      ).status === 'signed_off',
  }
}

/** The minutes whose § 1 the rectification rounds correct: signed off once, in the test process. */
async function signedOffForRectifying(s: Stage) {
  const { meeting, signOff } = await minutesToSign(s, 'Beslut som rättas')
  for (const p of s.signatories)
    await signAndAnnounce(s.db, actor, { signOffId: signOff.id, personId: p.personId, on: today() })
  return meeting
}

async function prepareRectify(
  s: Stage,
  round: number,
  target: { slug: string },
  secretary: Session,
): Promise<Attempt> {
  const base = `/admin/namnder/${s.committee}/sammantraden/${target.slug}/protokoll/paragrafer/1`
  const title = `Beslut som rättas, rättelse ${round}`
  const state: { posted?: number } = {}
  const send = async (at: string) => {
    const session =
      at === secretary.url ? secretary : await signedIn(at, demoSecretary.email, demoSecretary.password)
    await session.get(`${base}/efter-justering`)
    const section = await sectionOf(s, target.slug)
    state.posted = performance.now()
    return session.post(
      `${base}/rattelse`,
      new URLSearchParams({
        reason: `Skrivfel i rubriken (${round})`,
        title,
        decision: 'Förslaget bifalls.',
        version: String(section.version),
      }),
    )
  }
  return {
    send: (at) => send(at).catch(() => 0),
    posted: () => state.posted,
    committed: async () => (await sectionOf(s, target.slug)).title === title,
  }
}

async function sectionOf(s: Stage, meetingSlug: string) {
  return s.db
    .selectFrom('section')
    .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
    .innerJoin('meeting', 'meeting.id', 'minutes.meeting_id')
    .select(['section.id', 'section.title', 'section.version'])
    .where('meeting.committee_id', '=', s.committeeId)
    .where('meeting.slug', '=', meetingSlug)
    .where('section.number', '=', 1)
    .executeTakeFirstOrThrow()
}

async function prepareNotice(s: Stage, secretary: Session): Promise<Attempt> {
  const meeting = await inTransaction(s.db, (trx) =>
    scheduleMeeting(trx, actor, {
      committeeId: s.committeeId,
      meetsOn: dayAfter('2027-02-01', s.seq++ % 300),
      startTime: '13:00',
      location: 'Sammanträdesrummet',
    }),
  )
  s.meetingIds.add(meeting.id)
  const address = `/admin/namnder/${s.committee}/sammantraden/${meeting.slug}/kallelse`
  const state: { posted?: number } = {}
  const send = async (at: string) => {
    const session =
      at === secretary.url ? secretary : await signedIn(at, demoSecretary.email, demoSecretary.password)
    await session.get(address)
    const { version } = await s.db
      .selectFrom('meeting')
      .select('version')
      .where('id', '=', meeting.id)
      .executeTakeFirstOrThrow()
    state.posted = performance.now()
    return session.post(address, new URLSearchParams({ version: String(version) }))
  }
  return {
    send: (at) => send(at).catch(() => 0),
    posted: () => state.posted,
    committed: async () =>
      (
        await s.db
          .selectFrom('meeting')
          .select('status')
          .where('id', '=', meeting.id)
          .executeTakeFirstOrThrow()
      ).status !== 'planned',
  }
}

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' })

const demoSecretary = { email: 'sekreterare@example.se', password: 'demo-sekreterare-2026' }

/** Everything that must hold of the record after any kill; throws with the round in the message. */
export async function recordInvariants(s: Stage, where: string): Promise<void> {
  const { db } = s
  // A signed-off sign-off: every appointed signature, its notice on the board (KL 8:12), its seal.
  const signedOff = await db
    .selectFrom('sign_off')
    .innerJoin('minutes', 'minutes.id', 'sign_off.minutes_id')
    .select(['sign_off.id', 'sign_off.status', 'minutes.meeting_id'])
    .where('minutes.meeting_id', 'in', [...s.meetingIds, 0])
    .execute()
  for (const signOff of signedOff) {
    const [notices, seals, signatures] = await Promise.all([
      db.selectFrom('notice').select('id').where('sign_off_id', '=', signOff.id).execute(),
      db.selectFrom('record_seal').select('id').where('sign_off_id', '=', signOff.id).execute(),
      db.selectFrom('signature').select('id').where('sign_off_id', '=', signOff.id).execute(),
    ])
    if (signOff.status === 'signed_off') {
      assert.equal(
        notices.length,
        1,
        `${where}: signed-off sign-off ${signOff.id} has ${notices.length} notices`,
      )
      assert.equal(seals.length, 1, `${where}: signed-off sign-off ${signOff.id} has ${seals.length} seals`)
      assert.equal(signatures.length, s.signatories.length, `${where}: sign-off ${signOff.id}'s signatures`)
    } else {
      assert.equal(notices.length, 0, `${where}: a notice of sign-off ${signOff.id}, not signed off`)
      assert.equal(seals.length, 0, `${where}: a seal of sign-off ${signOff.id}, not signed off`)
      assert.ok(signatures.length < s.signatories.length, `${where}: every signature, not signed off`)
    }
  }
  // A rectification: its seal, and its audit row naming that seal.
  const rectifications = await db
    .selectFrom('rectification')
    .innerJoin('section', 'section.id', 'rectification.section_id')
    .innerJoin('minutes', 'minutes.id', 'section.minutes_id')
    .select(['rectification.id', 'rectification.section_id'])
    .where('minutes.meeting_id', 'in', [...s.meetingIds, 0])
    .execute()
  const audited = await db
    .selectFrom('audit_event')
    .select(['object_id', 'after'])
    .where('action', '=', 'section.rectified')
    .where('object_id', 'in', [...new Set(rectifications.map((r) => r.section_id)), 0])
    .execute()
  const auditedSeals = new Set(audited.map((a) => (JSON.parse(a.after ?? '{}') as { seal?: string }).seal))
  for (const r of rectifications) {
    const seal = await db
      .selectFrom('record_seal')
      .select('hash')
      .where('rectification_id', '=', r.id)
      .executeTakeFirst()
    assert.ok(seal, `${where}: rectification ${r.id} has no seal`)
    assert.ok(auditedSeals.has(seal.hash), `${where}: rectification ${r.id} has no audit row`)
  }
  assert.equal(
    audited.length,
    rectifications.length,
    `${where}: audit rows of rectifications that are not there`,
  )
  // A meeting's notice (kallelse): the meeting, its notice on the board and the invitations together.
  for (const meetingId of s.meetingIds) {
    const [meeting, notices, mails] = await Promise.all([
      db.selectFrom('meeting').select(['status']).where('id', '=', meetingId).executeTakeFirstOrThrow(),
      db
        .selectFrom('notice')
        .select('id')
        .where('meeting_id', '=', meetingId)
        .where('sign_off_id', 'is', null)
        .execute(),
      db.selectFrom('mail_outbox').select('id').where('meeting_id', '=', meetingId).execute(),
    ])
    if (meeting.status === 'notice_published') {
      assert.equal(
        notices.length,
        1,
        `${where}: meeting ${meetingId} published with ${notices.length} notices`,
      )
      if (s.invitationsPerNotice !== undefined)
        assert.equal(mails.length, s.invitationsPerNotice, `${where}: meeting ${meetingId}'s invitations`)
    } else if (meeting.status === 'planned') {
      assert.equal(notices.length, 0, `${where}: a notice of meeting ${meetingId}, still planned`)
      assert.equal(mails.length, 0, `${where}: invitations to meeting ${meetingId}, still planned`)
    }
  }
  // Tamper evidence: every seal recomputes (the function behind `paragraf verify`).
  const lines: string[] = []
  assert.equal(await verifyCommand(db, {}, (l) => lines.push(l)), 0, `${where}: verify: ${lines.join('\n')}`)
  // The public change log: exactly what the committed transactions wrote, nothing missing or extra.
  assert.equal(await rebuildPublicRecord(db), 0, `${where}: the change log differs from the record`)
}

/** `paragraf verify` as an operator runs it, against the target's database: its exit status and output. */
export function runVerifyCommand(target: Target): { status: number | null; output: string } {
  const withoutTest = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('PARAGRAF_TEST_')),
  )
  const run = spawnSync(process.execPath, [bin, 'verify'], {
    env: { ...withoutTest, ...target.env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: run.status, output: `${run.stdout}${run.stderr}` }
}

/**
 * For each write, `kills` rounds against one database: prepare, send, kill -9 at a random moment of
 * the write's time (calibrated by one uninterrupted write), restart, check, redo. Throws on a broken
 * invariant; returns the figures by write.
 */
export async function crashRecordWrites(
  target: Target,
  kills: number,
  random: () => number,
  writes: readonly RecordWrite[] = recordWrites,
): Promise<Record<RecordWrite, RecordCrashFigures>> {
  const db = target.open()
  let server: Server = await startServer(target, ['--demo'])
  const figures = {} as Record<RecordWrite, RecordCrashFigures>
  try {
    const s = await stage(db)
    const rectified = await signedOffForRectifying(s)
    let secretary = await signedIn(server.url, demoSecretary.email, demoSecretary.password)
    await recordInvariants(s, 'before any kill')
    const prepare = (write: RecordWrite, round: number): Promise<Attempt> =>
      write === 'sign'
        ? prepareSign(s, server.url, round)
        : write === 'rectify'
          ? prepareRectify(s, round, rectified, secretary)
          : prepareNotice(s, secretary)

    for (const write of writes) {
      const f: RecordCrashFigures = {
        kills: 0,
        beforePost: 0,
        rolledBack: 0,
        committedUnanswered: 0,
        answered: 0,
        formMs: 0,
        postMs: 0,
      }
      figures[write] = f
      // The uninterrupted write, timed: reading the form, then the POST to its answer.
      const calibration = await prepare(write, 0)
      const started = performance.now()
      assert.equal(await calibration.send(server.url), 303, `${write}: the uninterrupted write was refused`)
      const posted = calibration.posted() ?? started
      f.formMs = Math.round(posted - started)
      // What a POST takes, learnt as the rounds go (a just started server answers slower than a warm one).
      const durations = [performance.now() - posted]
      const median = () => [...durations].sort((a, b) => a - b)[Math.floor(durations.length / 2)]!
      assert.ok(await calibration.committed(), `${write}: the uninterrupted write is not there`)
      if (write === 'notice' && s.invitationsPerNotice === undefined) {
        const [meetingId] = [...s.meetingIds].slice(-1)
        s.invitationsPerNotice = (
          await db.selectFrom('mail_outbox').select('id').where('meeting_id', '=', meetingId!).execute()
        ).length
      }
      await recordInvariants(s, `${write}, uninterrupted`)

      for (let round = 1; round <= kills; round++) {
        const where = `${target.name} ${write} round ${round}`
        const attempt = await prepare(write, round)
        const sent = attempt.send(server.url).then((status) => ({ status, at: performance.now() }))
        // One kill in five while the form is read; the rest spread over 1.2 times the POST's median,
        // so most fall while the server authenticates, writes and commits, some after the answer.
        const delay = random() < 0.2 ? random() * f.formMs : f.formMs + random() * 1.2 * median()
        await new Promise((resolve) => setTimeout(resolve, Math.floor(delay)))
        await kill9(server)
        f.kills++
        const posted = attempt.posted() !== undefined
        const { status, at } = await sent
        if (status === 303) durations.push(at - (attempt.posted() ?? at))
        server = await startServer(target)
        secretary = await signedIn(server.url, demoSecretary.email, demoSecretary.password)
        const committed = await attempt.committed()
        // A write the server answered with its redirect had committed: it must have survived.
        if (status === 303) assert.ok(committed, `${where}: answered 303 but lost`)
        if (status === 303) f.answered++
        else if (committed) f.committedUnanswered++
        else if (posted) f.rolledBack++
        else f.beforePost++
        await recordInvariants(s, where)
        // The work can be redone: the same write again is accepted and whole.
        if (!committed) {
          assert.equal(await attempt.send(server.url), 303, `${where}: the redo was refused`)
          assert.ok(await attempt.committed(), `${where}: the redone write is not there`)
          await recordInvariants(s, `${where}, redone`)
        }
      }
      f.postMs = Math.round(median())
    }
    return figures
  } finally {
    await kill9(server)
    await db.destroy()
  }
}
