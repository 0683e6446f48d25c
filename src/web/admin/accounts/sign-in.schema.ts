import { fieldsForm, noFields, noQuery, params, query, savedQuery } from '../shared/request.schema.ts'

// What signing in reads: the login form, the identity provider's answer, the second factor, the
// forms a signed-in user must pass first (auth, identity-provider, second-factor, sign-in-demands).

/** `till`: the workspace address to go on to; `utloggad`: signed out (here, or everywhere). */
export const loginQuery = query('till', 'utloggad')
export const loginForm = fieldsForm(['email', 'password', 'returnTo'])
export const signOutForm = noFields
export const passwordQuery = savedQuery
export const passwordForm = fieldsForm(['currentPassword', 'newPassword', 'repeatPassword'])
export const identityProviderQuery = query('till')
/** The provider's answer: `state` names the sign-in flow; the code is read from the URL as it came. */
export const identityProviderAnswerQuery = query('state')
export const codeQuery = noQuery
export const codeForm = fieldsForm(['code'])
export const ownSecondFactorQuery = savedQuery
export const organisationParams = params('organisation')
export const accountParams = params('organisation', 'user')
export const resetSecondFactorForm = noFields
export const signInSettingsQuery = savedQuery
export const signInSettingsForm = fieldsForm(['administratorsNeedTotp'])
