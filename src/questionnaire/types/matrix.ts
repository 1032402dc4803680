import { offeredOptions } from '../definitionModel'
import { gridModule, type GridAnswer } from './grid'
import type { QuestionTypeModule } from './questionType'

/** One column chosen per row (e.g. sufficient / insufficient data per policy area). */
export type MatrixAnswer = GridAnswer<'matrix'>

export const matrix: QuestionTypeModule<'matrix', MatrixAnswer> = {
  ...gridModule('matrix'),
  title: 'Matrix (one column per row)',
  messages: {
    required: () => 'validation.matrix.required',
  },
  chart: 'perColumn',
  // Each row is answered or left empty by quota, then "sufficient" (first column) by quota.
  demo: (question, ctx) => {
    const [first, second] = question.columns.map((column) => column.key)
    const cells: Record<string, string> = {}
    for (const row of offeredOptions(question, ctx.year)) {
      const shares = ctx.rowShares(row.key)
      if (ctx.position(`${row.key}|answered`) >= shares.answered) continue
      cells[row.key] = ctx.position(row.key) < shares.sufficient ? first : second
    }
    return { type: 'matrix', cells }
  },
  // Rows left empty are how the demo leaves a matrix partly unanswered.
  demoAnswersOptional: true,
  initialLists: ['options', 'columns'],
}
