import * as assert from 'assert';
import { open, waitFor } from './helpers';
import { testApi } from './testApi';

// The language status item's text, read through the extension's test API (VS Code has no API to read
// a LanguageStatusItem back, and the suite runs in the extension host, away from the workbench's DOM).
describe('the language status item', () => {
  async function statusFor(rel: string, want: { text: string; detail?: string }): Promise<void> {
    const api = await testApi();
    await open(rel, true);
    const got = await waitFor(
      `the status of ${rel}`,
      () => {
        const s = api.languageStatus();
        return JSON.stringify(s) === JSON.stringify(want) ? s : undefined;
      },
      [],
      undefined,
      () => `it shows ${JSON.stringify(api.languageStatus())}`,
    );
    assert.deepStrictEqual(got, want);
  }

  it("shows a MAC file's model and the files the phone reads with it, in order", async () => {
    await statusFor('checkfolder/0015650c0f01.cfg', {
      text: 'T54W · reads 3 files',
      detail: 'Read in order: y000000000000.boot, y000000000096.cfg, 0015650c0f01.cfg',
    });
  });

  it('shows a lone MAC file without a model, read by itself', async () => {
    await statusFor('status/0015650d0a01.cfg', { text: 'No model · reads 1 file', detail: 'Read in order: 0015650d0a01.cfg' });
  });

  it('shows why a boot file is read alone', async () => {
    await statusFor('checkfolder/y000000000000.boot', { text: 'No model', detail: 'Read alone: a boot file lists the files a phone reads; it is not read with them' });
  });
});
