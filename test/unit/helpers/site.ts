// A provisioning folder in memory, indexed as the server and the command line index one.

import type { DocumentContext, ValidationSettings } from '../../../server/src/types';
import { MemoryFileSource } from '../../../server/src/workspace/fileSource';
import { FolderIndex } from '../../../server/src/workspace/folderIndex';
import { siteContext } from '../../../server/src/workspace/site';
import { HEADER, service } from './diagnostics';

export const FOLDER = '/site';

export interface Site {
  index: FolderIndex;
  source: MemoryFileSource;
  files: Record<string, string>;
  /** The context the features get for one file of the folder. */
  ctx(name: string, settings?: ValidationSettings): DocumentContext;
}

export async function makeSite(files: Record<string, string>): Promise<Site> {
  const source = new MemoryFileSource({ [FOLDER]: files });
  const index = new FolderIndex(FOLDER, source, service.catalog);
  await index.load();
  return {
    index,
    source,
    files,
    ctx: (name, settings) => ({ fileName: `${FOLDER}/${name}`, ...(settings ? { settings } : {}), site: siteContext(index, name, settings?.model) }),
  };
}

/** Samples of the codes that need a folder: the file checked, its text and the other files of the folder. */
export const SITE_SAMPLES = {
  'missing-include': { fileName: 'y000000000000.boot', text: `${HEADER}\ninclude:config "y000000000069.cfg"\n`, others: {} as Record<string, string> },
  'redundant-override': {
    fileName: '001565aabbcc.cfg',
    text: `${HEADER}\naccount.1.enable = 1\n`,
    others: { 'y000000000096.cfg': `${HEADER}\naccount.1.enable = 1\n` } as Record<string, string>,
  },
} as const;

export type SiteSample = (typeof SITE_SAMPLES)[keyof typeof SITE_SAMPLES];

/** The context of a sample's file, indexed synchronously with the given text. */
export function sampleContext(sample: SiteSample, text: string, settings?: ValidationSettings): DocumentContext {
  const files: Record<string, string> = { ...sample.others, [sample.fileName]: text };
  const index = new FolderIndex(FOLDER, new MemoryFileSource(), service.catalog);
  index.loadSync({ list: () => Object.keys(files), read: (n) => files[n] });
  return { fileName: `${FOLDER}/${sample.fileName}`, ...(settings ? { settings } : {}), site: siteContext(index, sample.fileName, settings?.model) };
}
