import type { Definition, Option, Question } from './definitionSchema'

/**
 * The words of a questionnaire, apart from its structure (issue 19). Every text a reader sees —
 * titles, intros, labels, hints, options, messages, profile headings and sentence templates — has
 * a stable text key ("question.funding.dedicated.label", "question.policy.areas.option.health.label").
 * A definition keeps its English inline, as always, and its other languages in `translations`:
 * locale → text key → text. Keys and option values never change with the language, so an answer
 * is the same whatever language it was given in, and every count is unchanged.
 */

/** One translatable text of a definition: its key, its English, and where an author finds it. */
export interface DefinitionText {
  key: string
  english: string
  /** "Question 'Dedicated funding' (funding.dedicated)": where the text is, in the editor's words. */
  where: string
}

/** Visits one text: returns the text to put in its place (or undefined to leave it). */
type Visit = (key: string, text: string, where: string) => string | undefined

type Holder = Record<string, unknown>

/** Calls `visit` on the text at holder[field], if there is one, and writes back what it returns. */
function visitField(holder: Holder, field: string, key: string, where: string, visit: Visit): void {
  const text = holder[field]
  if (typeof text !== 'string' || text === '') return
  const replaced = visit(key, text, where)
  if (replaced !== undefined) holder[field] = replaced
}

const optionFields = ['label', 'longLabel', 'hint', 'phrase'] as const

function visitOptions(options: Option[] | undefined, prefix: string, where: string, visit: Visit): void {
  for (const option of options ?? []) {
    for (const field of optionFields)
      visitField(
        option as Holder,
        field,
        `${prefix}.${option.key}.${field}`,
        `${where}, option ${option.key}`,
        visit,
      )
  }
}

function visitQuestion(question: Question, visit: Visit): void {
  const prefix = `question.${question.key}`
  const where = `Question '${question.label}' (${question.key})`
  const holder = question as unknown as Holder
  visitField(holder, 'label', `${prefix}.label`, where, visit)
  visitField(holder, 'hint', `${prefix}.hint`, where, visit)
  if (question.type === 'number') visitField(holder, 'unit', `${prefix}.unit`, where, visit)
  for (const kind of Object.keys(question.messages ?? {}))
    visitField(question.messages as Holder, kind, `${prefix}.message.${kind}`, where, visit)
  if ('options' in question) visitOptions(question.options, `${prefix}.option`, where, visit)
  if (question.type === 'rating') visitOptions(question.scale, `${prefix}.scale`, where, visit)
  if (question.type === 'matrix') visitOptions(question.columns, `${prefix}.column`, where, visit)
  const profile = question.profile
  if (!profile) return
  visitField(profile as Holder, 'heading', `${prefix}.profile.heading`, where, visit)
  visitField(profile as Holder, 'askedOf', `${prefix}.profile.askedOf`, where, visit)
  if (profile.chart) visitField(profile.chart as Holder, 'title', `${prefix}.profile.chart`, where, visit)
  profile.sentences?.forEach((sentence, index) =>
    visitField(sentence as Holder, 'text', `${prefix}.profile.sentence.${index + 1}`, where, visit),
  )
}

/** Walks every text of a definition in reading order. */
function visitTexts(definition: Definition, visit: Visit): void {
  visitField(definition as Holder, 'title', 'title', 'The questionnaire', visit)
  for (const section of definition.sections) {
    const where = `Section '${section.title}' (${section.key})`
    for (const field of ['title', 'publicTitle', 'intro'])
      visitField(section as Holder, field, `section.${section.key}.${field}`, where, visit)
    for (const page of section.pages) {
      const pageWhere = `Page '${page.title}' (${section.key}.${page.key})`
      for (const field of ['title', 'intro'])
        visitField(page as Holder, field, `page.${section.key}.${page.key}.${field}`, pageWhere, visit)
      for (const question of page.questions) visitQuestion(question, visit)
    }
  }
  for (const block of definition.profile.blocks) {
    const where = `Profile block '${block.title ?? block.key}' (${block.key})`
    for (const field of ['title', 'heading'])
      visitField(block as Holder, field, `profile.block.${block.key}.${field}`, where, visit)
    for (const fact of block.cityFacts ?? [])
      visitField(fact as Holder, 'label', `profile.block.${block.key}.cityFact.${fact.field}`, where, visit)
  }
}

/** Every translatable text of a definition, in reading order. */
export function definitionTexts(definition: Definition): DefinitionText[] {
  const texts: DefinitionText[] = []
  visitTexts(definition, (key, english, where) => {
    texts.push({ key, english, where })
    return undefined
  })
  return texts
}

/** The texts a language has no translation for (they are shown in English). */
export function untranslatedTexts(definition: Definition, locale: string): DefinitionText[] {
  const own = definition.translations?.[locale] ?? {}
  return definitionTexts(definition).filter((text) => !own[text.key]?.trim())
}

/** The languages (other than English) whose translation of this definition leaves nothing out. */
export function completeLocales(definition: Definition): string[] {
  return Object.keys(definition.translations ?? {}).filter(
    (locale) => untranslatedTexts(definition, locale).length === 0,
  )
}

const localised = new WeakMap<Definition, Map<string, Definition>>()

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/**
 * The definition in one language: every text with a translation replaced by it, the rest left in
 * English. Structure, keys and option values are the original's. A frozen (stored) definition's
 * copy is made once per language and frozen too, so what is derived from it is also made once.
 */
export function localiseDefinition(definition: Definition, locale: string): Definition {
  const own = definition.translations?.[locale]
  if (!own || Object.keys(own).length === 0) return definition
  const frozen = Object.isFrozen(definition)
  let perLocale = frozen ? localised.get(definition) : undefined
  const made = perLocale?.get(locale)
  if (made) return made
  const copy = structuredClone(definition)
  visitTexts(copy, (key) => {
    const text = own[key]
    return text?.trim() ? text : undefined
  })
  if (!frozen) return copy
  if (!perLocale) localised.set(definition, (perLocale = new Map()))
  perLocale.set(locale, deepFreeze(copy))
  return copy
}
