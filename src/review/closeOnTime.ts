import type { Logger } from 'pino'
import type { DeadlineService } from './deadlineService'

/** How often open survey years are checked against their deadlines. */
const EVERY_MS = 60_000

/**
 * Closes survey years at their deadline: at start, then every minute. Saves are refused at the
 * deadline itself whatever this does (the check is made on each save); this keeps the status true.
 * Returns the function that stops it.
 */
export function closeSurveyYearsOnTime(deadlines: DeadlineService, logger: Logger): () => void {
  const run = () =>
    deadlines.closeDue().then(
      (years) => {
        for (const year of years) logger.info({ year }, 'survey year closed at its deadline')
      },
      (error: unknown) => logger.error({ err: error }, 'closing survey years at their deadline failed'),
    )
  void run()
  const timer = setInterval(run, EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}
