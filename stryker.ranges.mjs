// @ts-check
import { readFileSync } from 'node:fs'

/**
 * `file:first-last` line ranges for the named functions of a file, found in the code as it is
 * when the run starts, so a mutation run follows edits above or inside them (fixed line numbers
 * went stale within a day). A name is a function, a `const`, a method or an object property
 * (`name(`, `name:`), matched at the start of a line; the range runs to the line before the next
 * line indented less, or as deep but not a closing bracket. A name that is not found stops the run
 * with the file and the name to put right: the file moved, or the function was renamed.
 *
 * @param {string} file path from the repository root
 * @param {...string} names
 * @returns {string[]}
 */
export function functionsOf(file, ...names) {
  const lines = readFileSync(new URL(file, import.meta.url), 'utf8').split('\n')
  return names.map((name) => {
    const start = lines.findIndex((line) =>
      new RegExp(
        `^\\s*(export\\s+)?(async\\s+)?(function\\s+${name}\\b|const\\s+${name}\\b|${name}\\s*[(:])`,
      ).test(line),
    )
    if (start < 0) throw new Error(`Mutation config: no function "${name}" in ${file}; update the config.`)
    const indent = (/** @type {string} */ line) => line.length - line.trimStart().length
    let end = start
    for (let index = start + 1; index < lines.length; index++) {
      const line = lines[index]
      if (line.trim() === '') continue
      const depth = indent(line) - indent(lines[start])
      if (depth < 0 || (depth === 0 && !/^[}\])]/.test(line.trimStart()))) break
      end = index
    }
    return `${file}:${start + 1}-${end + 1}`
  })
}

/**
 * `file:first-last` from the first line holding `from` to the next line holding `to` (both
 * included), for the deciding stretch of a long function. Stops the run if either is not found.
 *
 * @param {string} file path from the repository root
 * @param {string} from text on the first line
 * @param {string} to text on the last line
 * @returns {string}
 */
export function linesOf(file, from, to) {
  const lines = readFileSync(new URL(file, import.meta.url), 'utf8').split('\n')
  const start = lines.findIndex((line) => line.includes(from))
  const end = start < 0 ? -1 : lines.findIndex((line, index) => index >= start && line.includes(to))
  if (end < 0) throw new Error(`Mutation config: no lines "${from}" … "${to}" in ${file}; update the config.`)
  return `${file}:${start + 1}-${end + 1}`
}
