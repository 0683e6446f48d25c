import type { Trx } from '../../db/database.ts'
import type { Actor } from '../shared/actor.ts'
import { InvalidStateError } from '../shared/errors.ts'
import type { Section, SectionOutcome } from './minutes.ts'
import { sectionQuorum, updateSection } from './section.service.ts'

declare module '../shared/errors.ts' {
  interface RefusalReasons {
    no_quorum: undefined
  }
}

/**
 * Records what the committee decided at a § (decided, tabled or referred back, with the points and
 * the decision procedure). Any decision needs quorum at that §: more than half the members (KL 6:27).
 */
export async function recordDecision(
  trx: Trx,
  actor: Actor,
  input: {
    sectionId: number
    version: number
    title?: string
    summary?: string
    decision: string[]
    decisionProcedure?: string
    outcome: SectionOutcome
    confidential?: boolean
  },
): Promise<Section> {
  // A § with no decision points yet (the text being written before the roll call) decides nothing.
  const decides =
    input.outcome === 'tabled' || input.outcome === 'referred_back' || input.decision.some((p) => p.trim())
  const quorum = decides ? await sectionQuorum(trx, input.sectionId) : undefined
  if (quorum && !quorum.quorate) {
    throw new InvalidStateError(
      'no_quorum',
      `no quorum: ${quorum.present} serving, ${quorum.required} needed (KL 6:27)`,
    )
  }
  return updateSection(trx, actor, input)
}
