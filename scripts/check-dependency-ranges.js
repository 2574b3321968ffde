#!/usr/bin/env node
/*
 * Fails when a published package's @backstage/* dependency range leaves out
 * a Backstage release we say we support: the pinned one (backstage.json, the
 * versions in the root package.json's resolutions) and those listed in
 * backstage-compatibility.json (the oldest supported and the newest checked).
 * Run by `yarn lint:all`.
 */
const fs = require('fs');
const path = require('path');
const semver = require('semver');

const root = path.resolve(__dirname, '..');
const readJson = file =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

const pinned = readJson('package.json').resolutions;
const { version: pinnedRelease } = readJson('backstage.json');
const compatibility = readJson('backstage-compatibility.json');
const releases = [
  { name: `${pinnedRelease} (pinned)`, versions: pinned },
  {
    name: `${compatibility.oldest.release} (oldest supported)`,
    versions: compatibility.oldest.versions,
  },
  {
    name: `${compatibility.newest.release} (newest checked)`,
    versions: compatibility.newest.versions,
  },
];

const problems = [];
for (const dir of ['plugins', 'packages']) {
  for (const name of fs.readdirSync(path.join(root, dir))) {
    const file = path.join(dir, name, 'package.json');
    if (!fs.existsSync(path.join(root, file))) continue;
    const pkg = readJson(file);
    if (pkg.private) continue;
    for (const field of ['dependencies', 'peerDependencies']) {
      for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
        if (!dep.startsWith('@backstage/')) continue;
        for (const release of releases) {
          const version = release.versions[dep];
          if (!version) {
            problems.push(
              `${pkg.name}: ${dep} has no version for ${
                release.name
              }; add it to ${
                release.versions === pinned
                  ? 'the resolutions of package.json'
                  : 'backstage-compatibility.json'
              }`,
            );
          } else if (!semver.satisfies(version, range)) {
            problems.push(
              `${pkg.name}: ${field}.${dep} "${range}" leaves out ${version}, its version in ${release.name}`,
            );
          }
        }
      }
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(
  `@backstage ranges of the published packages span ${releases
    .map(r => r.name)
    .join(', ')}`,
);
