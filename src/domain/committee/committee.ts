import type { LocalSettingsOverride } from '../organisation/local-settings.ts'

export type CommitteeKind = 'fullmaktige' | 'styrelse' | 'namnd' | 'utskott' | 'rad'
export const committeeKinds: readonly CommitteeKind[] = ['fullmaktige', 'styrelse', 'namnd', 'utskott', 'rad']

/** How each kind is named in the interface, singular and as a group heading. */
export const committeeKindLabels: Record<CommitteeKind, { one: string; many: string }> = {
  fullmaktige: { one: 'fullmäktige', many: 'Fullmäktige' },
  styrelse: { one: 'styrelse', many: 'Styrelser' },
  namnd: { one: 'nämnd', many: 'Nämnder' },
  utskott: { one: 'utskott', many: 'Utskott' },
  rad: { one: 'råd', many: 'Råd' },
}

/** A nämnd, utskott (with its parent committee), fullmäktige, styrelse or råd. */
export interface Committee {
  id: number
  organisationId: number
  parentId: number | null
  name: string
  slug: string
  kind: CommitteeKind
  /** The number of members (ledamöter): the base of quorum (KL 6:27). */
  seats: number | null
  settings: LocalSettingsOverride
}
