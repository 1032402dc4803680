import type { EditionStatus } from '../questionnaire/editionsRepository'
import type { EditionChange } from '../shared/editionEvents'

/**
 * The life of a survey year: draft → open → closed → published, with the way back
 * (reopen a closed year, unpublish a published one). Pure, so the rules read in one place.
 */
export const lifecycleActions = ['open', 'close', 'publish', 'unpublish'] as const
export type LifecycleAction = (typeof lifecycleActions)[number]

interface ActionRule {
  from: EditionStatus[]
  to: EditionStatus
  /** The button and the confirmation heading. */
  label: string
  /** What it means, on the confirmation page. */
  consequence: string
  /** The message once done. */
  done: string
  /** What the profiles need to hear about it. */
  change?: EditionChange
}

export const actionRules: Record<LifecycleAction, ActionRule> = {
  open: {
    done: 'opened for responses',
    from: ['draft', 'closed'],
    to: 'open',
    label: 'Open for responses',
    consequence: 'Officers will be able to start, change and submit their city’s response.',
  },
  close: {
    done: 'closed for responses',
    from: ['open'],
    to: 'closed',
    label: 'Close for responses',
    consequence:
      'Officers will no longer be able to change their answers, except on responses you have returned to them for changes.',
  },
  publish: {
    done: 'results published',
    from: ['closed'],
    to: 'published',
    label: 'Publish results',
    consequence:
      'The profiles of this survey year will be regenerated from the approved responses and shown to the public.',
    change: 'published',
  },
  unpublish: {
    done: 'results unpublished',
    from: ['published'],
    to: 'closed',
    label: 'Unpublish results',
    consequence: 'The profiles of this survey year will no longer be shown to the public.',
    change: 'unpublished',
  },
}

export const isLifecycleAction = (value: string): value is LifecycleAction =>
  (lifecycleActions as readonly string[]).includes(value)

/** The actions possible from a status, in the order the buttons appear. */
export const actionsFrom = (status: EditionStatus): LifecycleAction[] =>
  lifecycleActions.filter((a) => actionRules[a].from.includes(status))

const statusWords: Record<EditionStatus, string> = {
  draft: 'a draft',
  open: 'open',
  closed: 'closed',
  published: 'published',
}

/** Why an action is not possible now, or undefined when it is. */
export function refusal(status: EditionStatus, action: LifecycleAction): string | undefined {
  const rule = actionRules[action]
  if (rule.from.includes(status)) return undefined
  const needs = rule.from.map((s) => statusWords[s]).join(' or ')
  return `You cannot ${rule.label.toLowerCase()} while the survey year is ${statusWords[status]}. It must be ${needs} first.`
}

/**
 * Whether officers may change a response. Closing stops edits, except on a response
 * the reviewer returned: it can still be fixed until the year is published.
 */
export function officerCanEdit(editionStatus: EditionStatus, responseStatus: string | undefined): boolean {
  const status = responseStatus ?? 'in_progress'
  if (editionStatus === 'open') return status === 'in_progress' || status === 'returned'
  if (editionStatus === 'closed') return status === 'returned'
  return false
}
