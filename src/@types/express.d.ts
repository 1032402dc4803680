import 'express-session'

declare global {
  namespace Express {
    interface User {
      id: number
      email: string
      displayName: string
      role: 'officer' | 'admin'
      cityId: number | null
      /** The interface language chosen on the account (src/i18n), if any. */
      locale?: string | null
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    /** Where to go after signing in (checked against our own routes). */
    returnTo?: string
    /** Last request time (ms), for the idle timeout without a store write per request. */
    lastSeen?: number
    /** When the signed-in user kept in the session was last read again from the database (ms). */
    userCheckedAt?: number
    /** A form posted after the session had expired: restored on its page after sign-in. */
    pendingForm?: { path: string; body: Record<string, unknown>; savedAt: number }
    /** A checked import file, between its preview and "create and invite". */
    pendingImport?: { fileName: string; rows: import('../accounts/cityImport/importRows').ImportRow[] }
    /** A one-off message for the next page. */
    flash?: { kind: 'success' | 'info'; text: string }
  }
}

export {}
