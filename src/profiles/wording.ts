/**
 * Numbers and lists as the profile sentences write them. Pure functions, unit-tested
 * against hand-computed cases (test/unit/profilesWording.test.ts).
 */

const numberFormat = new Intl.NumberFormat('en-GB')

/** A whole number with thousands separators, as the profile header writes "159,000". */
export const formatCount = (value: number): string => numberFormat.format(value)

/**
 * `part` of `whole` as a whole percent, rounded half up (12.5 → 13). Integer arithmetic,
 * so 0.5 boundaries never fall to floating-point error.
 */
export function roundedPercent(part: number, whole: number): number {
  if (whole <= 0) return 0
  return Math.floor((200 * part + whole) / (2 * whole))
}

/** "81%". */
export const percentText = (percent: number): string => `${percent}%`

/**
 * The share in words where a template asks for words: "more than half" when strictly more than
 * half of the cities gave the answer (instrument §4.2 suggested rule), otherwise the number.
 */
export function shareInWords(part: number, whole: number): string {
  return 2 * part > whole ? 'more than half' : percentText(roundedPercent(part, whole))
}

/**
 * Joins sentence phrases the way the seed profile does: "a, b, and c" for three or more;
 * for two, "a and b" unless a phrase already contains " and " ("the private sector, academia
 * and think tanks"), where a second "and" would blur where one partner ends.
 */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('')
  if (items.length === 2) {
    return items.some((item) => / and /.test(item))
      ? `${items[0]}, ${items[1]}`
      : `${items[0]} and ${items[1]}`
  }
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`
}

/** "1 city" / "47 cities". */
export const citiesText = (count: number): string =>
  `${formatCount(count)} ${count === 1 ? 'city' : 'cities'}`

/** A matrix row a city left blank (data it does not collect, or does not know about). */
export const NOT_COLLECTED = 'Not collected / don’t know'
