// The shipped catalogue: scripts/build-catalog.mjs merges ./data/*.json and ./models.json into one file
// that bundlers inline, so the server, the command line and a web worker load it the same way.

import type { CatalogData } from '../types';

import { loadCatalogData } from './loadCatalog';

export const catalogData: CatalogData = loadCatalogData();
