import { z } from 'zod'
import type { FieldError } from '../shared/errors'
import { english, type MessageValues, type Translate } from '../i18n/catalogues'

/** Form input for account pages, validated once with our own messages (STYLE.md §5). */
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 200

/** The password forms' messages (account.passwordErrors in the catalogues) with their values. */
const passwordMessages: Record<string, MessageValues | undefined> = {
  newPasswordMissing: undefined,
  newPasswordTooShort: { count: PASSWORD_MIN_LENGTH },
  newPasswordTooLong: { count: PASSWORD_MAX_LENGTH },
  confirmMissing: undefined,
  mismatch: undefined,
  currentMissing: undefined,
  currentWrong: undefined,
  sameAsCurrent: undefined,
}
export type PasswordMessage = keyof typeof passwordMessages

/** A password form's message in English, as services return it. */
export const passwordMessage = (name: PasswordMessage): string =>
  english(`account.passwordErrors.${name}`, passwordMessages[name])

/**
 * A password form's errors in the page's language (issue 19): services speak English; the route
 * gives each message the services wrote in the reader's language. Other messages stay as they are.
 */
export function errorsInLanguage(errors: FieldError[], t: Translate): FieldError[] {
  return errors.map((error) => {
    const name = Object.keys(passwordMessages).find((key) => passwordMessage(key) === error.text)
    return name ? { ...error, text: t(`account.passwordErrors.${name}`, passwordMessages[name]) } : error
  })
}

/** A required text field: missing, not a string or blank all get `message`. */
const required = (message: string, max: number, tooLong: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, tooLong)

const email = (missing: string) =>
  required(missing, 254, 'Email address must be 254 characters or fewer')
    .toLowerCase()
    .email('Enter an email address in the correct format, like name@example.org')

const newPassword = z
  .string({ error: passwordMessage('newPasswordMissing') })
  .min(1, passwordMessage('newPasswordMissing'))
  .min(PASSWORD_MIN_LENGTH, passwordMessage('newPasswordTooShort'))
  .max(PASSWORD_MAX_LENGTH, passwordMessage('newPasswordTooLong'))

const passwordPair = {
  newPassword,
  confirmPassword: z
    .string({ error: passwordMessage('confirmMissing') })
    .min(1, passwordMessage('confirmMissing')),
}

const passwordsMatch = (data: { newPassword: string; confirmPassword: string }, ctx: z.RefinementCtx) => {
  if (data.confirmPassword && data.newPassword !== data.confirmPassword) {
    ctx.addIssue({
      code: 'custom',
      path: ['confirmPassword'],
      message: passwordMessage('mismatch'),
    })
  }
}

export const setPasswordSchema = z.object(passwordPair).superRefine(passwordsMatch)

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: passwordMessage('currentMissing') })
      .min(1, passwordMessage('currentMissing'))
      .max(PASSWORD_MAX_LENGTH),
    ...passwordPair,
  })
  .superRefine(passwordsMatch)

export const newAccountSchema = z
  .object({
    displayName: required('Enter the full name', 200, 'Full name must be 200 characters or fewer'),
    email: email('Enter the email address'),
    role: z.enum(['officer', 'admin'], {
      error: 'Select whether this is a city officer or an administrator',
    }),
    cityId: z.string().optional(),
  })
  .superRefine((data, ctx) => {
    if (data.role === 'officer' && !/^\d+$/.test(data.cityId ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['cityId'], message: 'Select the city this officer answers for' })
    }
  })
  .transform((data) => ({ ...data, cityId: data.role === 'officer' ? Number(data.cityId) : null }))

export type NewAccountInput = z.infer<typeof newAccountSchema>

export const cityRequestSchema = z.object({
  cityName: required('Enter the name of your city', 200, 'City name must be 200 characters or fewer'),
  country: required('Enter the country your city is in', 120, 'Country must be 120 characters or fewer'),
  contactName: required('Enter your full name', 200, 'Full name must be 200 characters or fewer'),
  email: email('Enter your email address'),
  contactRole: required(
    'Enter your role, like Chief Innovation Officer',
    200,
    'Role must be 200 characters or fewer',
  ),
})

export const approveCitySchema = z.object({
  cityName: required('Enter the name of the city', 200, 'City name must be 200 characters or fewer'),
  country: required('Enter the country', 120, 'Country must be 120 characters or fewer'),
  slug: required('Enter the web address name (slug)', 120, 'Slug must be 120 characters or fewer').regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'Slug must only include lower-case letters, numbers and hyphens, like enschede-nld',
  ),
  iso3: required('Enter the 3-letter ISO country code', 3, 'ISO country code must be 3 letters, like NLD')
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'ISO country code must be 3 letters, like NLD'),
  region: required('Select a region', 60, 'Region must be 60 characters or fewer'),
  officerName: required("Enter the officer's full name", 200, 'Full name must be 200 characters or fewer'),
  officerEmail: email("Enter the officer's email address"),
})

export type ApproveCityInput = z.infer<typeof approveCitySchema>

export const rejectCitySchema = z.object({
  reason: required(
    'Enter the reason for rejecting this request',
    2000,
    'Reason must be 2000 characters or fewer',
  ),
})

/** A form's outcome: the parsed value, or the messages for the error summary and fields. */
export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] }

/** zod issues → one message per field (the first), ids equal to field names. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): FormResult<z.infer<S>> {
  const parsed = schema.safeParse(input ?? {})
  if (parsed.success) return { ok: true, value: parsed.data }
  const seen = new Set<string>()
  const errors: FieldError[] = []
  for (const issue of parsed.error.issues) {
    const id = String(issue.path[0] ?? 'form')
    if (!seen.has(id)) errors.push({ href: `#${id}`, text: issue.message })
    seen.add(id)
  }
  return { ok: false, errors }
}

export const fail = <T>(id: string, text: string): FormResult<T> => ({
  ok: false,
  errors: [{ href: `#${id}`, text }],
})
