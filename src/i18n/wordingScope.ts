import { AsyncLocalStorage } from 'node:async_hooks'
import { DEFAULT_LOCALE, translator, type Locale, type Translate } from './catalogues'

/**
 * The language texts stored at regeneration (profiles, charts, results) are being written in
 * (issue 19): regeneration makes each language's inside `inLocale(locale, …)`. Outside one —
 * every request — these words are English, as they always were.
 */
const scope = new AsyncLocalStorage<Locale>()

/** Runs `make` with the words of `locale` (numbers, lists, "more than half", yes and no, plurals). */
export const inLocale = <T>(locale: Locale, make: () => T): T => scope.run(locale, make)

/** The language stored words are being written in now. */
export const wordingLocale = (): Locale => scope.getStore() ?? DEFAULT_LOCALE

/** The catalogue of that language. */
export const wordingTranslator = (): Translate => translator(wordingLocale())

/** "Yes", "No" and "Other" as an answer's label, in the language being written. */
export const answerWord = (word: 'yes' | 'no' | 'other'): string =>
  wordingTranslator()(`profileWords.${word}`)
