import express, { type Request, type Response, type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import { z } from 'zod'
import type { PasswordResetService } from './passwordResetService'
import { RESET_LINK_VALID_MINUTES } from '../mail/notifications'
import type { RateLimitStores } from '../rateLimit/rateLimitStores'
import { translatorOf } from '../i18n/catalogues'

/** Reset links per email address per hour: the same limit whether the account exists or not. */
const PER_ADDRESS_PER_HOUR = 3

// Each message is a key of the catalogues (src/i18n/locales), shown in the reader's language.
const emailSchema = z
  .string({ error: 'signIn.errors.emailMissing' })
  .trim()
  .min(1, 'signIn.errors.emailMissing')
  .max(254, 'signIn.errors.emailTooLong')
  .email('signIn.errors.emailFormat')

/** The form, with the message of `errorKey` (a catalogue key) beside the email field. */
const showForm = (res: Response, status: number, email: string, errorKey?: string) =>
  res.status(status).render('accounts/forgot-password', {
    title: translatorOf(res.locals)('forgotPassword.title'),
    values: { email },
    errors: errorKey ? [{ href: '#email', text: translatorOf(res.locals)(errorKey) }] : [],
  })

/** The same page for every valid address, known or not, so it tells nobody which accounts exist. */
const renderSent = (res: Response): Promise<string> =>
  new Promise((resolve, reject) =>
    res.render(
      'accounts/forgot-password-sent',
      { title: translatorOf(res.locals)('forgotPassword.sent.title'), minutes: RESET_LINK_VALID_MINUTES },
      (error, html) => (error ? reject(error) : resolve(html)),
    ),
  )

/** "Forgot your password", linked from the sign-in page. */
export function forgotPasswordRoutes(
  resets: PasswordResetService,
  perIpPerHour: number,
  rateLimits: RateLimitStores,
): Router {
  const router = express.Router()
  const perIp = rateLimit({
    windowMs: 60 * 60_000,
    limit: perIpPerHour,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: rateLimits.storeFor('reset-ip'),
    passOnStoreError: true,
    handler: (req, res) =>
      showForm(res, 429, String(req.body?.email ?? ''), 'forgotPassword.tooManyRequests'),
  })
  // Over the address's limit the answer is the usual page, and nothing is sent.
  const perAddress = rateLimit({
    windowMs: 60 * 60_000,
    limit: PER_ADDRESS_PER_HOUR,
    standardHeaders: false,
    legacyHeaders: false,
    store: rateLimits.storeFor('reset-address'),
    passOnStoreError: true,
    keyGenerator: (req: Request) => `address:${String(req.body.email).trim().toLowerCase()}`,
    handler: (_req, res, next) => void renderSent(res).then((html) => res.send(html), next),
  })
  const validEmail = (req: Request, res: Response, next: () => void) => {
    const parsed = emailSchema.safeParse(req.body?.email)
    if (!parsed.success)
      return showForm(res, 400, String(req.body?.email ?? ''), parsed.error.issues[0].message)
    req.body.email = parsed.data
    next()
  }

  router.get('/forgot-password', (_req, res) => showForm(res, 200, ''))

  router.post('/forgot-password', perIp, validEmail, perAddress, async (req, res, next) => {
    // Answer first, then do the work: the answer leaves at the same moment for an address with
    // an account and one without, whatever the work costs. On 'close' (not right after send):
    // the session is saved before the answer ends, and that write must not queue behind the
    // work's transaction (SQLite has one connection); 'close' also comes when the client hung up.
    res.once('close', () => void resets.request(req.body.email, req.ip ?? null).catch(next))
    res.send(await renderSent(res))
  })
  return router
}
