import { usersPaths } from './users.paths.ts'

// The addresses of signing in beyond the password form: the identity provider, the second factor,
// and the forms a signed-in user must pass first. Kept beside the pages that use them.

export const signInPaths = {
  /** The code of the authenticator, after a right password. */
  code: () => '/admin/logga-in/kod',
  /** Off to the organisation's identity provider (a link: the browser leaves the site). */
  identityProvider: (returnTo?: string) =>
    returnTo ? `/admin/logga-in/oidc?till=${encodeURIComponent(returnTo)}` : '/admin/logga-in/oidc',
  /** Where the identity provider sends the user back: register it there under PUBLIC_URL. */
  identityProviderAnswer: () => '/admin/logga-in/oidc/svar',
  /** A handed-out password is changed here before anything else. */
  changePassword: () => '/admin/byt-losenord',
  /** The user's own second factor: turn it on or off. */
  secondFactor: () => '/admin/tvastegsverifiering',
  turnOffSecondFactor: () => '/admin/tvastegsverifiering/stang-av',
  /** The organisation's sign-in settings: TOTP required of administrators. */
  organisation: (organisationSlug: string) => `/admin/organisationer/${organisationSlug}/inloggning`,
  /** An administrator turns a user's second factor off (a lost phone). */
  resetSecondFactor: (organisationSlug: string, userId: number) =>
    `${usersPaths.account(organisationSlug, userId)}/tvastegsverifiering/aterstall`,
}
