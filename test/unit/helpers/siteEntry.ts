// An extra catalogue entry as a project configuration (`yealink-cfg.json` `catalog`) gives one: a site's
// own parameter, shared by the tests of the configuration and of folder checks.
export const SITE_ENTRY = {
  name: 'site.X.feature',
  indices: { X: { min: 1, max: 3 } },
  type: { kind: 'enum', values: [{ value: '0', meaning: 'off' }, { value: '1', meaning: 'on' }] },
  default: '0',
  file: 'mac',
  summary: 'Turns the site feature on.',
  sources: ['site handbook'],
};
