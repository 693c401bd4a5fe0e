// The request behind the editor's Check Folder: the client lists the provisioning files of a folder
// (its own file search honours the user's excludes) and sends their URIs in batches; each is checked
// as the editor checks it: its own settings and project configuration, the files a phone reads with
// it, the diagnostics cap. An open document is answered with its editor text's diagnostics.

import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Diagnostic } from 'vscode-languageserver';
import { capDiagnostics } from '../services/diagnosticLimit';
import { isProvisioningName } from '../workspace/fileSet';
import { checkFile, isProvisioningFile } from '../workspace/folderCheck';
import type { ServerContext } from './context';
import { toLspDiagnostic } from './convert';
import { diagnose } from './diagnostics';
import { fileNameOf } from './documents';
import type { FeatureGroup } from './featureGroup';
import { maxDiagnostics, type ServerSettings } from './settings';
import { splitUri } from './sites';

export const CHECK_FILES_REQUEST = 'yealinkCfg/checkFiles';

/** At most this many URIs per request, so a client shows progress and can stop between batches. */
export const MAX_CHECK_BATCH = 1000;
/** Files read and checked at the same time (the browser server reads each through the client). */
const PARALLEL = 16;

export interface CheckedFile {
  uri: string;
  diagnostics: Diagnostic[];
  /** An editor holds the file: the diagnostics are of its text, not the disk's. */
  open?: true;
}

export interface CheckFilesResult {
  checked: CheckedFile[];
  /** Files not checked, with the reason in plain words. */
  skipped: { uri: string; reason: string }[];
}

type Outcome = CheckedFile | { uri: string; reason: string };

function urisOf(params: unknown): string[] {
  const uris = (params as { uris?: unknown } | null)?.uris;
  if (!Array.isArray(uris) || !uris.every((u) => typeof u === 'string')) throw new ResponseError(ErrorCodes.InvalidParams, 'uris must be an array of file URIs');
  if (uris.length > MAX_CHECK_BATCH) throw new ResponseError(ErrorCodes.InvalidParams, `at most ${MAX_CHECK_BATCH} uris per request`);
  return uris;
}

async function checkOne(ctx: ServerContext, uri: string): Promise<Outcome> {
  const s = splitUri(uri);
  if (!s || !isProvisioningName(s.name)) return { uri, reason: 'not a provisioning file' };
  const doc = ctx.documents.get(uri);
  if (doc) return { uri, diagnostics: await diagnose(ctx, doc), open: true };
  const file = await ctx.sites?.fileOf(uri);
  if (!file) return { uri, reason: 'cannot be read' };
  if (!isProvisioningFile(file.name, () => file.text.slice(0, 64))) return { uri, reason: 'not a provisioning file (no #!version: header)' };
  const { settings, catalogExtras } = await ctx.settings.resolve(uri);
  // Settings of files no editor holds are not kept: a large folder would fill the cache.
  ctx.settings.forget(uri);
  const server = settings as ServerSettings;
  if (server.validation?.enable === false) return { uri, reason: 'checking is turned off (yealinkCfg.validation.enable)' };
  const found = checkFile(ctx.service, { name: file.name, fileName: fileNameOf(uri), text: file.text, settings, catalogExtras, index: file.index });
  return { uri, diagnostics: capDiagnostics(found, maxDiagnostics(server)).map((d) => toLspDiagnostic(d, uri)) };
}

export async function checkFiles(ctx: ServerContext, params: unknown, token?: CancellationToken): Promise<CheckFilesResult> {
  const uris = urisOf(params);
  const result: CheckFilesResult = { checked: [], skipped: [] };
  for (let i = 0; i < uris.length; i += PARALLEL) {
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The check was cancelled.');
    const outcomes = await Promise.all(uris.slice(i, i + PARALLEL).map((u) => checkOne(ctx, u).catch((e): Outcome => ({ uri: u, reason: `failed: ${String(e)}` }))));
    for (const o of outcomes) {
      if ('reason' in o) result.skipped.push(o);
      else result.checked.push(o);
    }
  }
  return result;
}

export const checkFilesFeature: FeatureGroup = {
  capabilities: () => ({}),
  register(ctx) {
    ctx.connection.onRequest(CHECK_FILES_REQUEST, (params: unknown, token) => checkFiles(ctx, params, token));
  },
};
