import type { Definition, Option, Page, Question, Section } from './definitionSchema'
import { answerWord } from '../i18n/wordingScope'

export interface PlacedQuestion {
  question: Question
  page: Page
  section: Section
  sectionIndex: number
}

// A stored definition is frozen (editionsRepository) and shared by every request, so what is
// derived from it is worked out once; a draft being edited is not frozen and is read afresh.
const placedQuestions = new WeakMap<Definition, readonly PlacedQuestion[]>()
const questionIndexes = new WeakMap<Definition, ReadonlyMap<string, PlacedQuestion>>()

function memo<T>(cache: WeakMap<Definition, T>, definition: Definition, derive: () => T): T {
  if (!Object.isFrozen(definition)) return derive()
  let value = cache.get(definition)
  if (value === undefined) cache.set(definition, (value = derive()))
  return value
}

/** Every question of a definition in reading order, with the page and section it sits on. */
export function allQuestions(definition: Definition): readonly PlacedQuestion[] {
  return memo(placedQuestions, definition, () =>
    Object.freeze(
      definition.sections.flatMap((section, sectionIndex) =>
        section.pages.flatMap((page) =>
          page.questions.map((question) => ({ question, page, section, sectionIndex })),
        ),
      ),
    ),
  )
}

/** Index of questions by key. */
export function questionIndex(definition: Definition): ReadonlyMap<string, PlacedQuestion> {
  return memo(
    questionIndexes,
    definition,
    () => new Map(allQuestions(definition).map((placed) => [placed.question.key, placed])),
  )
}

/** Whether an option is offered in the given edition year. */
export function isOffered(option: Option, year: number): boolean {
  return !option.availableIn || option.availableIn.includes(year)
}

/** The options of a question that the given edition offers (rows for ratings and matrices). */
export function offeredOptions(question: Question, year: number): Option[] {
  return 'options' in question ? question.options.filter((option) => isOffered(option, year)) : []
}

/** The option keys an answer to this question may take (for conditions and validation). */
export function answerKeys(question: Question): string[] {
  if (question.type === 'yesno') return ['yes', 'no']
  if (question.type === 'single' || question.type === 'multiple') {
    return question.options.map((option) => option.key).concat(question.other ? ['other'] : [])
  }
  return 'options' in question ? question.options.map((option) => option.key) : []
}

/** Label of an option key of a question ("Yes"/"No" for yes/no questions). */
export function optionLabel(question: Question, optionKey: string): string {
  if (question.type === 'yesno') return answerWord(optionKey === 'yes' ? 'yes' : 'no')
  if (optionKey === 'other') return answerWord('other')
  const option = 'options' in question ? question.options.find((o) => o.key === optionKey) : undefined
  return option?.label ?? optionKey
}
