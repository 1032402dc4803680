import type { CitiesRepository } from '../cities/citiesRepository'
import type { EditionsRepository } from '../questionnaire/editionsRepository'
import type { ResponsesRepository } from '../responses/responsesRepository'
import type { ReviewCommentsRepository } from '../responses/reviewCommentsRepository'
import type { ExtensionsRepository } from '../review/extensionsRepository'

/**
 * What the officer's journey reads and writes, narrowed to the methods it calls: each file takes
 * the part it uses (Pick<CollectionRepositories, …>), the wiring hands over the real repositories.
 */
export interface CollectionRepositories {
  cities: Pick<CitiesRepository, 'findById'>
  editions: Pick<EditionsRepository, 'findById' | 'findByYear' | 'list'>
  extensions: Pick<ExtensionsRepository, 'until'>
  responses: Pick<
    ResponsesRepository,
    'answers' | 'find' | 'findOrCreate' | 'findWithAnswers' | 'saveAnswers' | 'transition'
  >
  reviewComments: Pick<ReviewCommentsRepository, 'open'>
}
