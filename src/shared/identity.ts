import crypto from 'node:crypto'

/**
 * The survey's identity: the words the site, profiles, PDFs and file names use for it. Set per
 * deployment (environment, then the administrator's settings page) and per survey year where it
 * differs. Nothing else in the code names the survey or its unit.
 */
export interface Identity {
  /** "City Innovation Survey": the site's name in the header, titles, footer and PDFs. */
  surveyName: string
  /** The home page's opening sentence. */
  description: string
  /** The footer's line after the name. */
  footerAbout: string
  /** "Innovation profile": the caption above a profile's name ("Innovation profile 2027"). */
  profileTitle: string
  /** What answers the survey: "city" / "cities", "municipality" / "municipalities". */
  unitSingular: string
  unitPlural: string
  /** Start of every download's name: "city-innovation-survey" → city-innovation-survey-2020-approved.csv. */
  filePrefix: string
  /** The band at the top of a PDF profile, and its author. */
  pdfTitle: string
}

export type IdentityField = keyof Identity

/** Every field, in the order the settings page shows them. */
export const identityFields: IdentityField[] = [
  'surveyName',
  'description',
  'footerAbout',
  'profileTitle',
  'unitSingular',
  'unitPlural',
  'filePrefix',
  'pdfTitle',
]

/** The fields a survey year may set differently from the deployment's. */
export const editionIdentityFields: IdentityField[] = [
  'surveyName',
  'profileTitle',
  'unitSingular',
  'unitPlural',
  'filePrefix',
  'pdfTitle',
]

/** The innovation survey's wording: the demo's identity, and every field's default. */
export const DEFAULT_IDENTITY: Readonly<Identity> = Object.freeze({
  surveyName: 'City Innovation Survey',
  description:
    'How cities build the capacity to innovate: a yearly survey of city governments, and what it finds.',
  footerAbout: 'an annual benchmark of innovation capacity in city government.',
  profileTitle: 'Innovation profile',
  unitSingular: 'city',
  unitPlural: 'cities',
  filePrefix: 'city-innovation-survey',
  pdfTitle: 'City Innovation Survey',
})

/** Some fields set, the rest left to what is below (environment, defaults). */
export type IdentityOverrides = Partial<Identity>

/**
 * The identity with each set field of the layers laid over it, last layer on top (blank values
 * are not set). A PDF title no layer sets follows the survey name a layer sets.
 */
export function withOverrides(base: Identity, ...layers: IdentityOverrides[]): Identity {
  const result = { ...base }
  let pdfTitleSet = false
  for (const layer of layers)
    for (const field of identityFields) {
      const value = layer[field]?.trim()
      if (!value) continue
      result[field] = value
      if (field === 'pdfTitle') pdfTitleSet = true
      else if (field === 'surveyName' && !pdfTitleSet) result.pdfTitle = value
    }
  return result
}

/** A short fingerprint of the identity, for cache keys and ETags of pages that show it. */
export const identityVersion = (identity: Identity): string =>
  crypto
    .createHash('sha1')
    .update(identityFields.map((field) => identity[field]).join('\u0000'))
    .digest('hex')
    .slice(0, 12)

const numberFormat = new Intl.NumberFormat('en-GB')

/** "1 city" / "47 cities", in the identity's unit words. */
export const unitCount = (identity: Identity, count: number): string =>
  `${numberFormat.format(count)} ${count === 1 ? identity.unitSingular : identity.unitPlural}`

/** "cities" → "Cities", for headings and navigation. */
export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * "Innovation profile" → "innovation profile" inside a sentence or title; a word written
 * in capitals throughout (an acronym, "OECD") keeps them.
 */
export const inSentence = (text: string): string =>
  /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text

/** Where the identity comes from: the deployment's, or one survey year's. */
export interface IdentitySource {
  /** The deployment's identity (environment and settings page). */
  current(): Promise<Identity>
  /** The identity of one survey year: the deployment's with that year's own settings over it. */
  forYear(year: number): Promise<Identity>
  /** Changes whenever any setting changes: part of the cache key of every page that shows one. */
  version(): Promise<string>
  /** The identity and version already read and still fresh, without waiting (undefined: ask the above). */
  known?(): { current: Identity; version: string } | undefined
}

/** A source that always answers the same identity (commands and tests without a database). */
export const fixedIdentity = (identity: Identity = DEFAULT_IDENTITY): IdentitySource => ({
  current: async () => identity,
  forYear: async () => identity,
  version: async () => identityVersion(identity),
})
