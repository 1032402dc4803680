import { textModule } from './plainText'

/** A short text, on one line. */
export const text = textModule('text', 'Short text')
