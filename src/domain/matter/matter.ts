export type MatterKind =
  | 'motion'
  | 'remiss'
  | 'skrivelse'
  | 'rapport'
  | 'budgetuppdrag'
  | 'upphandling'
  | 'medborgarforslag'
  | 'delegationsbeslut'
  | 'ovrigt'

/** An ärende, known by its registry number (diarienummer); it can visit several meetings and committees. */
export interface Matter {
  id: number
  organisationId: number
  registryNumber: string
  title: string | null
  kind: MatterKind | null
}

/** "Dnr 1.2.2-72/2022" and " 1.2.2-72/2022 " are the same registry number: 1.2.2-72/2022. */
export function normaliseRegistryNumber(text: string): string {
  return text
    .replace(/^\s*(dnr|diarienummer)[.:]?\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim()
}
