import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryIO } from '../../server/src/cli/io';
import { runCli } from '../../server/src/cli/main';
import { escapeData, escapeProperty, githubReport } from '../../server/src/cli/reporters/github';
import type { YealinkDiagnostic } from '../../server/src/types';

const FILES: Record<string, string> = {
  'site/y000000000044.cfg': '#!version:1.0.0.1\naccount.1.sip_server.1.port = 70000\naccount.1.sip_server.1.address = sip.example.com\n',
  'site/0015651234ab.cfg': '#!version:1.0.0.1\naccount.1.sip_server.1.address = sip.example.com\nqqqq.zzzz = 1\n',
  'a,b:c.cfg': '#!version:1.0.0.1\naccount.1.sip_server.1.transport_type = 9\n',
};

describe('check --format github', () => {
  it('prints one workflow command per problem: error, warning, notice for information and hints', () => {
    const r = runCli(['check', '--format', 'github', 'site', 'a,b:c.cfg'], memoryIO(FILES, { cwd: '/repo' }));
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.deepEqual(r.stdout.split('\n'), [
      '::notice file=site/0015651234ab.cfg,line=2,col=1,endLine=2,endColumn=49,title=redundant-override::account.1.sip_server.1.address = sip.example.com is already given by y000000000044.cfg, line 3; this line changes nothing.',
      '::warning file=site/0015651234ab.cfg,line=3,col=1,endLine=3,endColumn=10,title=unknown-parameter::Unknown parameter "qqqq.zzzz".',
      '::error file=site/y000000000044.cfg,line=2,col=31,endLine=2,endColumn=36,title=out-of-range::Value 70000 of account.1.sip_server.1.port is out of range (permitted: 0 to 65535).',
      '::error file=a%2Cb%3Ac.cfg,line=2,col=41,endLine=2,endColumn=42,title=invalid-enum::Value 9 of account.1.sip_server.1.transport_type is not allowed (permitted: 0, 1, 2 or 3).',
      '',
    ]);
  });

  it('prints nothing for clean files and exits 0; absolute paths below the working directory become relative', () => {
    const io = memoryIO({ 'c.cfg': '#!version:1.0.0.1\n', 'd/n.cfg': 'x = 1\n' }, { cwd: '/repo' });
    assert.deepEqual(runCli(['check', '-f', 'github', 'c.cfg'], io), { code: 0, stdout: '', stderr: '' });
    const abs = runCli(['check', '-f', 'github', '--isolated', '/repo/d/n.cfg'], io).stdout.split('\n');
    assert.equal(abs[0].slice(0, 45), '::error file=d/n.cfg,line=1,col=1,endLine=1,e');
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    assert.equal(escapeData('50% a\r\nb: c, d'), '50%25 a%0D%0Ab: c, d');
    assert.equal(escapeProperty('50% a\r\nb: c, d'), '50%25 a%0D%0Ab%3A c%2C d');
    const d: YealinkDiagnostic = {
      range: { start: { line: 0, character: 2 }, end: { line: 1, character: 0 } },
      severity: 4,
      code: 'dependency',
      source: 'yealink-cfg',
      message: 'two\nlines 100%',
    };
    assert.equal(
      githubReport([{ file: 'C:\\x\\y,z.cfg', diagnostics: [d] }], { color: false, filesChecked: 1 }),
      '::notice file=C%3A/x/y%2Cz.cfg,line=1,col=3,endLine=2,endColumn=1,title=dependency::two%0Alines 100%25\n',
    );
  });
});
