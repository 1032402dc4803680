/**
 * Where the question partials put follow-ups (src/questionnaire/reveals.ts): as GOV.UK does,
 * right under the one option that reveals them; follow-ups revealed by several options come
 * after all the options. Pure helpers for views/questions.
 */
export interface PlacedReveal {
  id: string
  values: string[]
}

export const revealPlacement = {
  /** The ids an option controls, space-separated (its `data-cis-controls`), or '' for none. */
  controlledBy: (reveals: PlacedReveal[], optionKey: string): string =>
    reveals
      .filter((r) => r.values.includes(optionKey))
      .map((r) => r.id)
      .join(' '),
  /** The follow-ups revealed by this option alone, shown right under it. */
  under: <T extends PlacedReveal>(reveals: T[], optionKey: string): T[] =>
    reveals.filter((r) => r.values.length === 1 && r.values[0] === optionKey),
  /** Follow-ups not placed under a single option of `optionKeys`. */
  after: <T extends PlacedReveal>(reveals: T[], optionKeys: string[]): T[] =>
    reveals.filter((r) => !(r.values.length === 1 && optionKeys.includes(r.values[0]))),
  /** Whether the chosen options reveal the follow-up (so it is shown before any script runs). */
  shown: (reveal: PlacedReveal, chosen: string[]): boolean => reveal.values.some((v) => chosen.includes(v)),
}
