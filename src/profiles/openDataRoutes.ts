import express, { type Router } from 'express'
import type { ProfileServices } from './profileServices'
import { NotFoundError } from '../shared/errors'
import { localeOf, pageLanguage } from './pageLanguage'
import { LOCALES } from '../i18n/catalogues'

/** /open-data: the documentation page and the downloads (CSV, JSON, codebook) per published year. */
export function openDataRoutes(profiles: ProfileServices): Router {
  const router = express.Router()
  const { openData } = profiles

  router.get('/open-data', async (req, res) => {
    // The page in the reader's language; the files it offers stay English (it says so).
    const { t } = pageLanguage(req, res, localeOf(res), [...LOCALES])
    // The page follows the language cookie as well as `?lang=`: caches keep one copy per cookie.
    res.vary('Cookie')
    res.render('profiles/open-data', {
      title: t('publicPages.openData.title'),
      ...(await openData.overview()),
    })
  })

  router.get('/open-data/:file', async (req, res) => {
    const match = /^(\d{4})(-basis)?(?:-release-(\d{1,6}))?(\.csv|\.json|-codebook\.csv)$/.exec(
      req.params.file,
    )
    if (!match) throw new NotFoundError()
    const [, yearText, basis, release, kind] = match
    const year = Number(yearText)
    if ((basis || release) && kind !== '.csv') throw new NotFoundError()
    const download = release
      ? await openData.releaseFile(year, Number(release), basis ? 'basis' : 'data')
      : basis
        ? await openData.basisCsv(year)
        : kind === '.json'
          ? await openData.json(year)
          : kind === '.csv'
            ? await openData.csv(year)
            : await openData.codebook(year)
    res.type(kind === '.json' ? 'application/json' : 'text/csv').attachment(download.filename)
    res.set('Cache-Control', 'no-cache')
    await download.writeTo(res)
  })
  return router
}
