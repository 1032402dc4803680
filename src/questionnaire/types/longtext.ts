import { textModule } from './plainText'

/** A long text, in a text area. */
export const longtext = textModule('longtext', 'Long text')
