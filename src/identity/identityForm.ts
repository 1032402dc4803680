import { z } from 'zod'
import type { FieldError } from '../shared/errors'
import type { IdentityField, IdentityOverrides } from '../shared/identity'

/** What each field is called on the settings page, in the environment, and its limits. */
export const identityFieldInfo: Record<
  IdentityField,
  { label: string; hint: string; env: string; max: number }
> = {
  surveyName: {
    label: 'Survey name',
    hint: 'The site’s name in its header, page titles and footer, for example “City Innovation Survey”.',
    env: 'SURVEY_NAME',
    max: 80,
  },
  description: {
    label: 'Short description',
    hint: 'The home page’s opening sentence.',
    env: 'SURVEY_DESCRIPTION',
    max: 300,
  },
  footerAbout: {
    label: 'About line in the footer',
    hint: 'Follows the survey name at the foot of every page, for example “an annual benchmark of …”.',
    env: 'SURVEY_FOOTER_ABOUT',
    max: 200,
  },
  profileTitle: {
    label: 'Profile title',
    hint: 'Above each public profile, before its year, for example “Innovation profile”.',
    env: 'PROFILE_TITLE',
    max: 60,
  },
  unitSingular: {
    label: 'What takes part (one)',
    hint: 'Lower case, for example “city” or “municipality”.',
    env: 'UNIT_SINGULAR',
    max: 40,
  },
  unitPlural: {
    label: 'What takes part (several)',
    hint: 'Lower case, for example “cities” or “municipalities”.',
    env: 'UNIT_PLURAL',
    max: 40,
  },
  filePrefix: {
    label: 'File name prefix',
    hint: 'Starts every download’s name: lower-case letters and digits joined by “-”, for example “city-innovation-survey”.',
    env: 'FILE_PREFIX',
    max: 60,
  },
  pdfTitle: {
    label: 'PDF title',
    hint: 'The band at the top of each PDF profile; left blank, the survey name.',
    env: 'PDF_TITLE',
    max: 80,
  },
}

const FILE_PREFIX = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** One field's rule: blank means "not set here" (the level below applies). */
function fieldSchema(field: IdentityField) {
  const { label, max } = identityFieldInfo[field]
  const text = z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine((value) => !/\p{Cc}/u.test(value), `${label} must be one line of text`)
  return field === 'filePrefix'
    ? text.refine(
        (value) => value === '' || FILE_PREFIX.test(value),
        'File name prefix must be lower-case letters and digits joined by “-”, for example digital-services',
      )
    : text
}

/**
 * Reads the given fields from a form or the environment (by `key(field)`): the fields set, and
 * a `{ href, text }` message for each field that is not acceptable, for the error summary.
 */
export function parseIdentityInput(
  input: Record<string, unknown>,
  fields: IdentityField[],
  key: (field: IdentityField) => string = (field) => field,
): { values: IdentityOverrides; errors: FieldError[] } {
  const values: IdentityOverrides = {}
  const errors: FieldError[] = []
  for (const field of fields) {
    const raw = input[key(field)]
    const parsed = fieldSchema(field).safeParse(typeof raw === 'string' ? raw : '')
    if (!parsed.success) errors.push({ href: `#${field}`, text: parsed.error.issues[0].message })
    else if (parsed.data) values[field] = parsed.data
  }
  return { values, errors }
}

/** The identity settings of the environment (SURVEY_NAME, …): fails on a value the form would refuse. */
export function identityFromEnv(env: NodeJS.ProcessEnv, fields: IdentityField[]): IdentityOverrides {
  const { values, errors } = parseIdentityInput(env, fields, (field) => identityFieldInfo[field].env)
  if (errors.length) {
    const byField = errors.map((e) => e.href.slice(1) as IdentityField)
    throw new Error(
      byField.map((field, i) => `${identityFieldInfo[field].env}: ${errors[i].text}`).join('\n  '),
    )
  }
  return values
}
