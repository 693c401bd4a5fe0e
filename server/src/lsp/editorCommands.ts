// Requests behind the editor's palette commands and language status item: a parameter's documentation
// (as hover and `yealink-cfg explain` render it) and what the server knows about a document (its model,
// how that was decided, and the files a phone reads with it).

import type { Catalog } from '../catalog/catalog';
import { renderEntryDocs } from '../services/entryDocs';
import { modelIdOf, placeFile, roleOf } from '../workspace/fileSet';
import { siteContext } from '../workspace/site';
import type { ServerContext } from './context';
import type { FeatureGroup } from './featureGroup';
import { splitUri } from './sites';

export const EXPLAIN_REQUEST = 'yealinkCfg/explain';
export const DOCUMENT_INFO_REQUEST = 'yealinkCfg/documentInfo';

export type ExplainResult = { markdown: string } | { unknown: true; suggestions: string[] };

export interface DocumentInfo {
  /** The model's name (`T46S`), or null when nothing names one. */
  model: string | null;
  /** How the model was decided, in plain words. */
  modelSource: string;
  /** The files a phone reads with this one, in reading order (names relative to its folder). */
  files?: string[];
  /** Why the file is read alone, when it is. */
  alone?: string;
}

/** The docs of a concrete name or a catalogue pattern; a concrete name is shown with its pattern. */
export function explainName(catalog: Catalog, raw: unknown): ExplainResult {
  const name = typeof raw === 'string' ? raw.trim() : '';
  const entry = name ? catalog.entryByPattern(name) : undefined;
  const match = entry || !name ? undefined : catalog.lookup(name);
  const found = entry ?? match?.entry;
  if (!found) return { unknown: true, suggestions: name ? catalog.suggest(name) : [] };
  const pattern = entry ? name : match!.pattern;
  const md = renderEntryDocs(found, pattern);
  // A concrete name is shown with the pattern it belongs to on the first line, as explain prints it.
  return { markdown: name === pattern ? md : md.replace(/^[^\n]*/, `**${name}** (${pattern})`) };
}

function modelName(catalog: Catalog, id: string | undefined): string | null {
  const m = id ? catalog.models.find((x) => x.id === id) : undefined;
  return m ? m.names[0] : null;
}

/** The model the checks use (same precedence as validation: file name, setting, the folder). */
async function modelOf(ctx: ServerContext, uri: string, name: string, setting: string | undefined): Promise<Pick<DocumentInfo, 'model' | 'modelSource'>> {
  const catalog = ctx.service.catalog;
  const byName = catalog.modelFor(name);
  if (byName) return { model: byName.names[0], modelSource: `the file name ${name} is the common file of this model` };
  const bySetting = setting ? catalog.modelFor('', { model: setting }) : undefined;
  if (bySetting) return { model: bySetting.names[0], modelSource: `the setting yealinkCfg.model is "${setting}"` };
  const index = await ctx.sites?.indexFor(uri);
  const site = index ? siteContext(index, name, setting) : undefined;
  if (site?.model) return { model: modelName(catalog, site.model), modelSource: `the folder's common file ${site.model}.cfg is read with this file` };
  const why = setting ? `the setting yealinkCfg.model ("${setting}") names no known model` : 'no common file of a model is read with it and the setting yealinkCfg.model is not set';
  return { model: null, modelSource: `none: ${why}` };
}

async function filesOf(ctx: ServerContext, uri: string, name: string, setting: string | undefined): Promise<Pick<DocumentInfo, 'files' | 'alone'>> {
  const index = await ctx.sites?.indexFor(uri);
  if (!index) return { alone: 'the file is not in a folder the server can read' };
  const role = roleOf(name).role;
  if (role === 'boot' || role === 'mac-boot') return { alone: 'a boot file lists the files a phone reads; it is not read with them' };
  const place = placeFile(index.catalog, index, name, modelIdOf(index.catalog, setting));
  if (place.note) return { alone: place.note };
  const files = place.set.members.map((m) => m.name);
  if (!files.some((f) => f.toLowerCase() === name.toLowerCase())) return { alone: 'no boot file or phone of the folder reads this file' };
  return { files };
}

export async function documentInfo(ctx: ServerContext, uri: unknown): Promise<DocumentInfo | { error: string }> {
  const s = typeof uri === 'string' ? splitUri(uri) : undefined;
  if (!s || typeof uri !== 'string') return { error: 'uri must be the URI of a file' };
  const setting = (await ctx.settings.for(uri)).model?.trim() || undefined;
  return { ...(await modelOf(ctx, uri, s.name, setting)), ...(await filesOf(ctx, uri, s.name, setting)) };
}

export const editorCommandsFeature: FeatureGroup = {
  capabilities: () => ({}),
  register(ctx) {
    ctx.connection.onRequest(EXPLAIN_REQUEST, (params: { name?: unknown }) => explainName(ctx.service.catalog, params?.name));
    ctx.connection.onRequest(DOCUMENT_INFO_REQUEST, (params: { uri?: unknown }) => documentInfo(ctx, params?.uri));
  },
};
