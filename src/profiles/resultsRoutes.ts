import express, { type Router } from 'express'
import type { ProfileServices } from './profileServices'
import type { PageCache } from './pageCache'
import { parseYear } from '../web/requestParams'

/** /results: the published years, every question of a year, one question. */
export function resultsRoutes(profiles: ProfileServices, { notModified }: PageCache): Router {
  const router = express.Router()
  const { results } = profiles

  router.get('/results', async (_req, res) => {
    res.render('profiles/results-index', {
      title: 'Results by survey year',
      editions: await results.published(),
    })
  })

  router.get('/results/:year', async (req, res) => {
    const aggregate = await results.edition(parseYear(req.params.year))
    if (notModified(req, res, 'results', aggregate.contentHash)) return
    res.render('profiles/results', {
      title: `Results of the ${aggregate.year} survey`,
      aggregate,
      breadcrumbs: [
        { href: '/', text: 'Home' },
        { href: '/results', text: 'Results' },
      ],
    })
  })

  router.get('/results/:year/:question', async (req, res) => {
    const { aggregate, question } = await results.question(parseYear(req.params.year), req.params.question)
    if (notModified(req, res, 'question', question.key, aggregate.contentHash)) return
    res.render('profiles/results-question', {
      title: `${question.label} (${aggregate.year})`,
      aggregate,
      question,
      breadcrumbs: [
        { href: '/', text: 'Home' },
        { href: '/results', text: 'Results' },
        { href: `/results/${aggregate.year}`, text: String(aggregate.year) },
      ],
    })
  })
  return router
}
