// How failed logins are slowed down, so that guessing is slow and the rightful owner is not the
// one locked out. Three counts, all in the database so that every app server sees them:
//
// - one account from one address: after 3 failures each further try waits 1 s, 2 s, 4 s … up to
//   15 minutes (failures of the last 24 hours, after that pair's last successful login). Only the
//   guesser's own address is slowed: the owner, elsewhere, signs in as usual.
// - one address, across accounts (trying one password on many accounts): 50 failures in 15
//   minutes refuse that address for a while. A whole town hall may share the address, so an
//   account that signed in from it in the last 24 hours is not refused by this count.
// - one account, across addresses (a guesser with many addresses): 100 failures in 15 minutes
//   refuse the account, again except from an address it signed in from in the last 24 hours.
//   With the per-pair delay, reaching 100 takes about nine addresses guessing at full speed.

export const throttleWindowMinutes = 15
export const pairWindowHours = 24
export const freeFailuresPerPair = 3
export const maxPairDelaySeconds = 15 * 60
export const maxFailuresPerAddress = 50
export const maxFailuresPerAccount = 100
/** An address the account signed in from this recently is not refused by the address or account count. */
export const trustedAddressHours = 24
/** How many of a pair's failures are ever needed: the delay has reached its ceiling by then. */
export const pairFailuresCounted = freeFailuresPerPair + Math.ceil(Math.log2(maxPairDelaySeconds)) + 1

/** How long the next try of one account from one address waits after `failures` recent failures. */
export function pairDelaySeconds(failures: number): number {
  if (failures < freeFailuresPerPair) return 0
  return Math.min(2 ** (failures - freeFailuresPerPair), maxPairDelaySeconds)
}

/** When one account may be tried again from one address; `failures` newest first. */
export function pairRetryAt(failures: readonly string[]): Date | undefined {
  const delay = pairDelaySeconds(failures.length)
  const latest = failures[0]
  return delay && latest ? new Date(Date.parse(latest) + delay * 1000) : undefined
}

/**
 * When logins may be tried again under a count of `max` in the window, or undefined when they
 * may now. `failures` are the times of the latest failures in the window, newest first: once the
 * oldest of the last `max` leaves the window, the count falls below the limit.
 */
export function retryAfter(failures: readonly string[], max: number): Date | undefined {
  if (failures.length < max) return undefined
  const oldestCounted = failures[max - 1] as string
  return new Date(Date.parse(oldestCounted) + throttleWindowMinutes * 60_000)
}
