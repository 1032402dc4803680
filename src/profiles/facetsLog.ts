import type { Answers } from '../questionnaire/answerCodec'
import { ownKeys } from './profileBlocks'
import type { CityFacets } from './profileContent'

/**
 * Each profiled city's facets (what `cityFacets` gives), noted as small numbers while
 * regeneration reads the answers, so that an edition of 100 000 cities keeps about 2 MB for
 * them until the aggregate is written, not some 100 MB of objects and strings. Each option is
 * numbered the first time it is met, per facet question; a city is its id, then per question
 * how many options it chose and their numbers.
 */
export interface FacetsLog {
  add(cityId: number, answers: Answers): void
  /** Cities noted so far. */
  readonly size: number
  /** The cities' facets as JSON, in the order noted: the text `JSON.stringify` gives of the `CityFacets[]`. */
  json(): string
}

/** Cities whose facets are joined into one text before the texts are joined in turn. */
const SLICE = 2000

export function facetsLog(keys: string[]): FacetsLog {
  const cityIds: number[] = []
  const numbers = keys.map(() => new Map<string, number>())
  const options = keys.map((): string[] => [])
  let codes = new Uint32Array(4096)
  let length = 0
  const push = (code: number) => {
    if (length === codes.length) {
      const larger = new Uint32Array(codes.length * 2)
      larger.set(codes)
      codes = larger
    }
    codes[length++] = code
  }
  const numberOf = (k: number, option: string): number => {
    let n = numbers[k].get(option)
    if (n === undefined) {
      n = options[k].length
      options[k].push(option)
      numbers[k].set(option, n)
    }
    return n
  }

  return {
    add(cityId, answers) {
      cityIds.push(cityId)
      keys.forEach((key, k) => {
        const chosen = ownKeys(answers.get(key))
        push(chosen.length)
        for (const option of chosen) push(numberOf(k, option))
      })
    },
    get size() {
      return cityIds.length
    },
    json() {
      // Joined a slice of cities at a time: 100 000 small texts never wait for the join together.
      const slices: string[] = []
      let at = 0
      for (let start = 0; start < cityIds.length; start += SLICE) {
        const texts: string[] = []
        for (const cityId of cityIds.slice(start, start + SLICE)) {
          // Built as cityFacets builds it (Object.fromEntries, in key order), so the text is the same.
          const facets = Object.fromEntries(
            keys.map((key, k) => {
              const count = codes[at++]
              const chosen: string[] = []
              for (let i = 0; i < count; i++) chosen.push(options[k][codes[at++]])
              return [key, chosen]
            }),
          )
          const city: CityFacets = { cityId, facets }
          texts.push(JSON.stringify(city))
        }
        slices.push(texts.join(','))
      }
      return `[${slices.join(',')}]`
    },
  }
}
