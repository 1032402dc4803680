/** A browser-like session over fetch: keeps the cookie, reads CSRF tokens from forms. */
export class Session {
  cookie = ''

  constructor(readonly baseUrl: string) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      if (pair.startsWith('cis.sid=')) this.cookie = pair
    }
  }

  async get(
    path: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; text: string; headers: Headers }> {
    const response = await fetch(this.baseUrl + path, {
      headers: { cookie: this.cookie, ...headers },
      redirect: 'manual',
    })
    this.remember(response)
    return { status: response.status, text: await response.text(), headers: response.headers }
  }

  async post(path: string, body: string): Promise<{ status: number; location: string | null; text: string }> {
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    })
    this.remember(response)
    return {
      status: response.status,
      location: response.headers.get('location'),
      text: await response.text(),
    }
  }

  /** The CSRF token of the first form on a page. */
  async csrfToken(path: string): Promise<string> {
    const page = await this.get(path)
    const match = /name="_csrf" value="([^"]+)"/.exec(page.text)
    if (!match) throw new Error(`No CSRF token on ${path} (status ${page.status})`)
    return match[1]
  }

  /** Signs in through the real form, CSRF on; throws unless the app redirects. */
  async signIn(email: string, password: string): Promise<void> {
    const token = await this.csrfToken('/login')
    const response = await this.post(
      '/login',
      new URLSearchParams({ _csrf: token, email, password }).toString(),
    )
    if (response.status !== 302) throw new Error(`Sign-in as ${email} failed with ${response.status}`)
  }
}
