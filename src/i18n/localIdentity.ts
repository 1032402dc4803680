import { DEFAULT_IDENTITY, type Identity } from '../shared/identity'
import { DEFAULT_LOCALE, isLocale, translator } from './catalogues'

/** The identity's words a language's catalogue translates (identity.<field>), while they are the defaults. */
const translated = [
  'surveyName',
  'description',
  'footerAbout',
  'profileTitle',
  'unitSingular',
  'unitPlural',
  'pdfTitle',
] as const

/**
 * The survey's identity in a language: each of its words still at the default (the innovation
 * survey's) in that language's own words; words an administrator set are theirs, as written.
 */
export function localIdentity(identity: Identity, lang: string): Identity {
  if (lang === DEFAULT_LOCALE || !isLocale(lang)) return identity
  const t = translator(lang)
  const local = { ...identity }
  for (const field of translated)
    if (identity[field] === DEFAULT_IDENTITY[field]) local[field] = t(`identity.${field}`)
  return local
}
