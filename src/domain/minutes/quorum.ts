// Quorum of a committee, computed per § because jäv and people coming and going change who serves.

export type QuorumInput = {
  /** Number of members (ledamöter) of the committee, not counting substitutes. */
  seats: number
  /** Members and serving substitutes for this §; `remote` marks distance participation. */
  serving: Array<{ personId: number; remote?: boolean }>
  /** People recused (jäv) from this §. */
  recusedPersonIds?: number[]
}

export type Quorum = { present: number; required: number; quorate: boolean }

/**
 * Whether the committee may decide this §. KL 6:27: more than half of the members present.
 * Distance participants count as present (6:24), serving substitutes take a member's seat, and a
 * recused member is absent for the §, with no exception for committees (unlike fullmäktige, 5:46).
 */
export function quorumFor(input: QuorumInput): Quorum {
  const { seats, serving, recusedPersonIds = [] } = input
  if (!Number.isInteger(seats) || seats < 1)
    throw new RangeError(`Expected seats to be a positive whole number, got ${seats}`)
  const recused = new Set(recusedPersonIds)
  const servingPersons = new Set(serving.map((s) => s.personId).filter((id) => !recused.has(id)))
  // Never more present than seats: a substitute cannot serve beside the member they replace.
  const present = Math.min(servingPersons.size, seats)
  const required = Math.floor(seats / 2) + 1
  return { present, required, quorate: present >= required }
}
