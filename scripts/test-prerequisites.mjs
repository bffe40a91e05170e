// Runs before `npm test` (and the browser tests): the suites use real Debian programs, never
// stand-ins: clamd for virus scanning, poppler's pdftotext to read PDFs back, Chromium for the
// browser tests. On a fresh Debian machine run as root they are installed here; elsewhere the
// missing ones are named with the command that installs them.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = [
  { check: () => existsSync('/usr/sbin/clamd'), packages: ['clamav-daemon', 'clamav'], why: 'virus-scan tests' },
  { check: () => onPath('pdftotext'), packages: ['poppler-utils'], why: 'PDF tests' },
  ...(process.argv.includes('--browser') ? [{ check: () => onPath('chromium'), packages: ['chromium'], why: 'browser tests' }] : []),
];

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const missing = wanted.filter((w) => !w.check());
if (missing.length > 0) {
  const packages = missing.flatMap((m) => m.packages);
  const command = `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  const canInstall = process.getuid?.() === 0 && onPath('apt-get');
  if (!canInstall) {
    console.error(
      `Missing for the ${missing.map((m) => m.why).join(' and ')}: ${packages.join(', ')}. Install them with:\n  sudo ${command}`,
    );
    process.exit(1);
  }
  console.log(`Installing ${packages.join(', ')} from Debian for the ${missing.map((m) => m.why).join(' and ')} (once) …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}
