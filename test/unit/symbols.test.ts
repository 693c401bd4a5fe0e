import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import type { DocumentSymbolEntry, Range } from '../../server/src/types';
import { editorCatalog } from './helpers/editorCatalog';

const service = createLanguageService(editorCatalog);
const MAC = { fileName: '0015651234ab.cfg' };

function r(x: Range): string {
  return `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
}

/** One line per symbol: indent, kind, name, detail, range and selection range, so trees compare exactly. */
function outline(symbols: DocumentSymbolEntry[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.kind} ${s.name}${s.detail !== undefined ? ` = ${s.detail}` : ''} ${r(s.range)} ${r(s.selectionRange)}`,
    ...outline(s.children ?? [], depth + 1),
  ]);
}

describe('document symbols', () => {
  it('groups by name segments, with meanings, masked secrets, unknown names and families that come back', () => {
    const text = [
      '#!version:1.0.0.1',
      '# accounts',
      'acct.1.label = Office',
      'acct.1.password = hunter2',
      'acct.1.server.1.host = sip.example.com',
      'acct.1.server.1.mode = 1',
      'acct.1.codec.pcmu.enable = 0',
      'static.net.vlan.mode = 1',
      'net.mode = 2',
      'custom.thing = x',
      'acct.1.server.2.port = 5060',
      '',
    ].join('\n');
    assert.deepEqual(outline(service.symbols(text, MAC)), [
      '3 acct 1 2:0-6:28 2:0-2:6',
      '  7 label = Office 2:0-2:21 2:0-2:12',
      '  7 password = •••• 3:0-3:25 3:0-3:15',
      '  3 server 1 4:0-5:24 4:7-4:15',
      '    7 host = sip.example.com 4:0-4:38 4:0-4:20',
      '    7 mode = 1 (Sometimes) 5:0-5:24 5:0-5:20',
      '  3 codec pcmu 6:0-6:28 6:7-6:17',
      '    7 enable = 0 (Disabled) 6:0-6:28 6:0-6:24',
      '3 static.net 7:0-7:24 7:0-7:10',
      '  3 vlan 7:0-7:24 7:11-7:15',
      '    7 mode = 1 (Tagged) 7:0-7:24 7:0-7:20',
      '3 net 8:0-8:12 8:0-8:3',
      '  7 mode = 2 (Automatic) 8:0-8:12 8:0-8:8',
      '3 custom 9:0-9:16 9:0-9:6',
      '  7 thing = x 9:0-9:16 9:0-9:12',
      '3 acct 1 10:0-10:27 10:0-10:6',
      '  3 server 2 10:0-10:27 10:7-10:15',
      '    7 port = 5060 10:0-10:27 10:0-10:20',
    ]);
  });

  it('never shows a secret, whatever its spelling of blanks; an empty secret has an empty detail', () => {
    const text = '#!version:1.0.0.1\r\nacct.2.password=  s3cr3t  \r\nacct.3.password =\r\n';
    const lines = outline(service.symbols(text, MAC));
    assert.deepEqual(lines, [
      '3 acct 2 1:0-1:26 1:0-1:6',
      '  7 password = •••• 1:0-1:26 1:0-1:15',
      '3 acct 3 2:0-2:17 2:0-2:6',
      '  7 password =  2:0-2:17 2:0-2:15',
    ]);
    assert.ok(!JSON.stringify(service.symbols(text, MAC)).includes('s3cr3t'));
  });

  it('keeps ranges after a byte order mark and with CRLF line endings', () => {
    const text = '\uFEFFnet.mode = 0\r\nnet.timeout = 30\r\n';
    assert.deepEqual(outline(service.symbols(text, MAC)), [
      '3 net 0:1-1:16 0:1-0:4',
      '  7 mode = 0 (Off) 0:1-0:13 0:1-0:9',
      '  7 timeout = 30 1:0-1:16 1:0-1:11',
    ]);
  });

  it('lists the includes of a boot file, with their model filters', () => {
    const text = '#!version:1.0.0.1\ninclude:config "y000000000096.cfg"\n[T46S,T54W]include:config <common.cfg>\noverwrite_mode = 1\n';
    assert.deepEqual(outline(service.symbols(text, { fileName: 'y000000000000.boot' })), [
      '1 y000000000096.cfg = include 1:0-1:34 1:16-1:33',
      '1 common.cfg = include [T46S, T54W] 2:0-2:38 2:27-2:37',
      '7 overwrite_mode = 1 3:0-3:18 3:0-3:14',
    ]);
  });

  it('puts the lines of a legacy file under their [ section ]', () => {
    const text = '[ account ]\npath = /config/voip/sipAccount0.cfg\nEnable = 1\n; note\n\n[ network ]\nDHCP = 1\n';
    assert.deepEqual(outline(service.symbols(text, MAC)), [
      '3 [account] 0:0-3:6 0:0-0:11',
      '  7 path = /config/voip/sipAccount0.cfg 1:0-1:35 1:0-1:4',
      '  7 Enable = 1 2:0-2:10 2:0-2:6',
      '3 [network] 5:0-6:8 5:0-5:11',
      '  7 DHCP = 1 6:0-6:8 6:0-6:4',
    ]);
  });

  it('groups template names by their template index and skips template statements', () => {
    const text = '#!version:1.0.0.1\n{foreach $lines as $line}\nacct.{$line.id}.label = {$line.label}\nacct.{$line.id}.password = {$line.secret}\n{/foreach}\n';
    assert.deepEqual(outline(service.symbols(text, { fileName: 'phone.tpl' })), [
      '3 acct {$line.id} 2:0-3:41 2:0-2:15',
      '  7 label = {$line.label} 2:0-2:37 2:0-2:21',
      '  7 password = •••• 3:0-3:41 3:0-3:24',
    ]);
  });
});

describe('document symbols: -1', () => {
  it('shows what -1 takes, from a line or a default, and only -1 when it cannot be known', () => {
    const text = 'acct.1.server.1.mode = 1\nacct.1.proxy.1.mode = -1\nacct.1.proxy.2.mode = -1\nacct.1.server.3.host = {$h}\nacct.1.proxy.3.port = -1\nacct.1.server.3.port = {$p}\n';
    assert.deepEqual(
      outline(service.symbols(text, MAC)).filter((l) => l.includes(' = -1')),
      ['    7 mode = -1 (→ 1) 1:0-1:24 1:0-1:19', '    7 mode = -1 (→ 2) 2:0-2:24 2:0-2:19', '    7 port = -1 4:0-4:24 4:0-4:19'],
    );
  });
});
