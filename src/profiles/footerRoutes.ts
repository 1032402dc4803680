import express, { type Router } from 'express'

/**
 * The pages every public site owes its readers, linked from the footer: privacy notice,
 * accessibility statement and contact. Their text is in the views; the contact address comes
 * from CONTACT_EMAIL (app.locals.contactEmail).
 */
export function footerRoutes(): Router {
  const router = express.Router()
  router.get('/privacy', (_req, res) => res.render('site/privacy', { title: 'Privacy notice' }))
  router.get('/accessibility', (_req, res) =>
    res.render('site/accessibility', { title: 'Accessibility statement' }),
  )
  router.get('/contact', (_req, res) => res.render('site/contact', { title: 'Contact' }))
  return router
}
