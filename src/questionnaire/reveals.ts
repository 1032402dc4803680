import type { Question } from './definitionSchema'
import { optionLabel } from './definitionModel'
import { fieldId } from './formCodec'
import { DEFAULT_LOCALE, translator, type Locale } from '../i18n/catalogues'

/**
 * GOV.UK's conditional reveal: a follow-up whose condition is on the same page is shown in
 * place, under the answer that calls for it, instead of as a question of its own with a note.
 * Questions whose answer can reveal something: those answered by choosing options.
 */
const revealingTypes = new Set<Question['type']>(['yesno', 'single', 'multiple'])

/** Follow-ups revealed by the same answers, shown together under one short hint. */
export interface RevealGroup<T> {
  id: string
  /** The option keys that reveal the group (any of them). */
  values: string[]
  hint: string
  items: Array<Revealing<T>>
}

export type Revealing<T> = T & { reveals: Array<RevealGroup<T>> }

/** The words several labels start with, when they share at least two ("A dedicated innovation team"). */
function sharedStart(labels: string[]): string {
  const words = labels.map((label) => label.split(' '))
  const shared: string[] = []
  for (const [i, word] of words[0].entries()) {
    if (!words.every((w) => w[i] === word && w.length > i + 1)) break
    shared.push(word)
  }
  return shared.length >= 2 ? shared.join(' ') : ''
}

/**
 * One short hint for follow-ups, shown without JavaScript: "If you chose “Yes”", "If you chose
 * “A” or “B”", and for several answers that start alike "If you chose “A dedicated team …”".
 */
export function revealHint(controller: Question, values: string[], locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale)
  const labels = values.map((key) =>
    controller.type === 'yesno'
      ? t(key === 'yes' ? 'survey.question.yes' : 'survey.question.no')
      : key === 'other'
        ? t('survey.question.other')
        : optionLabel(controller, key),
  )
  const verb = controller.type === 'multiple' ? 'selected' : 'chose'
  const start = labels.length > 2 ? sharedStart(labels) : ''
  if (start) return t('survey.reveal.shared', { verb, start })
  const quoted = labels.map((label) => t('validation.quoted', { label }))
  const list =
    quoted.length > 1
      ? `${quoted.slice(0, -1).join(', ')}${t('survey.reveal.or')}${quoted.at(-1)}`
      : quoted[0]
  return t('survey.reveal.list', { verb, list })
}

/**
 * Nests each follow-up under the question it depends on, when both are on the page and the
 * controlling question has options. Consecutive follow-ups revealed by the same answers share
 * one group. Everything else stays in reading order at the top level.
 */
export function nestReveals<T extends { question: Question }>(
  items: T[],
  idPrefix = '',
  locale: Locale = DEFAULT_LOCALE,
): Array<Revealing<T>> {
  const byKey = new Map<string, Revealing<T>>()
  const top: Array<Revealing<T>> = []
  for (const item of items) {
    const node: Revealing<T> = { ...item, reveals: [] }
    byKey.set(item.question.key, node)
    const condition = item.question.condition
    const controller = condition && byKey.get(condition.question)
    if (!condition || !controller || !revealingTypes.has(controller.question.type)) {
      top.push(node)
      continue
    }
    const values = [...condition.anyOf]
    const last = controller.reveals.at(-1)
    if (last && last.values.join(' ') === values.join(' ')) {
      last.items.push(node)
    } else {
      controller.reveals.push({
        id: `${fieldId(controller.question.key, idPrefix)}--reveal-${controller.reveals.length + 1}`,
        values,
        hint: revealHint(controller.question, values, locale),
        items: [node],
      })
    }
  }
  return top
}
