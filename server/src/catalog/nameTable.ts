// The concrete names met so far, each with a small number and, once looked up, its catalogue match.
// One hash lookup per line then answers both what a name is and which name it is: the duplicate index
// of a file keys a typed array by the number instead of hashing every name into a map of its own.

/** Names kept from one pass over a file to the next; a pass that finds more starts the table afresh. */
export const NAME_TABLE_SOFT_LIMIT = 100_000;
/**
 * Within one pass the table grows no further: later names get no number, and nothing is cached for them
 * (a file of 300,000 made-up names is checked as fast as before, with the table's memory bounded).
 */
export const NAME_TABLE_HARD_LIMIT = 200_000;

export class NameTable<M> {
  private readonly ids = new Map<string, number>();
  /** By number: undefined until looked up, null when the catalogue has no such name. */
  private readonly matches: (M | null | undefined)[] = [];
  private gen = 0;

  /** Changes whenever numbers given before stop meaning anything (the table was emptied). */
  get generation(): number {
    return this.gen;
  }

  get size(): number {
    return this.matches.length;
  }

  /** The name's number, adding the name when new; -1 when the table is full. */
  idOf(name: string): number {
    const id = this.ids.get(name);
    if (id !== undefined) return id;
    if (this.matches.length >= NAME_TABLE_HARD_LIMIT) return -1;
    // A copy of the name: a slice of a document's text would keep the whole text alive in the table.
    this.ids.set((' ' + name).slice(1), this.matches.length);
    this.matches.push(undefined);
    return this.matches.length - 1;
  }

  /** The name's number when it was met already, else -1 (adds nothing). */
  find(name: string): number {
    return this.ids.get(name) ?? -1;
  }

  matchAt(id: number): M | null | undefined {
    return this.matches[id];
  }

  setMatch(id: number, match: M | null): void {
    this.matches[id] = match;
  }

  /** Before a pass over a file: a table past its soft limit starts afresh. No pass is under way then. */
  trim(): void {
    if (this.matches.length >= NAME_TABLE_SOFT_LIMIT) this.clear();
  }

  clear(): void {
    this.ids.clear();
    this.matches.length = 0;
    this.gen++;
  }
}
