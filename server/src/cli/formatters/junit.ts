/**
 * JUnit XML for CI dashboards: a test suite per post, a failing test case
 * per error or warning (its type says which), a passing one per post with no
 * findings. Info findings do not fail: they go to the case's system-out.
 */
import { oneLine, place, type Formatter } from './shared';
import { xml } from '../xml';

export const junit: Formatter = (posts) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const p of posts) {
    const cases: string[] = [];
    let suiteFailures = 0;
    if (p.readError) {
      cases.push(`    <testcase name="read" classname="${xml(p.key)}"><error message="${xml(p.readError)}"/></testcase>`);
    }
    for (const d of p.diagnostics) {
      const at = place(d);
      const name = `${d.ruleId} at ${at.line}:${at.column}`;
      const text = `${p.key}:${at.line}:${at.column}: ${oneLine(d.message)} (${d.ruleId})`;
      if (d.severity === 'info') {
        cases.push(`    <testcase name="${xml(name)}" classname="${xml(p.key)}"><system-out>${xml(text)}</system-out></testcase>`);
      } else {
        suiteFailures++;
        cases.push(
          `    <testcase name="${xml(name)}" classname="${xml(p.key)}"><failure type="${d.severity}" message="${xml(oneLine(d.message))}">${xml(text)}</failure></testcase>`,
        );
      }
    }
    if (cases.length === 0) cases.push(`    <testcase name="bilint" classname="${xml(p.key)}"/>`);
    tests += cases.length;
    failures += suiteFailures;
    const errors = p.readError ? 1 : 0;
    suites.push(
      `  <testsuite name="${xml(p.key)}" tests="${cases.length}" failures="${suiteFailures}" errors="${errors}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const errors = posts.filter((p) => p.readError).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="bilint" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
