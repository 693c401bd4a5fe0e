// The last line of each key of one file, as a validation pass finds them. Names are kept in a typed
// array by their number in the catalogue's name table, so a pass hashes each name once (the lookup of
// its entry) and allocates no map. Keys without a number (names in legacy sections, names too long to
// be parameters, names met once the table was full) and the keys added afterwards go to a small map.

import type { NameTable } from '../catalog/nameTable';
import type { ParameterLine, ParsedLine } from '../types';
import { NameMap } from './nameMap';

/** The last line setting each key: what FileValues reads. */
export interface LineByName {
  get(key: string): ParameterLine | undefined;
  set(key: string, line: ParameterLine): void;
  clone(): LineByName;
  /** True once the answers can no longer be trusted (the name table was emptied since). */
  isStale?(): boolean;
}

/** Keys of legacy `[ section ]` files repeat from section to section; only a repeat within one section overrides. */
export function duplicateKey(l: ParameterLine): string {
  return l.section === undefined ? l.name : `[${l.section}]\u0000${l.name}`;
}

export class LastLines implements LineByName {
  /** By name number: 1 + the last line of that name (0: none). */
  private last: Int32Array;
  private other: NameMap<ParameterLine> | undefined;
  private readonly generation: number;

  constructor(
    private readonly names: NameTable<unknown>,
    private readonly lines: readonly ParsedLine[],
    /** About how many names the pass may add to the table. */
    expected: number,
  ) {
    this.generation = names.generation;
    this.last = new Int32Array(names.size + expected);
  }

  /** Records the line of a name number; returns the line it follows (-1: the first of its name). */
  swapId(id: number, line: number): number {
    if (id >= this.last.length) this.last = grown(this.last, id + 1);
    const before = this.last[id] - 1;
    this.last[id] = line + 1;
    return before;
  }

  /** The same for a key without a number. */
  swapKey(key: string, line: ParameterLine): number {
    this.other ??= new NameMap(64);
    return this.other.swap(key, line)?.line ?? -1;
  }

  get(key: string): ParameterLine | undefined {
    const set = this.other?.get(key);
    if (set) return set;
    if (this.isStale()) return this.scan(key);
    const id = this.names.find(key);
    const n = id >= 0 && id < this.last.length ? this.last[id] : 0;
    return n === 0 ? undefined : (this.lines[n - 1] as ParameterLine);
  }

  /** A key added after the pass (an alias's canonical name): kept apart, it wins over the array. */
  set(key: string, line: ParameterLine): void {
    this.other ??= new NameMap(64);
    this.other.set(key, line);
  }

  clone(): LastLines {
    const copy = Object.create(LastLines.prototype) as LastLines;
    Object.assign(copy, this, { last: this.last.slice(), other: this.other?.clone() });
    return copy;
  }

  isStale(): boolean {
    return this.names.generation !== this.generation;
  }

  /** Numbers given before the table was emptied mean nothing now: the lines themselves answer. */
  private scan(key: string): ParameterLine | undefined {
    for (let i = this.lines.length - 1; i >= 0; i--) {
      const l = this.lines[i];
      if (l.kind === 'parameter' && duplicateKey(l) === key) return l;
    }
    return undefined;
  }

}

/** A copy of the array with room for at least `size` items (twice as many, at least), zeros after them. */
export function grown(array: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}
