import {
  definitionSchema,
  type Definition,
  type DefinitionInput,
} from '../../src/questionnaire/definitionSchema'

/** A small two-section questionnaire shaped like the real one, for the authoring unit tests. */
export function fixtureDefinition(year = 2018, overrides: Partial<DefinitionInput> = {}): Definition {
  const input: DefinitionInput = {
    year,
    title: `City Innovation Survey ${year}`,
    sections: [
      {
        key: 'strategy',
        title: 'Strategy',
        pages: [
          {
            key: 'strategy.formal',
            title: 'Formal strategy',
            questions: [
              {
                key: 'strategy.has_formal',
                type: 'yesno',
                label: 'Does the city have a formal innovation strategy?',
              },
              {
                key: 'strategy.description',
                type: 'longtext',
                label: 'Describe the strategy',
                required: false,
                condition: { question: 'strategy.has_formal', anyOf: ['yes'] },
              },
            ],
          },
        ],
      },
      {
        key: 'funding',
        title: 'Funding',
        pages: [
          {
            key: 'funding.main',
            title: 'Funding',
            questions: [
              { key: 'funding.has_dedicated', type: 'yesno', label: 'Does the city have dedicated funding?' },
              {
                key: 'funding.activities',
                type: 'multiple',
                label: 'Which activities does this funding pay for?',
                condition: { question: 'funding.has_dedicated', anyOf: ['yes'] },
                options: [
                  { key: 'idea_generation', label: 'Idea generation & brainstorming' },
                  { key: 'digital_systems', label: 'Investing in digital systems' },
                  {
                    key: 'launching_projects',
                    label: 'Launching or sustaining a project',
                    availableIn: [2018],
                  },
                  {
                    key: 'training_staff',
                    label: 'Training staff and building capacity',
                    availableIn: [2020],
                  },
                ],
              },
              {
                key: 'funding.rating',
                type: 'rating',
                label: 'How important is each source?',
                options: [{ key: 'budget', label: 'Municipal budget' }],
                scale: [
                  { key: 'low', label: 'Low' },
                  { key: 'high', label: 'High' },
                ],
              },
            ],
          },
        ],
      },
    ],
    // Questions may be shown in the profile's one block.
    profile: { blocks: [{ key: 'funding', title: 'Funding' }] },
    ...overrides,
  }
  return definitionSchema.parse(input)
}
