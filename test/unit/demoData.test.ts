import { describe, expect, it, vi } from 'vitest'
import type { AnswerValue, Answers } from '../../src/questionnaire/answerCodec'
import { demoAnswers, demoCities, enschede, respondentsOf, type DemoCity } from '../../src/cli/demo/demoData'
import { answerProblems, missingRequired } from './helpers/answerChecks'
import { parsedDefinition } from './helpers/definitions'

const d2018 = parsedDefinition(2018)
const d2020 = parsedDefinition(2020)
const answers2018 = new Map(respondentsOf(2018).map((city) => [city.slug, demoAnswers(d2018, city)]))
const answers2020 = new Map(respondentsOf(2020).map((city) => [city.slug, demoAnswers(d2020, city)]))
/** Every city once, with its latest answers: the original site's "2018–20" basis. */
const latest: Answers[] = demoCities.map((city) =>
  city.editions.includes(2020) ? answers2020.get(city.slug)! : answers2018.get(city.slug)!,
)
const only2018 = [...answers2018.values()]

/** Share (0–100) of the cities that answered a question whose answer passes the test. */
function share(basis: Answers[], key: string, test: (answer: AnswerValue) => boolean): number {
  const answered = basis.map((answers) => answers.get(key)).filter((a): a is AnswerValue => a !== undefined)
  return (100 * answered.filter(test).length) / answered.length
}
const is = (choice: string) => (a: AnswerValue) =>
  (a.type === 'yesno' || a.type === 'single') && a.choice === choice
const includes = (choice: string) => (a: AnswerValue) => a.type === 'multiple' && a.choices.includes(choice)
const fictional = demoCities.filter((city) => city.fictional)

function expectWithin(actual: number, target: number, points: number) {
  expect(actual).toBeGreaterThanOrEqual(target - points)
  expect(actual).toBeLessThanOrEqual(target + points)
}

describe('demo cities', () => {
  it('when the cities are listed, then there are 150 fictional ones plus Enschede', () => {
    expect(fictional).toHaveLength(150)
    expect(demoCities.filter((city) => !city.fictional)).toEqual([enschede])
    expect(enschede).toMatchObject({
      slug: 'enschede-nld',
      country: 'Netherlands',
      iso3: 'NLD',
      region: 'Europe',
    })
  })

  it('when editions are counted, then about 90 answered 2018 and about 150 answered either', () => {
    expect(respondentsOf(2018)).toHaveLength(90)
    expect(respondentsOf(2020)).toHaveLength(91)
    expect(fictional.filter((city) => city.editions.length === 2)).toHaveLength(30)
    expect(enschede.editions).toEqual([2020])
  })

  it('when slugs are made, then each is the name and the lower-case ISO-3 code, and unique', () => {
    for (const city of demoCities) {
      const name = city.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')
      expect(city.slug).toBe(`${name}-${city.iso3.toLowerCase()}`)
    }
    expect(new Set(demoCities.map((city) => city.slug)).size).toBe(demoCities.length)
  })

  it('when regions and places are given, then they are the six regions and real coordinates', () => {
    const regions = new Set(demoCities.map((city) => city.region))
    expect([...regions].sort()).toEqual([
      'Africa',
      'Asia-Pacific',
      'Europe',
      'Latin America',
      'Middle East',
      'North America',
    ])
    for (const city of demoCities) {
      expect(Math.abs(city.latitude)).toBeLessThanOrEqual(90)
      expect(Math.abs(city.longitude)).toBeLessThanOrEqual(180)
      expect(city.population).toBeGreaterThanOrEqual(30_000)
    }
  })

  it('when the module is loaded again, then the same cities and answers come out', async () => {
    vi.resetModules()
    const again = await import('../../src/cli/demo/demoData')
    expect(again.demoCities).toEqual(demoCities)
    const city = fictional[7] as DemoCity
    expect(again.demoAnswers(d2020, city)).toEqual(demoAnswers(d2020, city))
    expect(demoAnswers(d2018, city)).toEqual(demoAnswers(d2018, city))
  })
})

describe('demo answers', () => {
  it('when all answers are checked, then they respect conditions, editions and option lists', () => {
    const problems = [
      ...[...answers2018].flatMap(([slug, answers]) =>
        answerProblems(d2018, answers).map((p) => `${slug} 2018 ${p}`),
      ),
      ...[...answers2020].flatMap(([slug, answers]) =>
        answerProblems(d2020, answers).map((p) => `${slug} 2020 ${p}`),
      ),
    ]
    expect(problems).toEqual([])
  })

  it('when an answer breaks a condition or an edition, then the checker used here reports it', () => {
    const broken: Answers = new Map<string, AnswerValue>([
      ['strategy.formal', { type: 'yesno', choice: 'no' }],
      ['strategy.description', { type: 'longtext', value: 'A strategy.' }],
      ['funding.has_dedicated', { type: 'yesno', choice: 'yes' }],
      ['funding.activities', { type: 'multiple', choices: ['training_staff'], notes: {} }],
    ])
    expect(answerProblems(d2018, broken)).toEqual([
      'strategy.description: answered although its condition hides it',
      'funding.activities: "training_staff" is not offered in 2018',
    ])
  })

  it('when a fictional city answered, then every required question it was shown is answered', () => {
    const missing = fictional.flatMap((city) =>
      city.editions.map((year) => {
        const definition = year === 2018 ? d2018 : d2020
        return missingRequired(definition, demoAnswers(definition, city)).map(
          (key) => `${city.slug} ${year} ${key}`,
        )
      }),
    )
    expect(missing.flat()).toEqual([])
  })

  it('when a city has no funding or no strategy, then the follow-up questions are not answered', () => {
    for (const answers of [...answers2018.values(), ...answers2020.values()]) {
      if (
        answers.get('funding.has_dedicated')?.type === 'yesno' &&
        is('no')(answers.get('funding.has_dedicated')!)
      ) {
        expect(answers.has('funding.sources') || answers.has('funding.activities')).toBe(false)
      }
      if (answers.get('strategy.formal') && is('no')(answers.get('strategy.formal')!)) {
        expect(answers.has('strategy.description')).toBe(false)
      }
    }
  })

  it('when shares are computed over every city’s latest answers, then they are near the 2018–20 figures', () => {
    expectWithin(share(latest, 'funding.has_dedicated', is('yes')), 81, 3)
    expectWithin(share(latest, 'strategy.formal', is('yes')), 50, 3)
    expectWithin(share(latest, 'goals.formal', is('yes')), 52, 3)
    expectWithin(share(latest, 'roles', includes('project_manager')), 92, 3)
    expectWithin(share(latest, 'approach.level', is('both')), 56, 3)
    expectWithin(share(latest, 'approach.level', is('policy_areas')), 24, 3)
    expectWithin(share(latest, 'approach.level', is('holistic')), 20, 3)
  })

  it('when shares are computed over the 2018 answers, then they are near the 2018 figures', () => {
    const significant = (a: AnswerValue) => is('significant')(a) || is('somewhat_significant')(a)
    expectWithin(share(only2018, 'funding.has_dedicated', is('yes')), 79, 3)
    expectWithin(share(only2018, 'strategy.formal', is('yes')), 49, 3)
    expectWithin(share(only2018, 'goals.formal', is('yes')), 55, 3)
    expectWithin(share(only2018, 'roles', includes('project_manager')), 82, 3)
    expectWithin(share(only2018, 'data.role_in_decisions', significant), 85, 3)
    expectWithin(share(only2018, 'outcomes.evaluation', is('systematic')), 16, 3)
  })

  it('when funded activities are counted among 2018 cities with funding, then they follow §3.3', () => {
    expectWithin(share(only2018, 'funding.activities', includes('launching_project')), 67, 5)
    expectWithin(share(only2018, 'funding.activities', includes('idea_generation')), 66, 5)
    expectWithin(share(only2018, 'funding.activities', includes('paying_for_services')), 25, 5)
  })
})

describe('Enschede', () => {
  const answers = demoAnswers(d2020, enschede)
  const choices = (key: string) => {
    const answer = answers.get(key)
    return answer?.type === 'multiple' ? answer.choices : answer
  }

  it('when its 2020 answers are loaded, then they hold exactly the lists its profile shows', () => {
    expect(choices('helping_to')).toEqual(['anticipate_challenges', 'save_costs', 'improve_service_delivery'])
    expect(choices('success_factors')).toEqual([
      'dedicated_funding',
      'focus_on_measurement',
      'culture_of_innovation',
      'leadership_from_mayor',
    ])
    expect(choices('policy_areas')).toEqual(['social_welfare', 'digital_governance'])
    expect(choices('innovation_terms')).toEqual(['data_analytics'])
    expect(choices('roles')).toEqual(['project_manager', 'data_scientist', 'communication_officer'])
    expect(choices('funding.sources')).toEqual([
      'international',
      'regional',
      'municipal',
      'external',
      'innovative_financing',
    ])
    expect(choices('funding.activities')).toEqual([
      'idea_generation',
      'digital_systems',
      'physical_infrastructure',
      'paying_for_services',
    ])
    expect(choices('partnerships.innovation')).toEqual([
      'public_agencies',
      'private_firms',
      'not_for_profit',
      'residents',
    ])
    expect(choices('data.partnerships')).toEqual(['private_sector', 'academia', 'other_cities'])
  })

  it('when its header and single answers are loaded, then they match the profile', () => {
    expect(answers.get('city.mayor')).toEqual({ type: 'text', value: 'Onno van Veldhuizen' })
    expect(answers.get('city.population')).toEqual({ type: 'number', value: 159000 })
    expect(answers.get('city.population_year')).toEqual({ type: 'year', value: 2019 })
    expect(answers.get('city.lead_innovation_officers')).toEqual({
      type: 'textList',
      values: ['Gerdien Looman'],
    })
    expect(answers.get('strategy.formal')).toEqual({ type: 'yesno', choice: 'no' })
    expect(answers.get('approach.level')).toEqual({ type: 'single', choice: 'both' })
    expect(answers.get('org.structure')).toEqual({ type: 'single', choice: 'sprinkled' })
    expect(answers.get('funding.has_dedicated')).toEqual({ type: 'yesno', choice: 'yes' })
  })

  it('when the profile does not show an answer, then Enschede has none', () => {
    const shown = new Set(answers.keys())
    for (const key of [
      'city.innovation_website',
      'goals.formal',
      'strategy.description',
      'org.staff_count',
    ]) {
      expect(shown.has(key)).toBe(false)
    }
    for (const key of ['org.team_age_years', 'data.role_in_decisions', 'outcomes.evaluation']) {
      expect(shown.has(key)).toBe(false)
    }
    expect(demoAnswers(d2018, enschede).size).toBe(0)
  })

  it('when its answers are checked against the 2020 definition, then each one is allowed', () => {
    expect(answerProblems(d2020, answers)).toEqual([])
  })

  it('when a caller changes the answers it got, then the next caller still gets the profile’s', () => {
    const mine = demoAnswers(d2020, enschede)
    mine.delete('roles')
    expect(demoAnswers(d2020, enschede).has('roles')).toBe(true)
  })
})
