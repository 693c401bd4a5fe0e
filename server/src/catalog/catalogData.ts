// The shipped catalogue: scripts/build-catalog.mjs merges ./data/*.json and ./models.json into one file
// that bundlers inline, so the server, the command line and a web worker load it the same way.

import type { CatalogData } from '../types';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const catalogData: CatalogData = require('../../generated/catalog.json');
