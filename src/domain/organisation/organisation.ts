import type { LocalSettingsOverride } from './local-settings.ts'

export type OrganisationKind = 'kommun' | 'region'
export const organisationKinds: readonly OrganisationKind[] = ['kommun', 'region']

/** A kommun or region: the body that owns committees (OParl Body). */
export interface Organisation {
  id: number
  name: string
  slug: string
  kind: OrganisationKind
  settings: LocalSettingsOverride
  createdAt: string
  updatedAt: string
}
