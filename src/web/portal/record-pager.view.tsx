/**
 * "Nyare" and "Äldre" links under a person's or party's record: the lists show a page at a time,
 * newest first (`?sida=2` and on), so the page reads a bounded number of rows however long the archive.
 */
export function RecordPager({ base, page, hasOlder }: { base: string; page: number; hasOlder: boolean }) {
  if (page <= 1 && !hasOlder) return null
  const at = (n: number) => (n > 1 ? `${base}?sida=${n}` : base)
  return (
    <nav aria-label="Sidor i protokollsuppgifterna" class="pager">
      <ul>
        {page > 1 && (
          <li>
            <a href={at(page - 1)} rel="prev">
              Nyare
            </a>
          </li>
        )}
        {hasOlder && (
          <li>
            <a href={at(page + 1)} rel="next">
              Äldre
            </a>
          </li>
        )}
      </ul>
    </nav>
  )
}
