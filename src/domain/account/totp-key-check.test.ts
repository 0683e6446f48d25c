import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { it } from 'node:test'
import { testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { createUser } from './account.service.ts'
import { missingTotpKeyProblem } from './totp-key-check.ts'

// `paragraf serve` refuses to start without TOTP_SECRET_KEY once a user has TOTP (main.ts): their
// codes could not be checked. Without TOTP users, no key is needed.
describeOnEachDatabase('the TOTP key a server needs', (getDb) => {
  it('is asked for, in one Swedish line, only when a user has TOTP', async () => {
    const db = getDb()
    assert.equal(await missingTotpKeyProblem(db, undefined), undefined)
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
      const problem = await missingTotpKeyProblem(db, undefined)
      assert.match(
        problem ?? '',
        /^TOTP_SECRET_KEY saknas: \d+ användare har tvåstegsverifiering; sätt samma nyckel/,
      )
      assert.doesNotMatch(problem ?? '', /\n/)
      assert.equal(await missingTotpKeyProblem(db, randomBytes(32)), undefined)
    } finally {
      await db.updateTable('user_account').set({ totp_secret: null }).where('id', '=', user.id).execute()
    }
  })
})
