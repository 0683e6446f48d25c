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

/** A substitute serving although another present one comes before them in the order. */
export interface PassedOver {
  memberId: number
  servingId: number
  passedOverId: number
}

/**
 * Where the roll call departs from the established order (B3): for each absent member, a present
 * substitute who is not serving and who would have come first — one of the member's party before
 * one of another, then the lower number in the order. The clerk may have a reason (the substitute
 * declined, or arrived late), so this is a warning to check, not a refusal.
 */
export function substitutesPassedOver(
  members: readonly SeatHolder[],
  presentSubstitutes: readonly AvailableSubstitute[],
  servingFor: ReadonlyMap<number, number>,
): PassedOver[] {
  const serving = new Set(servingFor.values())
  const idle = presentSubstitutes.filter((s) => !serving.has(s.personId))
  const found: PassedOver[] = []
  for (const [memberId, servingId] of servingFor) {
    const member = members.find((m) => m.personId === memberId)
    const chosen = presentSubstitutes.find((s) => s.personId === servingId)
    if (!member || !chosen) continue
    const rank = (s: AvailableSubstitute): [number, number] => [
      member.partyId !== null && s.partyId === member.partyId ? 0 : 1,
      s.substituteOrder ?? Number.MAX_SAFE_INTEGER,
    ]
    const before = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])
    const first = idle
      .filter((s) => before(rank(s), rank(chosen)))
      .sort((a, b) => (before(rank(a), rank(b)) ? -1 : 1))[0]
    if (first) found.push({ memberId, servingId, passedOverId: first.personId })
  }
  return found
}
