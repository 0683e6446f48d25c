import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AdminClient } from '../../../../test/support/admin-client.ts'
import { signedInDemoAccount } from '../../../../test/support/admin-users.ts'
import { pageText as text } from '../../../../test/support/page-text.ts'
import { describeOnEachDatabase } from '../../../../test/support/test-db.ts'
import { loadDemoData } from '../../../demo/load-demo.ts'
import { createApp } from '../../app.ts'

describeOnEachDatabase('preparing in the workspace', (getDb) => {
  let app: FastifyInstance
  let admin: AdminClient
  let secretary: AdminClient
  const countSeats = async () =>
    Number(
      (
        await getDb()
          .selectFrom('membership')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  before(async () => {
    await loadDemoData(getDb(), '2026-11-22')
    app = await createApp({ db: getDb(), logLevel: 'silent', now: () => new Date('2026-11-22T10:00:00Z') })
    admin = await signedInDemoAccount(app, 'administrator')
    secretary = await signedInDemoAccount(app, 'secretary')
  })
  after(() => app.close())

  it('shows the Swedish 403 page to a secretary outside their committee and organisation tasks', async () => {
    for (const url of [
      '/admin/namnder/kommunstyrelsen',
      '/admin/organisationer/stockholms-stad/installningar',
    ]) {
      const response = await secretary.get(url)
      assert.equal(response.statusCode, 403, url)
      assert.match(text(response.body), /Ingen behörighet/)
    }
    assert.equal((await secretary.get('/admin/namnder/socialnamnden')).statusCode, 200)
    assert.equal((await secretary.get('/admin/namnder/socialnamndens-arbetsutskott')).statusCode, 200)
  })

  it('keeps what was typed and says in Swedish what is wrong, beside the field', async () => {
    await admin.get('/admin/organisationer/stockholms-stad/mandatperioder')
    const response = await admin.post('/admin/organisationer/stockholms-stad/mandatperioder', {
      name: '2031–2034',
      startsOn: '2031-13-01',
      endsOn: '2034-12-31',
    })
    assert.equal(response.statusCode, 400)
    assert.match(text(response.body), /Skriv första dagen som ÅÅÅÅ-MM-DD/)
    assert.match(response.body, /value="2031-13-01"/)
    assert.match(response.body, /aria-invalid="true"/)
    const duplicate = await admin.post('/admin/organisationer/stockholms-stad/mandatperioder', {
      name: '2023–2026',
      startsOn: '2023-01-01',
      endsOn: '2026-12-31',
    })
    assert.match(text(duplicate.body), /Det finns redan en mandatperiod med det namnet/)
    const saved = await admin.post('/admin/organisationer/stockholms-stad/mandatperioder', {
      name: '2031–2034',
      startsOn: '2031-01-01',
      endsOn: '2034-12-31',
    })
    assert.equal(saved.statusCode, 303)
    assert.match(
      text((await admin.get(saved.headers.location as string)).body),
      /Tillagt\. 2031–2034: 1 januari 2031/,
    )
  })

  it('creates an utskott only with its parent, and a party and a person', async () => {
    await admin.get('/admin/organisationer/stockholms-stad/ny-namnd')
    const noParent = await admin.post('/admin/organisationer/stockholms-stad/ny-namnd', {
      name: 'Kulturutskottet',
      kind: 'utskott',
      parentId: '',
      seats: '',
    })
    assert.match(text(noParent.body), /Ett utskott hör till en nämnd/)
    assert.match(noParent.body, /value="Kulturutskottet"/)
    const party = await admin.post('/admin/organisationer/stockholms-stad/partier', {
      abbreviation: 'S',
      name: '',
    })
    assert.match(text(party.body), /Det finns redan ett parti med den förkortningen/)
    const person = await admin.post('/admin/organisationer/stockholms-stad/personer', {
      name: 'Nina Ny',
      title: '',
    })
    assert.equal(person.statusCode, 303)
  })

  it('saves committee settings, refusing a bad number with a Swedish message', async () => {
    await secretary.get('/admin/namnder/socialnamnden/installningar')
    const bad = await secretary.post('/admin/namnder/socialnamnden/installningar', {
      signatoryCount: 'två',
      noticePeriodDays: '10',
    })
    assert.equal(bad.statusCode, 400)
    assert.match(text(bad.body), /Antal justerare, ordföranden inräknad: Ange ett heltal från 1 till 6/)
    assert.match(bad.body, /value="två"/)
    const good = await secretary.post('/admin/namnder/socialnamnden/installningar', {
      signatoryCount: '3',
      individualMattersConfidential: 'ja',
    })
    assert.equal(good.statusCode, 303)
    const events = await admin.get('/admin/logg/committee/3')
    assert.match(text(events.body), /Demo Sekreterare committee\.settings_changed/)
    assert.match(events.body, /&quot;signatoryCount&quot;: 3/)
    assert.equal((await secretary.get('/admin/logg/committee/3')).statusCode, 403)
  })

  it('imports a member list all or nothing, reporting each bad line by number', async () => {
    const before = await countSeats()
    await secretary.get('/admin/namnder/socialnamnden/importera')
    const bad = await secretary.post('/admin/namnder/socialnamnden/importera', {
      members:
        'namn;parti;roll;från;till;ersättarordning\nGun Grön;MP;ledamot;2027-01-01;;\nHans Hansson;KD;kung;2027-01-01;;',
    })
    assert.equal(bad.statusCode, 400)
    assert.match(text(bad.body), /Rad 3: rollen "kung" är okänd/)
    assert.match(bad.body, /Gun Grön;MP;ledamot/)
    // A line the domain refuses (Ojanne already sits in 2027) also saves nothing of the others.
    const taken = await secretary.post('/admin/namnder/socialnamnden/importera', {
      members:
        'namn;parti;roll;från;till;ersättarordning\nGun Grön;MP;ledamot;2027-01-01;;\nAlexander Ojanne;S;ordförande;2027-01-01;;',
    })
    assert.match(text(taken.body), /Rad 3: personen har redan en plats i nämnden/)
    assert.equal(await countSeats(), before)
    const gun = await getDb().selectFrom('person').select('id').where('name', '=', 'Gun Grön').execute()
    assert.equal(gun.length, 0)
    const good = await secretary.post('/admin/namnder/socialnamnden/importera', {
      members:
        'namn;parti;roll;från;till;ersättarordning\nGun Grön;MP;ledamot;2027-01-01;2030-12-31;\nHans Hansson;KD;ersättare;2027-01-01;;9',
    })
    assert.equal(good.statusCode, 303)
    assert.equal(await countSeats(), before + 2)
  })

  it('adds, ends and reorders seats', async () => {
    const page = await secretary.get('/admin/namnder/socialnamnden')
    const nina = /<option value="(\d+)"[^>]*>Nina Ny<\/option>/.exec(page.body)?.[1]
    assert.ok(nina)
    const missing = await secretary.post('/admin/namnder/socialnamnden/ledamoter', {
      personId: nina,
      role: 'substitute',
      startsOn: '',
      substituteOrder: '',
    })
    assert.match(text(missing.body), /Skriv första dagen som ÅÅÅÅ-MM-DD/)
    const added = await secretary.post('/admin/namnder/socialnamnden/ledamoter', {
      personId: nina,
      role: 'substitute',
      startsOn: '2026-12-01',
      substituteOrder: '',
    })
    assert.equal(added.statusCode, 303)
    const twice = await secretary.post('/admin/namnder/socialnamnden/ledamoter', {
      personId: nina,
      role: 'member',
      startsOn: '2026-12-05',
      substituteOrder: '',
    })
    assert.match(text(twice.body), /Personen har redan en plats i nämnden under den tiden/)

    const seats = await getDb()
      .selectFrom('membership')
      .selectAll()
      .where('person_id', '=', Number(nina))
      .execute()
    const seat = seats[0]!
    const early = await secretary.post(`/admin/namnder/socialnamnden/ledamoter/${seat.id}/avsluta`, {
      endsOn: '2026-01-01',
    })
    assert.match(text(early.body), /Uppdraget kan inte sluta innan det börjar/)
    const ended = await secretary.post(`/admin/namnder/socialnamnden/ledamoter/${seat.id}/avsluta`, {
      endsOn: '2026-12-31',
    })
    assert.equal(ended.statusCode, 303)

    const current = await secretary.get('/admin/namnder/socialnamnden')
    const orders = [...current.body.matchAll(/name="order-(\d+)"/g)].map((m) => m[1]!)
    assert.ok(orders.length > 2)
    const reversed = Object.fromEntries(orders.map((id, i) => [`order-${id}`, String(orders.length - i)]))
    const tie = await secretary.post('/admin/namnder/socialnamnden/ersattarordning', {
      ...reversed,
      [`order-${orders[0]}`]: '1',
    })
    assert.match(text(tie.body), /Två ersättare har samma nummer/)
    assert.equal(
      (await secretary.post('/admin/namnder/socialnamnden/ersattarordning', reversed)).statusCode,
      303,
    )
    const first = await getDb()
      .selectFrom('membership')
      .select('substitute_order')
      .where('id', '=', Number(orders.at(-1)))
      .executeTakeFirstOrThrow()
    assert.equal(first.substitute_order, 1)
  })
})
