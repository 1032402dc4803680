import type { Definition } from './definitionSchema'
import type { DefinitionProblem } from './definitionProblem'
import { questionPlace } from './definitionPlaces'

const layoutPlace = 'The profile layout'

const blockName = (block: { key: string; title?: string }) =>
  block.title ? `“${block.title}” (${block.key})` : `“${block.key}”`

/**
 * The profile layout's meaning: block keys used once, at most one facts table, and every
 * question shown in a block the layout declares.
 */
export function profileLayoutProblems(definition: Definition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  const { blocks } = definition.profile
  const seen = new Set<string>()
  blocks.forEach((block, b) => {
    if (seen.has(block.key))
      problems.push({
        path: `profile.blocks.${b}.key`,
        where: layoutPlace,
        message: `Two profile blocks have the key “${block.key}”: give each block its own key`,
      })
    seen.add(block.key)
  })
  const facts = blocks.filter((block) => block.layout === 'facts')
  if (facts.length > 1)
    problems.push({
      path: `profile.blocks.${blocks.lastIndexOf(facts[facts.length - 1])}.layout`,
      where: layoutPlace,
      message: `The profile has one facts table, but ${facts.map(blockName).join(' and ')} are both facts tables: make one of them a section`,
    })
  definition.sections.forEach((section, s) =>
    section.pages.forEach((page, p) =>
      page.questions.forEach((question, q) => {
        const named = question.profile?.section
        if (named === undefined || seen.has(named)) return
        problems.push({
          path: `sections.${s}.pages.${p}.questions.${q}.profile.section`,
          where: questionPlace({ key: question.key, name: question.label }, { page: page.title, index: q }),
          message: `it is shown in the profile block “${named}”, which the profile does not have: add that block to the profile layout or choose one of its blocks`,
        })
      }),
    ),
  )
  return problems
}
