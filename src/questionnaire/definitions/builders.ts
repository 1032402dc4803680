import type { DefinitionInput, Option } from '../definitionSchema'

/** The input shapes of a definition's parts (defaults still optional), for the shipped definitions. */
export type SectionInput = DefinitionInput['sections'][number]
export type PageInput = SectionInput['pages'][number]
export type QuestionInput = PageInput['questions'][number]

/** One answer option; `extra` carries long labels, hints, sentence phrases and edition years. */
export function option(key: string, label: string, extra: Omit<Option, 'key' | 'label'> = {}): Option {
  return { key, label, ...extra }
}

/** The "None of these" style option: choosing it clears every other choice. */
export function noneOption(label: string): Option {
  return { key: 'none', label, exclusive: true }
}

/** Shown only when a yes/no question was answered "yes". */
export const whenYes = (question: string) => ({ question, anyOf: ['yes'] })
