/**
 * Which Chromium the end-to-end tests and the bench drive: CHROMIUM_PATH if set, else Debian's
 * /usr/bin/chromium, else Playwright's own download (`npx playwright install chromium`).
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's own download
  throw new Error(
    [
      'No Chromium found for the end-to-end tests. Any one of these works:',
      '  - Debian/Ubuntu: sudo apt-get install chromium   (gives /usr/bin/chromium)',
      '  - set CHROMIUM_PATH=/path/to/chrome-or-chromium',
      "  - npx playwright install chromium   (Playwright's own build; needs internet)",
    ].join('\n'),
  );
}

/** Flags that keep a headless Chromium quiet on a machine with no network but loopback. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
