import * as assert from 'assert';
import { extension, waitFor } from './helpers';

/** What the extension's activate() returns for tests (client/src/common.ts, YealinkCfgTestApi). */
export interface TestApi {
  languageStatus(): { text: string; detail?: string };
  serverMessages(): { type: 'error' | 'warning' | 'info'; message: string }[];
}

/** The test-facing exports, once the extension is active. */
export async function testApi(): Promise<TestApi> {
  const ext = extension();
  await waitFor('the extension to activate', () => (ext.isActive ? true : undefined));
  const api = ext.exports as TestApi | undefined;
  assert.ok(api && typeof api.languageStatus === 'function', 'activate() returns the test API');
  return api;
}
