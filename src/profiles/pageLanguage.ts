import type { Request, Response } from 'express'
import {
  DEFAULT_LOCALE,
  LOCALES,
  isLocale,
  translator,
  type Locale,
  type Translate,
} from '../i18n/catalogues'
import { localIdentity } from '../i18n/localIdentity'
import { alternateLinks, languageLinks, type AlternateLink, type LanguageLink } from '../web/languageLinks'

/** The reader's language (setUpLocale): a page is in it where its year was made in it. */
export const localeOf = (res: { locals: Record<string, unknown> }): string =>
  String(res.locals.locale ?? 'en')

/** What a public page drawn from a year's snapshots says about its language. */
export interface PageLanguage {
  lang: Locale
  t: Translate
  languages: LanguageLink[]
  alternates: AlternateLink[]
  /** Asked for in a language this year was not (completely) translated into: said in that language. */
  untranslated?: { lang: Locale; text: string }
}

/**
 * The language of a page drawn from snapshots made in `available` languages: the reader's
 * (res.locals.locale) where it is one of them, else English, saying so in the reader's language,
 * never half translated. A page rendered once per language for every reader (`sharedByAll`) has
 * switcher links built from its path alone, so no reader's query ends up in another's page.
 */
export function pageLanguage(
  req: Request,
  res: Response,
  served: string,
  available: string[],
  options: { sharedByAll?: boolean } = {},
): PageLanguage {
  const asked: Locale = isLocale(res.locals.locale) ? res.locals.locale : DEFAULT_LOCALE
  const lang: Locale = isLocale(served) ? served : DEFAULT_LOCALE
  const language: PageLanguage = {
    lang,
    t: translator(lang),
    languages: languageLinks(options.sharedByAll ? req.path : req.originalUrl, LOCALES, asked),
    alternates: alternateLinks(String(req.app.locals.publicBaseUrl ?? ''), req.path, available),
    ...(lang === asked
      ? {}
      : { untranslated: { lang: asked, text: translator(asked)('language.untranslated') } }),
  }
  Object.assign(res.locals, language)
  res.locals.identity = localIdentity(res.locals.baseIdentity ?? res.locals.identity, lang)
  return language
}
