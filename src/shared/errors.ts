/** The few typed errors the error handler maps to a status and a page (STYLE.md §4). */
export class AppError extends Error {
  /** Where to go instead, shown on the error page (e.g. the years a city does have). */
  links?: Array<{ href: string; text: string }>

  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
    this.name = new.target.name
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Page not found', links?: Array<{ href: string; text: string }>) {
    super(message, 404)
    this.links = links
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do that') {
    super(message, 403)
  }
}

export class BadRequestError extends AppError {
  constructor(message = 'The request could not be understood') {
    super(message, 400)
  }
}

/** A change based on stale data (optimistic locking, illegal state transition). */
export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, 409)
  }
}

/** The database (or another service we need) failed: the request may succeed if tried again. */
export class ServiceUnavailableError extends AppError {
  constructor(cause?: unknown) {
    super('The service is unavailable. Try again in a few minutes.', 503)
    this.cause = cause
  }
}

export interface FieldError {
  /** The id of the field, with "#", for the error summary link. */
  href: string
  text: string
}

/** Invalid form input: re-render the form with these messages and the input kept. */
export class FormValidationError extends AppError {
  constructor(readonly errors: FieldError[]) {
    super('There is a problem', 400)
  }
}

/** A body or file larger than its route takes. */
export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super(message, 413)
  }
}
