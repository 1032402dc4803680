import type { DefinitionInput } from '../definitionSchema'
import { innovationCapacityDefinition } from './innovationCapacity'

/** The OECD/Bloomberg Survey on Innovation Capacity in Cities 2018 (89 cities in the original). */
export const innovationCapacity2018: DefinitionInput = innovationCapacityDefinition(2018)
