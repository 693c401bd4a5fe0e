// Checking provisioning files that no editor holds, each with the files a phone reads with it: the
// editor's Check Folder and the command line's check of a folder share what a provisioning file is
// and how one is checked against its folder.

import type { LanguageService } from '../languageService';
import type { CatalogEntry, ValidationSettings, YealinkDiagnostic } from '../types';
import type { FolderIndex } from './folderIndex';
import { siteContext } from './site';

const HEADER = /^\uFEFF?#!version:/;
const KNOWN_NAME = /^(y\d{12}\.cfg|[0-9a-f]{12}(-local)?\.cfg|.*\.boot)$/i;

/** A file a phone reads: a boot file, a common or MAC file by name, or any .cfg that starts with the header. */
export function isProvisioningFile(name: string, readHead: () => string | undefined): boolean {
  if (KNOWN_NAME.test(name)) return true;
  if (!/\.cfg$/i.test(name)) return false;
  const head = readHead();
  return head !== undefined && HEADER.test(head);
}

export interface FileToCheck {
  /** The name within its folder (the index's key). */
  name: string;
  /** The name diagnostics are reported under (a path or a URI). */
  fileName: string;
  text: string;
  settings: ValidationSettings;
  catalogExtras?: readonly CatalogEntry[];
  /** The file's folder; without one the file is checked alone. */
  index?: FolderIndex;
}

/** A file's diagnostics with the context of its folder (the earlier files of its set, its model). */
export function checkFile(service: LanguageService, f: FileToCheck): YealinkDiagnostic[] {
  const site = f.index?.file(f.name) ? siteContext(f.index, f.name, f.settings.model) : undefined;
  const ctx = { fileName: f.fileName, settings: f.settings, ...(f.catalogExtras ? { catalogExtras: f.catalogExtras } : {}), ...(site ? { site } : {}) };
  return service.validate(f.text, ctx);
}
