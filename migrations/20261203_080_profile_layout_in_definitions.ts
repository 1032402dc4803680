import type { Knex } from 'knex'

// The profile's layout became part of the definition (`definition.profile.blocks`). Before, a
// question's `profile.section` had to be one of a fixed list, shown in a fixed order, with the
// "header" facts table starting with the city's country and "hidden" never shown. Every stored
// definition without a layout (editions, and the history's earlier versions) gets that list as
// its layout, so its profiles stay as they were. Data only; the list is written out here, not
// imported, so it stays what it was when this ran.

type Block = {
  key: string
  title: string
  layout?: string
  cityFacts?: Array<{ field: string; label: string }>
}

const FIXED_ORDER: Block[] = [
  {
    key: 'header',
    title: 'City facts',
    layout: 'facts',
    cityFacts: [{ field: 'country', label: 'Country' }],
  },
  { key: 'helping_to', title: 'Innovation is helping to' },
  { key: 'success_factors', title: 'Critical success factors' },
  { key: 'spotlight', title: 'Spotlight on innovation' },
  { key: 'vision', title: 'Vision and approach' },
  { key: 'policy_areas', title: 'Policy areas' },
  { key: 'roles', title: 'Innovation skills and roles' },
  { key: 'organisation', title: 'Organisation of innovation' },
  { key: 'terms', title: 'Terms used' },
  { key: 'activities', title: 'Innovation activities' },
  { key: 'funding', title: 'Funding' },
  { key: 'funding_sources', title: 'Sources of funding' },
  { key: 'funding_activities', title: 'Activities being funded' },
  { key: 'partnerships', title: 'Partnerships' },
  { key: 'data_availability', title: 'Data availability' },
]
const HIDDEN: Block = { key: 'hidden', title: 'Not shown on the page', layout: 'hidden' }

interface StoredDefinition {
  profile?: unknown
  sections?: Array<{ pages?: Array<{ questions?: Array<{ profile?: { section?: string } }> }> }>
}

/** The definition with the fixed layout added, or undefined when it has one already (or is not a definition). */
export function withFixedLayout(json: string | null): string | undefined {
  if (!json) return undefined
  let definition: StoredDefinition
  try {
    definition = JSON.parse(json) as StoredDefinition
  } catch {
    return undefined
  }
  if (!definition || typeof definition !== 'object' || !Array.isArray(definition.sections)) return undefined
  if (definition.profile !== undefined) return undefined
  const named = definition.sections.flatMap((s) =>
    (s.pages ?? []).flatMap((p) => (p.questions ?? []).map((q) => q.profile?.section)),
  )
  const blocks = named.includes(HIDDEN.key) ? [...FIXED_ORDER, HIDDEN] : FIXED_ORDER
  return JSON.stringify({ ...definition, profile: { blocks } })
}

const PAGE = 100

/** Rewrites one JSON column of a table, a page of rows at a time in id order. */
async function addLayouts(knex: Knex, table: string, column: string): Promise<void> {
  let after = 0
  for (;;) {
    const rows: Array<{ id: number; json: string | null }> = await knex(table)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .select('id', `${column} as json`)
    if (rows.length === 0) return
    for (const row of rows) {
      const updated = withFixedLayout(row.json)
      if (updated !== undefined)
        await knex(table)
          .where({ id: row.id })
          .update({ [column]: updated })
    }
    after = Number(rows[rows.length - 1].id)
  }
}

export async function up(knex: Knex): Promise<void> {
  await addLayouts(knex, 'editions', 'definition')
  await addLayouts(knex, 'definition_changes', 'before_definition')
}

// Nothing to undo: the code before this change ignores `profile` (zod drops unknown keys), and
// removing it would lose layouts written since.
export async function down(): Promise<void> {}
