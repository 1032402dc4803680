import { relativePath } from './formValues'
import { textFields } from './questionForm'

const sameName = new Set(textFields)

/** The form field a problem path (relative to the question) concerns. */
export function questionFieldFor(relative: string): string | undefined {
  const [head, second, third] = relative.split('.')
  if (sameName.has(head) && second === undefined) return head
  if (head === 'condition') return second === 'anyOf' ? 'conditionAnswers' : 'conditionQuestion'
  if (head === 'options') return 'newOptions'
  if (head === 'scale' || head === 'columns') return 'newScale'
  if (head === 'profile') {
    if (second === 'sentences') return 'profileSentences'
    if (second === 'chart') return third === undefined || third === 'title' ? 'profileChartTitle' : undefined
    return { section: 'profileSection', display: 'profileDisplay', heading: 'profileHeading' }[
      second ?? 'section'
    ]
  }
  return undefined
}

/** A field mapper for problems of the question at `path`. */
export const questionFields = (path: string) => (problemPath: string) => {
  const relative = relativePath(problemPath, path)
  return relative === undefined ? undefined : questionFieldFor(relative)
}
