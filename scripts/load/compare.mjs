// Side by side: two runs of the load harness in comparison mode (HRDD_LOAD_CHECKOUT, see harness.mjs),
// as a Markdown table for docs/BENCHMARKS.md.
//
//   node scripts/load/compare.mjs target/bench/load/compare-<before>.json target/bench/load/compare-<after>.json

import fs from 'node:fs';

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: node scripts/load/compare.mjs <before.json> <after.json>');
  process.exit(2);
}
const before = JSON.parse(fs.readFileSync(beforeFile, 'utf8'));
const after = JSON.parse(fs.readFileSync(afterFile, 'utf8'));

const rows = [
  `| Database | Endpoint | Clients | ${before.commit} req/s | ${after.commit} req/s | ${before.commit} p99 | ${after.commit} p99 | Change (req/s) |`,
  '|---|---|---|---|---|---|---|---|',
];
for (const run of after.runs) {
  const old = before.runs.find((r) => r.backend === run.backend && r.size === run.size);
  if (!old) continue;
  for (const r of run.results) {
    const o = old.results.find((x) => x.endpoint === r.endpoint && x.clients === r.clients);
    if (!o) continue;
    const change = ((r.rps / o.rps - 1) * 100).toFixed(0);
    rows.push(
      `| ${run.backend} ${run.size.toLocaleString('en')} | ${r.endpoint} | ${r.clients} | ${o.rps.toFixed(0)} | ${r.rps.toFixed(0)} | ${o.p99.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${change > 0 ? '+' : ''}${change} % |`,
    );
  }
  rows.push(
    `| ${run.backend} ${run.size.toLocaleString('en')} | peak resident memory of the server | | ${old.mem.peak.toFixed(0)} MB | ${run.mem.peak.toFixed(0)} MB | | | |`,
  );
  rows.push(
    `| ${run.backend} ${run.size.toLocaleString('en')} | seeding | | ${old.seeded.seconds.toFixed(1)} s | ${run.seeded.seconds.toFixed(1)} s | | | |`,
  );
}
console.log(rows.join('\n'));
