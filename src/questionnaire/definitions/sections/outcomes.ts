import { option, type SectionInput } from '../builders'

/** Section 5 of the instrument: outcomes monitoring and evaluation (§3.5). Not shown on profiles. */
export function outcomesSection(): SectionInput {
  return {
    key: 'outcomes',
    title: 'Outcomes and evaluation',
    intro: 'Whether the city checks what its innovation work achieves.',
    pages: [
      {
        key: 'evaluation',
        title: 'Evaluating outcomes',
        questions: [
          {
            key: 'outcomes.evaluation',
            type: 'single',
            label: 'Does the city monitor and evaluate the outcomes of its innovation work?',
            options: [
              option('systematic', 'Yes, systematically and comprehensively'),
              option('partial', 'Yes, for some projects or in part'),
              option('planned', 'Not yet, but the city plans to'),
              option('no', 'No'),
            ],
            messages: { required: 'Select whether the city evaluates the outcomes of its innovation work' },
          },
        ],
      },
    ],
  }
}
