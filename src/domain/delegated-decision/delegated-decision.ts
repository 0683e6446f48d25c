/**
 * A decision an official or the chair took on the committee's behalf under its delegation order
 * (delegationsordning). It is reported to the committee as far as the committee decides (anmälan,
 * KL 6:40, 7:8; urgent decisions by the chair at the next meeting, 6:40 second paragraph). One that is
 * not reported is recorded separately and announced on the notice board (8:10 p. 3); the three weeks
 * to appeal run from that notice (13:5).
 */
export interface DelegatedDecision {
  id: number
  committeeId: number
  matterId: number | null
  title: string
  /** Who decided, as the register names them ("Enhetschef Mona Thorin", "Ordföranden"). */
  decisionMaker: string
  /** The point of the delegation order it was taken under ("3.2.1"). */
  delegationPoint: string
  decidedOn: string
  /** The report item of the agenda where it was reported, once reported. */
  reportedInAgendaItemId: number | null
  /**
   * The chair's decision in a matter so urgent the committee could not wait (KL 6:39). It must be
   * reported at the committee's next meeting (6:40), so it never gets a notice of its own.
   */
  urgent: boolean
}

/** How a report item lists the decisions it reports, one line each. */
export function reportLine(decision: DelegatedDecision, registryNumber?: string): string {
  const dnr = registryNumber ? ` (Dnr ${registryNumber})` : ''
  return `${decision.decidedOn} ${decision.title}${dnr}, ${decision.decisionMaker}, delegationspunkt ${decision.delegationPoint}`
}
