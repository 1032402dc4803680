import type { AnswerValue } from '../../questionnaire/answerCodec'

const multiple = (...choices: string[]): AnswerValue => ({ type: 'multiple', choices, notes: {} })

const spotlight =
  'In the spirit of collaboration and knowledge sharing, Enschede has entered into an innovative partnership with other Dutch cities. The independent cooperative, named “Dimpact”, is designed to initiate and co-create innovative solutions for optimal public service delivery. The city has co-developed “I4 Sociaal”, a digital environment where residents can create a tailored public profile with their personal data. Based on these data, the municipality can offer targeted solutions and public information useful for users. The platform enables municipalities to provide residents with useful information about facilities and important regulations in a quick and efficient manner.'

/**
 * The seed profile says data analytics is Enschede's most common activity and nothing more about
 * the other six, so they get the level just below the top: the least the profile implies.
 */
const experience: AnswerValue = {
  type: 'rating',
  cells: {
    risk_taking: 'moderate',
    data_analytics: 'extensive',
    resident_engagement: 'moderate',
    digital_solutions: 'moderate',
    organisational_change: 'moderate',
    human_centered_design: 'moderate',
    financing_partnerships: 'moderate',
  },
}

const dataAvailability: AnswerValue = {
  type: 'matrix',
  cells: {
    economic_development: 'sufficient',
    policing: 'sufficient',
    government_finance: 'sufficient',
    waste: 'sufficient',
    public_works: 'sufficient',
    built_environment: 'sufficient',
    land_use: 'insufficient',
    social_welfare: 'insufficient',
    labour_market: 'insufficient',
    environment_climate: 'insufficient',
    social_inclusion: 'insufficient',
    digital_governance: 'insufficient',
  },
}

/**
 * Enschede's 2020 answers exactly as its public profile shows them
 * (shared/seed/000_877797133297700b.txt). Enschede is a real city: questions the profile does not
 * show (website, goals, strategy text, team size, data role, evaluation) stay unanswered.
 */
export const enschede2020Answers: ReadonlyMap<string, AnswerValue> = new Map<string, AnswerValue>([
  ['city.mayor', { type: 'text', value: 'Onno van Veldhuizen' }],
  ['city.population', { type: 'number', value: 159000 }],
  ['city.population_year', { type: 'year', value: 2019 }],
  ['city.lead_innovation_officers', { type: 'textList', values: ['Gerdien Looman'] }],
  ['city.spotlight', { type: 'longtext', value: spotlight }],
  ['strategy.formal', { type: 'yesno', choice: 'no' }],
  ['activities.experience', experience],
  ['approach.level', { type: 'single', choice: 'both' }],
  ['policy_areas', multiple('social_welfare', 'digital_governance')],
  ['innovation_terms', multiple('data_analytics')],
  ['helping_to', multiple('anticipate_challenges', 'save_costs', 'improve_service_delivery')],
  ['org.structure', { type: 'single', choice: 'sprinkled' }],
  ['roles', multiple('project_manager', 'data_scientist', 'communication_officer')],
  [
    'success_factors',
    multiple('dedicated_funding', 'focus_on_measurement', 'culture_of_innovation', 'leadership_from_mayor'),
  ],
  ['funding.has_dedicated', { type: 'yesno', choice: 'yes' }],
  ['funding.sources', multiple('international', 'regional', 'municipal', 'external', 'innovative_financing')],
  [
    'funding.activities',
    multiple('idea_generation', 'digital_systems', 'physical_infrastructure', 'paying_for_services'),
  ],
  ['partnerships.innovation', multiple('public_agencies', 'private_firms', 'not_for_profit', 'residents')],
  ['data.partnerships', multiple('private_sector', 'academia', 'other_cities')],
  ['data.availability', dataAvailability],
])
