// How often a login may fail before it is refused for a while. Counted per e-mail address (guessing
// one clerk's password) and per IP address (trying many addresses). The IP limit is higher because a
// whole town hall may share one address.

export const throttleWindowMinutes = 15
export const maxFailuresPerEmail = 5
export const maxFailuresPerIp = 20

/**
 * When logins may be tried again, or undefined when they may now. `failures` are the times of the
 * latest failures in the window, newest first: once the oldest of the last `max` leaves the
 * window, the count falls below the limit.
 */
export function retryAfter(failures: readonly string[], max: number): Date | undefined {
  if (failures.length < max) return undefined
  const oldestCounted = failures[max - 1] as string
  return new Date(Date.parse(oldestCounted) + throttleWindowMinutes * 60_000)
}
