import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

/**
 * A browser for app.inject(): keeps cookies, and sends the CSRF token of the last page it read
 * with every form, as a real form would. `post(url, fields, { csrf: false })` leaves it out.
 */
export class AdminClient {
  readonly cookies = new Map<string, string>()
  #token = ''
  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
    /** The address the requests come from (app.inject's default is 127.0.0.1). */
    private readonly remoteAddress?: string,
  ) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: this.#headers(), ...this.#from() })
    this.#remember(response)
    return response
  }

  async post(url: string, fields: Record<string, string>, options: { csrf?: boolean } = {}) {
    const body = new URLSearchParams(options.csrf === false ? fields : { _csrf: this.#token, ...fields })
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { ...this.#headers(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
      ...this.#from(),
    })
    this.#remember(response)
    return response
  }

  /**
   * Posts an upload form (multipart/form-data), the file last as the workspace's forms put it.
   * The CSRF token goes first, as a browser sends the form's hidden field.
   */
  async postFile(
    url: string,
    fields: Record<string, string>,
    file: { fileName: string; contentType: string; bytes: Uint8Array },
  ) {
    const boundary = `----paragraf${Date.now().toString(16)}`
    const parts: Buffer[] = []
    for (const [name, value] of Object.entries({ _csrf: this.#token, ...fields }))
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      )
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      Buffer.from(file.bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    )
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { ...this.#headers(), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat(parts),
      ...this.#from(),
    })
    this.#remember(response)
    return response
  }

  /** Signs in through the login form; returns the response to the login post. */
  async signIn(email: string, password: string, returnTo?: string) {
    await this.get(returnTo ? `/admin/logga-in?till=${encodeURIComponent(returnTo)}` : '/admin/logga-in')
    return this.post('/admin/logga-in', { email, password, ...(returnTo ? { returnTo } : {}) })
  }

  #from() {
    return this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}
  }

  #headers() {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    return { ...this.headers, ...(cookie ? { cookie } : {}) }
  }

  #remember(response: LightMyRequestResponse) {
    for (const c of response.cookies as Array<{ name: string; value: string; expires?: Date }>) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1]
    if (token) this.#token = token
  }
}
