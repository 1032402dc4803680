import { templatePlaceholders, type Condition, type Question } from './definitionSchema'
import { OTHER } from './answerCodec'
import { answerKeys } from './definitionModel'
import { optionMention, questionMention } from './definitionPlaces'
import type { DefinitionProblem, ValidationContext } from './definitionProblem'
import type { ReadDefinition, ReadQuestion } from './definitionShape'

const placeholderPattern = /\{([^{}]*)\}/g

interface Seen {
  read: ReadQuestion
  sectionIndex: number
  /** Its place in reading order. */
  order: number
}

const mention = (seen: Seen) =>
  questionMention({ key: seen.read.key, name: seen.read.label }, seen.sectionIndex)

/** The cross-checks of a definition, over every part whose shape could be read. */
export function meaningProblems(definition: ReadDefinition, context: ValidationContext): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  const years = new Set([...context.knownYears, ...(definition.year === undefined ? [] : [definition.year])])
  const sections = new Map<string, string>()
  const pages = new Map<string, string>()
  const questions = new Map<string, Seen>()
  let order = 0
  for (const section of definition.sections)
    for (const page of section.pages)
      for (const read of page.questions)
        if (read.key && !questions.has(read.key))
          questions.set(read.key, { read, sectionIndex: section.index, order: order++ })
        else order++

  const keyUsed = (
    map: Map<string, string>,
    key: string | undefined,
    path: string,
    where: string,
    what: string,
  ) => {
    if (!key) return
    const earlier = map.get(key)
    if (earlier)
      problems.push({ path: `${path}.key`, where, message: `the key "${key}" is already used by ${earlier}` })
    else map.set(key, what)
  }

  order = 0
  for (const section of definition.sections) {
    keyUsed(sections, section.key, section.path, section.where, section.where.replace(/^Section/, 'section'))
    for (const page of section.pages) {
      keyUsed(
        pages,
        page.key,
        page.path,
        page.where,
        `${page.where.replace(/^Page/, 'page')} in section ${section.index + 1}`,
      )
      const firstOnPage = order
      if (page.condition)
        problems.push(
          ...conditionProblems(page.condition, questions, firstOnPage, `${page.path}.condition`, page.where),
        )
      for (const read of page.questions) {
        const first = read.key ? questions.get(read.key) : undefined
        if (first && first.read !== read)
          problems.push({
            path: `${read.path}.key`,
            where: read.where,
            message: `the key is already used by ${mention(first)}`,
          })
        if (read.condition)
          problems.push(
            ...conditionProblems(read.condition, questions, order, `${read.path}.condition`, read.where),
          )
        if (read.question) problems.push(...questionProblems(read.question, read, years))
        order++
      }
    }
  }
  return problems
}

/** A condition may name a question before `before` (in reading order) and expect answers it can give. */
function conditionProblems(
  condition: Condition,
  questions: Map<string, Seen>,
  before: number,
  path: string,
  where: string,
): DefinitionProblem[] {
  const target = questions.get(condition.question)
  if (!target)
    return [
      {
        path: `${path}.question`,
        where,
        message: `its condition names "${condition.question}", which is not a question of this questionnaire`,
      },
    ]
  if (target.order >= before)
    return [
      {
        path: `${path}.question`,
        where,
        message: `its condition names ${mention(target)}, which comes later; a condition can only name an earlier question`,
      },
    ]
  // A target whose own shape is wrong is reported there; its answers cannot be checked.
  if (!target.read.question) return []
  const allowed = answerKeys(target.read.question)
  if (allowed.length === 0)
    return [
      {
        path: `${path}.question`,
        where,
        message: `its condition names ${mention(target)}, which has no options to expect; name a yes/no or choice question`,
      },
    ]
  return condition.anyOf
    .filter((value) => !allowed.includes(value))
    .map((value) => ({
      path: `${path}.anyOf`,
      where,
      message: `its condition expects "${value}", which is not an answer of ${mention(target)}; use ${allowed.map((a) => `"${a}"`).join(', ')}`,
    }))
}

function questionProblems(question: Question, read: ReadQuestion, years: Set<number>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  const { path, where } = read
  const optionLists: Array<[string, { key: string; label: string; availableIn?: number[] }[]]> = []
  if ('options' in question) optionLists.push(['options', question.options])
  if (question.type === 'rating') optionLists.push(['scale', question.scale])
  if (question.type === 'matrix') optionLists.push(['columns', question.columns])

  for (const [listName, options] of optionLists) {
    const keys = new Map<string, string>()
    options.forEach((option, o) => {
      const optionPath = `${path}.${listName}.${o}`
      const named = optionMention(listName, o, { key: option.key, name: option.label })
      const earlier = keys.get(option.key)
      if (earlier)
        problems.push({
          path: `${optionPath}.key`,
          where,
          message: `${optionMention(listName, o, { name: option.label })} has the key "${option.key}", already used by ${earlier}`,
        })
      else keys.set(option.key, optionMention(listName, o, { name: option.label }))
      if (option.key === OTHER)
        problems.push({
          path: `${optionPath}.key`,
          where,
          message: `${named} uses the key "${OTHER}", which is kept for "Other (please specify)"`,
        })
      for (const year of option.availableIn ?? [])
        if (!years.has(year))
          problems.push({
            path: `${optionPath}.availableIn`,
            where,
            message: `${named} is offered in ${year}, but there is no ${year} edition`,
          })
    })
  }
  // Any type with bounds (numbers, years, ISO dates, which compare as text).
  const { min, max } = 'min' in question ? question : { min: undefined, max: undefined }
  if (
    min !== undefined &&
    max !== undefined &&
    (typeof min === 'number' && typeof max === 'number' ? min > max : String(min) > String(max))
  )
    problems.push({
      path: `${path}.min`,
      where,
      message: `the minimum (${min}) is greater than the maximum (${max})`,
    })
  question.profile?.sentences?.forEach((sentence, i) => {
    for (const [, name] of sentence.text.matchAll(placeholderPattern))
      if (!(templatePlaceholders as readonly string[]).includes(name))
        problems.push({
          path: `${path}.profile.sentences.${i}.text`,
          where,
          message: `sentence ${i + 1} uses the unknown placeholder "{${name}}"; use one of ${templatePlaceholders.map((p) => `{${p}}`).join(', ')}`,
        })
  })
  return problems
}
