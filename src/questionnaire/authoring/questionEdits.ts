import type { Definition } from '../definitionSchema'
import { refused, type Direction, type EditOutcome } from './editOutcome'
import { locatePage, locateQuestion, moveItem } from './locate'
import { buildQuestion } from './questionForm'
import { questionFields } from './questionFieldMap'
import { text, type FormValues } from './formValues'

/** Names of the properties that differ, for the history summary ("label, hint"). */
export function changedProperties(before: object, after: object): string[] {
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  return names.filter((name) => JSON.stringify(a[name]) !== JSON.stringify(b[name]))
}

export function addQuestion(draft: Definition, pageKey: string, values: FormValues): EditOutcome {
  const at = locatePage(draft, pageKey)
  const { question, errors } = buildQuestion(values)
  at.page.questions.push(question)
  const path = `${at.path}.questions.${at.page.questions.length - 1}`
  return {
    summary: `Added question “${question.label}” (${question.key}) to page ${pageKey}`,
    fieldFor: questionFields(path),
    errors,
  }
}

/** Saves the question form; a different page in `pageKey` moves the question to the end of that page. */
export function updateQuestion(draft: Definition, key: string, values: FormValues): EditOutcome {
  const at = locateQuestion(draft, key)
  const { question, errors } = buildQuestion(values, at.question)
  const changed = changedProperties(at.question, question)
  const targetPage = text(values, 'pageKey')
  let path = at.path
  if (targetPage && targetPage !== at.page.key) {
    at.page.questions.splice(at.q, 1)
    const target = locatePage(draft, targetPage)
    target.page.questions.push(question)
    path = `${target.path}.questions.${target.page.questions.length - 1}`
    changed.push(`moved to page ${targetPage}`)
    if (at.page.questions.length === 0)
      return refused(
        'A page needs at least one question. Add another question to this page before moving this one.',
      )
  } else {
    at.page.questions[at.q] = question
  }
  const what = changed.length ? ` (${changed.join(', ')})` : ' (nothing changed)'
  return { summary: `Changed question ${key}${what}`, fieldFor: questionFields(path), errors }
}

export function moveQuestion(draft: Definition, key: string, direction: Direction): EditOutcome {
  const at = locateQuestion(draft, key)
  moveItem(at.page.questions, at.q, direction)
  return { summary: `Moved question ${key} ${direction}` }
}

export function removeQuestion(draft: Definition, key: string): EditOutcome {
  const at = locateQuestion(draft, key)
  if (at.page.questions.length === 1)
    return refused('A page needs at least one question. Remove the page instead.')
  at.page.questions.splice(at.q, 1)
  return { summary: `Removed question “${at.question.label}” (${key})` }
}
