/**
 * Where the question partials put follow-ups (src/questionnaire/reveals.ts): as GOV.UK does,
 * right under the option that reveals them; follow-ups revealed by several options come under
 * the last of those, next to them. Pure helpers for views/questions.
 */
export interface PlacedReveal {
  id: string
  values: string[]
}

const lastOf = (values: string[], keys: string[]): string | undefined =>
  keys.filter((key) => values.includes(key)).at(-1)

export const revealPlacement = {
  /** The ids an option controls, space-separated (its `data-cis-controls`), or '' for none. */
  controlledBy: (reveals: PlacedReveal[], optionKey: string): string =>
    reveals
      .filter((r) => r.values.includes(optionKey))
      .map((r) => r.id)
      .join(' '),
  /** The follow-ups shown under this option: those whose last revealing option it is (`keys`: all, in order). */
  under: <T extends PlacedReveal>(reveals: T[], optionKey: string, keys: string[]): T[] =>
    reveals.filter((r) => lastOf(r.values, keys) === optionKey),
  /** Follow-ups revealed by none of `keys` (not placed under an option), shown after them all. */
  after: <T extends PlacedReveal>(reveals: T[], keys: string[]): T[] =>
    reveals.filter((r) => lastOf(r.values, keys) === undefined),
  /** Whether the chosen options reveal the follow-up (so it is shown before any script runs). */
  shown: (reveal: PlacedReveal, chosen: string[]): boolean => reveal.values.some((v) => chosen.includes(v)),
}
