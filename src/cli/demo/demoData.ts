import type { Answers } from '../../questionnaire/answerCodec'
import type { Definition } from '../../questionnaire/definitionSchema'
import { enschede, type DemoCity } from './demoCities'
import { enschede2020Answers } from './enschede'
import { generateAnswers } from './generateAnswers'

/**
 * The embedded demo data (DESIGN §7), pure and deterministic: no database, no clock, no
 * Math.random. About 150 plainly fictional cities (90 answered 2018, 90 answered 2020, 30 of them
 * both) plus Enschede, the one real city, with the 2020 answers its public profile shows.
 */
export { demoCities, enschede, respondentsOf, type DemoCity, type Region } from './demoCities'
export { enschede2020Answers } from './enschede'

/**
 * A city's answers to an edition (call it for the years in `city.editions`). Fictional cities get generated answers whose shares follow the
 * original survey's headline figures; a real city gets only what its published profile shows
 * (Enschede 2020), never invented answers.
 */
export function demoAnswers(definition: Definition, city: DemoCity): Answers {
  if (city.fictional) return generateAnswers(definition, city)
  if (city.slug === enschede.slug && definition.year === 2020)
    return structuredClone(new Map(enschede2020Answers))
  return new Map()
}
