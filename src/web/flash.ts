import type { Request, RequestHandler } from 'express'

/** A one-off success message for the page the next redirect lands on (post/redirect/get). */
export function flash(req: Request, text: string): void {
  req.session.flash = { kind: 'success', text }
}

/** Moves the message into the page's locals, once: a reload does not show it again. */
export const flashLocals: RequestHandler = (req, res, next) => {
  if (req.session?.flash) {
    res.locals.flash = req.session.flash
    delete req.session.flash
  }
  next()
}
