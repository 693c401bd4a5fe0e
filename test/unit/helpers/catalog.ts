// A small catalogue for generic behaviour, so that tests do not change when the shipped catalogue grows.
// The failover entries follow the shapes of the shipped ones; the rest cover every value type.

import type { CatalogData, CatalogEntry, EnumValue, IndexSpec } from '../../../server/src/types';

const onOff: EnumValue[] = [
  { value: '0', meaning: 'Disabled' },
  { value: '1', meaning: 'Enabled' },
];
const modes: EnumValue[] = [
  { value: '0', meaning: 'newRequests' },
  { value: '1', meaning: 'DNSTTL' },
  { value: '2', meaning: 'Registration' },
  { value: '3', meaning: 'duration' },
];
const X: Record<string, IndexSpec> = { X: { min: 1, max: 16, per: 'accounts' } };
const XY: Record<string, IndexSpec> = { X: { min: 1, max: 16, per: 'accounts' }, Y: { min: 1, max: 2 } };

function entry(e: Omit<CatalogEntry, 'summary' | 'sources' | 'file'> & Partial<CatalogEntry>): CatalogEntry {
  return { file: 'mac', summary: `Fixture entry ${e.name}.`, sources: ['fixture'], ...e };
}

export const fixtureEntries: CatalogEntry[] = [
  entry({ name: 'account.X.enable', indices: X, type: { kind: 'enum', values: onOff }, default: '0' }),
  entry({ name: 'account.X.label', indices: X, type: { kind: 'string', maxLength: 10 }, default: '' }),
  entry({ name: 'account.X.user_name', indices: X, type: { kind: 'string', maxLength: 99 }, default: '' }),
  entry({
    name: 'account.X.display_name',
    indices: X,
    type: { kind: 'string', maxLength: 99 },
    default: '',
    conditions: [{ param: 'account.X.user_name', is: 'nonEmpty' }],
  }),
  entry({ name: 'account.X.sip_server.Y.address', indices: XY, type: { kind: 'address', maxLength: 255 }, default: '' }),
  entry({ name: 'account.X.sip_server.Y.port', indices: XY, type: { kind: 'integer', ranges: [[0, 65535]] }, default: '5060' }),
  entry({ name: 'account.X.sip_server.Y.register_on_enable', indices: XY, type: { kind: 'enum', values: onOff }, default: '0' }),
  entry({
    name: 'account.X.sip_server.Y.failback_mode',
    indices: XY,
    type: { kind: 'enum', values: modes },
    default: '0',
    conditions: [{ param: 'account.X.sip_server.Y.address', is: 'domain' }],
  }),
  entry({
    name: 'account.X.sip_server.Y.only_signal_with_registered',
    indices: XY,
    type: { kind: 'enum', values: onOff },
    default: '0',
    conditions: [
      { param: 'account.X.sip_server.Y.register_on_enable', in: ['1'] },
      { param: 'account.X.sip_server.Y.failback_mode', in: ['1', '2', '3'] },
    ],
  }),
  entry({
    name: 'account.X.sip_server.Y.failback_timeout',
    indices: XY,
    type: { kind: 'integer', ranges: [[0, 0], [60, 65535]], unit: 'seconds' },
    default: '3600',
    conditions: [{ param: 'account.X.sip_server.Y.failback_mode', in: ['3'] }],
  }),
  entry({
    name: 'account.X.sip_server.Y.failback_subscribe.enable',
    indices: XY,
    type: { kind: 'enum', values: onOff },
    default: '0',
    conditions: [{ param: 'account.X.sip_server.Y.failback_mode', in: ['1', '2', '3'] }],
  }),
  entry({
    name: 'account.X.outbound_proxy.Y.failback_mode',
    indices: XY,
    type: { kind: 'enum', values: modes },
    default: '-1',
    inherits: 'account.X.sip_server.Y.failback_mode',
  }),
  entry({
    name: 'account.X.outbound_proxy.Y.failback_timeout',
    indices: XY,
    type: { kind: 'integer', ranges: [[0, 0], [60, 65535]], unit: 'seconds' },
    default: '-1',
    inherits: 'account.X.sip_server.Y.failback_timeout',
    conditions: [{ param: 'account.X.outbound_proxy.Y.failback_mode', in: ['3'] }],
  }),
  entry({
    name: 'account.X.codec.Z.enable',
    indices: { X: { min: 1, max: 16, per: 'accounts' }, Z: { values: ['pcmu', 'pcma', 'g722'] } },
    type: { kind: 'enum', values: onOff },
    default: '1',
  }),
  entry({ name: 'linekey.X.type', indices: { X: { min: 1, max: 29, per: 'linekeys' } }, type: { kind: 'integer', ranges: [[0, 100]] }, default: '15' }),
  entry({ name: 'static.network.ip_address', aliases: ['network.ip_address'], file: 'common', type: { kind: 'ip' }, default: '' }),
  entry({ name: 'static.network.ipv6_address', file: 'common', type: { kind: 'ipv6' }, default: '' }),
  entry({ name: 'static.auto_provision.server.url', file: 'common', type: { kind: 'url', maxLength: 511 }, default: '' }),
  entry({ name: 'static.network.domain', file: 'common', type: { kind: 'domain' }, default: '' }),
  entry({ name: 'local_time.dst_start', file: 'common', type: { kind: 'time' }, default: '00:00' }),
  entry({ name: 'static.trusted_mac', file: 'common', type: { kind: 'mac' } }),
  entry({ name: 'voice.gain', file: 'common', type: { kind: 'float' }, default: '1.0' }),
  entry({ name: 'features.volume', file: 'common', type: { kind: 'integer' } }),
  entry({
    name: 'features.dtmf.types',
    file: 'common',
    type: { kind: 'multiEnum', values: [{ value: 'inband', meaning: 'In band' }, { value: 'info', meaning: 'SIP INFO' }] },
  }),
  entry({ name: 'dialplan.rule', file: 'common', type: { kind: 'string' }, multiple: true }),
  entry({ name: 'features.old_name', file: 'common', type: { kind: 'string' }, deprecated: 'Use features.new_name.' }),
  entry({ name: 'features.new_name', file: 'common', type: { kind: 'string' } }),
  entry({ name: 'features.call_park.enable', file: 'common', type: { kind: 'enum', values: onOff }, default: '0' }),
  entry({
    name: 'features.ring_delay',
    file: 'common',
    type: { kind: 'integer', ranges: [[0, 20]] },
    firmwareTypes: [
      { firmware: 'V73 and older', type: { kind: 'integer', ranges: [[0, 30]] } },
      { firmware: 'V8x', type: { kind: 'integer', ranges: [[0, 45]] } },
      { firmware: 'older templates', type: { kind: 'integer', ranges: [[0, 99]] } },
    ],
  }),
];

export const fixtureData: CatalogData = {
  entries: fixtureEntries,
  models: [
    { id: 'y000000000000', names: ['T28P'] },
    { id: 'y000000000068', names: ['T41S'], limits: { accounts: 6, linekeys: 15 } },
    { id: 'y000000000096', names: ['T54W'], limits: { accounts: 16 } },
    { id: 'y000000000065', names: ['T46S', 'T46U'], limits: { accounts: 16, linekeys: 27 } },
  ],
  renames: [
    { old: 'call_park.enable', current: 'features.call_park.enable', firmware: 'V80', sources: ['fixture'] },
    { old: 'account.X.failback_mode', current: 'account.X.sip_server.Y.failback_mode', firmware: 'V81', sources: ['fixture'] },
  ],
};
