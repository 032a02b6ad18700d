// The loopback load and size harness (issue 8). Run by `make bench` after the release build:
//
//   node scripts/load/harness.mjs
//
// For each database (SQLite file, PostgreSQL database) and size (10,000 and 100,000 cases) it seeds a
// fresh database with `hrdd seed`, starts the release server (`target/release/hrdd serve`), signs the
// demo accounts in through the login form (real sessions), and drives each endpoint with wrk (Debian)
// at 1, 8 and 32 concurrent connections, reading the server's peak resident memory from /proc. Then it
// measures the bundle (WASM, JS, CSS: raw, gzip, brotli) and the heaviest page, checks that the first
// page works without WASM, and runs two servers against one PostgreSQL database (sessions valid on both,
// concurrent saves through both lose nothing).
//
// It prints a Markdown report and writes it into docs/BENCHMARKS.md between the `load:begin` and
// `load:end` markers, so the figures there are the ones it printed. Environment:
//   HRDD_LOAD_SIZES        case counts, default "10000 100000"
//   HRDD_LOAD_SECONDS      seconds per measured run, default 5
//   HRDD_BENCH_POSTGRES_URL a PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test);
//                          the harness creates and drops its own database `hrdd_load` there
//   HRDD_LOAD_BACKENDS     default "sqlite postgres"
//   HRDD_LOAD_CHECKOUT     another checkout whose release server to measure (its own methodology and
//                          Cargo.toml): a same-machine comparison with an older commit. The pages are
//                          driven the same way; the bundle, the two-server run and BENCHMARKS.md are
//                          left out, and the figures go to target/bench/load/compare-<commit>.json.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { signIn as login } from '../http.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = path.join(root, 'target', 'bench', 'load');
const checkout = process.env.HRDD_LOAD_CHECKOUT ? path.resolve(process.env.HRDD_LOAD_CHECKOUT) : root;
const comparing = Boolean(process.env.HRDD_LOAD_CHECKOUT);
const hrdd = path.join(checkout, 'target', 'release', 'hrdd');
const luaScript = path.join(root, 'scripts', 'load', 'wrk.lua');
const SIZES = (process.env.HRDD_LOAD_SIZES ?? '10000 100000').split(/\s+/).filter(Boolean).map(Number);
const SECONDS = Number(process.env.HRDD_LOAD_SECONDS ?? 5);
const BACKENDS = (process.env.HRDD_LOAD_BACKENDS ?? 'sqlite postgres').split(/\s+/).filter(Boolean);
const PG_URL = process.env.HRDD_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PG_DB = 'hrdd_load';
const CLIENTS = [1, 8, 32];
const PASSWORD = 'demo-password-2026';
const PORTS = [3201, 3202];

const say = (...a) => console.error('load:', ...a);
const die = (msg) => {
  console.error(`load: FAILED: ${msg}`);
  process.exit(1);
};

// ---- processes -------------------------------------------------------------------------------------

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: checkout, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) die(`${cmd} ${args.join(' ')}: ${r.stderr || r.stdout || r.error}`);
  return r.stdout;
}

function pgDatabaseUrl(db) {
  const u = new URL(PG_URL);
  u.pathname = `/${db}`;
  return u.toString();
}

function psql(sql, db = null) {
  return run('psql', [db ? pgDatabaseUrl(db) : PG_URL, '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql]).trim();
}

function freshDatabase(backend, size) {
  if (backend === 'sqlite') {
    const file = path.join(work, `hrdd-${size}.sqlite`);
    for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
    return `sqlite://${file}`;
  }
  psql(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
  psql(`CREATE DATABASE ${PG_DB}`);
  return pgDatabaseUrl(PG_DB);
}

function seed(databaseUrl, size) {
  const t = Date.now();
  const out = run(hrdd, ['seed', '--cases', String(size)], { DATABASE_URL: databaseUrl, RUST_LOG: 'warn' });
  if (databaseUrl.startsWith('postgres')) psql('ANALYZE', PG_DB);
  return { line: out.trim().split('\n').pop(), seconds: (Date.now() - t) / 1000 };
}

async function startServer(databaseUrl, port, label) {
  const log = fs.openSync(path.join(work, `server-${label}-${port}.log`), 'w');
  const child = spawn(hrdd, ['serve'], {
    cwd: checkout,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      HRDD_INSECURE_COOKIES: '1', // plain HTTP on loopback
    },
    stdio: ['ignore', log, log],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) die(`server on ${port} exited (see ${path.join(work, `server-${label}-${port}.log`)})`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) return { child, base, port };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  die(`server on ${port} did not answer /healthz`);
}

async function stopServer(server) {
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await exited;
}

/// Peak resident memory (VmHWM) and current (VmRSS) of a process, in MB.
function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(status.match(new RegExp(`${key}:\\s+(\\d+) kB`))[1]);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

// ---- HTTP as a browser would ------------------------------------------------------------------------

async function signIn(base, email) {
  try {
    return await login(base, email, PASSWORD);
  } catch (e) {
    die(e.message);
  }
}

async function get(base, pathname, cookie) {
  const r = await fetch(base + pathname, { redirect: 'manual', headers: { cookie } });
  return { status: r.status, body: await r.text(), location: r.headers.get('location') };
}

async function getOk(base, pathname, cookie) {
  const r = await get(base, pathname, cookie);
  if (r.status !== 200) die(`GET ${pathname}: ${r.status} ${r.location ?? r.body.slice(0, 300)}`);
  return r.body;
}

/** The bytes the server sends for a page when the browser accepts `encoding` (no decompression). */
function sentBytes(base, pathname, cookie, encoding) {
  return new Promise((resolve, reject) => {
    const req = http.get(base + pathname, { headers: { cookie, 'accept-encoding': encoding } }, (res) => {
      let n = 0;
      res.on('data', (chunk) => (n += chunk.length));
      res.on('end', () => resolve({ bytes: n, encoding: res.headers['content-encoding'] ?? 'identity' }));
    });
    req.on('error', reject);
  });
}

async function serverFn(base, endpoint, cookie, body, json = false) {
  const r = await fetch(`${base}/api/${endpoint}`, {
    method: 'POST',
    headers: {
      cookie,
      origin: base,
      accept: 'application/json',
      'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
    },
    body: json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
  const text = await r.text();
  if (r.status !== 200) die(`POST /api/${endpoint}: ${r.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

async function revisionOf(base, cookie, id) {
  return (await serverFn(base, 'cases/editor', cookie, { id: String(id) })).revision;
}

async function createToken(base, cookie) {
  const out = await serverFn(base, 'account/tokens/create', cookie, { name: 'load harness', days: '30', password: PASSWORD });
  const token = JSON.stringify(out).match(/hrdd_[0-9a-f]{40}/);
  if (!token) die(`token create returned no token: ${JSON.stringify(out).slice(0, 200)}`);
  return token[0];
}

// ---- wrk ---------------------------------------------------------------------------------------------

function wrk(base, { paths, headers, saves, clients, seconds }) {
  const threads = saves ? clients : Math.min(clients, 2);
  const env = { LOAD_PATHS: paths.join(' '), LOAD_HEADERS: headers.join('|') };
  if (saves) env.LOAD_SAVES = saves.slice(0, clients).map(([id, rev]) => `${id}:${rev}`).join(',');
  const out = run('wrk', ['-t', String(threads), '-c', String(clients), '-d', `${seconds}s`, '--timeout', '10s', '-s', luaScript, base], env);
  const line = out.split('\n').find((l) => l.startsWith('WRK_RESULT '));
  if (!line) die(`wrk printed no result:\n${out}`);
  const r = JSON.parse(line.slice('WRK_RESULT '.length));
  const errors = Object.values(r.errors).reduce((a, b) => a + b, 0);
  if (errors > 0 || r.failed_saves > 0)
    die(`wrk against ${paths[0]} at ${clients} clients: ${JSON.stringify(r.errors)}, ${r.failed_saves} saves refused`);
  return { rps: r.requests / (r.duration_us / 1e6), p50: r.p50 / 1000, p95: r.p95 / 1000, p99: r.p99 / 1000, requests: r.requests };
}

// ---- one database ------------------------------------------------------------------------------------

async function measureDatabase(backend, size) {
  const label = `${backend}-${size}`;
  say(`${label}: seeding ${size} cases`);
  const databaseUrl = freshDatabase(backend, size);
  const seeded = seed(databaseUrl, size);
  say(`${label}: ${seeded.line}`);
  const server = await startServer(databaseUrl, PORTS[0], label);
  const manager = await signIn(server.base, 'manager@demo.hrdd'); // every country: the widest lists
  const assessor = await signIn(server.base, 'assessor@demo.hrdd'); // edits drafts in KE and UG
  const token = await createToken(server.base, manager);

  const list = async (query, cookie) =>
    JSON.parse(await getOk(server.base, `/api/v1/cases?${query}`, cookie)).items.map((c) => c.case_id);
  const decided = await list('state=DECIDED&per_page=200', manager);
  const drafts = await list('state=DRAFT&per_page=200', assessor);
  if (decided.length < 20 || drafts.length < 40) die(`${label}: too few seeded cases (${decided.length} decided, ${drafts.length} drafts)`);

  // Wizard pages: each draft's steps that exist (case-level ones and component C1's).
  const wizardPaths = [];
  for (const id of drafts.slice(0, 40)) {
    for (const step of ['case', 'country', 'support-C1', 'screening-C1', 'mitigation-C1']) {
      if ((await get(server.base, `/cases/${id}/edit/${step}`, assessor)).status === 200) wizardPaths.push(`/cases/${id}/edit/${step}`);
    }
  }
  const saveDrafts = drafts.slice(40, 40 + Math.max(...CLIENTS));
  const endpoints = [
    { name: 'case list page `/cases`', paths: ['/cases'], headers: [`Cookie: ${manager}`] },
    { name: 'case summary page `/cases/{id}`', paths: decided.map((id) => `/cases/${id}`), headers: [`Cookie: ${manager}`] },
    { name: 'wizard step page `/cases/{id}/edit/{step}`', paths: wizardPaths, headers: [`Cookie: ${assessor}`] },
    { name: 'save a step (server function)', paths: ['/api/cases/save-step'], headers: [`Cookie: ${assessor}`, `Origin: ${server.base}`, 'Accept: application/json'], saves: true },
    { name: 'portfolio page `/portfolio`', paths: ['/portfolio'], headers: [`Cookie: ${manager}`] },
    { name: 'read API `/api/v1/cases`', paths: ['/api/v1/cases'], headers: [`Authorization: Bearer ${token}`] },
  ];

  // Sizes of what each page sends, and a check that every path answers 200 before it is loaded.
  const pages = [];
  for (const e of endpoints.filter((e) => !e.saves)) {
    const cookie = e.headers[0].startsWith('Cookie') ? e.headers[0].slice(8) : manager;
    const body = await getOk(server.base, e.paths[0], cookie);
    // As sent: the server compresses pages and API answers for browsers that accept it.
    const gz = await sentBytes(server.base, e.paths[0], cookie, 'gzip');
    const br = await sentBytes(server.base, e.paths[0], cookie, 'br');
    if (gz.encoding !== 'gzip' || br.encoding !== 'br') die(`${e.paths[0]} is sent uncompressed (${gz.encoding}, ${br.encoding})`);
    pages.push({ name: e.name, bytes: Buffer.byteLength(body), gzip: gz.bytes, brotli: br.bytes, wasm: wasmOf(body) });
  }
  // Pages not driven by wrk, weighed for the WASM they load (issue 19: only the wizard has an island).
  for (const [name, p, cookie] of [
    ['sign-in page `/login`', '/login', ''],
    ['start page `/` (inbox)', '/', manager],
    ['review queue `/review`', '/review', assessor],
    ['methodology `/methodology`', '/methodology', manager],
    ['profile `/account`', '/account', manager],
  ]) {
    const body = await getOk(server.base, p, cookie);
    const br = await sentBytes(server.base, p, cookie, 'br');
    pages.push({ name, bytes: Buffer.byteLength(body), gzip: null, brotli: br.bytes, wasm: wasmOf(body) });
  }
  // Without WASM the first pages are complete: the list shows rows, the summary its decision.
  const listHtml = await getOk(server.base, '/cases', manager);
  const summaryHtml = await getOk(server.base, `/cases/${decided[0]}`, manager);
  const noWasm = {
    listRows: (listHtml.match(/<tr/g) ?? []).length - 1,
    summaryHasDecision: /Recommended decision|Final decision|decision/i.test(summaryHtml),
    loginForm: /<form[^>]*action="\/api\/session\/login"/.test(await (await fetch(`${server.base}/login`)).text()),
  };

  const results = [];
  for (const e of endpoints) {
    let saves = null;
    const revisions = async () => Promise.all(saveDrafts.map(async (id) => [id, await revisionOf(server.base, assessor, id)]));
    if (e.saves) saves = await revisions();
    wrk(server.base, { ...e, saves, clients: 8, seconds: 2 }); // warm-up
    for (const clients of CLIENTS) {
      if (e.saves) saves = await revisions();
      const r = wrk(server.base, { ...e, saves, clients, seconds: SECONDS });
      say(`${label}: ${e.name} @${clients}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`);
      results.push({ endpoint: e.name, clients, ...r });
    }
  }
  // The portfolio across a cache expiry (issue 19): figures are kept 30 s, so a 35 s run at 32
  // clients crosses at least one expiry. Before single flight every request after it recomputed.
  {
    const e = endpoints.find((x) => x.paths[0] === '/portfolio');
    const r = wrk(server.base, { ...e, clients: 32, seconds: 35 });
    const name = 'portfolio page across a cache expiry (35 s run)';
    say(`${label}: ${name} @32: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`);
    results.push({ endpoint: name, clients: 32, ...r });
  }
  const mem = memory(server.child.pid);
  await stopServer(server);
  return { backend, size, seeded, results, pages, noWasm, mem };
}

// ---- two servers, one PostgreSQL ----------------------------------------------------------------------

async function twoServers() {
  say('two servers against one PostgreSQL database');
  const databaseUrl = freshDatabase('postgres', 'cluster');
  seed(databaseUrl, 2000);
  const [a, b] = await Promise.all(PORTS.map((p) => startServer(databaseUrl, p, 'cluster')));
  const out = {};
  // A session made on A is valid on B (and the other way round): sessions live in the database.
  const onA = await signIn(a.base, 'assessor@demo.hrdd');
  const onB = await signIn(b.base, 'assessor@demo.hrdd');
  out.sessionAonB = (await get(b.base, '/cases', onA)).status;
  out.sessionBonA = (await get(a.base, '/cases', onB)).status;
  // Signing out on B ends the session on A too.
  const third = await signIn(a.base, 'manager@demo.hrdd');
  await fetch(`${b.base}/api/session/logout`, { method: 'POST', redirect: 'manual', headers: { cookie: third, origin: b.base } });
  out.afterLogoutOnB = (await get(a.base, '/cases', third)).status;

  // Concurrent saves on one draft through both servers: 16 writers (8 per server), each saving its own
  // marker 20 times and, when refused, taking the current revision and trying again, as the wizard's
  // conflict screen does. Every save reported as stored must be in the revision history, once.
  const drafts = JSON.parse(await getOk(a.base, '/api/v1/cases?state=DRAFT&per_page=1', onA)).items.map((c) => c.case_id);
  const id = drafts[0];
  const start = await revisionOf(a.base, onA, id);
  const writers = Array.from({ length: 16 }, (_, i) => ({ server: i % 2 ? b : a, cookie: i % 2 ? onB : onA, i }));
  const stored = [];
  let conflicts = 0;
  await Promise.all(
    writers.map(async (w) => {
      let revision = start;
      for (let n = 0; n < 20; n++) {
        const office = `writer ${w.i} save ${n}`;
        for (;;) {
          const res = await serverFn(w.server.base, 'cases/save-step', w.cookie, { id, revision, step: 'case', answers: { office } }, true);
          if (res.Saved) {
            revision = res.Saved.revision;
            stored.push({ revision, office });
            break;
          }
          conflicts++;
          revision = res.Conflict.current_revision;
        }
      }
    }),
  );
  // Kept revisions are stored zlib-compressed (store::packed): read them back as the server does.
  const history = psql(`SELECT revision || '|' || encode(packed, 'hex') FROM case_revisions WHERE case_id = ${id} AND revision > ${start} ORDER BY revision`, PG_DB)
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('|'))
    .map(([r, hex]) => [r, JSON.parse(zlib.inflateSync(Buffer.from(hex, 'hex')).toString('utf8')).case?.office]);
  const byRevision = new Map(history.map(([r, o]) => [Number(r), o]));
  const lost = stored.filter((s) => byRevision.get(s.revision) !== s.office);
  const finalRevision = await revisionOf(b.base, onB, id);
  out.saves = { writers: writers.length, stored: stored.length, conflicts, lost: lost.length, history: history.length, start, finalRevision };
  await Promise.all([a, b].map(stopServer));
  psql(`DROP DATABASE IF EXISTS ${PG_DB} WITH (FORCE)`);
  const ok =
    out.sessionAonB === 200 &&
    out.sessionBonA === 200 &&
    out.afterLogoutOnB !== 200 &&
    stored.length === writers.length * 20 &&
    lost.length === 0 &&
    history.length === stored.length &&
    finalRevision === start + stored.length;
  if (!ok) die(`two servers: ${JSON.stringify(out)}`);
  return out;
}

// ---- bundle -------------------------------------------------------------------------------------------

/** The WASM file a page loads (its preload link), with the size the server sends it at (brotli copy). */
function wasmOf(html) {
  const m = html.match(/\/pkg\/([^"']+\.wasm)/);
  if (!m) return null;
  const file = path.join(checkout, 'target', 'site', 'pkg', m[1]);
  if (!fs.existsSync(file)) return null;
  const br = fs.existsSync(file + '.br') ? fs.statSync(file + '.br').size : zlib.brotliCompressSync(fs.readFileSync(file)).length;
  return { file: m[1], brotli: br };
}

function bundle() {
  const pkg = path.join(root, 'target', 'site', 'pkg');
  return fs
    .readdirSync(pkg)
    .filter((f) => /\.(wasm|js|css)$/.test(f))
    .sort()
    .map((f) => {
      const data = fs.readFileSync(path.join(pkg, f));
      // What the server actually sends: the brotli and gzip copies `cargo leptos build --precompress`
      // wrote beside the file (compressed here only when a copy is missing).
      const copy = (ext) => (fs.existsSync(path.join(pkg, f + ext)) ? fs.statSync(path.join(pkg, f + ext)).size : null);
      return {
        file: `target/site/pkg/${f}`,
        raw: data.length,
        gzip: copy('.gz') ?? zlib.gzipSync(data, { level: 9 }).length,
        brotli: copy('.br') ?? zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
}

// ---- report -------------------------------------------------------------------------------------------

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(2)} ms`;

function report(runs, files, cluster, started) {
  const lines = [];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const wrkVersion = (spawnSync('wrk', ['-v'], { encoding: 'utf8' }).stdout || '').split('\n')[0].trim();
  lines.push(`Produced by \`make bench\` (\`node scripts/load/harness.mjs\`) on ${new Date().toISOString().slice(0, 10)}, commit ${git}, in ${((Date.now() - started) / 60000).toFixed(0)} min.`);
  lines.push(`Machine: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}; load generator ${wrkVersion || 'wrk'} on the same machine (loopback), ${SECONDS} s per run after a 2 s warm-up.`);
  lines.push('');

  const budgets = [];
  for (const run of runs) {
    lines.push(`### ${run.backend === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${run.size.toLocaleString('en')} cases`);
    lines.push('');
    lines.push(`Seeded: ${run.seeded.line} (${run.seeded.seconds.toFixed(0)} s). Server peak resident memory (VmHWM) after all runs: **${run.mem.peak.toFixed(1)} MB**.`);
    lines.push('');
    lines.push('| Endpoint | Clients | Requests/s | p50 | p95 | p99 |');
    lines.push('|---|---:|---:|---:|---:|---:|');
    for (const r of run.results) lines.push(`| ${r.endpoint} | ${r.clients} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} |`);
    lines.push('');
    lines.push('| Page | HTML/JSON raw | gzip as sent | brotli as sent | WASM it loads (brotli as sent) |');
    lines.push('|---|---:|---:|---:|---:|');
    for (const p of run.pages) lines.push(`| ${p.name} | ${kb(p.bytes)} | ${p.gzip == null ? '–' : kb(p.gzip)} | ${kb(p.brotli)} | ${p.wasm ? kb(p.wasm.brotli) : 'none'} |`);
    lines.push('');
    if (run.backend === 'sqlite' && run.size === Math.max(...SIZES)) {
      const at = (name, clients) => run.results.find((x) => x.endpoint === name && x.clients === clients);
      const size = run.size.toLocaleString('en');
      // Issue 19's budgets.
      for (const [name, rps, p99] of [
        ['case list page `/cases`', 3000, 20],
        ['case summary page `/cases/{id}`', 2500, 25],
        ['wizard step page `/cases/{id}/edit/{step}`', 1500, null],
        ['read API `/api/v1/cases`', 2000, null],
      ]) {
        const r = at(name, 32);
        budgets.push([`${name}: ≥ ${rps.toLocaleString('en')} req/s at 32 clients, SQLite ${size}`, `${r.rps.toFixed(0)} req/s`, r.rps >= rps]);
        if (p99) budgets.push([`${name}: p99 < ${p99} ms at 32 clients, SQLite ${size}`, ms(r.p99), r.p99 < p99]);
      }
      const save = run.results.find((x) => x.endpoint.startsWith('save') && x.clients === 8);
      budgets.push([`save a step: p99 < 10 ms at 8 clients, SQLite ${size}`, ms(save.p99), save.p99 < 10]);
      const portfolio = at('portfolio page `/portfolio`', 8);
      budgets.push([`portfolio page: p99 < 20 ms at 8 clients, SQLite ${size}`, ms(portfolio.p99), portfolio.p99 < 20]);
      for (const p of run.pages) {
        const limit = p.name.startsWith('wizard') ? 300 : 30;
        const loaded = p.wasm ? p.wasm.brotli : 0;
        budgets.push([`${p.name}: WASM ≤ ${limit} KB brotli`, p.wasm ? kb(loaded) : 'none', loaded <= limit * 1024]);
      }
    }
    budgets.push([`server peak memory < 80 MB (${run.backend}, ${run.size.toLocaleString('en')})`, `${run.mem.peak.toFixed(1)} MB`, run.mem.peak < 80]);
  }

  lines.push('### Bundle and page weight');
  lines.push('');
  lines.push('| File (hashed name, cached a year) | raw | gzip as sent | brotli as sent |');
  lines.push('|---|---:|---:|---:|');
  for (const f of files) lines.push(`| \`${f.file}\` | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
  const heaviest = runs.flatMap((r) => r.pages.map((p) => ({ ...p, where: `${r.backend}, ${r.size.toLocaleString('en')} cases` }))).sort((x, y) => y.bytes - x.bytes)[0];
  if (heaviest) lines.push(`| heaviest page: ${heaviest.name} (${heaviest.where}) | ${kb(heaviest.bytes)} | ${heaviest.gzip == null ? "–" : kb(heaviest.gzip)} | ${kb(heaviest.brotli)} |`);
  lines.push('');
  const nw = runs[runs.length - 1]?.noWasm;
  if (nw) {
    const usable = nw.listRows > 0 && nw.summaryHasDecision && nw.loginForm;
    budgets.push(['first page usable without WASM (server-rendered)', `login is a plain form post; \`/cases\` HTML holds ${nw.listRows} rows; the summary holds its decision`, usable]);
  }

  if (cluster) {
    lines.push('### Two servers, one PostgreSQL database');
    lines.push('');
    lines.push(`Two \`hrdd serve\` processes (ports ${PORTS.join(' and ')}), no shared memory, one database with 2,000 seeded cases.`);
    lines.push(`- A session signed in on the first server opens \`/cases\` on the second: HTTP ${cluster.sessionAonB}; the other way round: HTTP ${cluster.sessionBonA}; after signing out on the second, the first refuses it: HTTP ${cluster.afterLogoutOnB} (redirect to sign-in).`);
    const s = cluster.saves;
    lines.push(`- ${s.writers} writers (half through each server) saved step 1 of one draft 20 times each, retrying on a conflict with the current revision: ${s.stored} saves stored, ${s.conflicts} refused as conflicts and retried, ${s.lost} lost; the revision history holds ${s.history} new revisions (${s.start} → ${s.finalRevision}), each with the text its writer was told was saved.`);
    lines.push('');
  }

  lines.push('### Budgets');
  lines.push('');
  lines.push('| Budget | Measured | Met |');
  lines.push('|---|---|---|');
  for (const [what, value, met] of budgets) lines.push(`| ${what} | ${value} | ${met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

async function main() {
  const started = Date.now();
  fs.mkdirSync(work, { recursive: true });
  if (!fs.existsSync(hrdd)) die('target/release/hrdd is missing: run `cargo leptos build --release` first');
  if (spawnSync('wrk', ['-v']).error) die('wrk is not installed (Debian package `wrk`; scripts/bench.sh installs it)');
  let backends = BACKENDS;
  if (backends.includes('postgres') && spawnSync('psql', [PG_URL, '-Atc', 'SELECT 1']).status !== 0) {
    say(`PostgreSQL at ${PG_URL} does not answer: measuring SQLite only`);
    backends = backends.filter((b) => b !== 'postgres');
  }
  const runs = [];
  for (const backend of backends) for (const size of SIZES) runs.push(await measureDatabase(backend, size));
  if (comparing) {
    const commit = spawnSync('git', ['-C', checkout, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
    const out = path.join(work, `compare-${commit}.json`);
    fs.writeFileSync(out, JSON.stringify({ commit, started: new Date(started).toISOString(), runs }, null, 2));
    say(`figures of ${commit} written to ${out}`);
    return;
  }
  const cluster = backends.includes('postgres') ? await twoServers() : null;
  const text = report(runs, bundle(), cluster, started);
  console.log(text);
  const doc = path.join(root, 'docs', 'BENCHMARKS.md');
  const current = fs.readFileSync(doc, 'utf8');
  const begin = '<!-- load:begin (written by scripts/load/harness.mjs) -->';
  const end = '<!-- load:end -->';
  const i = current.indexOf(begin);
  const j = current.indexOf(end);
  if (i >= 0 && j > i) {
    fs.writeFileSync(doc, current.slice(0, i + begin.length) + '\n' + text + '\n' + current.slice(j));
    say('figures written to docs/BENCHMARKS.md');
  }
  fs.writeFileSync(path.join(work, 'report.md'), text + '\n');
}

main().catch((e) => die(e.stack ?? String(e)));
