import type { DefinitionInput } from '../definitionSchema'
import { innovationCapacity2018 } from './innovationCapacity2018'
import { innovationCapacity2020 } from './innovationCapacity2020'

export { innovationCapacity2018, innovationCapacity2020 }

/** The definitions the project ships as seed data, oldest first. */
export const shippedDefinitions: DefinitionInput[] = [innovationCapacity2018, innovationCapacity2020]
