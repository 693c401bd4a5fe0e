// The effective configuration of a phone for the editor's read-only document: the same result and
// text rendering as `yealink-cfg effective`, with a short header.

import { roleOf } from '../workspace/fileSet';
import { effectiveConfiguration, renderEffectiveText, type EffectiveConfiguration } from '../workspace/effective';
import type { FeatureGroup } from './featureGroup';
import { splitUri } from './sites';

export const EFFECTIVE_REQUEST = 'yealinkCfg/effectiveConfiguration';

export interface EffectiveParams {
  /** A file of the folder: a MAC file names the phone itself. */
  uri: string;
  /** The phone, when the file does not name one (a boot or common file). */
  mac?: string;
  defaults?: boolean;
}

export type EffectiveResult = { macs: string[] } | { mac: string; text: string } | { error: string };

export function effectiveDocument(cfg: EffectiveConfiguration): string {
  const p = cfg.phone;
  const head = [
    `## Effective configuration of the phone ${p.mac}${p.model ? ` (${p.model})` : ''}`,
    `## Files read, in order: ${p.files.join(', ') || 'none'}`,
    ...cfg.notes.map((n) => `## Note: ${n}`),
    '',
  ];
  return `${head.join('\n')}\n${renderEffectiveText(cfg)}`;
}

export const effectiveFeature: FeatureGroup = {
  capabilities: () => ({}),
  register(ctx) {
    ctx.connection.onRequest(EFFECTIVE_REQUEST, async (params: EffectiveParams): Promise<EffectiveResult> => {
      const s = typeof params?.uri === 'string' ? splitUri(params.uri) : undefined;
      const index = s && (await ctx.sites?.indexFor(params.uri));
      if (!s || !index) return { error: 'The file is not in a folder the server can read.' };
      const mac = params.mac ?? roleOf(s.name).mac;
      if (!mac || !/^[0-9a-f]{12}$/i.test(mac)) {
        const macs = index.names().map((n) => roleOf(n)).filter((r) => r.role === 'mac').map((r) => r.mac!).sort();
        return { macs };
      }
      const settings = await ctx.settings.for(params.uri);
      const cfg = effectiveConfiguration(index, mac, { defaults: params.defaults === true, model: settings.model });
      return { mac: mac.toLowerCase(), text: effectiveDocument(cfg) };
    });
  },
};
