import { OTHER, type AnswerValue, type Answers } from '../../../src/questionnaire/answerCodec'
import type { Condition, Definition, Question } from '../../../src/questionnaire/definitionSchema'
import { allQuestions, offeredOptions, questionIndex } from '../../../src/questionnaire/definitionModel'

/** An independent reading of conditions, so the generator is not checked against itself. */
export function conditionMet(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true
  const answer = answers.get(condition.question)
  if (!answer) return false
  if (answer.type === 'yesno' || answer.type === 'single') return condition.anyOf.includes(answer.choice)
  if (answer.type === 'multiple') return answer.choices.some((choice) => condition.anyOf.includes(choice))
  return false
}

/** What is wrong with a set of answers for a definition; empty when every answer is allowed. */
export function answerProblems(definition: Definition, answers: Answers): string[] {
  const index = questionIndex(definition)
  const problems: string[] = []
  for (const [key, value] of answers) {
    const placed = index.get(key)
    if (!placed) {
      problems.push(`${key}: not a question of ${definition.year}`)
      continue
    }
    if (!conditionMet(placed.page.condition, answers) || !conditionMet(placed.question.condition, answers)) {
      problems.push(`${key}: answered although its condition hides it`)
    }
    problems.push(
      ...valueProblems(placed.question, value, definition.year).map((problem) => `${key}: ${problem}`),
    )
  }
  return problems
}

/** Required questions that are shown (their conditions met) but have no answer. */
export function missingRequired(definition: Definition, answers: Answers): string[] {
  return allQuestions(definition)
    .filter(({ question }) => question.required && question.type !== 'matrix')
    .filter(
      ({ question, page }) =>
        conditionMet(page.condition, answers) && conditionMet(question.condition, answers),
    )
    .filter(({ question }) => !answers.has(question.key))
    .map(({ question }) => question.key)
}

function valueProblems(question: Question, value: AnswerValue, year: number): string[] {
  if (value.type !== question.type) return [`a ${value.type} answer to a ${question.type} question`]
  const offered = offeredOptions(question, year).map((option) => option.key)
  const hasOther = (question.type === 'single' || question.type === 'multiple') && question.other
  const allowed = (key: string) => offered.includes(key) || (key === OTHER && hasOther)
  const problems: string[] = []
  switch (value.type) {
    case 'yesno':
      if (!['yes', 'no'].includes(value.choice)) problems.push(`"${value.choice}" is not yes or no`)
      break
    case 'single':
      if (!allowed(value.choice)) problems.push(`"${value.choice}" is not offered in ${year}`)
      if (value.choice === OTHER && !value.other) problems.push('"Other" without its text')
      break
    case 'multiple': {
      problems.push(
        ...value.choices.filter((c) => !allowed(c)).map((c) => `"${c}" is not offered in ${year}`),
      )
      if (value.choices.length === 0) problems.push('no choice')
      if (new Set(value.choices).size !== value.choices.length) problems.push('a choice twice')
      if (value.choices.includes(OTHER) && !value.other) problems.push('"Other" without its text')
      const exclusive =
        question.type === 'multiple' &&
        question.options.some((o) => o.exclusive && value.choices.includes(o.key))
      if (exclusive && value.choices.length > 1) problems.push('an exclusive option with others')
      if (question.type === 'multiple' && question.maxChoices && value.choices.length > question.maxChoices) {
        problems.push(`more than ${question.maxChoices} choices`)
      }
      break
    }
    case 'rating':
    case 'matrix': {
      const levels =
        question.type === 'rating' ? question.scale : question.type === 'matrix' ? question.columns : []
      for (const [row, cell] of Object.entries(value.cells)) {
        if (!offered.includes(row)) problems.push(`row "${row}" is not offered in ${year}`)
        if (!levels.some((level) => level.key === cell))
          problems.push(`"${cell}" is not a level of row "${row}"`)
      }
      if (
        value.type === 'rating' &&
        question.required &&
        Object.keys(value.cells).length !== offered.length
      ) {
        problems.push('not every item rated')
      }
      break
    }
    case 'number':
    case 'year':
      if (
        (question.type === 'number' || question.type === 'year') &&
        question.min !== undefined &&
        value.value < question.min
      ) {
        problems.push(`${value.value} is below ${question.min}`)
      }
      if (
        (question.type === 'number' || question.type === 'year') &&
        question.max !== undefined &&
        value.value > question.max
      ) {
        problems.push(`${value.value} is above ${question.max}`)
      }
      if (!Number.isInteger(value.value)) problems.push(`${value.value} is not a whole number`)
      break
    case 'text':
    case 'longtext':
      if (!value.value.trim()) problems.push('empty text')
      if ('maxLength' in question && value.value.length > question.maxLength) problems.push('text too long')
      break
    case 'url':
      if (!/^https:\/\/[^\s]+$/.test(value.value)) problems.push(`"${value.value}" is not a web address`)
      break
    case 'textList':
      if (value.values.length === 0) problems.push('no names')
      if (question.type === 'textList' && value.values.length > question.maxItems)
        problems.push('too many names')
      break
    case 'ranking':
      if ([...value.order].sort().join() !== [...offered].sort().join())
        problems.push('not every item ranked')
      break
  }
  return problems
}
