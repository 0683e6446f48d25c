import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { it } from 'node:test'
import { sql } from 'kysely'
import { describeOnEachDatabase } from '../../test/support/test-db.ts'
import { addUserCommand } from './user-command.ts'

// `paragraf user add` with a generated password marks the account to change it at first login and
// audits that it did: the mark and its audit row commit together or not at all. On the plain
// connection the mark was written alone, before its audit row.

describeOnEachDatabase('paragraf user add', (getDb, dialect) => {
  it('marks a generated password to be changed only together with its audit row', async () => {
    const db = getDb()
    // The audit row of the mark is refused, as a full disk or a lost connection would refuse it.
    if (dialect === 'sqlite') {
      await sql`create trigger refuse_mark_audit before insert on audit_event
        when new.action = 'user.password_change_required'
        begin select raise(abort, 'audit refused'); end`.execute(db)
    } else {
      await sql`create function refuse_mark_audit() returns trigger language plpgsql as $$
        begin
          if new.action = 'user.password_change_required' then raise exception 'audit refused'; end if;
          return new;
        end $$`.execute(db)
      await sql`create trigger refuse_mark_audit before insert on audit_event
        for each row execute function refuse_mark_audit()`.execute(db)
    }
    const terminal = Object.assign(Readable.from([]), { isTTY: true }) as unknown as typeof process.stdin
    const log = console.log
    console.log = () => {}
    try {
      await assert.rejects(
        addUserCommand(
          db,
          { email: 'ny@example.se', role: 'administrator', organisation: 'Exempel kommun' },
          terminal,
        ),
        /audit refused/,
      )
    } finally {
      console.log = log
    }
    const user = await db
      .selectFrom('user_account')
      .select(['id', 'must_change_password'])
      .where('email', '=', 'ny@example.se')
      .executeTakeFirstOrThrow()
    const marks = await db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'user.password_change_required')
      .execute()
    assert.equal(marks.length, 0)
    assert.equal(Boolean(user.must_change_password), false, 'the mark was kept without its audit row')
  })
})
