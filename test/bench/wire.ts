import http from 'node:http'

export interface OnTheWire {
  status: number
  headers: http.IncomingHttpHeaders
  /** The body as sent, not decoded (fetch would decode it). */
  body: Buffer
}

/** A GET whose body is counted as it came over the wire. */
export function getOnTheWire(url: string, headers: Record<string, string> = {}): Promise<OnTheWire> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        )
      })
      .on('error', reject)
  })
}

/** What a browser sends today. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br'
