import crypto from 'node:crypto'
import express, { type Router } from 'express'
import helmet from 'helmet'

/**
 * Security headers with a strict Content-Security-Policy: no inline script or style
 * unless it carries this response's nonce. Form bodies are parsed, and bounded, here too.
 */
export function setUpWebSecurity(): Router {
  const router = express.Router()
  router.use((_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
    next()
  })
  router.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  )
  // Every form is urlencoded; no other body is parsed (a deeply nested JSON body once overflowed
  // the stack). A body of another type, or none, reaches the routes as empty input, so a form
  // answers with its messages rather than failing on a missing req.body.
  router.use(express.urlencoded({ extended: true, limit: '200kb', parameterLimit: 5000 }))
  router.use((req, _res, next) => {
    req.body ??= {}
    next()
  })
  return router
}
