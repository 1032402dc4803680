import { BadRequestError, type FieldError } from '../../shared/errors'
import type { Definition } from '../definitionSchema'

/** What one edit did to the draft: a summary for the history, and how its problems map to form fields. */
export interface EditOutcome {
  summary: string
  /** The form field a validation problem path concerns (undefined: not on this form). */
  fieldFor?: (path: string) => string | undefined
  /** Input the form could not read; the draft is not saved. */
  errors?: FieldError[]
}

/** An edit of a draft definition (a copy: it may change it freely). */
export type Edit = (draft: Definition) => EditOutcome

export type Direction = 'up' | 'down'

/** The direction of a move button; anything else is a malformed request, not a move down. */
export function direction(value: unknown): Direction {
  if (value === 'up' || value === 'down') return value
  throw new BadRequestError('Choose whether to move it up or down')
}

/** An edit that cannot be made at all; the message shows at the top of the confirmation page. */
export const refused = (message: string): EditOutcome => ({
  summary: '',
  errors: [{ href: '#confirm', text: message }],
})
