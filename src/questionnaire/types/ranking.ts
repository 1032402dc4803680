import { offeredOptions, optionLabel } from '../definitionModel'
import { answerRow, one, optionsOfYears, type Check, type QuestionTypeModule } from './questionType'

/** The items in the order the city ranked them, first first. */
export interface RankingAnswer {
  type: 'ranking'
  order: string[]
}

function validate({
  question,
  value,
  complete,
  continuing,
  year,
  fail,
}: Check<'ranking'>): RankingAnswer | null {
  const items = offeredOptions(question, year)
  const ranked = items.filter((item) => value.cells[item.key])
  if (ranked.length === 0) return complete ? fail('required', [items[0].key]) : null
  const rankOf = (key: string) => Number(value.cells[key])
  const invalid = ranked.find(
    (item) => !/^\d+$/.test(value.cells[item.key]) || rankOf(item.key) < 1 || rankOf(item.key) > items.length,
  )
  if (invalid) return fail('invalid', [invalid.key])
  const seen = new Set<number>()
  const duplicate = ranked.find((item) =>
    seen.has(rankOf(item.key)) ? true : (seen.add(rankOf(item.key)), false),
  )
  if (duplicate) return fail('duplicate', [duplicate.key])
  const unranked = items.find((item) => !value.cells[item.key])
  // Saved for later, a partial ranking is kept; to continue, it must be whole (or, if optional, empty).
  if (unranked && continuing) return fail(complete ? 'required' : 'incomplete', [unranked.key])
  return {
    type: 'ranking',
    order: [...ranked].sort((a, b) => rankOf(a.key) - rankOf(b.key)).map((item) => item.key),
  }
}

const display = (question: Parameters<typeof optionLabel>[0], answer: RankingAnswer): string[] =>
  answer.order.map((key, index) => `${index + 1}. ${optionLabel(question, key)}`)

export const ranking: QuestionTypeModule<'ranking', RankingAnswer> = {
  type: 'ranking',
  title: 'Ranking of items',
  view: 'ranking',
  toRows: (questionKey, answer) =>
    answer.order.map((item, index) => answerRow(questionKey, item, { number: index + 1 })),
  fromRows: (_question, rows) => ({
    type: 'ranking',
    order: [...rows].sort((a, b) => (a.number ?? 0) - (b.number ?? 0)).map((r) => r.optionKey),
  }),
  toForm: (answer) => ({
    cells: Object.fromEntries(answer.order.map((key, index) => [key, String(index + 1)])),
  }),
  readForm: (question, field, year) => {
    const cells: Record<string, string> = {}
    for (const item of offeredOptions(question, year)) {
      const cell = one(field(item.key))
      if (cell) cells[item.key] = cell
    }
    return { cells }
  },
  validate,
  messages: {
    required: () => 'validation.ranking.required',
    invalid: () => 'validation.ranking.invalid',
    incomplete: () => 'validation.ranking.incomplete',
  },
  display,
  sentenceValue: (question, answer) => display(question, answer).join('; '),
  columns: (question, layout) =>
    optionsOfYears(question, layout.years).map((o) => ({
      name: `${question.key}.${o.key}`,
      optionKey: o.key,
      values: `Rank of "${o.label}" (1 = first)`,
      read: (answer) => {
        const index = answer.order.indexOf(o.key)
        return index < 0 ? null : index + 1
      },
    })),
  countedKeys: (answer) => answer.order.map((item, index) => `${item}=${index + 1}`),
  // Order matters: two cities gave the same answer only when they ranked alike.
  signature: (answer) => ranking.countedKeys(answer).join(','),
  chart: 'rankedFirst',
  demo: (question, ctx) => {
    const order = offeredOptions(question, ctx.year).map((o) => o.key)
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(ctx.rng() * (i + 1))
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    return { type: 'ranking', order }
  },
  authoringFields: [],
  initialLists: ['options'],
}
