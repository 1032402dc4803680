import { ConfigError } from './config'
import { runClusterPrimary } from './clusterPrimary'

// `npm run start:cluster`: see clusterPrimary.ts.
runClusterPrimary().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
