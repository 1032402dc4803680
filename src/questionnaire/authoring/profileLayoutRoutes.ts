import express, { type Router } from 'express'
import type { QuestionnaireAuthoring } from './index'
import { cityFactFields } from '../definitionSchema'
import { confirmRoute, formRoute, moveRoute } from './formRoute'
import {
  addBlock,
  blockQuestions,
  blockToValues,
  blockValues,
  factField,
  locateBlock,
  moveBlock,
  removeBlock,
  updateBlock,
} from './profileLayoutEdits'
import { pageLocals } from './routeSupport'
import { adminPaths } from '../../web/adminPaths'
import { param, yearParam } from '../../web/requestParams'
import { profileViewHelpers } from '../../profiles/profileWording'

const base = '/admin/editions/:year/questionnaire/profile'

/** The form's city facts: one label field per field of the city's record. */
const cityFacts = cityFactFields.map((field) => ({ field, name: factField(field) }))

/** The public profile's blocks: list, add, change, reorder, remove, and a city's profile as a preview. */
export function profileLayoutRoutes(authoring: QuestionnaireAuthoring): Router {
  const router = express.Router()
  const { editor, profilePreview } = authoring
  const layoutPage = (req: express.Request) => adminPaths.questionnaireProfile(yearParam(req))

  router.get(base, async (req, res) => {
    const edition = await editor.edition(yearParam(req))
    const { definition } = edition
    res.render('authoring/profile-layout', {
      ...pageLocals(edition, `Profile layout of the ${edition.year} questionnaire`),
      blocks: definition.profile.blocks.map((block) => ({
        block,
        questions: blockQuestions(definition, block.key),
      })),
      cities: await profilePreview.cities(edition),
      paths: adminPaths,
    })
  })
  formRoute(router, authoring, `${base}/blocks/new`, {
    view: 'authoring/profile-block-form',
    load: () => ({ title: 'Add a profile block', values: { layout: 'section' }, isNew: true, cityFacts }),
    values: blockValues,
    edit: (_req, values) => (draft) => addBlock(draft, values),
    next: layoutPage,
  })
  formRoute(router, authoring, `${base}/blocks/:key`, {
    view: 'authoring/profile-block-form',
    load: (req, edition) => {
      const { block } = locateBlock(edition.definition, param(req, 'key'))
      return {
        title: `Change profile block: ${block.title ?? block.key}`,
        values: blockToValues(block),
        isNew: false,
        cityFacts,
      }
    },
    values: blockValues,
    edit: (req, values) => (draft) => updateBlock(draft, param(req, 'key'), values),
    next: layoutPage,
  })
  moveRoute(
    router,
    authoring,
    `${base}/blocks/:key/move`,
    (req, to) => (draft) => moveBlock(draft, param(req, 'key'), to),
    (req) => `${layoutPage(req)}#block-${param(req, 'key')}`,
  )
  confirmRoute(router, authoring, `${base}/blocks/:key/remove`, {
    describe: (req, edition) => {
      const { block } = locateBlock(edition.definition, param(req, 'key'))
      return {
        title: `Remove the profile block “${block.title ?? block.key}”?`,
        details: [`Key: ${block.key}`],
        back: layoutPage(req),
      }
    },
    edit: (req) => (draft) => removeBlock(draft, param(req, 'key')),
    next: layoutPage,
  })
  router.get(`${base}/preview`, async (req, res) => {
    const edition = await editor.edition(yearParam(req))
    const slug = typeof req.query.city === 'string' ? req.query.city : ''
    if (!slug) return res.redirect(`${layoutPage(req)}#preview`)
    const { profile, status } = await profilePreview.profile(edition, slug)
    res.render('authoring/profile-preview', {
      ...profileViewHelpers,
      title: `Preview: ${profile.city.name}’s ${edition.year} profile`,
      profile,
      status,
      years: [edition.year],
      generatedAt: new Date().toISOString(),
      preview: true,
      layoutPage: layoutPage(req),
      breadcrumbs: pageLocals(edition, '').breadcrumbs.concat([
        { href: layoutPage(req), text: 'Profile layout' },
      ]),
    })
  })
  return router
}
