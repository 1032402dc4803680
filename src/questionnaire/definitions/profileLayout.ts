import type { DefinitionInput } from '../definitionSchema'

/**
 * The innovation profile's layout (instrument §4.2, the original site's order): the facts table
 * heading the page, then the blocks the questions name (`profile.section`), in this order.
 */
export const innovationProfileLayout: NonNullable<DefinitionInput['profile']> = {
  blocks: [
    {
      key: 'header',
      title: 'City facts',
      layout: 'facts',
      cityFacts: [{ field: 'country', label: 'Country' }],
    },
    { key: 'helping_to', title: 'Innovation is helping to' },
    { key: 'success_factors', title: 'Critical success factors' },
    { key: 'spotlight', title: 'Spotlight on innovation' },
    { key: 'vision', title: 'Vision and approach' },
    { key: 'policy_areas', title: 'Policy areas' },
    { key: 'roles', title: 'Innovation skills and roles' },
    { key: 'organisation', title: 'Organisation of innovation' },
    { key: 'terms', title: 'Terms used' },
    { key: 'activities', title: 'Innovation activities' },
    { key: 'funding', title: 'Funding' },
    { key: 'funding_sources', title: 'Sources of funding' },
    { key: 'funding_activities', title: 'Activities being funded' },
    { key: 'partnerships', title: 'Partnerships' },
    { key: 'data_availability', title: 'Data availability' },
  ],
}
