// A real OpenID Connect provider for the tests (the oidc-provider package), run as its own process
// on 127.0.0.1: it stands for the municipality's e-legitimation broker (BankID, Freja eID). Its
// development login form takes any account id as the login; the account's personnummer is the id.
// Prints the issuer URL on its first line of output. Never for production: development keys.
// It also stands for an organisation's identity provider (staff sign-in): a login that is an e-mail
// address gets it as a verified email claim, or unverified when written "overifierad:ADDRESS".
//
// Environment: REDIRECT_URI (the client's), CLIENT_ID, CLIENT_SECRET.
import { createServer } from 'node:http'
import Provider from 'oidc-provider'

const server = createServer()
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const issuer = `http://127.0.0.1:${server.address().port}`
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.CLIENT_ID,
      client_secret: process.env.CLIENT_SECRET,
      redirect_uris: [process.env.REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  // The brokers put the personnummer in the ID token itself.
  conformIdTokenClaims: false,
  claims: {
    openid: ['sub'],
    profile: ['name', 'personal_identity_number'],
    email: ['email', 'email_verified'],
  },
  findAccount: (_ctx, id) => ({
    accountId: id,
    claims: () =>
      id.includes('@')
        ? {
            sub: id,
            name: `Testperson ${id.replace(/^overifierad:/, '').split('@')[0]}`,
            email: id.replace(/^overifierad:/, ''),
            email_verified: !id.startsWith('overifierad:'),
          }
        : { sub: id, personal_identity_number: id, name: `Testperson ${id.slice(-4)}` },
  }),
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
})
server.on('request', provider.callback())
process.stdout.write(`${issuer}\n`)
process.on('SIGTERM', () => server.close(() => process.exit(0)))
