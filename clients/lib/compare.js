// Prints the per-case table of two runs (direct against the fake, through Parley) and exits 1 when a
// case that passes directly fails through Parley, when a case fails directly (the harness is then
// broken), or when no case ran.
//   node lib/compare.js results/direct.jsonl results/parley.jsonl
import { readFileSync } from 'node:fs';

const read = (path) => new Map(readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((c) => [c.name, c]));
const [direct, parley] = process.argv.slice(2).map(read);
const names = [...new Set([...direct.keys(), ...parley.keys()])];
const width = Math.max(4, ...names.map((n) => n.length));
const mark = (c) => (c ? (c.status === 'pass' ? 'pass' : 'FAIL') : '-');
console.log(`\n${'case'.padEnd(width)}  direct  parley`);
console.log(`${'-'.repeat(width)}  ------  ------`);
for (const n of names) console.log(`${n.padEnd(width)}  ${mark(direct.get(n)).padEnd(6)}  ${mark(parley.get(n))}`);
const regressions = names.filter((n) => direct.get(n)?.status === 'pass' && parley.get(n)?.status !== 'pass');
const brokenDirect = names.filter((n) => direct.get(n)?.status !== 'pass');
for (const [title, list, runs] of [['fail through Parley', regressions, parley], ['fail directly against the fake (the test or the fake is wrong)', brokenDirect, direct]]) {
  if (!list.length) continue;
  console.log(`\n${list.length} case(s) ${title}:`);
  for (const n of list) console.log(`- ${n}: ${runs.get(n)?.error ?? 'did not run'}`);
}
const passed = names.filter((n) => parley.get(n)?.status === 'pass').length;
console.log(`\nclients: ${passed} passed, ${names.length - passed} failed`);
process.exit(names.length === 0 || regressions.length || brokenDirect.length ? 1 : 0);
