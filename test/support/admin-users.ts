import type { FastifyInstance } from 'fastify'
import type { Db } from '../../src/db/database.ts'
import { demoAccounts } from '../../src/demo/load-demo.ts'
import { createUser, grantRole } from '../../src/domain/account/account.service.ts'
import type { Committee } from '../../src/domain/committee/committee.ts'
import type { Person } from '../../src/domain/person/person.ts'
import { AdminClient } from './admin-client.ts'
import { testActor } from './factories.ts'

// The people of the workspace route tests, each signed in through the real login form.

export const testPassword = 'ett-långt-lösenord-2022'

/** The committee's secretary (keeps the minutes), signed in. */
export async function signedInSecretary(
  app: FastifyInstance,
  db: Db,
  committee: Committee,
  email: string,
): Promise<AdminClient> {
  const user = await createUser(db, testActor, { email, name: 'Sekreteraren', password: testPassword })
  await grantRole(db, testActor, {
    userId: user.id,
    role: 'secretary',
    organisationId: committee.organisationId,
    committeeId: committee.id,
  })
  const client = new AdminClient(app)
  await client.signIn(email, testPassword)
  return client
}

/** A member (a signatory, the chair) with an account linked to their person, signed in. */
export async function signedInPerson(
  app: FastifyInstance,
  db: Db,
  person: Person,
  email: string,
): Promise<AdminClient> {
  await createUser(db, testActor, { email, name: person.name, password: testPassword, personId: person.id })
  const client = new AdminClient(app)
  await client.signIn(email, testPassword)
  return client
}

/** One of the demo data's accounts (loadDemoData), signed in. */
export async function signedInDemoAccount(
  app: FastifyInstance,
  who: keyof typeof demoAccounts,
): Promise<AdminClient> {
  const client = new AdminClient(app)
  await client.signIn(demoAccounts[who].email, demoAccounts[who].password)
  return client
}
