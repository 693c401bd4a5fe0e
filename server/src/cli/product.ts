// The product's name, version and home page, from package.json (bundled into dist/cli.js, so the
// command line needs no file beside it for them).

import * as manifest from '../../../package.json';

interface Manifest {
  name: string;
  version: string;
  repository?: string | { url?: string };
  homepage?: string;
}

/** An https address for a repository field ("git+https://github.com/o/r.git", "github:o/r", { url }). */
export function repositoryUrl(m: Pick<Manifest, 'repository' | 'homepage'>): string | undefined {
  const raw = typeof m.repository === 'string' ? m.repository : m.repository?.url;
  if (raw) {
    const short = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
    if (short) return `https://github.com/${short[1]}`;
    const url = raw.replace(/^git\+/, '').replace(/\.git$/, '');
    if (/^https?:\/\//.test(url)) return url;
  }
  return m.homepage && /^https?:\/\//.test(m.homepage) ? m.homepage : undefined;
}

// Fields a manifest may lack.
const fields = manifest as Partial<Manifest>;

export const PRODUCT = {
  name: manifest.name,
  version: manifest.version,
  informationUri: repositoryUrl({ repository: fields.repository, homepage: fields.homepage }),
} as const;
