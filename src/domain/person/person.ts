/** An elected member, a substitute or an official, as named in the minutes. */
export interface Person {
  id: number
  organisationId: number
  name: string
  slug: string
  /** An official's title as printed ("nämndsekreterare"). */
  title: string | null
}

/** A political party or group as the council knows it, by its printed abbreviation ("S", "F!"). */
export interface Party {
  id: number
  organisationId: number
  abbreviation: string
  name: string | null
}
