import type { DemoCity } from './demoCities'
import { pick } from './prng'

/** Invented prose for the demo cities' free-text answers (people's names: demoNames.ts). */

const projects = [
  'an open data portal',
  'a resident idea platform',
  'a mobility living lab',
  'a digital permit service',
  'a neighbourhood co-design programme',
  'a public sector innovation fund',
  'a sensor network for air quality',
  'a data academy for civil servants',
]
const aims = [
  'bring residents into decisions about their streets',
  'cut the time it takes to start a business',
  'test new services with the people who use them',
  'share data with universities and start-ups',
  'plan ahead for heat waves and flooding',
  'make public spending easier to follow',
]
const results = [
  'The first results are being evaluated with a local university.',
  'Several departments now use it in their daily work.',
  'It has since been copied by neighbouring municipalities.',
  'The city plans to extend it to every district.',
]

/** A short, plainly invented "spotlight" paragraph. */
export function spotlightText(city: DemoCity, rng: () => number): string {
  return `${city.name} has set up ${pick(rng, projects)} to ${pick(rng, aims)}. ${pick(rng, results)}`
}

/** A two-sentence strategy description. */
export function strategyText(city: DemoCity, year: number, rng: () => number): string {
  return (
    `${city.name}’s innovation strategy (adopted ${year - 1 - Math.floor(rng() * 3)}) sets out how the city will ` +
    `${pick(rng, aims)}. It is published on the city’s website.`
  )
}

export const departments = [
  'Finance Department',
  'Technology Services Department',
  'Department of Economic Development',
  'Planning Department',
  'Department of Strategy and Performance',
]

/** "Other (please specify)" texts per question, in the style of those seen on real profiles. */
const otherTexts: Record<string, string[]> = {
  helping_to: ['Understand environmental challenges and plan ahead', 'Attract and keep talent in the city'],
  policy_areas: ['Healthy urban living', 'Future of work', 'Resource efficiency'],
  innovation_terms: ['Co-creation', 'Open innovation'],
  roles: ['Urban planner', 'Behavioural scientist', 'Policy analyst'],
  'funding.sources': ['Lottery funds'],
  'partnerships.innovation': ['International city networks'],
  'data.partnerships': ['National statistics office'],
}

export function otherText(questionKey: string, city: DemoCity, rng: () => number): string {
  if (questionKey === 'org.structure') {
    return `${city.name}’s innovation work is led by a network of innovation champions, one in each department.`
  }
  return pick(rng, otherTexts[questionKey] ?? ['Other (demo answer)'])
}

/** Notes on chosen policy areas (the per-option note of `policy_areas`). */
export const areaNotes = [
  'A dedicated programme runs in this area with its own budget.',
  'The city pilots new services here before rolling them out.',
  'Work in this area is shared with the regional government.',
]
