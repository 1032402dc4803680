import { formatDeadline } from './deadline'
import { errorFor } from './formErrors'
import { capitalised, inSentence, unitCount } from './identity'
import { english } from '../i18n/catalogues'

/** Small formatting helpers every view can use (app.locals). */
const numberFormat = new Intl.NumberFormat('en-GB')
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
})
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

export const viewHelpers = {
  formatNumber: (value: number | null | undefined): string =>
    value === null || value === undefined ? '' : numberFormat.format(value),
  formatDateTime: (iso: string | null | undefined): string =>
    iso ? `${dateTimeFormat.format(new Date(iso))} UTC` : '',
  formatDate: (iso: string | null | undefined): string => (iso ? dateFormat.format(new Date(iso)) : ''),
  /** A deadline on its time zone's clock: "31 December 2026 at 17:00 (Europe/Amsterdam)". */
  formatDeadline,
  /** The field message for an id, from the one error list that also feeds the summary. */
  errorFor,
  /** The identity's wording (the `identity` view local): "47 cities", "Cities", "innovation profile". */
  unitCount,
  capitalised,
  inSentence,
  statusLabel: (status: string): string => status.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase()),
  /**
   * The interface text in English: the default of every view and of the partials rendered with
   * only the data given (src/shared/isolatedPartial.ts), which are passed the page's own `t`.
   */
  t: english,
}
