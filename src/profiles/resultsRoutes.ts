import express, { type Router } from 'express'
import type { ProfileServices } from './profileServices'
import type { PageCache } from './pageCache'
import { parseYear } from '../web/requestParams'
import { LOCALES } from '../i18n/catalogues'
import { localeOf, pageLanguage } from './pageLanguage'

/** A year's results are in English and the language they were made in (the reader's, when it was). */
const availableIn = (locale: string): string[] => [...new Set(['en', locale])]

/** /results: the published years, every question of a year, one question. */
export function resultsRoutes(profiles: ProfileServices, { notModified }: PageCache): Router {
  const router = express.Router()
  const { results } = profiles

  router.get('/results', async (req, res) => {
    const editions = await results.published(localeOf(res))
    // Each year's title is in the reader's language where that year was made in it.
    const { t } = pageLanguage(req, res, localeOf(res), [...LOCALES])
    res.render('profiles/results-index', { title: t('publicPages.results.indexTitle'), editions })
  })

  router.get('/results/:year', async (req, res) => {
    const aggregate = await results.edition(parseYear(req.params.year), localeOf(res))
    if (notModified(req, res, 'results', aggregate.contentHash)) return
    const { t } = pageLanguage(req, res, aggregate.locale, availableIn(aggregate.locale))
    res.render('profiles/results', {
      title: t('publicPages.results.title', { year: aggregate.year }),
      aggregate,
      breadcrumbs: [
        { href: '/', text: t('publicPages.homeCrumb') },
        { href: '/results', text: t('chrome.results') },
      ],
    })
  })

  router.get('/results/:year/:question', async (req, res) => {
    const year = parseYear(req.params.year)
    const { aggregate, question } = await results.question(year, req.params.question, localeOf(res))
    if (notModified(req, res, 'question', question.key, aggregate.contentHash)) return
    const { t } = pageLanguage(req, res, aggregate.locale, availableIn(aggregate.locale))
    res.render('profiles/results-question', {
      title: `${question.label} (${aggregate.year})`,
      aggregate,
      question,
      breadcrumbs: [
        { href: '/', text: t('publicPages.homeCrumb') },
        { href: '/results', text: t('chrome.results') },
        { href: `/results/${aggregate.year}`, text: String(aggregate.year) },
      ],
    })
  })
  return router
}
