/**
 * Where a problem of a definition is, in the words an author knows it by: the question's label and
 * key, the page's or section's title, never an array path.
 */

export interface Named {
  key?: string
  /** A question's label, or a page's or section's title. */
  name?: string
}

const quoted = (name: string): string => `'${name}'`

function named(kind: string, item: Named, fallback: string): string {
  if (item.name && item.key) return `${kind} ${quoted(item.name)} (${item.key})`
  if (item.name) return `${kind} ${quoted(item.name)}`
  if (item.key) return `${kind} ${item.key}`
  return fallback
}

export const documentPlace = 'The questionnaire'

/** "Section 2 'Funding' (funding)": sections are also known by their number in the task list. */
export const sectionPlace = (index: number, section: Named): string => item(`Section ${index + 1}`, section)

const item = (numbered: string, value: Named): string =>
  value.name && value.key
    ? `${numbered} ${quoted(value.name)} (${value.key})`
    : value.name
      ? `${numbered} ${quoted(value.name)}`
      : value.key
        ? `${numbered} (${value.key})`
        : numbered

/** "Page 'Sources' (funding.sources)", or its position when it has neither title nor key. */
export const pagePlace = (sectionIndex: number, pageIndex: number, page: Named): string =>
  named('Page', page, `Page ${pageIndex + 1} of section ${sectionIndex + 1}`)

/** "Question 'Hosting' (publication.hosting)", or its position when it has neither label nor key. */
export const questionPlace = (question: Named, position: { page: string; index: number }): string =>
  named(
    'Question',
    question,
    `Question ${position.index + 1} of ${position.page.charAt(0).toLowerCase()}${position.page.slice(1)}`,
  )

/** A question named inside a message: "question 'Software used' in section 2". */
export const questionMention = (question: Named, sectionIndex: number): string =>
  `${question.name ? `question ${quoted(question.name)}` : named('question', question, 'another question')} in section ${sectionIndex + 1}`

/** An option named inside a message: "option 2 'Waste' (waste)". */
export const optionMention = (listName: string, index: number, option: Named): string =>
  item(`${listItemWords[listName] ?? 'option'} ${index + 1}`, option)

const listItemWords: Record<string, string> = { options: 'option', scale: 'scale point', columns: 'column' }
