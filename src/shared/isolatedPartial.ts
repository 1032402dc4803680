import fs from 'node:fs'
import path from 'node:path'
import ejs from 'ejs'

export type RenderPartial = (view: string, data: Record<string, unknown>) => string

/**
 * Renders a view with only the data given (and the view helpers, `partial` among them), for
 * partials repeated many times on one page. EJS's own `include` copies every local of the page for each
 * include, and for each include inside it; on a question page that copying cost more than
 * the rest of the rendering.
 */
export function isolatedPartial(
  root: string,
  cache: boolean,
  helpers: Record<string, unknown>,
): RenderPartial {
  const compiled = new Map<string, ejs.TemplateFunction>()
  // The helpers are the prototype of every partial's locals (with no Object.prototype behind
  // them), so a call copies only its own data; EJS is told to use the locals as given.
  const shared: Record<string, unknown> = Object.assign(Object.create(null), helpers)
  const render: RenderPartial = (view, data) => {
    let template = compiled.get(view)
    if (!template) {
      const filename = path.join(root, `${view}.ejs`)
      const source = fs.readFileSync(filename, 'utf8')
      // (unsafePrototypeLocals is an EJS option its types do not list.)
      const options = { filename, root, cache, unsafePrototypeLocals: true } as ejs.Options
      template = ejs.compile(source, options) as ejs.TemplateFunction
      if (cache) compiled.set(view, template)
    }
    return template(Object.assign(Object.create(shared), data)) as string
  }
  shared.partial = render
  return render
}
