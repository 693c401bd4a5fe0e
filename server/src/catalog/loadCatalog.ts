// Loads the shipped catalogue when first asked: the language server answers `initialize` before it
// reads the catalogue (on Node a require of dist/catalog.json; in a web worker the global its client
// defines from the same file).

import type { CatalogData } from '../types';

export function loadCatalogData(): CatalogData {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../generated/catalog.json');
}
