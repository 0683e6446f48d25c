import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'

// The tests' side of the real OpenID Connect provider (oidc-test-provider.mjs, its own
// process on 127.0.0.1): starting it for one redirect address, and being the browser that signs in
// at its login form and follows the redirects until it sends the user back.

/** Starts the provider for a client with this redirect address; returns its issuer and the process. */
export async function startOidcTestProvider(
  redirectUri: string,
  client = { id: 'paragraf', secret: 'testhemlighet' },
): Promise<{ issuer: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [new URL('./oidc-test-provider.mjs', import.meta.url).pathname], {
    env: { ...process.env, REDIRECT_URI: redirectUri, CLIENT_ID: client.id, CLIENT_SECRET: client.secret },
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer]
  return { issuer: chunk.toString().trim().split('\n')[0]!, process: child }
}

/** Signs in at the provider as `login` (its development form) and returns the address it sends back to. */
export async function signInAtProvider(
  authorizationUrl: string,
  login: string,
  redirectUri: string,
): Promise<URL> {
  const jar = new Map<string, string>()
  let url = authorizationUrl
  let body: URLSearchParams | undefined
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body } : {}),
    })
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0] ?? ''
      const eq = pair.indexOf('=')
      const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)]
      if (value) jar.set(name, value)
      else jar.delete(name)
    }
    body = undefined
    const location = response.headers.get('location')
    if (location) {
      const next = new URL(location, url)
      if (next.href.startsWith(redirectUri)) return next
      url = next.href
      continue
    }
    const html = await response.text()
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
    if (!action)
      throw new Error(`the provider answered ${response.status} without a form: ${html.slice(0, 300)}`)
    body = new URLSearchParams()
    for (const input of html.matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(input[0])?.[1]
      const value = /value="([^"]*)"/.exec(input[0])?.[1]
      if (name && value !== undefined && /type="hidden"/.test(input[0])) body.set(name, value)
    }
    if (/name="login"/.test(html)) {
      body.set('login', login)
      body.set('password', 'valfritt')
    }
    url = new URL(action, url).href
  }
  throw new Error('the provider never sent the browser back')
}
