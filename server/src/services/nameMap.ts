// A map from names to values for one pass over a large file. V8 keeps a Map of more than about 8,000
// entries in its large-object space, and every validation of a 20,000-line file would then allocate
// fresh pages for it as it grows (measured: a fresh map of 20,000 names cost 10 ms, its updates 1 ms).
// Split into shards of at most a few thousand names, the tables stay in the ordinary young heap.

/** Names per shard aimed at: well under the size at which a Map's table leaves the regular heap. */
const NAMES_PER_SHARD = 2048;
const MAX_SHARDS = 256;

export class NameMap<V> {
  private readonly shards: Map<string, V>[] = [];
  private readonly mask: number;
  private count = 0;

  /** `expected`: about how many names will be set (it decides the number of shards). */
  constructor(expected: number) {
    let n = 1;
    while (n < MAX_SHARDS && n * NAMES_PER_SHARD < expected) n *= 2;
    for (let i = 0; i < n; i++) this.shards.push(new Map());
    this.mask = n - 1;
  }

  private shard(name: string): Map<string, V> {
    if (this.mask === 0) return this.shards[0];
    let h = name.length;
    for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) | 0;
    return this.shards[(h ^ (h >>> 15)) & this.mask];
  }

  get(name: string): V | undefined {
    return this.shard(name).get(name);
  }

  /** Sets the value and returns the one it replaces (undefined for a new name). */
  swap(name: string, value: V): V | undefined {
    const map = this.shard(name);
    const old = map.get(name);
    map.set(name, value);
    if (old === undefined) this.count++;
    return old;
  }

  /** Sets the value; returns false when the name was there already (its value is replaced). */
  set(name: string, value: V): boolean {
    const map = this.shard(name);
    const size = map.size;
    map.set(name, value);
    if (map.size === size) return false;
    this.count++;
    return true;
  }

  get size(): number {
    return this.count;
  }

  /** A copy to add to without changing this one. */
  clone(): NameMap<V> {
    const copy = new NameMap<V>(this.shards.length * NAMES_PER_SHARD);
    this.shards.forEach((m, i) => (copy.shards[i] = new Map(m)));
    copy.count = this.count;
    return copy;
  }
}
