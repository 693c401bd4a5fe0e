// The folder reader of the browser server: a web worker has no file system, so it asks the client,
// which reads through the editor's own file system API (and only provisioning files).

import type { Connection } from 'vscode-languageserver';
import { isInsideName, type FileSource } from '../workspace/fileSource';
import { uriIn } from './sites';

export const LIST_FOLDER_REQUEST = 'yealinkCfg/listFolder';
export const READ_FILE_REQUEST = 'yealinkCfg/readFile';

export function clientFileSource(connection: Connection): FileSource {
  return {
    list: (folder) =>
      connection.sendRequest<string[] | null>(LIST_FOLDER_REQUEST, { uri: folder }).then(
        (r) => (Array.isArray(r) ? r.filter((n) => typeof n === 'string') : undefined),
        () => undefined,
      ),
    read: (folder, name) =>
      isInsideName(name)
        ? connection.sendRequest<string | null>(READ_FILE_REQUEST, { uri: uriIn(folder, name) }).then(
            (r) => (typeof r === 'string' ? r : undefined),
            () => undefined,
          )
        : Promise.resolve(undefined),
  };
}
