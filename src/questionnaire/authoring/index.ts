import type { EditionEvents } from '../../shared/editionEvents'
import type { EditionsRepository } from '../editionsRepository'
import type { AnswerUsageRepository } from './answerUsageRepository'
import type { DefinitionChangesRepository } from './definitionChangesRepository'
import { authoringService } from './authoringService'
import { versionsService } from './versionsService'
import { translationsService } from './translationsService'
import { profilePreviewService, type ProfilePreviewDeps } from './profilePreview'

/** The questionnaire-authoring services, wired from the repositories they need. */
export function questionnaireAuthoring(
  repos: {
    editions: EditionsRepository
    definitionChanges: DefinitionChangesRepository
    answerUsage: AnswerUsageRepository
  } & ProfilePreviewDeps,
  events: EditionEvents,
  /** Fewest cities compared for a share to be shown (the profile preview follows the public pages). */
  disclosureThreshold: number,
) {
  const deps = {
    editions: repos.editions,
    changes: repos.definitionChanges,
    usage: repos.answerUsage,
    events,
  }
  const editor = authoringService(deps)
  return {
    editor,
    versions: versionsService(deps, editor),
    translations: translationsService(editor),
    profilePreview: profilePreviewService(repos, disclosureThreshold),
  }
}

export type QuestionnaireAuthoring = ReturnType<typeof questionnaireAuthoring>
