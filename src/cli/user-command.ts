import { type Db, inTransaction } from '../db/database.ts'
import { createUser, findUserByEmail, grantRole } from '../domain/account/account.service.ts'
import {
  isEmail,
  isRole,
  minPasswordLength,
  normaliseEmail,
  type Role,
  roleLabels,
} from '../domain/account/account.ts'
import { generatePassword } from '../domain/account/password.ts'
import { requirePasswordChange } from '../domain/account/user-admin.service.ts'
import { findCommitteeBySlug } from '../domain/committee/committee.reads.ts'
import { findOrganisationBySlug, listOrganisations } from '../domain/organisation/organisation.reads.ts'
import { createOrganisation } from '../domain/organisation/organisation.service.ts'
import { systemActor } from '../domain/shared/actor.ts'
import { slugify } from '../domain/shared/slug.ts'

// `paragraf user add EMAIL --role ROLE [--committee SLUG] [--organisation NAMN] [--name NAMN]`:
// how the first administrator gets in. The password comes on standard input when piped, so it
// never shows in the process list or shell history; otherwise one is generated and shown once.

export interface UserAddOptions {
  email: string | undefined
  role: string | undefined
  committee?: string | undefined
  organisation?: string | undefined
  name?: string | undefined
}

/** A mistake of the user's, printed as one line. */
export class UserCommandError extends Error {}

const roleAliases: Record<string, Role> = {
  administratör: 'administrator',
  sekreterare: 'secretary',
  registrator: 'registrar',
}

async function readPiped(stdin: NodeJS.ReadableStream & { isTTY?: boolean }): Promise<string | undefined> {
  if (stdin.isTTY) return undefined
  let text = ''
  for await (const chunk of stdin) text += chunk.toString()
  return text.split(/\r?\n/)[0] || undefined
}

export async function addUserCommand(
  db: Db,
  options: UserAddOptions,
  stdin = process.stdin,
): Promise<number> {
  const email = normaliseEmail(options.email ?? '')
  if (!isEmail(email))
    throw new UserCommandError(
      `ogiltig e-postadress "${options.email ?? ''}": paragraf user add EPOST --role ROLL`,
    )
  const role = isRole(options.role ?? '') ? (options.role as Role) : roleAliases[options.role ?? '']
  if (!role)
    throw new UserCommandError(
      `okänd roll "${options.role ?? ''}" (administrator, secretary eller registrar)`,
    )
  if (role === 'administrator' && options.committee)
    throw new UserCommandError('en administratör gäller hela organisationen: utelämna --committee')
  const actor = systemActor('cli')

  const committee = options.committee ? await findCommitteeBySlug(db, options.committee) : undefined
  if (options.committee && !committee) throw new UserCommandError(`nämnden "${options.committee}" finns inte`)
  let organisationId = committee?.organisationId
  if (organisationId === undefined && options.organisation) {
    // A new installation has no organisation yet: the first administrator's brings it.
    const found = await findOrganisationBySlug(db, slugify(options.organisation))
    organisationId = (
      found ??
      (await createOrganisation(db, actor, {
        name: options.organisation,
        kind: /^region\b/i.test(options.organisation) ? 'region' : 'kommun',
      }))
    ).id
  }
  if (organisationId === undefined) {
    const all = await listOrganisations(db)
    if (all.length !== 1)
      throw new UserCommandError(
        all.length === 0
          ? 'databasen har ingen organisation: ange --organisation NAMN'
          : 'ange vilken organisation med --organisation NAMN eller --committee SLUG',
      )
    organisationId = all[0]!.id
  }

  const existing = await findUserByEmail(db, email)
  let generated: string | undefined
  let user = existing
  if (!user) {
    const piped = await readPiped(stdin)
    if (piped !== undefined && piped.length < minPasswordLength)
      throw new UserCommandError(`lösenordet på standard in är för kort: minst ${minPasswordLength} tecken`)
    generated = piped === undefined ? generatePassword() : undefined
    const password = piped ?? generated ?? ''
    const created = await createUser(db, actor, {
      email,
      name: options.name?.trim() || email.split('@')[0]!,
      password,
    })
    user = created
    // A generated password is handed out on the screen: its user chooses their own at first login.
    // One piped in was chosen by the operator for themselves.
    if (generated)
      await inTransaction(db, (trx) => requirePasswordChange(trx, actor, created.id, organisationId))
  }
  await grantRole(db, actor, { userId: user.id, role, organisationId, committeeId: committee?.id ?? null })
  const scope = committee ? committee.name : 'hela organisationen'
  console.log(`${existing ? 'Kontot' : 'Nytt konto:'} ${email} har rollen ${roleLabels[role]} för ${scope}.`)
  if (generated) console.log(`Lösenord (visas bara nu, måste bytas vid första inloggningen): ${generated}`)
  return 0
}
