/**
 * The absolute address of a path on this site, to pass on by email or chat: from the configured
 * PUBLIC_BASE_URL, never from the request's Host header (a client chooses that).
 */
export const absoluteUrl = (baseUrl: string, path: string): string => `${baseUrl}${path}`
