import express, { type Router } from 'express'
import type { PasswordLinkService } from './passwordLinkService'
import { errorsInLanguage, PASSWORD_MIN_LENGTH } from './accountForms'
import { translatorOf } from '../i18n/catalogues'

/** The one-time set-password link an administrator passed on. */
export function setPasswordRoutes(links: PasswordLinkService): Router {
  const router = express.Router()

  router.get('/set-password/:token', async (req, res) => {
    const link = await links.check(req.params.token)
    if (!link.usable)
      return res.status(link.status).render('accounts/link-unusable', {
        title: translatorOf(res.locals)(`account.link.${link.reason}`),
        reason: link.reason,
      })
    res.render('accounts/set-password', {
      title: translatorOf(res.locals)('account.setPassword.title'),
      email: link.email,
      minLength: PASSWORD_MIN_LENGTH,
      errors: [],
    })
  })

  router.post('/set-password/:token', async (req, res) => {
    const result = await links.setPassword(req.params.token, req.body, req.ip ?? null)
    if ('link' in result)
      return res.status(result.link.status).render('accounts/link-unusable', {
        title: translatorOf(res.locals)(`account.link.${result.link.reason}`),
        reason: result.link.reason,
      })
    if (!result.ok) {
      return res.status(400).render('accounts/set-password', {
        title: translatorOf(res.locals)('account.setPassword.title'),
        email: result.email,
        minLength: PASSWORD_MIN_LENGTH,
        errors: errorsInLanguage(result.errors, translatorOf(res.locals)),
      })
    }
    req.session.flash = {
      kind: 'success',
      text: translatorOf(res.locals)('account.setPassword.done', { email: result.email }),
    }
    res.redirect('/login')
  })
  return router
}
