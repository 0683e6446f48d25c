import * as client from 'openid-client'

// The OpenID Connect providers Paragraf is a client of (the e-legitimation broker for signing, the
// organisation's identity provider for signing in), discovered once per issuer and client.

export interface OidcClientSettings {
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string | undefined
}

const configurations = new Map<string, Promise<client.Configuration>>()

/** The provider's configuration from its discovery document; a failed discovery is tried again next time. */
export function oidcConfigurationOf(settings: OidcClientSettings): Promise<client.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`
  let found = configurations.get(key)
  if (!found) {
    const issuer = new URL(settings.issuer)
    // http only to a provider on this machine (tests, a local broker); https everywhere else.
    const local = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname)
    found = client.discovery(
      issuer,
      settings.clientId,
      settings.clientSecret,
      undefined,
      local ? { execute: [client.allowInsecureRequests] } : undefined,
    )
    found.catch(() => configurations.delete(key))
    configurations.set(key, found)
  }
  return found
}
