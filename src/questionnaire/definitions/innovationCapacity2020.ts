import type { DefinitionInput } from '../definitionSchema'
import { innovationCapacityDefinition } from './innovationCapacity'

/** The 2020 follow-up, copied from 2018 (147 cities across both rounds in the original). */
export const innovationCapacity2020: DefinitionInput = innovationCapacityDefinition(2020, 2018)
