import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { afterEach, it } from 'node:test'
import { testActor } from '../../../test/support/factories.ts'
import { describeOnEachDatabase } from '../../../test/support/test-db.ts'
import { createUser } from '../../domain/account/account.service.ts'
import { totpSecretBox } from '../../domain/account/totp-secret-box.ts'
import { down, up } from './0028-sign-in-method-and-sealed-totp.ts'

// TOTP secrets kept in clear before 0028 are sealed by it under TOTP_SECRET_KEY; without the key,
// the migration stops with a Swedish line saying what to do.
describeOnEachDatabase('migration 0028: TOTP secrets sealed at rest', (getDb) => {
  const saved = process.env.TOTP_SECRET_KEY
  afterEach(() => {
    if (saved === undefined) delete process.env.TOTP_SECRET_KEY
    else process.env.TOTP_SECRET_KEY = saved
  })

  it('seals the secrets kept in clear, and refuses to run without the key while there are any, changing nothing', async () => {
    const db = getDb()
    const user = await createUser(db, testActor, {
      email: `klartext-${randomBytes(4).toString('hex')}@example.se`,
      name: 'Klara Klartext',
      password: 'ett-långt-lösenord',
    })
    await down(db as never)
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
    await db.updateTable('user_account').set({ totp_secret: secret }).where('id', '=', user.id).execute()

    delete process.env.TOTP_SECRET_KEY
    await assert.rejects(() => up(db as never), /TOTP_SECRET_KEY saknas: 1 användare har tvåstegsverifiering/)
    // Run again with the key as it is, as the next start does: on SQLite a migration runs outside a
    // transaction, so a stop after its first table was made failed here on that table.

    const key = randomBytes(32)
    process.env.TOTP_SECRET_KEY = key.toString('base64')
    await up(db as never)
    const row = await db
      .selectFrom('user_account')
      .select('totp_secret')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    const sealed = row.totp_secret ?? ''
    assert.ok(sealed.startsWith('aes256gcm$'))
    assert.ok(!sealed.includes(secret))
    assert.equal(totpSecretBox(key).open(user.id, sealed), secret)
    // Bound to the account: the same sealed secret does not open as another user's.
    assert.throws(() => totpSecretBox(key).open(user.id + 1, sealed))
    await db.updateTable('user_account').set({ totp_secret: null }).where('id', '=', user.id).execute()
  })
})
