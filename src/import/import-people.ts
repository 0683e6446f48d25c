import type { Queryable } from '../db/database.ts'
import type { AuthorInput } from '../domain/minutes/section-record.service.ts'
import { findOrAddParty, findOrAddPerson } from '../domain/person/person.service.ts'
import type { Actor as PrintedActor } from '../domain/publication/document-json.ts'
import type { Actor } from '../domain/shared/actor.ts'

/**
 * The people and parties a document names, found or added once per document. Published documents
 * carry names only, so a name is a person within the organisation.
 */
export class ImportRegister {
  readonly #persons = new Map<string, number>()
  readonly #parties = new Map<string, number>()

  constructor(
    private readonly trx: Queryable,
    private readonly actor: Actor,
    private readonly organisationId: number,
  ) {}

  async person(name: string, title?: string): Promise<number> {
    const key = name.trim().replace(/\s+/g, ' ')
    const known = this.#persons.get(key)
    if (known !== undefined) return known
    const person = await findOrAddPerson(this.trx, this.actor, {
      organisationId: this.organisationId,
      name: key,
      ...(title ? { title } : {}),
    })
    this.#persons.set(key, person.id)
    return person.id
  }

  async party(abbreviation: string | undefined): Promise<number | undefined> {
    if (!abbreviation?.trim()) return undefined
    const key = abbreviation.trim()
    const known = this.#parties.get(key)
    if (known !== undefined) return known
    const party = await findOrAddParty(this.trx, this.actor, {
      organisationId: this.organisationId,
      abbreviation: key,
    })
    this.#parties.set(key, party.id)
    return party.id
  }

  /** "Anna Berg m.fl. (S)" and "(M)" as authors of a motion, dissent or statement. */
  async authors(printed: readonly PrintedActor[]): Promise<AuthorInput[]> {
    const authors: AuthorInput[] = []
    for (const by of printed) {
      const personId = by.name ? await this.person(by.name) : undefined
      const partyId = await this.party(by.party)
      if (personId === undefined && partyId === undefined) continue
      authors.push({
        ...(personId !== undefined ? { personId } : {}),
        ...(partyId !== undefined ? { partyId } : {}),
        ...(by.andOthers ? { andOthers: true } : {}),
      })
    }
    return authors
  }
}
