import type { DefinitionInput } from '../definitionSchema'
import { cityFactsSection } from './sections/cityFacts'
import { dataUseSection } from './sections/dataUse'
import { fundingSection } from './sections/funding'
import { organisationSection } from './sections/organisation'
import { outcomesSection } from './sections/outcomes'
import { innovationProfileLayout } from './profileLayout'
import { visionSection } from './sections/vision'

/**
 * The innovation-capacity questionnaire as rebuilt from shared/reference/instrument.md. The
 * editions differ only in their year and title; options offered in one edition only say so with
 * `availableIn`, in both documents, so either can explain the difference.
 */
export function innovationCapacityDefinition(year: number, copiedFrom?: number): DefinitionInput {
  return {
    format: 1,
    year,
    title: `Innovation capacity in cities survey ${year}`,
    ...(copiedFrom === undefined ? {} : { copiedFrom }),
    sections: [
      cityFactsSection(year),
      visionSection(),
      organisationSection(),
      fundingSection(),
      dataUseSection(),
      outcomesSection(),
    ],
    profile: innovationProfileLayout,
  }
}
