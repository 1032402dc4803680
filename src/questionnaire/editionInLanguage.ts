import { localiseDefinition } from './definitionTexts'
import type { Edition } from './editionsRepository'

/**
 * The edition as read in one language (issue 19): its definition with that language's
 * translations in place (English where one is missing), and its title translated with it.
 * Keys and option values are the original's, so answers read and saved through it are the same.
 */
export function editionInLanguage(edition: Edition, locale: string | undefined): Edition {
  if (!locale) return edition
  const definition = localiseDefinition(edition.definition, locale)
  if (definition === edition.definition) return edition
  const titled = Boolean(edition.definition.translations?.[locale]?.title?.trim())
  return { ...edition, definition, title: titled ? definition.title : edition.title }
}
