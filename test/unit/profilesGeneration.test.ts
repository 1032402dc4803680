import { describe, expect, it } from 'vitest'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'
import { chooseBasis } from '../../src/profiles/aggregate'
import { generateEdition } from '../../src/profiles/generateEdition'
import { profileView } from '../../src/profiles/profileView'
import type { Block, BasisMember, ProfileContent } from '../../src/profiles/profileContent'
import { member, multiple, no, profileTestDefinition, testCity, yes } from '../support/profilesFactories'

const single = (choice: string): AnswerValue => ({ type: 'single', choice })
const enschede = testCity(1, 'Enschede')

/** Enschede's answers, shaped like the seed profile. */
const enschedeAnswers: Array<[string, AnswerValue]> = [
  ['city.mayor', { type: 'text', value: 'Onno van Veldhuizen' }],
  ['city.population', { type: 'number', value: 159000 }],
  ['city.population_year', { type: 'year', value: 2019 }],
  ['city.officers', { type: 'textList', values: ['Gerdien Looman'] }],
  ['strategy.formal', no],
  ['approach.level', single('both')],
  [
    'activities.experience',
    {
      type: 'rating',
      cells: { risk_taking: 'some', data_analytics: 'extensive', resident_engagement: 'none' },
    },
  ],
  ['roles', multiple(['project_manager', 'data_scientist', 'communication_officer'])],
  ['funding.has_dedicated', yes],
  ['funding.activities', multiple(['idea_generation', 'digital_systems'])],
  ['partnerships.innovation', multiple(['public_agencies', 'private_firms', 'not_for_profit', 'residents'])],
  ['data.partnerships', multiple(['private_sector', 'academia', 'other_cities'])],
  [
    'data.availability',
    {
      type: 'matrix',
      cells: { economic_development: 'sufficient', land_use: 'insufficient', public_works: 'sufficient' },
    },
  ],
]

/**
 * Eight cities, hand-counted: strategy 4 yes / 4 no; approach both 5, policy areas 2, holistic 1;
 * funding answered by 7 (5 yes); roles answered by 7: Enschede 3, city 2 one, city 3 one plus "Other",
 * city 4 none (project manager 4, data scientist 3, communication officer 2, other 1); funded
 * activities answered by 5 (idea generation 3, digital systems 2, training staff 1).
 */
function eightCities(): BasisMember[] {
  const strategy = [no, yes, yes, yes, no, no, yes, no]
  const approach = ['both', 'both', 'policy_areas', 'holistic', 'both', 'both', 'policy_areas', 'both']
  const funding = [yes, yes, no, yes, yes, no, yes, undefined]
  const roles: AnswerValue[] = [
    multiple(['project_manager', 'data_scientist', 'communication_officer']),
    multiple(['project_manager']),
    multiple(['data_scientist', 'other'], 'Urban <planner>'),
    multiple(['none']),
    multiple(['project_manager']),
    multiple(['project_manager', 'data_scientist']),
    multiple(['communication_officer']),
  ]
  const activities: Array<AnswerValue | undefined> = [
    undefined,
    multiple(['idea_generation']),
    undefined,
    multiple(['digital_systems']),
    multiple(['idea_generation']),
    undefined,
    multiple(['training_staff']),
  ]
  return strategy.map((_, index) => {
    if (index === 0) return member(1, enschedeAnswers)
    const entries: Array<[string, AnswerValue]> = [
      ['strategy.formal', strategy[index]],
      ['approach.level', single(approach[index])],
    ]
    if (funding[index]) entries.push(['funding.has_dedicated', funding[index]!])
    if (roles[index]) entries.push(['roles', roles[index]])
    if (activities[index]) entries.push(['funding.activities', activities[index]!])
    if (index === 1)
      entries.push([
        'activities.experience',
        {
          type: 'rating',
          cells: { risk_taking: 'extensive', data_analytics: 'some', resident_engagement: 'extensive' },
        },
      ])
    return member(index + 1, entries)
  })
}

function generate(
  members: BasisMember[],
  options: { threshold?: number; basis?: 'approved' | 'latest' } = {},
) {
  return generateEdition({
    definition: profileTestDefinition(2020),
    title: 'Test survey 2020',
    basis: options.basis ?? 'approved',
    threshold: options.threshold ?? 5,
    members,
    profiled: members
      .filter((m) => m.year === 2020)
      .map((m) => ({ city: m.cityId === 1 ? enschede : testCity(m.cityId), answers: m.answers })),
  })
}

const blocks = (profile: ProfileContent): Block[] => profile.sections.flatMap((section) => section.blocks)
const texts = (profile: ProfileContent): string[] =>
  blocks(profile).flatMap((block) =>
    block.kind === 'sentence' || block.kind === 'heading' ? [block.text] : [],
  )

describe('profile generation', () => {
  const generated = generate(eightCities())
  const profile = generated.profiles[0]

  it('when shares tie at 4 of 8, then both answers read 50%', () => {
    expect(texts(profile)).toContain(
      'Along with 50% of cities surveyed, Enschede does not have an explicit innovation strategy.',
    )
    expect(texts(generated.profiles[1])).toContain(
      'Along with 50% of cities surveyed, City 2 has an explicit innovation strategy.',
    )
  })

  it('when a template asks for words and more than half share the answer, then it says "more than half"', () => {
    expect(texts(profile)).toContain(
      'Similar to more than half of cities surveyed, Enschede approaches innovation capacity both from a holistic/macro level, as well as in specific policy areas.',
    )
  })

  it('when a template asks for words but the share is at most half, then it gives the number, rounded half up', () => {
    expect(texts(generated.profiles[3])).toContain(
      'Similar to 13% of cities surveyed, City 4 approaches innovation capacity in its own way.',
    ) // 1 of 8 = 12.5%
    expect(texts(generated.profiles[2])).toContain(
      'Similar to 25% of cities surveyed, City 3 approaches innovation capacity in its own way.',
    )
  })

  it("when a city did not answer a question, then it is not in that question's denominator, and the sentence says so", () => {
    expect(texts(profile)).toContain(
      'Like 71% of the 7 cities that answered, Enschede has dedicated funding to support innovation capacity.',
    ) // 5 of 7
    expect(generated.aggregate.questions['funding.has_dedicated']).toMatchObject({
      answered: 7,
      counts: { yes: 5, no: 2 },
    })
  })

  it('when the share is a number, then it is marked as the strong part of the sentence', () => {
    const funding = blocks(profile).find(
      (b) => b.kind === 'sentence' && b.questionKey === 'funding.has_dedicated',
    )
    expect(funding).toMatchObject({
      share: 71,
      parts: [
        { text: 'Like ' },
        { text: '71%', strong: true },
        { text: ' of the 7 cities that answered, ' },
        { text: 'Enschede' },
        { text: ' has dedicated funding to support innovation capacity.' },
      ],
    })
  })

  it('when cities name one or several roles, then the count sentence is singular or plural and counts "Other"', () => {
    expect(texts(profile)).toContain('Enschede utilizes 3 different innovation skills or roles')
    expect(texts(generated.profiles[1])).toContain('City 2 utilizes 1 innovation skill or role')
    expect(texts(generated.profiles[2])).toContain('City 3 utilizes 2 different innovation skills or roles')
    expect(texts(generated.profiles[3])).toContain(
      'City 4 does not report specific innovation skills or roles.',
    )
  })

  it('when a city answered "Other", then it is listed as written and "None" is never listed', () => {
    const list = (p: ProfileContent) => blocks(p).find((b) => b.kind === 'list' && b.questionKey === 'roles')
    expect(list(generated.profiles[2])).toMatchObject({
      items: [{ text: 'Data scientist' }, { text: 'Urban <planner>', other: true }],
    })
    expect(list(generated.profiles[3])).toBeUndefined()
  })

  it('when phrases are listed in sentences, then they match the seed, with "other cities" left to the template', () => {
    expect(texts(profile)).toContain(
      'Enschede has developed partnerships to promote innovation capacity with other public agencies, private firms, not-for-profit organizations, and city residents/resident associations.',
    )
    expect(texts(profile)).toContain(
      'To improve data use, the city has also developed data partnerships with the private sector, academia and think tanks, to collect and analyze data, as well as with other cities.',
    )
  })

  it('when the header is built, then it gives the country, the mayor, the population with its year and the officer', () => {
    expect(profile.header).toEqual([
      { key: 'country', label: 'Country', lines: ['Testland'] },
      { key: 'city.mayor', label: 'Mayor', lines: ['Onno van Veldhuizen'] },
      { key: 'city.population', label: 'Population', lines: ['159,000 (2019)'] },
      { key: 'city.officers', label: 'Lead Innovation Officer', lines: ['Gerdien Looman'] },
    ])
  })

  it('when a city names several lead officers, then the heading is plural and each name is a line', () => {
    const answers = new Map(enschedeAnswers)
    answers.set('city.officers', {
      type: 'textList',
      values: ['A. One (current)', 'B. Two (at time of 2018 survey)'],
    })
    answers.set('city.website', { type: 'url', value: 'https://example.org/innovation' })
    const two = generate([member(1, [...answers]), ...eightCities().slice(1)]).profiles[0]
    expect(two.header.slice(3)).toEqual([
      {
        key: 'city.website',
        label: 'Innovation Website',
        lines: ['https://example.org/innovation'],
        href: 'https://example.org/innovation',
      },
      {
        key: 'city.officers',
        label: 'Lead Innovation Officers',
        lines: ['A. One (current)', 'B. Two (at time of 2018 survey)'],
      },
    ])
  })

  it('when a website answer is not a web address, then it is shown as text without a link', () => {
    const answers = new Map(enschedeAnswers)
    answers.set('city.website', { type: 'url', value: 'javascript:alert(1)' })
    const profile = generate([member(1, [...answers])], { threshold: 1 }).profiles[0]
    expect(profile.header.find((item) => item.key === 'city.website')).toEqual({
      key: 'city.website',
      label: 'Innovation Website',
      lines: ['javascript:alert(1)'],
    })
  })

  it('when the sections are laid out, then they follow the seed order', () => {
    expect(profile.sections.map((s) => s.key)).toEqual([
      'vision',
      'roles',
      'activities',
      'funding',
      'funding_activities',
      'partnerships',
      'data_availability',
    ])
  })

  it('when items tie for the highest rating, then all of them are the most common activities', () => {
    const top = (p: ProfileContent) => blocks(p).find((b) => b.kind === 'topRated')
    expect(top(profile)).toMatchObject({
      top: [
        {
          label: 'Promoting data-driven analytics / public data management',
          hint: 'e.g. data storage/analytics; open data; big data',
        },
      ],
      all: [
        'Taking risks or testing new ideas',
        'Data-driven analytics/public data management',
        'Engaging residents in new ways',
      ],
    })
    expect(top(generated.profiles[1])).toMatchObject({
      top: [{ label: 'Taking risks or testing new ideas' }, { label: 'Engaging residents in new ways' }],
    })
  })

  it('when a matrix is shown, then it becomes one list per column in row order', () => {
    expect(blocks(profile).find((b) => b.kind === 'matrixLists')).toMatchObject({
      columns: [
        { label: 'Sufficient data', items: ['Economic Development', 'Public works'] },
        { label: 'Insufficient data', items: ['Land use'] },
      ],
    })
  })

  it("when a charted question is shown, then the edition chart comes with the city's bars highlighted", () => {
    const stored = blocks(profile).find((b) => b.kind === 'chart' && b.questionKey === 'roles')
    expect(stored).toEqual({
      kind: 'chart',
      questionKey: 'roles',
      own: ['project_manager', 'data_scientist', 'communication_officer'],
    })
    const shown = profileView(profile, generated.aggregate.charts)
      .sections.flatMap((section) => section.blocks)
      .find((b) => b.kind === 'chart' && b.chart.questionKey === 'roles')
    const svg = shown?.kind === 'chart' ? shown.chart.svg : ''
    expect(svg).toContain('class="bar bar--own" data-option="project_manager"')
    expect(svg).toContain('class="bar" data-option="other"')
    expect(generated.aggregate.charts.roles.svg).not.toContain('bar--own')
    expect(generated.aggregate.charts.roles.rows.map((r) => [r.key, r.count])).toEqual([
      ['project_manager', 4],
      ['data_scientist', 3],
      ['communication_officer', 2],
      ['other', 1],
    ])
    expect(generated.aggregate.cities[0].facets.roles).toEqual([
      'project_manager',
      'data_scientist',
      'communication_officer',
    ])
  })
})

describe('disclosure threshold', () => {
  it('when fewer cities than the threshold are compared, then no share, no chart, and the plain answer instead', () => {
    const { profiles, aggregate } = generate(eightCities().slice(0, 4))
    expect(profiles[0].basis).toMatchObject({ size: 4, threshold: 5, suppressed: true })
    expect(texts(profiles[0]).join(' ')).not.toMatch(/%|more than half/)
    expect(blocks(profiles[0])).toContainEqual({
      kind: 'answer',
      questionKey: 'strategy.formal',
      label: 'Formal strategy?',
      lines: ['No'],
    })
    expect(blocks(profiles[0]).some((b) => b.kind === 'chart')).toBe(false)
    expect(aggregate.charts).toEqual({})
    expect(texts(profiles[0])).toContain('Enschede utilizes 3 different innovation skills or roles')
  })

  it('when exactly the threshold is compared, then shares are shown', () => {
    const { profiles } = generate(eightCities().slice(0, 5))
    expect(profiles[0].basis.suppressed).toBe(false)
    expect(texts(profiles[0])).toContain(
      'Along with 40% of cities surveyed, Enschede does not have an explicit innovation strategy.',
    ) // 2 of 5
  })
})

describe('disclosure threshold per question', () => {
  /** Eight cities compared, but only Enschede and cities 2 and 3 answered the funding page. */
  function fundingAnsweredByThree(): BasisMember[] {
    const members = eightCities()
    for (const m of members.slice(3)) {
      m.answers.delete('funding.has_dedicated')
      m.answers.delete('funding.activities')
    }
    return members
  }
  const results = (generated: ReturnType<typeof generate>) =>
    generated.aggregate.results.flatMap((section) => section.questions)

  it('when the basis is large enough but only 3 cities answered a question, then its share sentence is withheld and the plain answer stands in', () => {
    const { profiles, aggregate } = generate(fundingAnsweredByThree())
    expect(profiles[0].basis).toMatchObject({ size: 8, suppressed: false })
    expect(aggregate.questions['funding.has_dedicated'].answered).toBe(3)
    expect(texts(profiles[0])).toContain(
      'Along with 50% of cities surveyed, Enschede does not have an explicit innovation strategy.',
    ) // 4 of 8: the page itself shows shares
    expect(texts(profiles[0]).join(' ')).not.toContain('dedicated funding')
    expect(blocks(profiles[0])).toContainEqual({
      kind: 'answer',
      questionKey: 'funding.has_dedicated',
      label: 'Dedicated funding?',
      lines: ['Yes'],
    })
  })

  it('when the basis is large enough but only 2 cities answered a charted question, then its chart is not drawn', () => {
    const { aggregate } = generate(fundingAnsweredByThree())
    expect(aggregate.questions['funding.activities'].answered).toBe(2)
    expect(Object.keys(aggregate.charts)).toContain('roles') // answered by 7
    expect(Object.keys(aggregate.charts)).not.toContain('funding.activities')
  })

  it('when /results lists a question, then it names its own charts and no other question’s', () => {
    const questions = results(generate(eightCities()))
    const chartsOf = (key: string) => questions.find((q) => q.key === key)!.charts
    expect(chartsOf('roles')).toEqual(['roles'])
    expect(chartsOf('funding.activities')).toEqual(['funding.activities'])
    expect(chartsOf('strategy.formal')).toEqual(['strategy.formal'])
    expect(chartsOf('city.mayor')).toEqual([])
  })

  it('when the basis is large enough but only 2 cities rated a list, then /results shows no grid for it', () => {
    const rating = (generated: ReturnType<typeof generate>) =>
      results(generated).find((q) => q.key === 'activities.experience')!
    const withheld = rating(generate(fundingAnsweredByThree()))
    expect(withheld.answered).toBe(2)
    expect(withheld.grid).toBeUndefined()
    expect(rating(generate(eightCities(), { threshold: 2 })).grid?.rows).toHaveLength(3)
  })
})

describe('comparison basis', () => {
  const refs = [
    { responseId: 1, cityId: 1, year: 2018 },
    { responseId: 2, cityId: 1, year: 2020 },
    { responseId: 3, cityId: 2, year: 2018 },
    { responseId: 4, cityId: 3, year: 2020 },
    { responseId: 5, cityId: 4, year: 2026 },
  ]

  it('when the basis is "approved", then only this edition\'s approved responses count', () => {
    expect(chooseBasis('approved', 2020, refs).map((r) => r.responseId)).toEqual([2, 4])
  })

  it('when the basis is "latest", then every city counts once with its latest answers up to this year', () => {
    expect(chooseBasis('latest', 2020, refs).map((r) => r.responseId)).toEqual([2, 3, 4])
    expect(chooseBasis('latest', 2018, refs).map((r) => r.responseId)).toEqual([1, 3])
  })

  it('when a city has several years, then "latest" keeps its newest up to the year, whatever the order given, sorted by response', () => {
    const unordered = [
      { responseId: 7, cityId: 1, year: 2020 },
      { responseId: 2, cityId: 1, year: 2018 },
      { responseId: 3, cityId: 2, year: 2018 },
    ]
    expect(chooseBasis('latest', 2020, unordered).map((r) => r.responseId)).toEqual([3, 7])
  })

  it('when members come newest first, then the basis lists its years oldest first', () => {
    const members = [member(1, [['strategy.formal', yes]], 2020), member(2, [['strategy.formal', no]], 2018)]
    expect(generate(members, { basis: 'latest', threshold: 1 }).aggregate.basis.years).toEqual([2018, 2020])
  })

  it('when "latest" brings in 2018 answers, then shares count them and the chart shows 2018-only options with the footnote', () => {
    const members = eightCities()
    members.push(
      member(
        9,
        [
          ['strategy.formal', yes],
          ['funding.has_dedicated', yes],
          ['funding.activities', multiple(['launching_project', 'idea_generation'])],
        ],
        2018,
      ),
    )
    members.push(
      member(
        10,
        [
          ['strategy.formal', yes],
          ['funding.has_dedicated', yes],
          ['funding.activities', multiple(['launching_project'])],
        ],
        2018,
      ),
    )
    const latest = generate(members, { basis: 'latest' })
    expect(latest.profiles).toHaveLength(8)
    expect(texts(latest.profiles[0])).toContain(
      'Along with 40% of cities surveyed, Enschede does not have an explicit innovation strategy.',
    ) // 4 of 10
    expect(texts(latest.profiles[0])).toContain(
      'Like 78% of the 9 cities that answered, Enschede has dedicated funding to support innovation capacity.',
    ) // 7 of 9 (of 10 compared)
    const chart = latest.aggregate.charts['funding.activities']
    expect(chart.rows.map((r) => [r.key, r.count])).toEqual([
      ['launching_project', 2],
      ['idea_generation', 4],
      ['digital_systems', 2],
      ['training_staff', 1],
    ])
    expect(chart.footnote).toBe(
      '*"Training staff and building capacity" is not an option in the 2018 survey, while "Launching or sustaining a project" is not an option in the 2020 survey.',
    )
    const approved = generate(eightCities(), { basis: 'approved' }).aggregate.charts['funding.activities']
    expect(approved.rows.map((r) => r.key)).toEqual(['idea_generation', 'digital_systems', 'training_staff'])
    expect(approved.footnote).toBeUndefined()
  })
})
