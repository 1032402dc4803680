/**
 * One stored answer row (long format, DESIGN §3): a response has one row per
 * (question, option). Questions without options use option key ''.
 */
export interface AnswerRow {
  questionKey: string
  optionKey: string
  text: string | null
  number: number | null
  note: string | null
}
