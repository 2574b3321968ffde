#!/usr/bin/env node
// Prints one line "N passed, N failed" from the Jest and Playwright JSON
// reports the test scripts write into .test-results/, so CI can read the totals.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '..', '.test-results');
let passed = 0;
let failed = 0;
let skipped = 0;
const files = fs.existsSync(dir)
  ? fs.readdirSync(dir).filter(f => f.endsWith('.json'))
  : [];
for (const file of files) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  if (report.stats) {
    // Playwright's report; a flaky test is one that passed on its retry.
    passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
    failed += (report.stats.unexpected ?? 0) + (report.errors ?? []).length;
    skipped += report.stats.skipped ?? 0;
    continue;
  }
  passed += report.numPassedTests ?? 0;
  // A suite that fails to run (a syntax error, a failed import) has no failed
  // test but must still count as a failure.
  failed +=
    (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (files.length === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
