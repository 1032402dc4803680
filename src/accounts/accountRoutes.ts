import express, { type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { AccountService } from './accountService'
import { requireSignIn } from './guards'
import { errorsInLanguage, PASSWORD_MIN_LENGTH } from './accountForms'
import { translatorOf } from '../i18n/catalogues'

/** "Your account": details and changing one's own password. */
export function accountRoutes(accounts: AccountService): Router {
  const router = express.Router()
  // Per account, so a hijacked session cannot guess the current password quickly.
  const passwordLimiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: 10,
    keyGenerator: (req) => `user-${req.user?.id ?? 'none'}`,
    handler: (_req, res) =>
      res.status(429).render('accounts/change-password', {
        title: translatorOf(res.locals)('account.changePassword.title'),
        backLink: '/account',
        minLength: PASSWORD_MIN_LENGTH,
        errors: [
          {
            href: '#currentPassword',
            text: translatorOf(res.locals)('account.changePassword.tooMany'),
          },
        ],
      }),
  })
  router.use('/account', requireSignIn)

  router.get('/account', async (req, res) => {
    const profile = await accounts.profile(req.user!)
    res.render('accounts/account', {
      title: translatorOf(res.locals)('account.title'),
      profile,
      roleLabel: translatorOf(res.locals)(`account.roles.${profile.role}`),
    })
  })

  router.get('/account/password', (_req, res) => {
    res.render('accounts/change-password', {
      title: translatorOf(res.locals)('account.changePassword.title'),
      backLink: '/account',
      minLength: PASSWORD_MIN_LENGTH,
      errors: [],
    })
  })

  router.post('/account/password', passwordLimiter, async (req, res) => {
    const result = await accounts.changePassword(req.user!, req.body, req.sessionID, req.ip ?? null)
    if (!result.ok) {
      return res.status(400).render('accounts/change-password', {
        title: translatorOf(res.locals)('account.changePassword.title'),
        backLink: '/account',
        minLength: PASSWORD_MIN_LENGTH,
        errors: errorsInLanguage(result.errors, translatorOf(res.locals)),
      })
    }
    req.session.flash = {
      kind: 'success',
      text: translatorOf(res.locals)('account.changePassword.changed'),
    }
    res.redirect('/account')
  })
  return router
}
