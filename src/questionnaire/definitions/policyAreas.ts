import type { Option } from '../definitionSchema'
import { option } from './builders'

interface PolicyArea {
  key: string
  label: string
  /** Offered as a focus area (instrument list B, "found as chosen options"). */
  focus: boolean
  /** Label in the focus question, where it differs from the data-availability label. */
  focusLabel?: string
}

/**
 * One master list of policy areas (instrument §3.1 list B), shared by `policy_areas` and the rows
 * of `data.availability` so each area has one stable key. The order is the order the profile lists
 * them in: it reproduces the seed's "Sufficient data" / "Insufficient data" lists as shown.
 */
const masterList: PolicyArea[] = [
  { key: 'economic_development', label: 'Economic Development', focus: true },
  { key: 'policing', label: 'Policing and law enforcement', focus: true },
  { key: 'government_finance', label: 'Government finance', focus: false },
  { key: 'waste', label: 'Waste and sewage', focus: true, focusLabel: 'Waste' },
  { key: 'public_works', label: 'Public works', focus: false },
  { key: 'built_environment', label: 'Built environment', focus: false },
  { key: 'land_use', label: 'Land use', focus: false },
  { key: 'social_welfare', label: 'Social welfare/social services', focus: true },
  { key: 'labour_market', label: 'Labour market and skills', focus: false },
  { key: 'environment_climate', label: 'Environment and climate change', focus: true },
  { key: 'social_inclusion', label: 'Social inclusion and equity', focus: true },
  { key: 'digital_governance', label: 'Digital governance', focus: true },
  { key: 'transport_mobility', label: 'Transport/Mobility', focus: true },
  { key: 'health', label: 'Health', focus: true },
  { key: 'culture', label: 'Culture', focus: true },
  { key: 'housing', label: 'Housing', focus: false },
  { key: 'resilience', label: 'City resilience', focus: true },
  { key: 'tourism', label: 'Tourism', focus: false },
  { key: 'blight', label: 'Blight (vacant and abandoned property)', focus: false },
]

/** Options of `policy_areas`: the areas cities were seen choosing. */
export function focusAreaOptions(): Option[] {
  return masterList
    .filter((area) => area.focus)
    .map((area) => option(area.key, area.focusLabel ?? area.label))
}

/** Rows of `data.availability`: every area of the master list. */
export function dataAreaOptions(): Option[] {
  return masterList.map((area) => option(area.key, area.label))
}
