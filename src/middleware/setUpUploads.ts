import express, { type Router } from 'express'
import multer from 'multer'
import { BadRequestError, PayloadTooLargeError } from '../shared/errors'
import { adminPaths } from '../web/adminPaths'

/** Routes that take one uploaded file (field "file"), with the most each may take. */
const uploadRoutes: Array<{ path: string; maxBytes: number }> = [
  { path: adminPaths.cityImport(), maxBytes: 2 * 1024 * 1024 },
  // A questionnaire's translation file (src/questionnaire/authoring/translationRoutes).
  { path: '/admin/editions/:year/questionnaire/translations/:file', maxBytes: 2 * 1024 * 1024 },
]

/**
 * Parses multipart bodies for the few routes that take a file, before the CSRF check (which
 * reads the form's token from the parsed body). The file stays in memory; its size is bounded,
 * and multer's errors become our own 400 or 413 rather than a 500.
 */
export function setUpUploads(): Router {
  const router = express.Router()
  for (const route of uploadRoutes) {
    const upload = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: route.maxBytes, files: 1, fields: 20 },
    })
    router.post(route.path, (req, res, next) =>
      upload.single('file')(req, res, (error?: unknown) => {
        if (!error) return next()
        if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE')
          return next(
            new PayloadTooLargeError(`The file must be smaller than ${route.maxBytes / 1024 / 1024} MB`),
          )
        next(new BadRequestError('The upload could not be read. Choose the file again and try again.'))
      }),
    )
  }
  return router
}
