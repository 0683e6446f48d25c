import { z } from 'zod'

// The rules each council sets in its own regulations (reglemente, arbetsordning): settings, never
// constants. An organisation sets them for all its committees; a committee may override any.

export const sectionNumberingSchema = z.object({
  scheme: z.enum(['per_meeting', 'per_year']),
  prefix: z.string().trim().max(12).optional(),
  yearSuffix: z.boolean().optional(),
})

export const localSettingsSchema = z.object({
  /** How many sign the minutes, the chair included (typically the chair and one member). */
  signatoryCount: z.number().int().min(1).max(6),
  /** Whether single §§ may be signed off at the meeting (omedelbar justering). */
  immediateSignOffAllowed: z.boolean(),
  sectionNumbering: sectionNumberingSchema,
  /** A regular expression the registry numbers (diarienummer) of this body follow, if it checks them. */
  registryNumberPattern: z.string().max(200).optional(),
  /** Days between publishing the notice (kallelse) and the meeting. */
  noticePeriodDays: z.number().int().min(0).max(60),
  /** Statement kinds the minutes may record (KL 6:17 and local practice). */
  statementKinds: z.array(z.string().trim().min(1).max(60)).max(10),
  /** Whether substitutes present but not serving may have an opinion recorded (ersättaryttrande). */
  substitutesMayStateOpinion: z.boolean(),
  /** Days after the meeting within which a dissent's written reason may be handed in; 0: until sign-off. */
  writtenDissentDays: z.number().int().min(0).max(14),
  /** Whether the meetings are open to the public (KL 6:25: closed unless the council allows). */
  publicMeetings: z.boolean(),
  /** Whether members may take part at a distance (KL 6:24, if the council allows). */
  distanceParticipation: z.boolean(),
  /** Matters about individuals default to confidential (OSL 26:1 for social services). */
  individualMattersConfidential: z.boolean(),
  /** Where the signed-off minutes are kept, as the notice must say (KL 8:12). */
  minutesKeptAt: z.string().trim().max(200).optional(),
  /** How the signatories sign: password, e-legitimation through OIDC, or on paper (issue 12). */
  signingMethod: z.enum(['password', 'oidc', 'paper']),
})

export type LocalSettings = z.infer<typeof localSettingsSchema>
export type SectionNumbering = z.infer<typeof sectionNumberingSchema>
export const partialLocalSettingsSchema = localSettingsSchema.partial()
export type LocalSettingsOverride = z.infer<typeof partialLocalSettingsSchema>

export const defaultLocalSettings: LocalSettings = {
  signatoryCount: 2,
  immediateSignOffAllowed: true,
  sectionNumbering: { scheme: 'per_meeting' },
  noticePeriodDays: 7,
  statementKinds: ['särskilt uttalande', 'särskilt yttrande', 'protokollsanteckning', 'ersättaryttrande'],
  substitutesMayStateOpinion: true,
  writtenDissentDays: 0,
  publicMeetings: false,
  distanceParticipation: false,
  individualMattersConfidential: false,
  signingMethod: 'password',
}

/** The settings in force for a committee: the defaults, then the organisation's, then its own. */
export function effectiveSettings(
  organisation: LocalSettingsOverride,
  committee: LocalSettingsOverride,
): LocalSettings {
  return { ...defaultLocalSettings, ...organisation, ...committee }
}
