// The addresses of an organisation's webhooks in the workspace, kept beside the pages that use them.

const list = (organisationSlug: string) => `/admin/organisationer/${organisationSlug}/webhooks`

export const webhooksPaths = {
  list,
  /** Where the registration form posts. */
  register: list,
  remove: (organisationSlug: string, webhookId: number) => `${list(organisationSlug)}/${webhookId}/ta-bort`,
  resend: (organisationSlug: string, deliveryId: number) =>
    `${list(organisationSlug)}/leveranser/${deliveryId}/skicka-igen`,
}
