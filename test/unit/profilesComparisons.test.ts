import { describe, expect, it } from 'vitest'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'
import { definitionSchema, type Definition } from '../../src/questionnaire/definitionSchema'
import { allQuestions } from '../../src/questionnaire/definitionModel'
import { shippedDefinitions } from '../../src/questionnaire/definitions'
import { isFixedComparison } from '../../src/profiles/comparison'
import { generateEdition } from '../../src/profiles/generateEdition'
import type { BasisMember, Block, ProfileContent } from '../../src/profiles/profileContent'
import { member, no, profileTestDefinition, testCity, yes } from '../support/profilesFactories'

function generate(members: BasisMember[], definition: Definition = profileTestDefinition(2020)) {
  return generateEdition({
    definition,
    title: 'Test survey 2020',
    basis: 'approved',
    threshold: 5,
    members,
    profiled: members.map((m) => ({ city: testCity(m.cityId), answers: m.answers })),
  })
}

const blocks = (profile: ProfileContent): Block[] => profile.sections.flatMap((section) => section.blocks)
const fundingText = (profile: ProfileContent): string =>
  blocks(profile)
    .filter((block) => 'questionKey' in block && block.questionKey === 'funding.has_dedicated')
    .map((block) =>
      block.kind === 'sentence' ? block.text : block.kind === 'answer' ? block.lines.join(' ') : '',
    )
    .join(' ')

/** Cities answering the funding question as given; `undefined` leaves it unanswered. */
const cities = (funding: Array<AnswerValue | undefined>): BasisMember[] =>
  funding.map((value, index) =>
    member(index + 1, [
      ['strategy.formal', yes],
      ...(value ? [['funding.has_dedicated', value] as [string, AnswerValue]] : []),
    ]),
  )

/** The test definition as the issue found it: "Unlike most cities surveyed" written as fixed text. */
function fixedWording(): Definition {
  const definition = structuredClone(profileTestDefinition(2020))
  const funding = allQuestions(definition).find(({ question }) => question.key === 'funding.has_dedicated')
  funding!.question.profile!.sentences = [
    {
      when: { equals: 'yes' },
      text: 'Like {share} of cities surveyed, {city} has dedicated funding to support innovation capacity.',
    },
    {
      when: { equals: 'no' },
      text: 'Unlike most cities surveyed, {city} does not have dedicated funding to support innovation capacity.',
    },
  ]
  return definitionSchema.parse(definition)
}

const comparative = /\b(Like|Unlike|Similar to|Along with|most|more than half)\b/

describe('comparative words follow the shares (issue 13 item 15)', () => {
  it('when one city is compared, then its profile says no comparative word, only its answer', () => {
    const [profile] = generate(cities([no]), fixedWording()).profiles
    expect(profile.basis.suppressed).toBe(true)
    expect(fundingText(profile)).toBe('No')
    const sentences = blocks(profile).filter((b) => b.kind === 'sentence' || b.kind === 'heading')
    expect(sentences.map((b) => ('text' in b ? b.text : '')).join(' ')).not.toMatch(comparative)
  })

  it('when only 3 of 8 compared cities answered the question, then the comparison is withheld and the answer shown', () => {
    const answers = [no, yes, yes, undefined, undefined, undefined, undefined, undefined]
    for (const definition of [fixedWording(), profileTestDefinition(2020)]) {
      const { profiles } = generate(cities(answers), definition)
      expect(profiles[0].basis.suppressed).toBe(false)
      expect(fundingText(profiles[0])).toBe('No')
      expect(fundingText(profiles[1])).toBe('Yes')
    }
  })

  it('when most cities have dedicated funding and this one has not, then it reads "Unlike" with their share', () => {
    const { profiles } = generate(cities([no, yes, yes, yes, yes, no, yes, yes]))
    expect(fundingText(profiles[0])).toBe(
      'Unlike 75% of cities surveyed, City 1 does not have dedicated funding to support innovation capacity.',
    )
    expect(fundingText(profiles[1])).toBe(
      'Like 75% of cities surveyed, City 2 has dedicated funding to support innovation capacity.',
    )
  })

  it('when most cities have no dedicated funding, then a city without it reads "Like", never "Unlike most"', () => {
    const { profiles } = generate(cities([no, no, no, yes, yes]))
    expect(fundingText(profiles[0])).toBe(
      'Like 60% of cities surveyed, City 1 does not have dedicated funding to support innovation capacity.',
    )
  })

  it('when a stored definition writes comparative words as fixed text, then that sentence is never published', () => {
    const input = JSON.parse(
      JSON.stringify(profileTestDefinition(2020)).replace(
        'Unlike {othersShare} of cities surveyed',
        'Unlike most cities surveyed',
      ),
    )
    const definition = definitionSchema.parse(input)
    const { profiles } = generate(cities([no, yes, yes, yes, yes, yes]), definition)
    expect(fundingText(profiles[0])).toBe('No')
  })

  it('when the shipped questionnaires compare, then every comparative word comes from a share', () => {
    for (const input of shippedDefinitions) {
      const definition = definitionSchema.parse(input)
      for (const { question } of allQuestions(definition))
        for (const sentence of question.profile?.sentences ?? [])
          expect(isFixedComparison(sentence), `${question.key}: ${sentence.text}`).toBe(false)
    }
  })
})
