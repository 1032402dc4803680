import { describe, expect, it } from 'vitest'
import { enschede, enschede2020Answers } from '../../src/cli/demo/demoData'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'
import type { Option, Question, Sentence } from '../../src/questionnaire/definitionSchema'
import { enschedeSeed as seed } from './fixtures/enschedeSeed'
import { parsedDefinition, questionOf } from './helpers/definitions'

/**
 * Renders the 2020 definition's profile templates from Enschede's answers with a tiny
 * substitution (the real renderer lives with the profiles) and compares them with the seed's words.
 */
const definition = parsedDefinition(2020)
const question = (key: string) => questionOf(definition, key)
const answer = (key: string): AnswerValue => {
  const value = enschede2020Answers.get(key)
  if (!value) throw new Error(`Enschede has no answer to ${key}`)
  return value
}
const optionsOf = (q: Question): Option[] => ('options' in q ? q.options : [])
const chosen = (a: AnswerValue): string[] =>
  a.type === 'multiple' ? a.choices : a.type === 'single' || a.type === 'yesno' ? [a.choice] : []
const labels = (key: string) =>
  chosen(answer(key)).map((k) => optionsOf(question(key)).find((o) => o.key === k)?.label)

function matches(when: Sentence['when'], a: AnswerValue): boolean {
  const choices = chosen(a)
  const count = choices.length === 0 ? 0 : choices.length === 1 ? 1 : 'many'
  return (
    (when?.equals === undefined || choices[0] === when.equals) &&
    (when?.includes === undefined || choices.includes(when.includes)) &&
    (when?.count === undefined || when.count === count)
  )
}

/** The seed's list style: "a, b" for two, "a, b, c, and d" for more. */
const joinList = (items: string[]) =>
  items.length > 2 ? `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}` : items.join(', ')

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`No value for {${name}}`)
    return values[name]
  })
}

function sentence(key: string, values: Record<string, string> = {}): string {
  const q = question(key)
  const a = answer(key)
  const template = q.profile?.sentences?.find((s) => matches(s.when, a))
  if (!template) throw new Error(`No sentence of ${key} matches`)
  const listed = chosen(a).filter((k) => !template.listExcludes?.includes(k))
  const phrases = listed.map((k) => {
    const option = optionsOf(q).find((o) => o.key === k)
    return option?.phrase ?? option?.label ?? k
  })
  return fill(template.text, {
    city: enschede.name,
    count: String(chosen(a).length),
    list: joinList(phrases),
    ...values,
  })
}

const heading = (key: string) => fill(question(key).profile?.heading ?? '', { city: enschede.name })

describe('Enschede’s profile text from the 2020 templates', () => {
  it('when the header is shown, then it reads as on the seed profile', () => {
    const population = answer('city.population')
    const year = answer('city.population_year')
    const officers = answer('city.lead_innovation_officers')
    expect(answer('city.mayor')).toEqual({ type: 'text', value: seed.header.mayor })
    expect(
      population.type === 'number' &&
        year.type === 'year' &&
        `${population.value.toLocaleString('en-US')} (${year.value})`,
    ).toBe(seed.header.population)
    expect(heading('city.lead_innovation_officers')).toBe(seed.header.officerHeading)
    expect(officers.type === 'textList' && officers.values).toEqual(seed.officers)
    expect(heading('city.spotlight')).toBe(seed.spotlightHeading)
  })

  it('when the lists at the top are shown, then headings and items are the seed’s', () => {
    expect(heading('helping_to')).toBe(seed.helpingToHeading)
    expect(labels('helping_to')).toEqual(seed.helpingTo)
    expect(heading('success_factors')).toBe(seed.successFactorsHeading)
    expect(labels('success_factors')).toEqual(seed.successFactors)
  })

  it('when the vision sentences are rendered, then they are the seed’s', () => {
    expect(heading('strategy.formal')).toBe(seed.visionHeading)
    expect(sentence('strategy.formal', { share: '50%' })).toBe(seed.strategy)
    expect(sentence('approach.level', { shareInWords: 'more than half' })).toBe(seed.approach)
  })

  it('when policy areas, roles, structure and terms are rendered, then they are the seed’s', () => {
    expect(heading('policy_areas')).toBe(seed.policyAreasHeading)
    expect(labels('policy_areas')).toEqual(seed.policyAreas)
    expect(question('policy_areas').profile?.chart?.title).toBe(seed.policyAreasChart)
    expect(sentence('roles')).toBe(seed.roles)
    expect(labels('roles')).toEqual(seed.roleList)
    expect(question('roles').profile?.chart?.title).toBe(seed.rolesChart)
    expect(sentence('org.structure')).toBe(seed.structure)
    expect(heading('innovation_terms')).toBe(seed.termsHeading)
    expect(labels('innovation_terms')).toEqual(seed.terms)
  })

  it('when the most common activity is picked, then it is the top-rated one with its long label and hint', () => {
    const q = question('activities.experience')
    const a = answer('activities.experience')
    if (q.type !== 'rating' || a.type !== 'rating') throw new Error('activities.experience is a rating')
    const levels = q.scale.map((level) => level.key)
    const top = Math.max(...Object.values(a.cells).map((cell) => levels.indexOf(cell)))
    const topItems = q.options.filter((o) => levels.indexOf(a.cells[o.key]) === top)
    expect(heading('activities.experience')).toBe(seed.activitiesHeading)
    expect(topItems.map((o) => ({ label: o.longLabel ?? o.label, hint: o.hint }))).toEqual([seed.topActivity])
    expect(q.options.map((o) => o.label)).toEqual(seed.activityList)
  })

  it('when the funding block is rendered, then sentence, sources and activities are the seed’s', () => {
    expect(heading('funding.has_dedicated')).toBe(seed.fundingHeading)
    expect(sentence('funding.has_dedicated', { share: '81%' })).toBe(seed.funding)
    expect(heading('funding.sources')).toBe(seed.sourcesHeading)
    const sources = chosen(answer('funding.sources')).map((k) =>
      optionsOf(question('funding.sources')).find((o) => o.key === k),
    )
    expect(sources.map((o) => (o?.hint ? { label: o.label, hint: o.hint } : { label: o?.label }))).toEqual(
      seed.sources,
    )
    expect(heading('funding.activities')).toBe(seed.fundedHeading)
    expect(question('funding.activities').profile?.chart?.title).toBe(seed.fundedHeading)
    expect(labels('funding.activities')).toEqual(seed.funded)
  })

  it('when the funded-activities footnote is made from option editions, then it is the seed’s', () => {
    const years = [2018, 2020]
    const notes = optionsOf(question('funding.activities'))
      .flatMap((o) =>
        years.filter((y) => o.availableIn && !o.availableIn.includes(y)).map((y) => ({ y, label: o.label })),
      )
      .sort((a, b) => a.y - b.y)
      .map(({ y, label }) => `"${label}" is not an option in the ${y} survey`)
    expect(`*${notes.join(', while ')}.`).toBe(seed.fundedFootnote)
  })

  it('when the partnership sentences are rendered, then they are the seed’s', () => {
    expect(heading('partnerships.innovation')).toBe(seed.measuredHeading)
    expect(sentence('partnerships.innovation')).toBe(seed.partnerships)
    expect(sentence('data.partnerships')).toBe(seed.dataPartnerships)
  })

  it('when data availability is split by column in row order, then the two lists are the seed’s', () => {
    const q = question('data.availability')
    const a = answer('data.availability')
    if (q.type !== 'matrix' || a.type !== 'matrix') throw new Error('data.availability is a matrix')
    const column = (key: string) => q.options.filter((o) => a.cells[o.key] === key).map((o) => o.label)
    expect(heading('data.availability')).toBe(seed.availabilityHeading)
    expect(q.columns.map((c) => c.label)).toEqual(seed.columnHeadings)
    expect(column('sufficient')).toEqual(seed.sufficient)
    expect(column('insufficient')).toEqual(seed.insufficient)
  })
})
