import fs from 'node:fs'
import path from 'node:path'
import express, { type Router } from 'express'
import { DEFAULT_LOCALE, translatorOf } from '../i18n/catalogues'

const pages = [
  { path: '/privacy', view: 'privacy', title: 'chrome.privacy' },
  { path: '/accessibility', view: 'accessibility', title: 'chrome.accessibility' },
  { path: '/contact', view: 'contact', title: 'chrome.contact' },
]

/**
 * The pages every public site owes its readers, linked from the footer: privacy notice,
 * accessibility statement and contact. Their text is in the views, one per language
 * (views/site/<locale>/ beside the English in views/site/); the contact address comes from
 * CONTACT_EMAIL (app.locals.contactEmail).
 */
export function footerRoutes(): Router {
  const router = express.Router()
  const found = new Map<string, boolean>()
  const translated = (viewsDir: string, locale: string, view: string): boolean => {
    if (locale === DEFAULT_LOCALE) return false
    const file = path.join(viewsDir, 'site', locale, `${view}.ejs`)
    if (!found.has(file)) found.set(file, fs.existsSync(file))
    return found.get(file)!
  }
  for (const page of pages)
    router.get(page.path, (req, res) => {
      const locale = String(res.locals.lang ?? DEFAULT_LOCALE)
      const view = translated(String(req.app.get('views')), locale, page.view)
        ? `site/${locale}/${page.view}`
        : `site/${page.view}`
      res.render(view, { title: translatorOf(res.locals)(page.title) })
    })
  return router
}
