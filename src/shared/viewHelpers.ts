import { formatDeadline } from './deadline'
import { errorFor } from './formErrors'
import { capitalised, inSentence, unitCount } from './identity'
import { english } from '../i18n/catalogues'

/**
 * Small formatting helpers every view can use (app.locals). Numbers and dates in the page's
 * language where a view passes its `lang` (English, as British English writes them, otherwise).
 */
const formats = new Map<
  string,
  { number: Intl.NumberFormat; dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat }
>()
const formatsOf = (lang = 'en') => {
  let made = formats.get(lang)
  if (!made) {
    const locale = lang === 'en' ? 'en-GB' : lang
    made = {
      number: new Intl.NumberFormat(locale),
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }),
    }
    formats.set(lang, made)
  }
  return made
}

export const viewHelpers = {
  formatNumber: (value: number | null | undefined, lang?: string): string =>
    value === null || value === undefined ? '' : formatsOf(lang).number.format(value),
  formatDateTime: (iso: string | null | undefined, lang?: string): string =>
    iso ? `${formatsOf(lang).dateTime.format(new Date(iso))} UTC` : '',
  formatDate: (iso: string | null | undefined, lang?: string): string =>
    iso ? formatsOf(lang).date.format(new Date(iso)) : '',
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
