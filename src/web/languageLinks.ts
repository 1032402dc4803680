import { LOCALE_NAMES, type Locale } from '../i18n/catalogues'

/** One language of the switcher: this page with only its `lang` changed. */
export interface LanguageLink {
  code: Locale
  name: string
  href: string
  current: boolean
}

/** The switcher's links for a page (path and query), `current` marked. */
export function languageLinks(url: string, locales: readonly Locale[], current: Locale): LanguageLink[] {
  return locales.map((code) => {
    const link = new URL(url, 'http://localhost')
    link.searchParams.set('lang', code)
    return { code, name: LOCALE_NAMES[code], href: link.pathname + link.search, current: code === current }
  })
}

/** A `<link rel="alternate" hreflang>` of a public page. */
export interface AlternateLink {
  hreflang: string
  href: string
}

/**
 * The page's address in each language it is available in (`?lang=`), and x-default: the address
 * without a language, which serves the reader's own choice (cookie) or English. Absolute, from
 * PUBLIC_BASE_URL, as search engines want.
 */
export function alternateLinks(baseUrl: string, path: string, locales: readonly string[]): AlternateLink[] {
  const address = `${baseUrl.replace(/\/$/, '')}${path}`
  return [
    ...locales.map((code) => ({ hreflang: code, href: `${address}?lang=${code}` })),
    { hreflang: 'x-default', href: address },
  ]
}
