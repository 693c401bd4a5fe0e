// Growth of a full check from 10,000 to 100,000 lines. Each size is timed as every figure is (a median
// of repeated calls of the same size), in three blocks taken in turn, and the median block counts: timed
// once each, minutes apart, the ratio moved between 10x and 19x from one run to the next. The floor's
// own growth (reading and splitting the same files) is timed the same way: on a machine where touching
// fresh memory is slow, even it grows faster than the number of lines.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageService } from '../../server/src/languageService';
import { generate } from './generate';
import { readSplitFloor } from './inProcess';
import { median, note, row, time } from './report';

const ctx = { fileName: 'y000000000096.cfg' };

export function growthFigures(service: LanguageService, tmp: string, runs: number): void {
  const files = {
    small: join(tmp, 'growth-10000.cfg'),
    big: join(tmp, 'growth-100000.cfg'),
    // Where the 100,000-line file runs out of names it repeats them, and each repeat is a duplicate
    // diagnostic. The same file with its repeats commented out (as vendor templates list defaults)
    // shows the cost per line apart from those diagnostics.
    commented: join(tmp, 'growth-100000-commented.cfg'),
  };
  writeFileSync(files.small, generate(service.catalog, 10000));
  writeFileSync(files.big, generate(service.catalog, 100000));
  writeFileSync(files.commented, generate(service.catalog, 100000, 0, true));
  const check = (file: string) => service.validate(readFileSync(file, 'utf8'), ctx);
  const counts = { small: check(files.small).length, big: check(files.big).length, commented: check(files.commented).length };
  const blocks = { small: [] as number[], big: [] as number[], commented: [] as number[], floorSmall: [] as number[], floorBig: [] as number[] };
  for (let b = 0; b < 3; b++) {
    for (const k of ['small', 'big', 'commented'] as const) blocks[k].push(time(() => check(files[k]), runs));
    blocks.floorSmall.push(readSplitFloor(files.small, runs));
    blocks.floorBig.push(readSplitFloor(files.big, runs));
  }
  const [small, big, commented] = [median(blocks.small), median(blocks.big), median(blocks.commented)];
  const [floorSmall, floorBig] = [median(blocks.floorSmall), median(blocks.floorBig)];
  console.log(`\ngrowth of read + parse + full validation, the median of three blocks per size, taken in turn`);
  row('read + split 10,000 lines (floor)', floorSmall, floorSmall);
  row('read + split 100,000 lines: the floor grows', floorBig, floorSmall);
  row(`10,000 lines (${counts.small} diagnostics)`, small, small);
  row(`100,000 lines (${counts.big} diagnostics)`, big, small, { ratio: 11 });
  row(`100,000 lines, repeats commented out (${counts.commented})`, commented, small);
  note('the floor column is the 10,000-line figure of the same kind; the ratio is the growth');
  const beyond = big / small / (floorBig / floorSmall);
  note(`the check grows ${beyond.toFixed(2)} times as much as its floor does (the goal's 11x over 10x of lines allows 1.1)`);
}
