import * as vscode from 'vscode';
import { commonFileEditRechecksMac } from '../../e2e/suite/folderSteps';
import { codeOf, fmtDiagnostic } from '../../e2e/suite/helpers';

// test/web/workspace/site/: the common file y000000000096.cfg sets failback_mode = 3 on line 3 (0-based);
// the MAC file 001565a1b2c3.cfg sets failback_timeout (line 3), which works only with mode 3.
const DEPENDENCY =
  'dependency warning 3:0-3:39 "account.1.sip_server.1.failback_timeout has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 1 (y000000000096.cfg, line 4)."';

describe('in the browser: a folder is one system', () => {
  it('editing and saving the common file re-checks the open MAC file', async () => {
    await commonFileEditRechecksMac(
      (x) => x.map(fmtDiagnostic).includes(DEPENDENCY),
      (x: vscode.Diagnostic[]) => !x.some((d) => codeOf(d) === 'dependency'),
    );
  });
});
