import type { EditionEvents } from '../../shared/editionEvents'
import type { EditionsRepository } from '../editionsRepository'
import type { AnswerUsageRepository } from './answerUsageRepository'
import type { DefinitionChangesRepository } from './definitionChangesRepository'
import { authoringService } from './authoringService'
import { versionsService } from './versionsService'

/** The questionnaire-authoring services, wired from the repositories they need. */
export function questionnaireAuthoring(
  repos: {
    editions: EditionsRepository
    definitionChanges: DefinitionChangesRepository
    answerUsage: AnswerUsageRepository
  },
  events: EditionEvents,
) {
  const deps = {
    editions: repos.editions,
    changes: repos.definitionChanges,
    usage: repos.answerUsage,
    events,
  }
  const editor = authoringService(deps)
  return { editor, versions: versionsService(deps, editor) }
}

export type QuestionnaireAuthoring = ReturnType<typeof questionnaireAuthoring>
