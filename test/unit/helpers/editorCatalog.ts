// The fixture catalogue plus a secret and a `static.` setting, for the editor features' tests.

import type { CatalogData } from '../../../server/src/types';
import { fixtureCatalog } from '../../fixtures/fixtureCatalog';

export const editorCatalog: CatalogData = {
  ...fixtureCatalog,
  entries: [
    ...fixtureCatalog.entries,
    {
      name: 'acct.X.password',
      indices: { X: { min: 1, max: 4, per: 'accounts' } },
      type: { kind: 'string', maxLength: 32 },
      default: '',
      file: 'mac',
      summary: 'Password of the account.',
      sensitive: true,
      sources: ['test'],
    },
    {
      name: 'static.net.vlan.mode',
      type: { kind: 'enum', values: [{ value: '0', meaning: 'Off' }, { value: '1', meaning: 'Tagged' }] },
      default: '0',
      file: 'common',
      summary: 'Whether frames carry a VLAN tag.',
      sources: ['test'],
    },
  ],
};
