/** Why an edition's published results may have changed. */
export type EditionChange =
  | 'response_approved'
  | 'response_reopened'
  | 'response_unapproved'
  | 'basis_changed'
  | 'definition_changed'
  | 'published'
  | 'unpublished'
  | 'answer_corrected'

/** What a change was about, where one city's answer changed (for the corrections log). */
export interface ChangeDetail {
  city?: string
  question?: string
  questionKey?: string
  reason?: string
}

export type EditionListener = (
  editionId: number,
  change: EditionChange,
  detail?: ChangeDetail,
) => Promise<void>

/**
 * A small in-process hook: review and authoring announce changes, profiles regenerate.
 * Listeners are awaited, so when an approval returns, the profiles are already fresh.
 */
export function editionEvents() {
  const listeners: EditionListener[] = []
  return {
    subscribe(listener: EditionListener): void {
      listeners.push(listener)
    },
    async changed(editionId: number, change: EditionChange, detail?: ChangeDetail): Promise<void> {
      for (const listener of listeners) await listener(editionId, change, detail)
    },
  }
}

export type EditionEvents = ReturnType<typeof editionEvents>
