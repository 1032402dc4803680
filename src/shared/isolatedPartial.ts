import fs from 'node:fs'
import path from 'node:path'
import ejs from 'ejs'

export type RenderPartial = (view: string, data: Record<string, unknown>) => string

/**
 * Renders a view with only the data given (and the view helpers), for partials repeated
 * many times on one page. EJS's own `include` copies every local of the page for each
 * include, and for each include inside it; on a question page that copying cost more than
 * the rest of the rendering.
 */
export function isolatedPartial(
  root: string,
  cache: boolean,
  helpers: Record<string, unknown>,
): RenderPartial {
  const compiled = new Map<string, ejs.TemplateFunction>()
  return (view, data) => {
    let template = compiled.get(view)
    if (!template) {
      const filename = path.join(root, `${view}.ejs`)
      template = ejs.compile(fs.readFileSync(filename, 'utf8'), { filename, root, cache })
      if (cache) compiled.set(view, template)
    }
    return template({ ...helpers, ...data }) as string
  }
}
