import type { Definition } from './definitionSchema'

/**
 * A new edition's definition from the previous one: every key kept, so answers stay
 * comparable; options offered last year are offered this year too, and year bounds
 * that equal last year's edition year move to the new one.
 */
export function copyDefinition(previous: Definition, year: number, title?: string): Definition {
  const copy = structuredClone(previous)
  copy.year = year
  copy.copiedFrom = previous.year
  copy.title = title ?? previous.title.replace(String(previous.year), String(year))
  // A translated title names the year too; a title chosen for the copy is English only.
  for (const own of Object.values(copy.translations ?? {}))
    if (own.title) {
      if (title) delete own.title
      else own.title = own.title.replace(String(previous.year), String(year))
    }
  for (const section of copy.sections) {
    for (const page of section.pages) {
      for (const question of page.questions) {
        // A year bound equal to the edition's year ("population figure of which year?") moves with
        // it, and so does that year in its message (when written out rather than as {max}).
        if (question.type === 'year' && question.max === previous.year) {
          question.max = year
          const message = question.messages?.max
          if (message) question.messages!.max = message.replaceAll(String(previous.year), String(year))
          const key = `question.${question.key}.message.max`
          for (const own of Object.values(copy.translations ?? {}))
            if (own[key]) own[key] = own[key].replaceAll(String(previous.year), String(year))
        }
        const lists = [
          'options' in question ? question.options : [],
          question.type === 'rating' ? question.scale : [],
          question.type === 'matrix' ? question.columns : [],
        ]
        for (const option of lists.flat()) {
          if (option.availableIn?.includes(previous.year) && !option.availableIn.includes(year))
            option.availableIn.push(year)
        }
      }
    }
  }
  return copy
}
