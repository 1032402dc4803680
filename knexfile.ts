// Used by the knex CLI (`tsx node_modules/knex/bin/cli.js …`); the app itself calls createKnex.
import { loadCommandConfig } from './src/config'
import { knexConfig } from './src/db/knex'

export default knexConfig(loadCommandConfig().database)
