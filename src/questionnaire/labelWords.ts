/** Phrases made from a question's label, for messages written from it. */

/** Labels that are instructions ("Describe the strategy"), not names of a thing. */
const imperative =
  /^(tell|describe|give|list|enter|name|explain|provide|select|choose|rank|rate|put|write|add|state|summari[sz]e|indicate|specify|upload|share)\b/i

export const bare = (label: string) => label.trim().replace(/[?:.\s]+$/, '')
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text)
export const upperFirst = (text: string) => text[0].toUpperCase() + text.slice(1)

/**
 * "What is the city's population?" → "the city's population"; "Population" → "the population";
 * "How many staff work in the team?" → "the number of staff". Undefined when the label is a
 * question of another shape: the message then quotes the label instead.
 */
export function nounPhrase(label: string): string | undefined {
  const text = bare(label)
  if (!label.trim().endsWith('?')) {
    if (text.split(/\s+/).length > 8 || imperative.test(text)) return undefined
    return /^(the|a|an|your|its|this|their)\s/i.test(text) ? lowerFirst(text) : `the ${lowerFirst(text)}`
  }
  const what = /^(?:what|which) (?:is|are|was|were) (.+)$/i.exec(text)
  if (what) return what[1]
  const howMany = /^how many (.+?) (?:does|do|did|are|is|has|have|work|were|was)\b/i.exec(text)
  if (howMany) return `the number of ${howMany[1]}`
  return undefined
}

const verbs = [
  'have',
  'use',
  'publish',
  'monitor',
  'evaluate',
  'measure',
  'collect',
  'offer',
  'run',
  'fund',
  'employ',
  'track',
  'share',
  'maintain',
  'provide',
  'work',
  'partner',
  'involve',
  'engage',
]

/** "Does the city have dedicated funding?" → "the city has dedicated funding". */
export function whetherClause(label: string): string | undefined {
  const match = /^(does|do) (.+)$/i.exec(bare(label))
  if (!match || !label.trim().endsWith('?')) return undefined
  const words = match[2].split(' ')
  const at = words.findIndex((word, i) => i > 0 && verbs.includes(word.toLowerCase()))
  if (at < 1) return undefined
  const verb = words[at].toLowerCase()
  const conjugated =
    match[1].toLowerCase() === 'do'
      ? verb
      : verb === 'have'
        ? 'has'
        : /(s|sh|ch|x|z|o)$/.test(verb)
          ? `${verb}es`
          : `${verb}s`
  return [...words.slice(0, at), conjugated, ...words.slice(at + 1)].join(' ')
}
