/**
 * Groups items by a key, keeping their order, so lists read in one query can be handed out to
 * their owners without a scan per owner. (Map.groupBy needs Node 21.)
 */
export function groupBy<T, K, V = T>(
  items: Iterable<T>,
  keyFor: (item: T) => K,
  valueFor?: (item: T) => V,
): Map<K, V[]> {
  const groups = new Map<K, V[]>()
  for (const item of items) {
    const key = keyFor(item)
    const value = valueFor ? valueFor(item) : (item as unknown as V)
    const group = groups.get(key)
    if (group) group.push(value)
    else groups.set(key, [value])
  }
  return groups
}
