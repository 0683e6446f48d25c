/** A readable URL part from a Swedish name: "Socialnämnden" → "socialnamnden", as the city's portal does. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * The longest slug a name gets: short enough to read and to quote, and, with a "-12" for a
 * namesake, far below the 100 characters a segment of an address may have (Fastify's maxParamLength).
 */
export const maxSlugLength = 60

/**
 * A slug of at most `max` characters, cut at the end of a word ("namnden-for-arbetsmarknad-…"),
 * or inside the first word when that alone is longer.
 */
export function cappedSlug(text: string, max = maxSlugLength): string {
  const slug = slugify(text)
  if (slug.length <= max) return slug
  const cut = slug.slice(0, max + 1)
  const end = cut.lastIndexOf('-')
  return (end > 0 ? cut.slice(0, end) : slug.slice(0, max)).replace(/-+$/, '')
}

/** The first of slug, slug-2, slug-3 … that `taken` does not hold. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}
