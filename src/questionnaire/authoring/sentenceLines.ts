import type { Sentence } from '../definitionSchema'

/**
 * Profile sentence templates edited as text, one per line:
 *   equals=yes | Like {share} of cities surveyed, {city} has dedicated funding.
 *   count=many excludes=other | {city} works with {list}.
 *   {city} has an innovation strategy.            (no condition: always)
 * The words before " | " say when the sentence applies (first match wins).
 */
export function sentencesToLines(sentences: Sentence[] | undefined): string {
  return (sentences ?? [])
    .map((sentence) => {
      const when = [
        sentence.when?.equals !== undefined ? `equals=${sentence.when.equals}` : '',
        sentence.when?.includes !== undefined ? `includes=${sentence.when.includes}` : '',
        sentence.when?.count !== undefined ? `count=${sentence.when.count}` : '',
        sentence.listExcludes?.length ? `excludes=${sentence.listExcludes.join(',')}` : '',
      ].filter(Boolean)
      return when.length ? `${when.join(' ')} | ${sentence.text}` : sentence.text
    })
    .join('\n')
}

export type SentenceParse = { ok: true; sentences: Sentence[] } | { ok: false; message: string }

const tokenPattern = /^(equals|includes|count|excludes)=(\S+)$/

/** Reads the lines back; a line whose condition words are not understood is reported by number. */
export function linesToSentences(lines: string): SentenceParse {
  const sentences: Sentence[] = []
  const rows = lines.split(/\r?\n/)
  for (const [index, raw] of rows.entries()) {
    const line = raw.trim()
    if (!line) continue
    const bar = line.indexOf(' | ')
    const head = bar >= 0 ? line.slice(0, bar).trim() : ''
    const tokens = head ? head.split(/\s+/) : []
    if (bar < 0 || !tokens.every((token) => tokenPattern.test(token))) {
      if (bar >= 0 && tokens.some((token) => /^\w+=/.test(token))) {
        return {
          ok: false,
          message: `Line ${index + 1}: the words before “|” must be equals=, includes=, count= (0, 1 or many) or excludes=`,
        }
      }
      sentences.push({ text: line })
      continue
    }
    const sentence: Sentence = { text: line.slice(bar + 3).trim() }
    for (const token of tokens) {
      const [, name, value] = tokenPattern.exec(token)!
      if (name === 'excludes') sentence.listExcludes = value.split(',').filter(Boolean)
      else if (name === 'count') {
        if (!['0', '1', 'many'].includes(value))
          return { ok: false, message: `Line ${index + 1}: count= must be 0, 1 or many` }
        sentence.when = { ...sentence.when, count: value === 'many' ? 'many' : (Number(value) as 0 | 1) }
      } else sentence.when = { ...sentence.when, [name]: value }
    }
    if (!sentence.text) return { ok: false, message: `Line ${index + 1}: write the sentence after “|”` }
    sentences.push(sentence)
  }
  return { ok: true, sentences }
}
