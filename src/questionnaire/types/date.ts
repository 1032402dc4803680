import { inRange } from './range'
import { answerRow, one, type Check, type QuestionTypeModule } from './questionType'

/**
 * A date, asked with the GOV.UK date input (day, month and year boxes) and stored as an ISO date,
 * "2024-03-27", so dates sort and compare as text. Bounds (`min`, `max`) are ISO dates too.
 */
export interface DateAnswer {
  type: 'date'
  value: string
}

const parts = ['day', 'month', 'year'] as const
type Part = (typeof parts)[number]

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "2024-03-27" → "27 March 2024" (the GOV.UK style); anything else as it is. */
export function dateText(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return match ? `${Number(match[3])} ${months[Number(match[2]) - 1]} ${match[1]}` : iso
}

/** The ISO date of a day, month and year, or undefined when there is no such day (31 April). */
export function isoDate(day: number, month: number, year: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day))
  date.setUTCFullYear(year) // Date.UTC reads years 0–99 as 1900–1999
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function validate({ question, value, complete, fail }: Check<'date'>): DateAnswer | null {
  const typed = Object.fromEntries(parts.map((part) => [part, (value.cells[part] ?? '').trim()])) as Record<
    Part,
    string
  >
  if (parts.every((part) => !typed[part])) return complete ? fail('required', ['day']) : null
  const missing = parts.find((part) => !typed[part])
  if (missing) return fail('incomplete', [missing], { part: missing })
  const malformed = parts.find((part) => !(part === 'year' ? /^\d{4}$/ : /^\d{1,2}$/).test(typed[part]))
  if (malformed) return fail('invalid', [malformed])
  const iso = isoDate(Number(typed.day), Number(typed.month), Number(typed.year))
  if (!iso) return fail('invalid', [Number(typed.month) > 12 ? 'month' : 'day'])
  return inRange(iso, question.min, question.max, fail, dateText, ['day'])
    ? { type: 'date', value: iso }
    : null
}

/** A day between two ISO dates, picked by a number in [0, 1). */
function dayBetween(from: string, to: string, at: number): string {
  const start = Date.parse(`${from}T00:00:00Z`)
  const days = Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000))
  return new Date(start + Math.floor(at * (days + 1)) * 86_400_000).toISOString().slice(0, 10)
}

export const date: QuestionTypeModule<'date', DateAnswer> = {
  type: 'date',
  title: 'Date',
  view: 'date',
  toRows: (questionKey, answer) => [answerRow(questionKey, '', { text: answer.value })],
  fromRows: (_question, [first]) => ({ type: 'date', value: first.text ?? '' }),
  toForm: (answer) => {
    const [year, month, day] = answer.value.split('-')
    return { cells: { day: String(Number(day)), month: String(Number(month)), year: year ?? '' } }
  },
  readForm: (_question, field) => ({
    cells: Object.fromEntries(parts.map((part) => [part, one(field(part))])),
  }),
  validate,
  messages: {
    required: ({ noun }) => (noun ? 'validation.required.noun' : 'validation.date.required'),
    incomplete: () => 'validation.date.incomplete',
    invalid: () => 'validation.date.invalid',
    range: () => 'validation.range',
    min: () => 'validation.date.min',
    max: () => 'validation.date.max',
  },
  display: (_question, answer) => [dateText(answer.value)],
  sentenceValue: (_question, answer) => dateText(answer.value),
  columns: (question) => [
    { name: question.key, optionKey: '', values: 'Date as YYYY-MM-DD', read: (answer) => answer.value },
  ],
  // Counted by year: "answered by 12 cities in 2023"; two cities gave the same answer on the same day.
  countedKeys: (answer) => [answer.value.slice(0, 4)],
  signature: (answer) => answer.value,
  chart: 'byValue',
  // A day in the bounds, or else in the ten years before the survey year.
  demo: (question, ctx) => ({
    type: 'date',
    value: dayBetween(
      question.min ?? `${ctx.year - 10}-01-01`,
      question.max ?? `${ctx.year - 1}-12-31`,
      ctx.rng(),
    ),
  }),
  authoringFields: [
    {
      name: 'min',
      label: 'Earliest allowed (optional)',
      hint: 'As YYYY-MM-DD, for example 2020-01-31',
      kind: 'text',
      width: 'govuk-input--width-10',
      called: 'earliest date',
    },
    {
      name: 'max',
      label: 'Latest allowed (optional)',
      hint: 'As YYYY-MM-DD, for example 2026-12-31',
      kind: 'text',
      width: 'govuk-input--width-10',
      called: 'latest date',
    },
  ],
  initialLists: [],
}
