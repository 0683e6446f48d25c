// The addresses of the organisation's accounts in the workspace, kept beside the pages that use them.

const list = (organisationSlug: string) => `/admin/organisationer/${organisationSlug}/anvandare`
const account = (organisationSlug: string, userId: number) => `${list(organisationSlug)}/${userId}`

export const usersPaths = {
  /** The administrator's way in: their organisation's list (a choice when they keep several). */
  entry: () => '/admin/anvandare',
  list,
  account,
  grantRole: (organisationSlug: string, userId: number) => `${account(organisationSlug, userId)}/roller`,
  revokeRole: (organisationSlug: string, userId: number, grantId: number) =>
    `${account(organisationSlug, userId)}/roller/${grantId}/ta-bort`,
  person: (organisationSlug: string, userId: number) => `${account(organisationSlug, userId)}/person`,
  disable: (organisationSlug: string, userId: number) => `${account(organisationSlug, userId)}/inaktivera`,
  enable: (organisationSlug: string, userId: number) => `${account(organisationSlug, userId)}/aktivera`,
  resetPassword: (organisationSlug: string, userId: number) =>
    `${account(organisationSlug, userId)}/nytt-losenord`,
}
