import type { Knex } from 'knex'

/** Raw counts of an edition's responses using each question and option. */
export interface UsageCounts {
  responses: number
  byQuestion: Array<{ questionKey: string; responses: number }>
  /** Answers stored by option key (choices, rating items, matrix rows, ranked items). */
  byOption: Array<{ questionKey: string; optionKey: string; responses: number }>
  /** Rating and matrix cells store the chosen scale point or column as text. */
  byText: Array<{ questionKey: string; text: string; responses: number }>
}

type CountRow = { question_key: string; option_key?: string; value_text?: string | null; n: number | string }

/** How many of an edition's responses use its questions and options (for the safe-change rules). */
export function answerUsageRepository(knex: Knex) {
  const answersOf = (editionId: number) =>
    knex('answers')
      .join('responses', 'responses.id', 'answers.response_id')
      .where('responses.edition_id', editionId)
  return {
    async responseCount(editionId: number): Promise<number> {
      const [row] = await knex('responses')
        .where({ edition_id: editionId })
        .count<{ n: number | string }[]>({ n: '*' })
      return Number(row?.n ?? 0)
    },
    /** `cellQuestionKeys`: the rating and matrix questions, whose cell values are counted too. */
    async counts(editionId: number, cellQuestionKeys: string[]): Promise<UsageCounts> {
      const responses = await this.responseCount(editionId)
      if (responses === 0) return { responses, byQuestion: [], byOption: [], byText: [] }
      const byQuestion: CountRow[] = await answersOf(editionId)
        .select('answers.question_key')
        .countDistinct({ n: 'answers.response_id' })
        .groupBy('answers.question_key')
      const byOption: CountRow[] = await answersOf(editionId)
        .select('answers.question_key', 'answers.option_key')
        .countDistinct({ n: 'answers.response_id' })
        .groupBy('answers.question_key', 'answers.option_key')
      const byText: CountRow[] = cellQuestionKeys.length
        ? await answersOf(editionId)
            .whereIn('answers.question_key', cellQuestionKeys)
            .select('answers.question_key', 'answers.value_text')
            .countDistinct({ n: 'answers.response_id' })
            .groupBy('answers.question_key', 'answers.value_text')
        : []
      return {
        responses,
        byQuestion: byQuestion.map((r) => ({ questionKey: String(r.question_key), responses: Number(r.n) })),
        byOption: byOption.map((r) => ({
          questionKey: String(r.question_key),
          optionKey: String(r.option_key),
          responses: Number(r.n),
        })),
        byText: byText.map((r) => ({
          questionKey: String(r.question_key),
          text: String(r.value_text ?? ''),
          responses: Number(r.n),
        })),
      }
    },
  }
}

export type AnswerUsageRepository = ReturnType<typeof answerUsageRepository>
