import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as client from 'openid-client'
import type { LoginOidcSettings } from '../../../config.ts'
import { inTransaction } from '../../../db/database.ts'
import {
  IdentityProviderRefusedError,
  signInWithIdentityProvider,
} from '../../../domain/account/identity-provider-sign-in.service.ts'
import { startSession } from '../../../domain/account/session.service.ts'
import { insertSignInFlow, takeSignInFlow } from '../../../domain/account/sign-in-flow.repository.ts'
import { InvalidStateError } from '../../../domain/shared/errors.ts'
import { refusalSentence } from '../../../domain/shared/refusal-sentences.ts'
import { sendPage } from '../../views/render.tsx'
import { oidcConfigurationOf } from '../shared/oidc-client.ts'
import { safeReturnPath } from './auth.routes.tsx'
import { setSessionCookie } from './session-cookie.ts'
import { IdentityProviderRefusedPage, WaitingForRolePage } from './sign-in.page.tsx'
import { signInPaths } from './sign-in.paths.ts'
import { identityProviderAnswerQuery, identityProviderQuery } from './sign-in.schema.ts'

declare module '../../../domain/shared/errors.ts' {
  interface RefusalReasons {
    identity_provider_missing: undefined
  }
}

// Staff sign in through the organisation's identity provider (Entra ID, Keycloak, an e-ID broker):
// the authorisation code flow with PKCE, state and nonce (openid-client checks the ID token's
// signature, issuer, audience and nonce). The flow is kept in the database (sign_in_flow), so the
// answer may reach any of several app servers. The provider's own login (and its second factor)
// stands in for the password; the account is the one of the verified e-mail address.

/** A sign-in under way is kept ten minutes at most. */
const flowMinutes = 10

function providerOf(request: FastifyRequest): LoginOidcSettings {
  const settings = request.loginOidc
  if (!settings)
    throw new InvalidStateError(
      'identity_provider_missing',
      'no identity provider is configured (LOGIN_OIDC_ISSUER)',
    )
  return settings
}

const redirectUri = (request: FastifyRequest) =>
  `${request.publicUrl.replace(/\/$/, '')}${signInPaths.identityProviderAnswer()}`

export async function identityProviderRoutes(app: FastifyInstance) {
  // A link, not a form: the browser leaves for the provider (a form's redirect would meet form-action).
  app.get<{ Querystring: { till?: string } }>(
    '/admin/logga-in/oidc',
    { schema: { querystring: identityProviderQuery }, config: { public: true } },
    async (request, reply) => {
      const config = await oidcConfigurationOf(providerOf(request))
      const verifier = client.randomPKCECodeVerifier()
      const state = client.randomState()
      const nonce = client.randomNonce()
      await inTransaction(request.db, (trx) =>
        insertSignInFlow(
          trx,
          {
            state,
            verifier,
            nonce,
            returnTo: safeReturnPath(request.query.till),
            expiresAt: new Date(request.now.getTime() + flowMinutes * 60_000).toISOString(),
          },
          request.now,
        ),
      )
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri(request),
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      return reply.redirect(url.href, 303)
    },
  )

  app.get(
    '/admin/logga-in/oidc/svar',
    { schema: { querystring: identityProviderAnswerQuery }, config: { public: true } },
    async (request, reply) => {
      const settings = providerOf(request)
      const query = request.query as Record<string, string | undefined>
      const state = query.state
      const flow = state
        ? await inTransaction(request.db, (trx) => takeSignInFlow(trx, state, request.now))
        : undefined
      const refuse = (message: string, status: number) =>
        sendPage(
          reply,
          <IdentityProviderRefusedPage message={message} providerName={settings.providerName} />,
          status,
        )
      if (!flow) return refuse('Inloggningen tog för lång tid eller påbörjades inte här. Försök igen.', 400)
      const config = await oidcConfigurationOf(settings)
      const current = new URL(`${redirectUri(request)}?${request.url.split('?')[1] ?? ''}`)
      let claims: Record<string, unknown>
      try {
        const tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        })
        claims = { ...(tokens.claims() ?? {}) }
        // Entra ID and Keycloak put the address in the ID token; a provider that keeps it for the
        // UserInfo endpoint is asked there (for the same subject).
        if (typeof claims.email !== 'string' && typeof claims.sub === 'string')
          Object.assign(claims, await client.fetchUserInfo(config, tokens.access_token, claims.sub), {
            sub: claims.sub,
            iss: claims.iss,
          })
      } catch (error) {
        // The answer failed its checks (signature, issuer, audience, nonce, state, PKCE), or the
        // user cancelled at the provider.
        request.log.warn({ err: error }, 'sign-in through the identity provider refused')
        return refuse(`${settings.providerName} godkände inte inloggningen, eller så avbröts den.`, 400)
      }
      try {
        const result = await signInWithIdentityProvider(request.db, {
          claims,
          organisationSlug: settings.organisation,
        })
        // No role and no person: nothing in the workspace to open yet, so no session either.
        if (result.waiting)
          return sendPage(reply, <WaitingForRolePage name={result.user.name} created={result.created} />)
        const { token } = await startSession(request.db, result.user, request.now, 'oidc')
        setSessionCookie(reply, token)
        return reply.redirect(flow.returnTo, 303)
      } catch (error) {
        if (!(error instanceof IdentityProviderRefusedError)) throw error
        return refuse(refusalSentence(error), 403)
      }
    },
  )
}
