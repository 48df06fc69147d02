// The portal's stylesheets: Designsystemet's component CSS and its default theme, read from
// node_modules (resolved through the package's own exports), and the portal's few layout rules.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PORTAL_CSS } from './layout.ts';

/** File name under /portal/assets/ → CSS text. */
export type Assets = ReadonlyMap<string, string>;

export async function loadAssets(): Promise<Assets> {
  const require = createRequire(import.meta.url);
  const components = require.resolve('@digdir/designsystemet-css');
  const theme = require.resolve('@digdir/designsystemet-css/theme');
  return new Map([
    ['designsystemet.css', await readFile(components, 'utf8')],
    ['theme.css', await readFile(theme, 'utf8')],
    ['portal.css', PORTAL_CSS],
  ]);
}
