import pg from 'pg'

const DATE_OID = 1082
const TIMESTAMPTZ_OID = 1184
const INT8_OID = 20

/**
 * How pg reads PostgreSQL's values: dates stay 'YYYY-MM-DD' strings and timestamps become ISO
 * strings, as on SQLite; counts (bigint) become numbers. Set per pool, so no global state is changed.
 */
export const postgresTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value
    if (oid === TIMESTAMPTZ_OID) return isoTimestamp
    if (oid === INT8_OID) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format ?? 'text')
  },
}

// PostgreSQL's text for a timestamp with time zone in UTC (DateStyle ISO, the default):
// '2026-12-06 19:11:14.370123+00', the fraction left out when it is zero.
const utcTimestamp = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/

/**
 * A timestamp as `new Date(value).toISOString()` gives it (milliseconds, the rest of the fraction
 * cut off), read from the text when it is in UTC: Date's own reading of PostgreSQL's format took a
 * microsecond a value, some 1,300 values an imported protocol (issue 15). Any other form (another
 * time zone, 'infinity') is read by Date as before.
 */
export function isoTimestamp(value: string): string {
  const utc = utcTimestamp.exec(value)
  if (!utc) return new Date(value).toISOString()
  const fraction = utc[3] === undefined ? '000' : `${utc[3]}00`.slice(0, 3)
  return `${utc[1]}T${utc[2]}.${fraction}Z`
}
