import type { Trx } from '../db/database.ts'
import { listMemberships } from '../domain/membership/membership.service.ts'
import type { AuthorInput } from '../domain/minutes/section-record.service.ts'
import { matchNameVariant, type NameCandidate, nameKey } from '../domain/person/name-variants.ts'
import { listParties, listPersonsByIds, listPersonsByNames } from '../domain/person/person.reads.ts'
import { findOrAddParty, findOrAddPerson } from '../domain/person/person.service.ts'
import type { Attendee, Actor as PrintedActor } from '../domain/publication/document-json.ts'
import type { Actor } from '../domain/shared/actor.ts'

export interface RegisterOptions {
  /** The committee whose members a name may also be (after those who served at the meeting). */
  committeeId?: number
  warn?: (message: string) => void
}

/** How a name was printed and where: "§ 10" or "närvarolistan". */
export interface PrintedName {
  name: string
  party?: string | undefined
  title?: string | undefined
  where?: string
}

/**
 * The people and parties a document names, found or added once per document. Published documents
 * carry names only, so a name is a person within the organisation; a spelling variant of someone
 * who served with the same party ("Daniel Guillou" for "Dan Guillou" (MP)) is that person, with a
 * warning naming both spellings (docs/person-matching.md).
 */
export class ImportRegister {
  readonly #persons = new Map<string, number>()
  readonly #parties = new Map<string, number>()
  /** Persons of the organisation already registered under a name the document prints, read at once. */
  #registered = new Map<string, number>()
  /** The organisation's parties by id, read once per document with #parties (they are few). */
  #partyAbbreviations: Map<number, string> | undefined
  #attendance: NameCandidate[] = []
  /** The name keys of those listed in the attendance, computed once per document. */
  #listed = new Set<string>()
  #members: NameCandidate[] | undefined
  #warn: ((message: string) => void) | undefined

  constructor(
    private readonly trx: Trx,
    private readonly actor: Actor,
    private readonly organisationId: number,
    private readonly options: RegisterOptions = {},
  ) {
    this.#warn = options.warn
  }

  /** The people the protocol lists as present or absent: those a variant in a § is matched against. */
  expectAttendance(attendance: readonly Attendee[]): void {
    this.#attendance = attendance.map((a) => ({ name: spaced(a.name), party: a.party }))
    this.#listed = new Set(this.#attendance.map((a) => nameKey(a.name)))
  }

  /**
   * Reads at once the persons registered under any of these printed names, so that naming them
   * later costs no statement each. A name not among them is looked up and added as before.
   */
  async knowNames(names: ReadonlyArray<string | undefined>): Promise<void> {
    const keys = [...new Set(names.filter((n): n is string => Boolean(n?.trim())).map(spaced))]
    for (const [name, person] of await listPersonsByNames(this.trx, this.organisationId, keys))
      this.#registered.set(name, person.id)
  }

  /**
   * Sends the warnings about names to `warn` until the function returned is called: an import that
   * names the persons of several records first keeps its warnings in the order of the records.
   */
  redirectWarnings(warn: (message: string) => void): () => void {
    const before = this.#warn
    this.#warn = warn
    return () => {
      this.#warn = before
    }
  }

  async person(printed: string | PrintedName, title?: string): Promise<number> {
    const input: PrintedName = typeof printed === 'string' ? { name: printed, title } : printed
    const key = spaced(input.name)
    const known = this.#persons.get(key)
    if (known !== undefined) return known
    const same = await this.#variantOf({ ...input, name: key })
    if (same) {
      const id = await this.person({ name: same.name, ...(input.title ? { title: input.title } : {}) })
      this.#persons.set(key, id)
      const party = input.party ?? same.party
      this.#warn?.(
        `${key} och ${same.name}${party ? ` (${party})` : ''} antas vara samma person${
          input.where ? ` (${input.where})` : ''
        }: samma parti och namnet skiljer sig bara i accenter, bindestreck, mellannamn eller kortform; registrerad som ${same.name}`,
      )
      return id
    }
    const id =
      this.#registered.get(key) ??
      (
        await findOrAddPerson(this.trx, this.actor, {
          organisationId: this.organisationId,
          name: key,
          ...(input.title ? { title: input.title } : {}),
        })
      ).id
    this.#persons.set(key, id)
    return id
  }

  /**
   * The person a name not printed as such in the attendance stands for: first among those listed
   * in it with the same party, then among the committee's members. A member listed under their own
   * spelling in the attendance is a person of their own and never a candidate for another name.
   */
  async #variantOf(printed: PrintedName): Promise<NameCandidate | undefined> {
    const key = nameKey(printed.name)
    const listed = this.#listed
    const inAttendance = this.#attendance.some((a) => a.name === printed.name)
    if (!inAttendance) {
      const served = matchNameVariant(printed, this.#attendance)
      if (served) return served.name === printed.name ? undefined : served
    }
    const members = (await this.#committeeMembers()).filter(
      (m) => !listed.has(nameKey(m.name)) || nameKey(m.name) === key,
    )
    const member = matchNameVariant(printed, members)
    return member && member.name !== printed.name ? member : undefined
  }

  async #committeeMembers(): Promise<NameCandidate[]> {
    if (this.#members) return this.#members
    const { committeeId } = this.options
    const seats = committeeId === undefined ? [] : await listMemberships(this.trx, committeeId)
    const persons = new Map(
      (await listPersonsByIds(this.trx, [...new Set(seats.map((s) => s.personId))])).map((p) => [
        p.id,
        p.name,
      ]),
    )
    const parties = await this.#readParties()
    this.#members = seats.map((s) => ({
      name: persons.get(s.personId) ?? '',
      party: s.partyId === null ? undefined : parties.get(s.partyId),
    }))
    return this.#members
  }

  async party(abbreviation: string | undefined): Promise<number | undefined> {
    if (!abbreviation?.trim()) return undefined
    const key = abbreviation.trim()
    await this.#readParties()
    const known = this.#parties.get(key)
    if (known !== undefined) return known
    const party = await findOrAddParty(this.trx, this.actor, {
      organisationId: this.organisationId,
      abbreviation: key,
    })
    this.#parties.set(key, party.id)
    this.#partyAbbreviations?.set(party.id, party.abbreviation)
    return party.id
  }

  /**
   * The organisation's parties by id; by abbreviation in #parties. They are few: read all at once,
   * once for the committee's members and the parties the document names, rather than each by its
   * abbreviation. A party the register adds is added to both.
   */
  async #readParties(): Promise<Map<number, string>> {
    if (!this.#partyAbbreviations) {
      const parties = await listParties(this.trx, this.organisationId)
      this.#partyAbbreviations = new Map(parties.map((p) => [p.id, p.abbreviation]))
      for (const p of parties) if (!this.#parties.has(p.abbreviation)) this.#parties.set(p.abbreviation, p.id)
    }
    return this.#partyAbbreviations
  }

  /** "Anna Berg m.fl. (S)" and "(M)" as authors of a motion, dissent or statement. */
  async authors(printed: readonly PrintedActor[], where?: string): Promise<AuthorInput[]> {
    const authors: AuthorInput[] = []
    for (const by of printed) {
      const personId = by.name
        ? await this.person({ name: by.name, party: by.party, ...(where ? { where } : {}) })
        : undefined
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

const spaced = (name: string) => name.trim().replace(/\s+/g, ' ')
