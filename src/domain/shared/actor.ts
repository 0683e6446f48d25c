/**
 * Who does something: a signed-in user, or the system itself (the command line, an import, the
 * clock). Every use case takes one, so the audit log can always say who.
 */
export type Actor = { kind: 'user'; userId: number; name: string } | { kind: 'system'; name: string }

export const systemActor = (name: string): Actor => ({ kind: 'system', name })

export function describeActor(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.userId}` : `system:${actor.name}`
}
