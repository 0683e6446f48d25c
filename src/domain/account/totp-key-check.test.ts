import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { it } from 'node:test'
import { testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { createUser } from './account.service.ts'
import { totpKeyProblem } from './totp-key-check.ts'
import { totpSecretBox } from './totp-secret-box.ts'

// `paragraf serve` refuses to start without TOTP_SECRET_KEY once a user has TOTP (main.ts), or with
// a key that does not open their secrets: their codes could not be checked. Without TOTP users, no
// key is needed.
describeOnEachDatabase('the TOTP key a server needs', (getDb) => {
  it('is asked for, in one Swedish line, only when a user has TOTP', async () => {
    const db = getDb()
    assert.equal(await totpKeyProblem(db, undefined), undefined)
    const user = await createUser(db, testActor, {
      email: `nyckel-${randomBytes(4).toString('hex')}@example.se`,
      name: 'Nina Nyckel',
      password: 'ett-långt-lösenord',
    })
    await db
      .updateTable('user_account')
      .set({ totp_secret: 'aes256gcm$a$b$c' })
      .where('id', '=', user.id)
      .execute()
    try {
      const problem = await totpKeyProblem(db, undefined)
      assert.match(
        problem ?? '',
        /^TOTP_SECRET_KEY saknas: \d+ användare har tvåstegsverifiering; sätt samma nyckel/,
      )
      assert.doesNotMatch(problem ?? '', /\n/)
    } finally {
      await db.updateTable('user_account').set({ totp_secret: null }).where('id', '=', user.id).execute()
    }
  })

  it('refuses a key that does not open the sealed secrets, in one Swedish line', async () => {
    const db = getDb()
    const key = randomBytes(32)
    const user = await createUser(db, testActor, {
      email: `nyckel-${randomBytes(4).toString('hex')}@example.se`,
      name: 'Nils Nyckel',
      password: 'ett-långt-lösenord',
    })
    await db
      .updateTable('user_account')
      .set({ totp_secret: totpSecretBox(key).seal(user.id, 'JBSWY3DPEHPK3PXP') })
      .where('id', '=', user.id)
      .execute()
    try {
      assert.equal(await totpKeyProblem(db, key), undefined)
      // Before this check the server started, and every TOTP sign-in failed with a server error.
      const problem = await totpKeyProblem(db, randomBytes(32))
      assert.match(
        problem ?? '',
        /^TOTP_SECRET_KEY öppnar inte de sparade TOTP-hemligheterna: sätt samma nyckel/,
      )
      assert.doesNotMatch(problem ?? '', /\n/)
    } finally {
      await db.updateTable('user_account').set({ totp_secret: null }).where('id', '=', user.id).execute()
    }
  })
})
