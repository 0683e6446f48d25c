import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as client from 'openid-client'
import type { SigningOidcSettings } from '../../../config.ts'
import { inTransaction } from '../../../db/database.ts'
import { getMinutes, listSignatoryIds } from '../../../domain/minutes/minutes.repository.ts'
import { DomainError, InvalidStateError, NotFoundError } from '../../../domain/shared/errors.ts'
import { signWithElectronicId } from '../../../domain/sign-off/oidc-signature.service.ts'
import { findSignOff } from '../../../domain/sign-off/sign-off.repository.ts'
import { insertSigningFlow, takeSigningFlow } from '../../../domain/sign-off/signing-flow.repository.ts'
import { AdminLayout } from '../../views/admin-layout.tsx'
import { sendPage } from '../../views/render.tsx'
import { minutesPaths } from '../minutes/minutes.paths.ts'
import { actorOf, adminView, currentUser, savedAt } from '../shared/admin-request.ts'
import { oidcConfigurationOf } from '../shared/oidc-client.ts'
import { swedishRefusal } from '../shared/refusal-messages.ts'
import { noPageQuery, oidcAnswerQuery, signOffParams } from './sign-off.schema.ts'

declare module '../../../domain/shared/errors.ts' {
  interface RefusalReasons {
    signing_broker_missing: undefined
    signing_flow_expired: undefined
    signing_by_other_account: undefined
  }
}

// Signing with an e-legitimation (BankID, Freja eID) through the municipality's OIDC broker: the
// authorisation code flow with PKCE, state and nonce (openid-client checks the ID token's
// signature, issuer, audience and nonce). The signatory starts from the signing page, signs in at
// the broker, and comes back here; the personnummer in the token must be the appointed person's.

type Params = { Params: { signOffId: string } }

export const oidcStartPath = (signOffId: number) => `${minutesPaths.sign(signOffId)}/e-legitimation`
export const oidcCallbackPath = '/admin/justera/e-legitimation/svar'

// A flow under way is kept in the database for ten minutes (signing-flow.repository), so the
// broker's answer may reach any of several app servers.
const flowMinutes = 10
const freshSeconds = 300

// No broker configured is a state of the installation, not a missing page.
function brokerOf(request: FastifyRequest): SigningOidcSettings {
  const settings = request.signingOidc
  if (!settings)
    throw new InvalidStateError(
      'signing_broker_missing',
      'no e-legitimation broker is configured (SIGNING_OIDC_ISSUER)',
    )
  return settings
}

const redirectUri = (request: FastifyRequest) => `${request.publicUrl.replace(/\/$/, '')}${oidcCallbackPath}`

export async function signOffOidcRoutes(app: FastifyInstance) {
  // A link, not a form: the browser leaves for the broker (a form's redirect would meet form-action).
  app.get<Params>(
    '/admin/justera/:signOffId/e-legitimation',
    { schema: { params: signOffParams, querystring: noPageQuery } },
    async (request, reply) => {
      const signOff = /^\d+$/.test(request.params.signOffId)
        ? await findSignOff(request.db, Number(request.params.signOffId))
        : undefined
      if (!signOff) throw new NotFoundError('sign-off', request.params.signOffId)
      const user = currentUser(request)
      const minutes = await getMinutes(request.db, signOff.minutesId)
      const appointed = await listSignatoryIds(request.db, minutes.id)
      if (user.personId === null || !appointed.includes(user.personId))
        throw new DomainError(
          'forbidden',
          'signing_by_non_signatory',
          'not allowed: only the appointed signatories sign the minutes',
        )
      const config = await oidcConfigurationOf(brokerOf(request))
      const verifier = client.randomPKCECodeVerifier()
      const state = client.randomState()
      const nonce = client.randomNonce()
      const flow = {
        state,
        signOffId: signOff.id,
        personId: user.personId,
        userId: user.id,
        verifier,
        nonce,
        expiresAt: new Date(request.now.getTime() + flowMinutes * 60_000).toISOString(),
      }
      await inTransaction(request.db, (trx) => insertSigningFlow(trx, flow, request.now))
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri(request),
        scope: 'openid profile',
        // Each signature is a fresh e-legitimation, never a broker session left open (and the ID
        // token then says when the person authenticated: auth_time).
        prompt: 'login',
        max_age: String(freshSeconds),
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      return reply.redirect(url.href, 303)
    },
  )

  app.get(oidcCallbackPath, { schema: { querystring: oidcAnswerQuery } }, async (request, reply) => {
    const settings = brokerOf(request)
    const query = request.query as Record<string, string | undefined>
    const state = query.state
    const flow = state
      ? await inTransaction(request.db, (trx) => takeSigningFlow(trx, state, request.now))
      : undefined
    if (!flow)
      throw new InvalidStateError(
        'signing_flow_expired',
        'the e-legitimation took too long or was not started here',
      )
    // The same account must come back: a session cannot finish another's signing.
    if (currentUser(request).id !== flow.userId)
      throw new DomainError(
        'forbidden',
        'signing_by_other_account',
        'not allowed: another account started this signing',
      )
    const config = await oidcConfigurationOf(settings)
    const current = new URL(`${redirectUri(request)}?${request.url.split('?')[1] ?? ''}`)
    let message: string | undefined
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: query.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
        maxAge: freshSeconds,
      })
      await signWithElectronicId(request.db, actorOf(request), {
        signOffId: flow.signOffId,
        personId: flow.personId,
        on: request.today,
        claims: (tokens.claims() ?? {}) as Record<string, unknown>,
        identityClaim: settings.identityClaim,
        provider: settings.providerName,
      })
    } catch (error) {
      // The token itself failed its checks (signature, issuer, audience, nonce, state, PKCE).
      message =
        error instanceof DomainError ? swedishRefusal(error) : 'E-legitimationen kunde inte kontrolleras.'
      request.log.warn({ err: error }, 'e-legitimation signature refused')
    }
    const to = minutesPaths.sign(flow.signOffId)
    if (!message) return reply.redirect(savedAt(to), 303)
    return sendPage(
      reply,
      <AdminLayout
        title="Justeringen med e-legitimation nekades"
        view={adminView(request, reply)}
        breadcrumbs={[
          { href: '/admin', label: 'Arbetsrum' },
          { href: to, label: 'Justering' },
        ]}
      >
        <h1>Justeringen med e-legitimation nekades</h1>
        <p class="error">{message}</p>
        <p>
          <a href={to}>Tillbaka till justeringen</a>
        </p>
      </AdminLayout>,
      400,
    )
  })
}
