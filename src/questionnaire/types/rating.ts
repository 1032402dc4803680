import { offeredOptions } from '../definitionModel'
import { gridModule, type GridAnswer } from './grid'
import type { QuestionTypeModule } from './questionType'

/** Each item rated on one scale (lowest first). */
export type RatingAnswer = GridAnswer<'rating'>

export const rating: QuestionTypeModule<'rating', RatingAnswer> = {
  ...gridModule('rating'),
  title: 'Rating of each item',
  messages: {
    required: () => 'validation.rating.required',
  },
  // Charted by how many cities gave each item the top rating.
  chart: 'topOfScale',
  demo: (question, ctx) => {
    const scale = question.scale.map((level) => level.key)
    const weights = scale.map((_, i) => (i === 0 ? 1 : 2 + i))
    const cells = offeredOptions(question, ctx.year).map((item) => {
      const level = ctx.pickByShares(
        ctx.rng(),
        scale.map((key, i) => [key, weights[i]]),
      )
      return [item.key, level]
    })
    return { type: 'rating', cells: Object.fromEntries(cells) }
  },
  initialLists: ['options', 'scale'],
}
