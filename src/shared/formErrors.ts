import type { z } from 'zod'
import type { FieldError } from './errors'

/** zod issues → the `{ href, text }` list that feeds both the error summary and the field messages. */
export function fieldErrors(
  error: z.ZodError,
  fieldId: (path: PropertyKey[]) => string = (p) => p.join('-'),
): FieldError[] {
  return error.issues.map((issue) => ({ href: `#${fieldId(issue.path)}`, text: issue.message }))
}

/** The message for one field, if any (for the error beside the field). */
export function errorFor(errors: FieldError[] | undefined, id: string): string | undefined {
  return errors?.find((e) => e.href === `#${id}`)?.text
}
