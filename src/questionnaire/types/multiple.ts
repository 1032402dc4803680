import { offeredOptions, optionLabel } from '../definitionModel'
import { choiceFields, choiceLabel, offeredIn, otherText, otherTextColumn } from './choices'
import {
  OTHER,
  answerRow,
  many,
  one,
  optionsOfYears,
  type Check,
  type ColumnSpec,
  type DemoContext,
  type QuestionOf,
  type QuestionTypeModule,
} from './questionType'

/** Several choices from a list, perhaps "Other (please specify)", with a note per choice where offered. */
export interface MultipleAnswer {
  type: 'multiple'
  choices: string[]
  other?: string
  notes: Record<string, string>
}

type MultipleQuestion = QuestionOf<'multiple'>

/** The most characters of a note on a choice. */
const NOTE_MAX = 1000

const exclusiveKeys = (question: MultipleQuestion): Set<string> =>
  new Set(question.options.filter((o) => o.exclusive).map((o) => o.key))

function validate({ question, value, complete, year, fail }: Check<'multiple'>): MultipleAnswer | null {
  if (value.choices.length === 0) return complete ? fail('required') : null
  const offered = offeredOptions(question, year)
  const allowed = offered.map((o) => o.key).concat(question.other ? [OTHER] : [])
  if (value.choices.some((choice) => !allowed.includes(choice))) return fail('invalid')
  const choices = allowed.filter((key) => value.choices.includes(key))
  const exclusive = offered.find((o) => o.exclusive && choices.includes(o.key))
  if (exclusive && choices.length > 1) return fail('exclusive', [exclusive.key], { option: exclusive.label })
  if (question.maxChoices && choices.length > question.maxChoices)
    return fail('maxChoices', [], { maxChoices: question.maxChoices })
  let ok = true
  const notes: Record<string, string> = {}
  for (const option of offered.filter((o) => question.notes && choices.includes(o.key))) {
    const note = (value.notes[option.key] ?? '').trim()
    if (note.length > NOTE_MAX)
      ok = fail('noteMaxLength', ['note', option.key], { option: option.label, maxLength: NOTE_MAX }) ?? false
    else if (note) notes[option.key] = note
  }
  const other = choices.includes(OTHER) ? otherText(value.other, fail) : undefined
  if (other === null || !ok) return null
  return { type: 'multiple', choices, notes, ...(other !== undefined ? { other } : {}) }
}

function columns(
  question: MultipleQuestion,
  layout: Parameters<QuestionTypeModule<'multiple', MultipleAnswer>['columns']>[1],
): Array<ColumnSpec<MultipleAnswer>> {
  const options = optionsOfYears(question, layout.years)
  // The public files have a 0/1 column for "Other" too; the review export has its text there.
  const choiceOptions = options.concat(
    question.other && layout.kind === 'openData' ? [{ key: OTHER, label: 'Other' }] : [],
  )
  const result: Array<ColumnSpec<MultipleAnswer>> = choiceOptions.map((o) => ({
    name: `${question.key}.${o.key}`,
    optionKey: o.key,
    values: `1 = chosen, 0 = not chosen: ${o.label}${offeredIn(o)}`,
    read: (answer) => (answer.choices.includes(o.key) ? 1 : 0),
    ...(o.availableIn ? { availableIn: o.availableIn } : {}),
  }))
  if (question.other) {
    result.push({
      name: otherTextColumn(question.key, layout),
      optionKey: OTHER,
      values: 'Text of "Other (please specify)"; empty when not chosen',
      read: (answer) => (answer.choices.includes(OTHER) ? (answer.other ?? '') : null),
    })
  }
  if (question.notes) {
    const keys = options.map((o) => o.key).concat(question.other && layout.kind === 'review' ? [OTHER] : [])
    for (const key of keys) {
      result.push({
        name: `${question.key}.${key}.note`,
        optionKey: key,
        values: `Note on "${optionLabel(question, key)}" as written`,
        read: (answer) => answer.notes[key] ?? null,
      })
    }
  }
  return result
}

/**
 * Demo answers: each option is chosen by its own quota. With nothing chosen, the exclusive option
 * ("None of these") is the answer when there is one and it is allowed; otherwise the closest miss.
 */
export function demoChoices(
  question: MultipleQuestion,
  ctx: DemoContext,
  { fallbackToExclusive }: { fallbackToExclusive: boolean },
): MultipleAnswer {
  const shares = ctx.shares(question.key) ?? {}
  const offered = offeredOptions(question, ctx.year)
  const candidates = offered
    .filter((o) => !o.exclusive)
    .map((o) => ({ key: o.key, ratio: ctx.position(o.key) / (shares[o.key] ?? 0.3) }))
    .sort((a, b) => a.ratio - b.ratio)
  const other = question.other && ctx.position(OTHER) < ctx.otherShare
  let choices = candidates.filter((c) => c.ratio < 1).map((c) => c.key)
  if (question.maxChoices) choices = choices.slice(0, question.maxChoices - (other ? 1 : 0))
  const exclusive = offered.find((o) => o.exclusive)
  if (choices.length === 0 && !other) {
    choices = fallbackToExclusive && exclusive ? [exclusive.key] : candidates.slice(0, 1).map((c) => c.key)
  }
  const order = offered.map((o) => o.key)
  choices.sort((a, b) => order.indexOf(a) - order.indexOf(b))
  const notes: Record<string, string> = {}
  if (question.notes && choices.length > 0 && choices[0] !== exclusive?.key && ctx.rng() < 0.15) {
    notes[choices[0]] = ctx.note()
  }
  if (!other) return { type: 'multiple', choices, notes }
  return { type: 'multiple', choices: [...choices, OTHER], other: ctx.otherText(question.key), notes }
}

export const multiple: QuestionTypeModule<'multiple', MultipleAnswer> = {
  type: 'multiple',
  title: 'Several choices',
  view: 'multiple',
  toRows: (questionKey, answer) =>
    answer.choices.map((choice) =>
      answerRow(questionKey, choice, {
        text: choice === OTHER ? (answer.other ?? '') : null,
        note: answer.notes[choice] || null,
      }),
    ),
  fromRows: (question, rows) => {
    const order = question.options.map((option) => option.key).concat(OTHER)
    const sorted = [...rows].sort((a, b) => order.indexOf(a.optionKey) - order.indexOf(b.optionKey))
    const notes: Record<string, string> = {}
    for (const r of sorted) if (r.note) notes[r.optionKey] = r.note
    const other = sorted.find((r) => r.optionKey === OTHER)?.text ?? undefined
    return { type: 'multiple', choices: sorted.map((r) => r.optionKey), notes, ...(other ? { other } : {}) }
  },
  toForm: (answer) => ({
    choices: [...answer.choices],
    other: answer.other ?? '',
    notes: { ...answer.notes },
  }),
  readForm: (question, field, year) => {
    const choices = [...new Set(many(field()))]
    const notes: Record<string, string> = {}
    if (question.notes) {
      for (const option of offeredOptions(question, year)) {
        const note = one(field('note', option.key))
        if (note.trim()) notes[option.key] = note
      }
    }
    return { choices, other: one(field(OTHER)), notes }
  },
  validate,
  messages: {
    required: () => 'validation.multiple.required',
  },
  display: (question, answer) =>
    answer.choices.map((key) => {
      const label = choiceLabel(question, key, answer.other)
      return answer.notes[key] ? `${label} (${answer.notes[key]})` : label
    }),
  // The chosen options as sentence phrases, in definition order; "Other" as written; never "None".
  listPhrases: (question, answer, excludes) => {
    const exclusive = exclusiveKeys(question)
    return answer.choices
      .filter((choice) => !exclusive.has(choice) && !excludes.includes(choice))
      .map((choice) => {
        if (choice === OTHER) return answer.other ?? ''
        const option = question.options.find((o) => o.key === choice)
        return option?.phrase ?? option?.label ?? choice
      })
      .filter((phrase) => phrase !== '')
  },
  // Chosen options, with "Other" and without "None".
  chosenCount: (question, answer) => {
    const exclusive = exclusiveKeys(question)
    return answer.choices.filter((choice) => !exclusive.has(choice)).length
  },
  columns,
  countedKeys: (answer) => answer.choices,
  chart: 'options',
  demo: (question, ctx) => demoChoices(question, ctx, { fallbackToExclusive: true }),
  authoringFields: [
    ...choiceFields,
    {
      name: 'maxChoices',
      label: 'Most choices (optional)',
      kind: 'number',
      width: 'govuk-input--width-3',
      inputmode: 'numeric',
      called: 'most choices',
    },
  ],
  initialLists: ['options'],
}
