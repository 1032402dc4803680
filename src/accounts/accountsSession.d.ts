import 'express-session'

declare module 'express-session' {
  interface SessionData {
    /**
     * A set-password link just issued by an administrator: shown once on the next page
     * (post/redirect/get), then removed from the session.
     */
    issuedLink?: { userId: number; token: string; cityName?: string }
  }
}

export {}
