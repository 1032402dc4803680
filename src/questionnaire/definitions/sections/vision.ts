import { option, whenYes, type PageInput, type SectionInput } from '../builders'
import { approachPage, purposePage } from './visionApproach'

/** Section 1 of the instrument: innovation definition, goals and approaches (§3.1). */
export function visionSection(): SectionInput {
  return {
    key: 'vision',
    title: 'Innovation goals and approaches',
    intro:
      'How the municipality builds and keeps its capacity to innovate, what its innovation goals and strategy are, and which approaches it uses.',
    pages: [strategyPage(), activitiesPage(), approachPage(), purposePage()],
  }
}

function strategyPage(): PageInput {
  return {
    key: 'strategy',
    title: 'Innovation strategy and goals',
    intro:
      'Innovation capacity means the human, financial and institutional resources and skills the city uses to start, carry out and advance inclusive, long-term, bottom-up problem solving: for example data analytics, resident engagement, human-centred design, behavioural economics, or collaboration across sectors and jurisdictions. Innovation goals are the outcomes the city wants for its residents, businesses and community in the short and long term. An innovation strategy sets the course for reaching those goals.',
    questions: [
      {
        key: 'strategy.formal',
        number: '1.1',
        type: 'yesno',
        label: 'Does the municipality have a formal innovation strategy?',
        hint: '“Formal” means the city has an agreed definition of innovation.',
        messages: { required: 'Select yes if the municipality has a formal innovation strategy' },
        profile: {
          section: 'vision',
          display: 'sentence',
          heading: 'Vision and approach to innovation capacity',
          sentences: [
            {
              when: { equals: 'yes' },
              text: 'Along with {share} of cities surveyed, {city} has an explicit innovation strategy.',
            },
            {
              when: { equals: 'no' },
              text: 'Along with {share} of cities surveyed, {city} does not have an explicit innovation strategy.',
            },
          ],
        },
      },
      {
        key: 'strategy.description',
        number: '1.2',
        type: 'longtext',
        label: 'Describe the innovation strategy in 2 or 3 sentences',
        hint: 'Say where it is published, for example with a link to a web page or document.',
        condition: whenYes('strategy.formal'),
        maxLength: 2000,
        messages: {
          required: 'Enter a short description of the innovation strategy',
          maxLength: 'The description must be 2,000 characters or fewer',
        },
      },
      {
        key: 'goals.formal',
        type: 'yesno',
        label: 'Does the city have formal innovation goals?',
        hint: 'Goals agreed by the city, for example in a council decision, a plan or the mayor’s programme.',
        messages: { required: 'Select yes if the city has formal innovation goals' },
      },
    ],
  }
}

/** Instrument list A, in the order every profile numbers it 1–7. */
function activitiesPage(): PageInput {
  return {
    key: 'activities',
    title: 'Innovation activities',
    questions: [
      {
        key: 'activities.experience',
        number: '1.3',
        type: 'rating',
        label: 'How much experience does the city have with each of these innovation activities?',
        hint: 'Select one level for each activity.',
        options: [
          option('risk_taking', 'Taking risks or testing new ideas', {
            hint: 'e.g. prototyping new programmes or models to address a persistent city challenge',
          }),
          option('data_analytics', 'Data-driven analytics/public data management', {
            longLabel: 'Promoting data-driven analytics / public data management',
            hint: 'e.g. data storage/analytics; open data; big data',
          }),
          option('resident_engagement', 'Engaging residents in new ways'),
          option('digital_solutions', 'Developing new solutions based on digital technologies'),
          option('organisational_change', 'Organizational change within the municipality'),
          option('human_centered_design', 'Human-centered design', {
            hint: 'e.g. prioritizing the end user at each stage',
          }),
          option('financing_partnerships', 'Rethinking your city’s approach to financing partnerships'),
        ],
        scale: [
          option('none', 'No experience'),
          option('limited', 'Limited experience'),
          option('moderate', 'Moderate experience'),
          option('extensive', 'Extensive experience'),
        ],
        messages: { required: 'Select a level of experience for each activity' },
        profile: {
          section: 'activities',
          display: 'topRated',
          heading: "{city}'s most common innovation activities",
        },
      },
    ],
  }
}
