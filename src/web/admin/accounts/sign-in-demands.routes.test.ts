import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInDemoAccount } from '../../../../test/support/admin-users.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { addUserCommand } from '../../../cli/user-command.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { createApp } from '../../app.ts'

// A password handed out by someone else (an administrator's new account or reset, a generated one
// from `paragraf user add`) must be changed at first login: every workspace page leads to the
// change form until it is, and the change is audited.

const users = '/admin/organisationer/stockholms-stad/anvandare'
const own = 'ett-eget-långt-lösenord'

describeOnEachDatabase('a handed-out password changed at first login', (getDb) => {
  let app: FastifyInstance
  let admin: AdminClient

  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
    admin = await signedInDemoAccount(app, 'administrator')
  })
  after(() => app.close())

  const userOf = (email: string) =>
    getDb()
      .selectFrom('user_account')
      .select(['id', 'must_change_password'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow()

  const auditOf = async (userId: number) =>
    (
      await getDb()
        .selectFrom('audit_event')
        .select(['action', 'after'])
        .where('object_type', '=', 'user_account')
        .where('object_id', '=', userId)
        .orderBy('id')
        .execute()
    ).map((r) => ({ action: r.action, after: JSON.parse(r.after ?? 'null') }))

  /** Opens an account through the administrator's form; returns the one-time password shown. */
  async function handedOut(email: string, name: string): Promise<string> {
    await admin.get(users)
    const page = await admin.post(users, { email, name, role: 'registrar', committeeId: '', personId: '' })
    assert.equal(page.statusCode, 200)
    assert.match(text(page.body), /Användaren måste byta det vid första inloggningen/)
    return /<code>([\w-]+)<\/code>/.exec(page.body)![1]!
  }

  it('leads every page, GET or POST, to the change form until the password is changed', async () => {
    const password = await handedOut('ny@example.se', 'Nina Ny')
    assert.equal(Boolean((await userOf('ny@example.se')).must_change_password), true)
    const nina = new AdminClient(app)
    const login = await nina.signIn('ny@example.se', password, '/admin/losenord')
    assert.equal(login.statusCode, 303)
    for (const path of [
      '/admin',
      '/admin/losenord',
      '/admin/namnder/socialnamnden',
      '/admin/tvastegsverifiering',
    ])
      assert.equal((await nina.get(path)).headers.location, '/admin/byt-losenord', path)
    const form = await nina.get('/admin/byt-losenord')
    assert.equal(form.statusCode, 200)
    assert.match(text(form.body), /Välj ett eget lösenord/)
    assert.match(form.body, /<label for="falt-currentPassword">Engångslösenordet du fick<\/label>/)
    assert.equal(
      (await nina.post('/admin/losenord', { currentPassword: password })).headers.location,
      '/admin/byt-losenord',
    )

    const mismatch = await nina.post('/admin/byt-losenord', {
      currentPassword: password,
      newPassword: own,
      repeatPassword: 'något annat lösenord',
    })
    assert.equal(mismatch.statusCode, 400)
    assert.match(text(mismatch.body), /Skriv samma nya lösenord två gånger/)
    assert.match(mismatch.body, /aria-describedby="falt-repeatPassword-fel"/)
    const wrong = await nina.post('/admin/byt-losenord', {
      currentPassword: 'fel-engångslösenord',
      newPassword: own,
      repeatPassword: own,
    })
    assert.equal(wrong.statusCode, 400)
    assert.match(text(wrong.body), /Engångslösenordet stämmer inte/)
    const same = await nina.post('/admin/byt-losenord', {
      currentPassword: password,
      newPassword: password,
      repeatPassword: password,
    })
    assert.equal(same.statusCode, 400)
    assert.equal((await nina.get('/admin')).headers.location, '/admin/byt-losenord')

    const changed = await nina.post('/admin/byt-losenord', {
      currentPassword: password,
      newPassword: own,
      repeatPassword: own,
    })
    assert.equal(changed.headers.location, '/admin')
    assert.equal((await nina.get('/admin')).statusCode, 200)
    assert.equal((await nina.get('/admin/byt-losenord')).headers.location, '/admin')
    const { id, must_change_password } = await userOf('ny@example.se')
    assert.equal(Boolean(must_change_password), false)
    const audit = await auditOf(id)
    assert.ok(audit.some((a) => a.action === 'user.password_change_required'))
    assert.equal(
      audit.find((a) => a.action === 'user.password_changed')?.after.handedOutPasswordReplaced,
      true,
    )
    assert.equal((await new AdminClient(app).signIn('ny@example.se', password)).statusCode, 401)
    assert.equal((await new AdminClient(app).signIn('ny@example.se', own)).headers.location, '/admin')
  })

  it('lets the user sign out from the change form, and holds them again at the next login', async () => {
    const password = await handedOut('ut@example.se', 'Ulla Ut')
    const ulla = new AdminClient(app)
    await ulla.signIn('ut@example.se', password)
    await ulla.get('/admin/byt-losenord')
    const out = await ulla.post('/admin/logga-ut', {})
    assert.equal(out.headers.location, '/admin/logga-in?utloggad=1')
    const again = new AdminClient(app)
    await again.signIn('ut@example.se', password)
    assert.equal((await again.get('/admin')).headers.location, '/admin/byt-losenord')
  })

  it('holds the user again after an administrator gives a new password', async () => {
    const password = await handedOut('glomd@example.se', 'Greta Glömd')
    const greta = new AdminClient(app)
    await greta.signIn('glomd@example.se', password)
    await greta.get('/admin/byt-losenord')
    await greta.post('/admin/byt-losenord', {
      currentPassword: password,
      newPassword: own,
      repeatPassword: own,
    })
    const { id } = await userOf('glomd@example.se')
    await admin.get(`${users}/${id}`)
    const reset = await admin.post(`${users}/${id}/nytt-losenord`, {})
    const fresh = /<code>([\w-]+)<\/code>/.exec(reset.body)![1]!
    assert.equal(Boolean((await userOf('glomd@example.se')).must_change_password), true)
    const back = new AdminClient(app)
    await back.signIn('glomd@example.se', fresh)
    assert.equal((await back.get('/admin')).headers.location, '/admin/byt-losenord')
    const required = (await auditOf(id)).filter((a) => a.action === 'user.password_change_required')
    assert.equal(required.length, 2)
  })

  it('marks a password generated by `paragraf user add`, not one piped in by the operator', async () => {
    // What the command reads: a terminal (nothing piped, a password is generated) or a pipe.
    const stdin = (stream: Readable) => stream as unknown as typeof process.stdin
    const terminal = stdin(Object.assign(Readable.from([]), { isTTY: true }))
    const log = console.log
    console.log = () => {}
    try {
      await addUserCommand(getDb(), { email: 'cli-generated@example.se', role: 'registrar' }, terminal)
      await addUserCommand(
        getDb(),
        { email: 'cli-piped@example.se', role: 'registrar' },
        stdin(Readable.from(['ett-valt-lösenord-2026\n'])),
      )
    } finally {
      console.log = log
    }
    assert.equal(Boolean((await userOf('cli-generated@example.se')).must_change_password), true)
    assert.equal(Boolean((await userOf('cli-piped@example.se')).must_change_password), false)
  })
})
