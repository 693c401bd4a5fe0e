// How a parameter name splits into the levels of the outline and of folding: each word with the
// indices that follow it (`account 1`, `sip_server 1`, `codec pcmu`); `static` joins the next word.
// Shared by symbols and folding, so a fold is always exactly an outline group.

import { splitName, type Catalog } from '../catalog/catalog';

const NUMBER = /^\d+$/;

/** One level: a word with its index segments. */
export interface NameComponent {
  label: string;
  /** Offsets of the component's text within the name. */
  start: number;
  end: number;
}

export function nameComponents(catalog: Catalog, name: string): NameComponent[] {
  const match = catalog.lookup(name);
  const indexStarts = new Set(match?.indices.map((i) => i.start));
  const out: NameComponent[] = [];
  for (const seg of splitName(name)) {
    const isIndex = indexStarts.has(seg.start) || NUMBER.test(seg.text) || seg.isTemplate;
    const last = out[out.length - 1];
    if (isIndex && last) out[out.length - 1] = { label: `${last.label} ${seg.text}`, start: last.start, end: seg.end };
    else out.push({ label: seg.text, start: seg.start, end: seg.end });
  }
  // `static.network.ip_address`: the `static.` prefix names a kind of setting, not a family.
  if (out.length > 2 && out[0].label === 'static') out.splice(0, 2, { label: `static.${out[1].label}`, start: 0, end: out[1].end });
  return out;
}
