// Extra catalogue entries from a project configuration: a language service whose catalogue holds them
// beside the built-in ones, chosen per call from the document context, so every feature (checks,
// completion, hover, fixes) treats them like built-in entries without knowing about them.

import { Catalog } from '../catalog/catalog';
import type { LanguageService } from '../languageService';
import type { CatalogEntry, DocumentContext } from '../types';

function isDocumentContext(v: unknown): v is DocumentContext {
  return v !== null && typeof v === 'object' && typeof (v as DocumentContext).fileName === 'string';
}

/** The built-in catalogue plus extras; an extra with a built-in entry's name replaces it. */
export function extendedCatalog(base: Catalog, extras: readonly CatalogEntry[]): Catalog {
  const names = new Set(extras.map((e) => e.name));
  return new Catalog({ entries: [...extras, ...base.entries.filter((e) => !names.has(e.name))], models: [...base.models] });
}

/**
 * Wraps a language service: a call whose document context carries `catalogExtras` goes to a service
 * built on the extended catalogue (one per extras list, kept while the list lives); others go to `base`.
 * Every method is routed the same way, so methods added later need no change here.
 */
export function withCatalogExtras(base: LanguageService, create: (catalog: Catalog) => LanguageService): LanguageService {
  const services = new WeakMap<readonly CatalogEntry[], LanguageService>();
  const serviceFor = (extras: readonly CatalogEntry[]) => {
    let s = services.get(extras);
    if (!s) {
      s = create(extendedCatalog(base.catalog, extras));
      services.set(extras, s);
    }
    return s;
  };
  return new Proxy(base, {
    get(target, prop, receiver) {
      const member = Reflect.get(target, prop, receiver) as unknown;
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const extras = args.find(isDocumentContext)?.catalogExtras;
        const service = extras?.length ? serviceFor(extras) : target;
        return (Reflect.get(service, prop) as (...a: unknown[]) => unknown).apply(service, args);
      };
    },
  });
}
