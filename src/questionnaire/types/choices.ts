import type { Option } from '../definitionSchema'
import { optionLabel } from '../definitionModel'
import { OTHER, keyLabels, optionsOfYears, type ColumnLayout, type QuestionOf } from './questionType'

/** What single and multiple choice share: option lists with "Other (please specify)" and its text. */

export type ChoiceQuestion = QuestionOf<'single' | 'multiple'>

/** The most characters of an "Other" answer. */
export const OTHER_MAX = 200

/** The chosen option's label, or "Other: …" as written. */
export const choiceLabel = (question: ChoiceQuestion, key: string, other: string | undefined): string =>
  key === OTHER ? `Other: ${other ?? ''}` : optionLabel(question, key)

/** The codebook's list of a single choice's values. */
export function choiceValues(question: ChoiceQuestion, layout: ColumnLayout): string {
  const pairs: Array<[string, string]> = optionsOfYears(question, layout.years).map((o) => [o.key, o.label])
  if (question.other) pairs.push([OTHER, 'Other (please specify)'])
  return keyLabels(pairs)
}

/** The name of the column that holds the "Other" text in this layout. */
export const otherTextColumn = (questionKey: string, layout: ColumnLayout): string =>
  `${questionKey}.${layout.kind === 'openData' ? 'other_text' : OTHER}`

/** "(offered in 2018 only)" after an option's codebook entry, where it is not in every edition. */
export const offeredIn = (option: Option): string =>
  option.availableIn ? ` (offered in ${option.availableIn.join(', ')} only)` : ''

/** The "Other" text as typed, or the failure of it. */
export function otherText(
  other: string,
  fail: (
    failure: 'otherRequired' | 'otherMaxLength',
    parts: string[],
    params?: Record<string, number>,
  ) => null,
): string | null {
  const text = other.trim()
  if (!text) return fail('otherRequired', [OTHER])
  if (text.length > OTHER_MAX) return fail('otherMaxLength', [OTHER], { maxLength: OTHER_MAX })
  return text
}

/** The checkboxes authoring offers for both choice types. */
export const choiceFields = [
  { name: 'other', label: 'Offer “Other (please specify)” with a text box', kind: 'checkbox' as const },
  { name: 'notes', label: 'Offer a note for each chosen option', kind: 'checkbox' as const },
]
