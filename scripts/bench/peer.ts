// The peer: yaml-language-server validating the same content written as YAML against a JSON Schema
// of the same size (../shared/bench/yaml-peer.mjs), compared with our figures from the same run.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { note } from './report';

interface PeerResult {
  nLines: number;
  ylsVersion: string;
  peer: { validateNew: { median: number }; completeNew: { median: number }; hoverNew: { median: number } };
}

export interface OursForPeer {
  lines: number;
  validate: number;
  edit: number;
}

/** `dir`: a folder where yaml-language-server is installed (else it is installed under node_modules/.cache). */
export function peerFigures(root: string, tmp: string, ours: OursForPeer[], runs: number, dir = join(root, 'node_modules/.cache/yaml-peer')): void {
  const script = join(root, '../shared/bench/yaml-peer.mjs');
  if (!existsSync(script)) {
    note('--peer: ../shared/bench/yaml-peer.mjs is not there; the peer comparison is skipped');
    return;
  }
  // The peer grows quadratically: 100,000 lines would take many minutes per run, so it runs up to 20,000.
  const sizes = ours.filter((o) => o.lines <= 20000);
  const args = [script, '--sizes', sizes.map((s) => s.lines).join(','), '--runs', String(runs), '--warmup', '1', '--json', join(tmp, 'peer.json')];
  if (existsSync(join(dir, 'node_modules/yaml-language-server'))) args.push('--dir', dir);
  else {
    mkdirSync(dir, { recursive: true });
    args.push('--dir', dir);
    spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', dir, 'yaml-language-server', 'vscode-languageserver-textdocument'], { stdio: 'inherit' });
  }
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !existsSync(join(tmp, 'peer.json'))) {
    note('the peer benchmark failed; see its output above');
    return;
  }
  const results = JSON.parse(readFileSync(join(tmp, 'peer.json'), 'utf8')) as PeerResult[];
  console.log(`\npeer: yaml-language-server ${results[0]?.ylsVersion ?? '?'} (validation of a new version, median of ${runs} runs)`);
  for (const p of results) {
    const o = sizes.find((s) => s.lines === p.nLines);
    if (!o) continue;
    const v = p.peer.validateNew.median;
    const edit = v / o.edit;
    console.log(
      `  ${String(p.nLines).padStart(6)} lines: peer ${v.toFixed(0)} ms; ours full ${o.validate.toFixed(2)} ms (${(v / o.validate).toFixed(0)}x faster), ` +
        `one-line edit ${o.edit.toFixed(3)} ms (${edit.toFixed(0)}x faster, goal >= 1000x: ${edit >= 1000 ? 'met' : 'MISSED'})`,
    );
  }
}
