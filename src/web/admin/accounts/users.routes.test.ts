import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInDemoAccount } from '../../../../test/support/admin-users.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { createApp } from '../../app.ts'

const users = '/admin/organisationer/stockholms-stad/anvandare'

describeOnEachDatabase('keeping users and roles in the workspace', (getDb) => {
  let app: FastifyInstance
  let admin: AdminClient
  let adminId: number

  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
    admin = await signedInDemoAccount(app, 'administrator')
    adminId = (
      await getDb()
        .selectFrom('user_account')
        .select('id')
        .where('email', '=', 'admin@example.se')
        .executeTakeFirstOrThrow()
    ).id
  })
  after(() => app.close())

  /** Opens an account through the form; returns its id and the one-time password shown. */
  async function openAccount(fields: Record<string, string>) {
    await admin.get(users)
    const response = await admin.post(users, { role: '', committeeId: '', personId: '', ...fields })
    assert.equal(response.statusCode, 200, text(response.body))
    const password = /<code>([\w-]+)<\/code>/.exec(response.body)?.[1]
    assert.ok(password)
    const row = await getDb()
      .selectFrom('user_account')
      .select(['id', 'password_hash'])
      .where('email', '=', fields.email ?? '')
      .executeTakeFirstOrThrow()
    return { id: row.id, password, passwordHash: row.password_hash, response }
  }

  it('refuses the pages to a secretary with the Swedish 403 page', async () => {
    const secretary = await signedInDemoAccount(app, 'secretary')
    for (const url of ['/admin/anvandare', users, `${users}/${adminId}`]) {
      const response = await secretary.get(url)
      assert.equal(response.statusCode, 403, url)
      assert.match(text(response.body), /Ingen behörighet/)
    }
    const post = await secretary.post(users, { email: 'smyg@example.se', name: 'Smyg' })
    assert.equal(post.statusCode, 403)
    assert.doesNotMatch(text((await secretary.get('/admin')).body), /Användare och roller/)
  })

  it('lists the organisation’s accounts with roles and status, linked from the start page', async () => {
    const start = await admin.get('/admin')
    assert.match(start.body, new RegExp(`href="${users}"`))
    assert.match(text(start.body), /Användare och roller/)
    const entry = await admin.get('/admin/anvandare')
    assert.equal(entry.statusCode, 303)
    assert.equal(entry.headers.location, users)
    const page = text((await admin.get(users)).body)
    assert.match(page, /Användare i Stockholms stad/)
    assert.match(
      page,
      /Demo Administratör admin@example\.se administratör för hela organisationen – Aktivt \d{4}-\d\d-\d\d/,
    )
    assert.match(page, /Demo Sekreterare sekreterare@example\.se nämndsekreterare för Socialnämnden/)
  })

  it('says in Swedish what is wrong with a new account, beside the field, and keeps what was typed', async () => {
    await admin.get(users)
    const response = await admin.post(users, {
      email: 'inte-en-adress',
      name: '',
      role: 'administrator',
      committeeId: '1',
    })
    assert.equal(response.statusCode, 400)
    const page = text(response.body)
    assert.match(page, /Uppgifterna kunde inte sparas/)
    assert.match(page, /E-postadress: Skriv en e-postadress som namn@kommun\.se/)
    assert.match(page, /Namn: Skriv användarens namn/)
    assert.match(page, /En administratör gäller hela organisationen/)
    assert.match(response.body, /value="inte-en-adress"/)
    assert.match(response.body, /aria-invalid="true"/)
    const duplicate = await admin.post(users, { email: 'SEKRETERARE@example.se', name: 'Dubblett', role: '' })
    assert.equal(duplicate.statusCode, 400)
    assert.match(text(duplicate.body), /Det finns redan ett konto med den e-postadressen/)
  })

  it('opens an account and shows its one-time password once, which then signs in', async () => {
    const { id, password, passwordHash, response } = await openAccount({
      email: 'ny.registrator@example.se',
      name: 'Nina Registrator',
      role: 'registrar',
    })
    assert.match(text(response.body), /Kontot för Nina Registrator är skapat/)
    assert.match(text(response.body), /visas bara nu/)
    assert.ok(!passwordHash.includes(password))
    const list = await admin.get(users)
    assert.match(
      text(list.body),
      /Nina Registrator ny\.registrator@example\.se registrator för hela organisationen/,
    )
    assert.ok(!list.body.includes(password))
    const account = await admin.get(`${users}/${id}`)
    assert.ok(!account.body.includes(password))
    const nina = new AdminClient(app)
    const login = await nina.signIn('ny.registrator@example.se', password)
    assert.equal(login.statusCode, 303)
    assert.equal(login.headers.location, '/admin')
  })

  it('grants and revokes a role for a committee, and links and unlinks a person', async () => {
    const { id } = await openAccount({ email: 'roller@example.se', name: 'Rolf Roller' })
    const page = `${users}/${id}`
    await admin.get(page)
    const committee = await getDb()
      .selectFrom('committee')
      .select('id')
      .where('slug', '=', 'socialnamnden')
      .executeTakeFirstOrThrow()
    const granted = await admin.post(`${page}/roller`, {
      role: 'secretary',
      committeeId: String(committee.id),
    })
    assert.equal(granted.statusCode, 303)
    assert.equal(granted.headers.location, `${page}?sparat=1`)
    const after = await admin.get(String(granted.headers.location))
    assert.match(text(after.body), /Sparat\./)
    assert.match(text(after.body), /Roller nämndsekreterare för Socialnämnden/)
    const grant = /roller\/(\d+)\/ta-bort/.exec(after.body)?.[1]
    assert.ok(grant)
    assert.equal((await admin.post(`${page}/roller/${grant}/ta-bort`, {})).statusCode, 303)
    assert.match(text((await admin.get(page)).body), /Kontot har ingen roll i Stockholms stad/)

    const person = await getDb()
      .selectFrom('person')
      .select(['id', 'name'])
      .orderBy('id')
      .executeTakeFirstOrThrow()
    assert.equal((await admin.post(`${page}/person`, { personId: String(person.id) })).statusCode, 303)
    assert.match((await admin.get(users)).body, new RegExp(`Rolf Roller[\\s\\S]*?${person.name}`))
    const other = await openAccount({ email: 'annan@example.se', name: 'Annan Person' })
    await admin.get(`${users}/${other.id}`)
    const taken = await admin.post(`${users}/${other.id}/person`, { personId: String(person.id) })
    assert.equal(taken.statusCode, 400)
    assert.match(text(taken.body), /Person: Personen är redan kopplad till ett annat konto/)
    await admin.get(page)
    assert.equal((await admin.post(`${page}/person`, { personId: '' })).statusCode, 303)
  })

  it('refuses to take the administrator role from the organisation’s last administrator', async () => {
    const page = `${users}/${adminId}`
    const body = (await admin.get(page)).body
    const grant = /roller\/(\d+)\/ta-bort/.exec(body)?.[1]
    assert.ok(grant)
    const response = await admin.post(`${page}/roller/${grant}/ta-bort`, {})
    assert.equal(response.statusCode, 409)
    assert.match(
      text(response.body),
      /Ändringen gjordes inte Organisationen måste ha minst en aktiv administratör/,
    )
    assert.match(text((await admin.get(users)).body), /Demo Administratör admin@example\.se administratör/)
  })

  it('refuses to let an administrator disable their own account', async () => {
    const page = `${users}/${adminId}`
    await admin.get(page)
    const response = await admin.post(`${page}/inaktivera`, {})
    assert.equal(response.statusCode, 409)
    assert.match(text(response.body), /Du kan inte inaktivera ditt eget konto/)
    assert.equal((await admin.get('/admin')).statusCode, 200)
  })

  it('disables an account, signing its user out at once, and enables it again', async () => {
    const { id, password } = await openAccount({
      email: 'stangs@example.se',
      name: 'Stig Stängd',
      role: 'registrar',
    })
    const stig = new AdminClient(app)
    await stig.signIn('stangs@example.se', password)
    // Signed in, and held on the form for choosing an own password (a handed-out one).
    assert.equal((await stig.get('/admin')).headers.location, '/admin/byt-losenord')
    const page = `${users}/${id}`
    await admin.get(page)
    assert.equal((await admin.post(`${page}/inaktivera`, {})).statusCode, 303)
    assert.match(text((await admin.get(page)).body), /Inaktiverat: kan inte logga in/)
    const signedOut = await stig.get('/admin')
    assert.equal(signedOut.statusCode, 303)
    assert.match(String(signedOut.headers.location), /^\/admin\/logga-in/)
    assert.equal((await new AdminClient(app).signIn('stangs@example.se', password)).statusCode, 401)
    assert.equal((await admin.post(`${page}/aktivera`, {})).statusCode, 303)
    assert.equal((await new AdminClient(app).signIn('stangs@example.se', password)).statusCode, 303)
  })

  it('gives a new one-time password that signs the user out and replaces the old one', async () => {
    const { id, password } = await openAccount({ email: 'glomsk@example.se', name: 'Greta Glömsk' })
    const greta = new AdminClient(app)
    await greta.signIn('glomsk@example.se', password)
    const page = `${users}/${id}`
    await admin.get(page)
    const response = await admin.post(`${page}/nytt-losenord`, {})
    assert.equal(response.statusCode, 200)
    assert.match(text(response.body), /Nytt lösenord för Greta Glömsk/)
    const fresh = /<code>([\w-]+)<\/code>/.exec(response.body)?.[1]
    assert.ok(fresh && fresh !== password)
    assert.equal((await greta.get('/admin')).statusCode, 303)
    assert.equal((await new AdminClient(app).signIn('glomsk@example.se', password)).statusCode, 401)
    assert.equal((await new AdminClient(app).signIn('glomsk@example.se', fresh)).statusCode, 303)
    const own = await admin.post(`${users}/${adminId}/nytt-losenord`, {})
    assert.equal(own.statusCode, 409)
    assert.match(text(own.body), /Byt ditt eget lösenord under Mitt konto/)
  })

  it('refuses a form without its CSRF token', async () => {
    await admin.get(users)
    const response = await admin.post(users, { email: 'csrf@example.se', name: 'X' }, { csrf: false })
    assert.equal(response.statusCode, 403)
  })
})
