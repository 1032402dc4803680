import { noneOption, option, type PageInput } from '../builders'
import { focusAreaOptions } from '../policyAreas'

/** The approach (holistic, policy areas or both) and the policy areas it focuses on. */
export function approachPage(): PageInput {
  return {
    key: 'approach',
    title: 'Approach and policy areas',
    questions: [
      {
        key: 'approach.level',
        type: 'single',
        label: 'How does the city approach innovation capacity?',
        options: [
          option('holistic', 'From a holistic/macro level only', {
            hint: 'Innovation capacity is built across the whole municipality, not for particular policy areas.',
          }),
          option('policy_areas', 'In specific policy areas/domains only'),
          option('both', 'Both from a holistic/macro level and in specific policy areas'),
        ],
        messages: { required: 'Select how the city approaches innovation capacity' },
        profile: {
          section: 'vision',
          display: 'sentence',
          sentences: [
            {
              when: { equals: 'both' },
              text: 'Similar to {shareInWords} of cities surveyed, {city} approaches innovation capacity both from a holistic/macro level, as well as in specific policy areas.',
            },
            {
              when: { equals: 'policy_areas' },
              text: 'Similar to {shareInWords} of cities surveyed, {city} approaches innovation capacity in specific policy areas/domains.',
            },
            {
              when: { equals: 'holistic' },
              text: 'Similar to {shareInWords} of cities surveyed, {city} approaches innovation capacity from a holistic/macro level.',
            },
          ],
        },
      },
      {
        key: 'policy_areas',
        type: 'multiple',
        label: 'Which policy areas does the city focus its innovation work on?',
        hint: 'Select all that apply. You can add a short note about the city’s work in each area you select.',
        options: [
          ...focusAreaOptions(),
          noneOption('None: the city does not focus its innovation work on specific policy areas'),
        ],
        other: true,
        notes: true,
        messages: {
          required: 'Select the policy areas the city focuses on, or select “None”',
          otherRequired: 'Enter the other policy area',
          exclusive: 'Select policy areas, or select “None”, not both',
        },
        profile: {
          section: 'policy_areas',
          display: 'list',
          heading: 'Policy areas that {city} is focused on',
          sentences: [
            {
              when: { includes: 'none' },
              text: '{city} does not prioritise policy sectors for its innovation work.',
            },
          ],
          chart: { title: 'Policy areas by number of cities' },
        },
      },
    ],
  }
}

/** The terms the city associates with innovation (list C) and what innovation helps it do (list D). */
export function purposePage(): PageInput {
  return {
    key: 'purpose',
    title: 'What innovation means for the city',
    questions: [
      {
        key: 'innovation_terms',
        type: 'multiple',
        label: 'Which terms does the city most associate with innovation?',
        hint: 'Select up to 4.',
        options: [
          option('data_analytics', 'Data analytics'),
          option('human_centered_design', 'Human-centered design'),
          option('resident_engagement', 'Resident engagement'),
          option('experimentation', 'Experimentation'),
          option('behavioral_economics', 'Behavioral economics'),
          option('technological_innovation', 'Technological innovation'),
          option('big_picture_rethinking', 'Big picture re-thinking'),
          option('collaboration', 'Collaboration across sectors or jurisdictions'),
        ],
        other: true,
        maxChoices: 4,
        messages: {
          required: 'Select the terms the city most associates with innovation',
          maxChoices: 'Select up to 4 terms',
          otherRequired: 'Enter the other term',
        },
        profile: {
          section: 'terms',
          display: 'list',
          heading: 'Terms {city} most associates with innovation',
        },
      },
      {
        key: 'helping_to',
        type: 'multiple',
        label: 'What is innovation helping the city to do?',
        hint: 'Select all that apply.',
        options: [
          option('anticipate_challenges', 'Anticipate and manage future challenges'),
          option('improve_operations', 'Improve internal government operations'),
          option('save_costs', 'Save costs and improve efficiency within the public sector'),
          option('improve_service_delivery', 'Improve service delivery'),
          option('improve_resident_outcomes', 'Improve resident outcomes'),
          option('simplify_procedures', 'Simplify administrative procedures for firms and residents'),
          option('generate_revenue', 'Generate new sources of revenue'),
          option('engage_stakeholders', 'Engage residents and other stakeholders'),
          // Seen only on profiles built from 2018 answers (instrument §3.6).
          option('serve_current_obligations', 'Serve current obligations', { availableIn: [2018] }),
        ],
        other: true,
        messages: {
          required: 'Select what innovation is helping the city to do',
          otherRequired: 'Enter what else innovation is helping the city to do',
        },
        profile: { section: 'helping_to', display: 'list', heading: 'Innovation is helping to:' },
      },
    ],
  }
}
