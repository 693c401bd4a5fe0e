// Markdown documentation of a catalogue entry, shared by hover and completion. Hover adds what holds
// in the current file (effective values, whether conditions are met); this part is file-independent.

import { describeType, formatRanges } from '../catalog/valueTypes';
import type { CatalogEntry, Condition, ValueType } from '../types';

/** What a condition asks of its deciding parameter: "is a domain name", "is set", "is 1, 2, 3". */
export function conditionRequirement(c: Condition): string {
  return c.is === 'domain' ? 'is a domain name' : c.is === 'nonEmpty' ? 'is set' : `is ${c.in!.join(', ')}`;
}

const HOME_FILE: Record<CatalogEntry['file'], string> = {
  mac: '`<MAC>.cfg` (per phone)',
  common: '`<y0000000000xx>.cfg` (common to a model)',
  boot: 'boot file (`.boot`)',
};

export function permittedValuesMarkdown(type: ValueType): string {
  if (type.kind === 'enum' || type.kind === 'multiEnum') {
    const head =
      type.kind === 'multiEnum' ? (type.separator === '' ? 'Any combination of:\n\n' : `A list separated by "${type.separator ?? ','}" of:\n\n`) : '';
    return head + type.values.map((v) => `- \`${v.value}\` ${v.meaning}`).join('\n');
  }
  if (type.kind === 'integer' && type.ranges) {
    return `Integer ${type.ranges.length === 1 ? 'from ' : ''}${formatRanges(type.ranges)}${type.unit ? ` (${type.unit})` : ''}`;
  }
  const d = describeType(type);
  return d.charAt(0).toUpperCase() + d.slice(1);
}

function placeholderLine(entry: CatalogEntry): string | undefined {
  const ix = entry.indices;
  if (!ix) return undefined;
  const parts = Object.entries(ix).map(([letter, spec]) => {
    if (spec.values) return `${letter}: ${spec.values.join(', ')}`;
    const per = spec.per ? ` (fewer on some models)` : '';
    return `${letter}: ${spec.min ?? 1} to ${spec.max}${per}`;
  });
  return parts.join('; ');
}

/** The file-independent documentation of an entry: summary, values, default, home file, Web UI path. */
export function renderEntryDocs(entry: CatalogEntry, pattern = entry.name, extra: { defaultLine?: string; conditions?: string[] } = {}): string {
  const out: string[] = [];
  out.push(`**${pattern}**`);
  if (entry.deprecated) out.push(`*Deprecated:* ${entry.deprecated}`);
  out.push(entry.summary);
  out.push(`**Permitted values:** ${entry.type.kind === 'enum' || entry.type.kind === 'multiEnum' ? '\n\n' : ''}${permittedValuesMarkdown(entry.type)}`);
  if (entry.firmwareTypes?.length) {
    out.push(entry.firmwareTypes.map((f) => `*${f.firmware}:* ${describeType(f.type)}`).join('  \n'));
  }
  const defaultText =
    extra.defaultLine ??
    (entry.default === undefined
      ? undefined
      : entry.default === '-1' && entry.inherits
        ? `-1: uses \`${entry.inherits}\``
        : entry.default === ''
          ? 'blank'
          : `\`${entry.default}\``);
  if (defaultText) out.push(`**Default:** ${defaultText}`);
  const ph = placeholderLine(entry);
  if (ph) out.push(`**Indices:** ${ph}`);
  const facts = [`**File:** ${HOME_FILE[entry.file]}`];
  if (entry.webUi) facts.push(`**Web UI:** ${entry.webUi}`);
  if (entry.reboot) facts.push('Changing it restarts the phone.');
  if (entry.models) facts.push(`**Models:** ${entry.models}`);
  out.push(facts.join('  \n'));
  const conds =
    extra.conditions ??
    (entry.conditions ?? []).map((c) =>
      `\`${c.param}\` ${conditionRequirement(c)}`,
    );
  if (conds.length) out.push(`**Works only if:**\n\n${conds.map((c) => `- ${c}`).join('\n')}`);
  if (entry.aliases?.length) out.push(`**Also written:** ${entry.aliases.map((a) => `\`${a}\``).join(', ')}`);
  return out.join('\n\n');
}
