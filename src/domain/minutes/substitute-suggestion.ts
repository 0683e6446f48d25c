// Which substitute steps in for an absent member. KL 5:18 (for committees a local rule): substitutes
// serve in the established order; by common practice one of the member's own party comes first.

export interface SeatHolder {
  personId: number
  partyId: number | null
}

export interface AvailableSubstitute extends SeatHolder {
  /** The established order (1 first); null sorts last. */
  substituteOrder: number | null
}

/**
 * Suggests a substitute for each absent member, in the members' order: the first unused substitute
 * of the member's party in the established order, else the first unused one at all. A member with
 * no substitute left is mapped to undefined. Only present substitutes should be passed in.
 */
export function suggestSubstitutes(
  members: readonly SeatHolder[],
  substitutes: readonly AvailableSubstitute[],
  absentIds: readonly number[],
): Map<number, number | undefined> {
  const inOrder = [...substitutes].sort(
    (a, b) => (a.substituteOrder ?? Number.MAX_SAFE_INTEGER) - (b.substituteOrder ?? Number.MAX_SAFE_INTEGER),
  )
  const absent = new Set(absentIds)
  const used = new Set<number>()
  const suggestions = new Map<number, number | undefined>()
  for (const member of members) {
    if (!absent.has(member.personId)) continue
    const free = inOrder.filter((s) => !used.has(s.personId) && s.personId !== member.personId)
    const chosen =
      (member.partyId !== null ? free.find((s) => s.partyId === member.partyId) : undefined) ?? free[0]
    if (chosen) used.add(chosen.personId)
    suggestions.set(member.personId, chosen?.personId)
  }
  return suggestions
}
