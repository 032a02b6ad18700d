// Crash test (run by `make test` after the release build): the release server is killed with
// SIGKILL while assessors save steps and a reviewer signs off, then restarted. Every write the server
// acknowledged (HTTP 200) must still be there, a write in flight must be either wholly there or wholly
// absent, and `hrdd audit verify` must pass — on SQLite and, when it answers, PostgreSQL.
// Then the e-mail outbox: with the mail server down, sign-offs commit their messages (and the start's
// reminders theirs); the server is killed after the commit and before any delivery, the mail server
// (aiosmtpd, scripts/smtp_sink.py) comes up, the server restarts: every message arrives exactly once.
//
//   node scripts/crash-test.mjs            (expects target/release/hrdd)
//
// Environment: HRDD_TEST_POSTGRES_URL (PostgreSQL part; skipped when unset), HRDD_CRASH_ROUNDS (3).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn as login } from './http.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hrdd = path.join(root, 'target', 'release', 'hrdd');
const work = path.join(root, 'target', 'crash');
const PASSWORD = 'demo-password-2026';
const ROUNDS = Number(process.env.HRDD_CRASH_ROUNDS ?? 3);
const PG_URL = process.env.HRDD_TEST_POSTGRES_URL;
const PORT = 3170;

const say = (...a) => console.error('crash:', ...a);
let running = null; // the server of the moment, stopped on any failure
const die = (msg) => {
  console.error(`crash: FAILED: ${msg}`);
  running?.kill('SIGKILL');
  process.exit(1);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: r.status, out: (r.stdout ?? '') + (r.stderr ?? '') };
}

function psql(sql) {
  const r = run('psql', [PG_URL, '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql]);
  if (r.code !== 0) die(`psql: ${r.out}`);
}

async function start(env, label) {
  const log = fs.openSync(path.join(work, `server-${label}.log`), 'a');
  const child = spawn(hrdd, ['serve'], {
    cwd: root,
    env: { ...process.env, ...env, LEPTOS_SITE_ADDR: `127.0.0.1:${PORT}`, HRDD_INSECURE_COOKIES: '1', RUST_LOG: 'warn' },
    stdio: ['ignore', log, log],
  });
  running = child;
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) die(`the server exited on start (target/crash/server-${label}.log)`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, base };
    } catch {}
    await sleep(100);
  }
  die('the server did not answer /healthz');
}

async function kill9(server) {
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGKILL');
  await exited;
}

async function signIn(base, email) {
  try {
    return await login(base, email, PASSWORD);
  } catch (e) {
    die(e.message);
  }
}

/// A server function call; `null` when the connection broke (the server was killed).
async function call(base, endpoint, cookie, body, json = false) {
  try {
    const r = await fetch(`${base}/api/${endpoint}`, {
      method: 'POST',
      headers: { cookie, origin: base, accept: 'application/json', 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
      body: json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
    });
    return { status: r.status, body: await r.text() };
  } catch {
    return null;
  }
}

async function must(base, endpoint, cookie, body, json = false) {
  const r = await call(base, endpoint, cookie, body, json);
  if (!r || r.status !== 200) die(`${endpoint}: ${r ? `${r.status} ${r.body.slice(0, 300)}` : 'no answer'}`);
  return JSON.parse(r.body);
}

async function draftsOf(base, cookie) {
  const page = await must(base, 'cases/list', cookie, { 'filter[state]': 'DRAFT', 'filter[country]': 'KE' });
  return page.items.map((i) => i.id);
}

/// The form a reviewer posts to sign off: for each component the assessor's proposal when it is
/// allowed, else the first allowed decision (the form preselects nothing; the reviewer chooses).
function signOffForm(id, summary) {
  const form = { id: String(id), revision: String(summary.actions.revision), comment: 'Signed during the crash test.' };
  summary.actions.decision_choices.forEach((c, i) => {
    const decision = c.proposed ?? c.allowed[0];
    form[`decisions[${i}][component_id]`] = c.component_id;
    form[`decisions[${i}][final_decision]`] = decision;
    form[`decisions[${i}][conditions]`] = decision === 'PROCEED_WITH_CONDITIONS' ? 'Quarterly reports.' : '';
  });
  return form;
}

async function round(env, label, n) {
  let server = await start(env, label);
  const { base } = server;
  const assessor = await signIn(base, 'assessor@demo.hrdd');
  const reviewer = await signIn(base, 'reviewer3@demo.hrdd');
  const drafts = (await draftsOf(base, assessor)).slice(0, 4);
  if (drafts.length === 0) die('no KE drafts to edit');
  const queue = await must(base, 'review/queue', reviewer, {});
  const toSign = queue.decidable.map((c) => c.id);
  // Each writer edits its own draft and records what the server acknowledged.
  const acked = new Map(); // case id -> { revision, office }
  const inflight = new Map(); // case id -> office sent but not (yet) acknowledged
  const signed = [];
  let stop = false;
  // The kill comes right after a few sign-offs were acknowledged, while the next one is in flight.
  const killAfter = 2 + Math.floor(Math.random() * 3);
  let readyToKill;
  const killTime = new Promise((r) => (readyToKill = r));
  const writer = async (id) => {
    let revision = (await must(base, 'cases/editor', assessor, { id: String(id) })).revision;
    for (let i = 0; !stop; i++) {
      const office = `crash ${label} round ${n} case ${id} save ${i}`;
      inflight.set(id, office);
      const r = await call(base, 'cases/save-step', assessor, { id, revision, step: 'case', answers: { office } }, true);
      if (!r) return; // killed mid-request: stays in flight
      if (r.status !== 200) die(`save ${id}: ${r.status} ${r.body.slice(0, 200)}`);
      const saved = JSON.parse(r.body).Saved;
      if (!saved) die(`save ${id} conflicted although only this writer edits it: ${r.body.slice(0, 200)}`);
      revision = saved.revision;
      acked.set(id, { revision, office });
      inflight.delete(id);
    }
  };
  const signer = async () => {
    for (const id of toSign) {
      if (stop) return;
      const summary = await call(base, 'review/summary', reviewer, { id: String(id) });
      if (!summary || summary.status !== 200) return;
      const r = await call(base, 'review/sign-off', reviewer, signOffForm(id, JSON.parse(summary.body)));
      if (!r) return;
      if (r.status === 200) signed.push(id);
      else if (r.status !== 403 && r.status !== 409) die(`sign-off ${id}: ${r.status} ${r.body.slice(0, 200)}`);
      if (signed.length >= killAfter) readyToKill();
    }
  };
  const work = [...drafts.map(writer), signer()];
  await Promise.race([killTime, sleep(5000)]);
  await sleep(Math.floor(Math.random() * 15));
  await kill9(server);
  stop = true;
  await Promise.all(work);
  // Restart on the same data and check every acknowledged write.
  server = await start(env, label);
  const again = await signIn(server.base, 'assessor@demo.hrdd');
  let checked = 0;
  for (const id of drafts) {
    const ack = acked.get(id);
    const editor = await must(server.base, 'cases/editor', again, { id: String(id) });
    const office = editor.draft.case.office;
    if (!ack) continue;
    checked++;
    if (editor.revision < ack.revision) die(`case ${id}: acknowledged revision ${ack.revision} lost (now ${editor.revision})`);
    if (editor.revision === ack.revision && office !== ack.office) die(`case ${id}: acknowledged "${ack.office}" but found "${office}"`);
    if (editor.revision === ack.revision + 1 && office !== inflight.get(id)) {
      die(`case ${id}: revision ${editor.revision} holds "${office}", which was never sent`);
    }
    if (editor.revision > ack.revision + 1) die(`case ${id}: revision ${editor.revision} after acknowledged ${ack.revision}: a save appeared from nowhere`);
  }
  const reviewerAgain = await signIn(server.base, 'reviewer3@demo.hrdd');
  for (const id of signed) {
    const s = await must(server.base, 'review/summary', reviewerAgain, { id: String(id) });
    if (s.overview.item.state !== 'DECIDED' || !s.sign_off) die(`case ${id}: acknowledged sign-off lost (${s.overview.item.state})`);
    if (s.integrity_problems.length) die(`case ${id}: ${s.integrity_problems.join('; ')}`);
  }
  await kill9(server);
  say(`${label} round ${n}: killed during ${drafts.length} writers and a sign-off; ${checked} cases with acknowledged saves and ${signed.length} acknowledged sign-offs all present`);
}

/// A free port on this machine (nothing listens on it once this returns).
async function freePort() {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/// The tests' SMTP server on `port`, writing each message as JSON into `dir`.
async function startSink(port, dir) {
  const python = path.join(root, '.tools', 'aiosmtpd', 'bin', 'python');
  if (!fs.existsSync(python)) die(`${python} is missing: run scripts/bootstrap.sh`);
  const sink = spawn(python, [path.join(root, 'scripts', 'smtp_sink.py'), String(port), dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise((resolve) => sink.stdout.once('data', resolve));
  return sink;
}

function delivered(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}

async function mailRound(env, label) {
  const dir = path.join(work, `mail-${label}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort(); // the mail server is down: nothing listens here yet
  const mailEnv = { ...env, HRDD_SMTP_URL: `smtp://127.0.0.1:${port}`, HRDD_MAIL_FROM: 'HRDD <hrdd@crash.test>', HRDD_MAIL_LEASE_SECONDS: '30' };
  let server = await start(mailEnv, label);
  const reviewer = await signIn(server.base, 'reviewer3@demo.hrdd');
  const queue = await must(server.base, 'review/queue', reviewer, {});
  let signed = 0;
  for (const c of queue.decidable.slice(0, 3)) {
    const summary = await must(server.base, 'review/summary', reviewer, { id: String(c.id) });
    const r = await call(server.base, 'review/sign-off', reviewer, signOffForm(c.id, summary));
    if (r?.status === 200) signed++;
  }
  if (signed === 0) die('mail round: nothing could be signed off');
  await kill9(server);
  const sink = await startSink(port, dir);
  server = await start(mailEnv, label);
  const admin = await signIn(server.base, 'admin@demo.hrdd');
  let outbox;
  for (let i = 0; i < 120; i++) {
    outbox = await must(server.base, 'admin/outbox', admin, {});
    if (outbox.pending === 0) break;
    await sleep(1000);
  }
  await sleep(2000); // anything sent twice would arrive now
  const mails = delivered(dir);
  const ids = mails.map((m) => m.message_id);
  const unique = new Set(ids);
  await kill9(server);
  sink.stdin.end();
  if (outbox.pending !== 0 || outbox.failed !== 0) die(`mail round: ${outbox.pending} messages still wait and ${outbox.failed} failed after the restart`);
  if (ids.length !== unique.size) die(`mail round: ${ids.length - unique.size} messages delivered twice`);
  if (unique.size !== outbox.sent || outbox.sent === 0) die(`mail round: the outbox says ${outbox.sent} sent, the mail server received ${unique.size}`);
  say(`${label} mail: ${signed} sign-offs with the mail server down, killed, restarted: ${unique.size} messages delivered, each once`);
}

async function backend(label, databaseUrl) {
  const env = { DATABASE_URL: databaseUrl, HRDD_AUDIT_DIR: path.join(work, `audit-${label}`) };
  fs.rmSync(env.HRDD_AUDIT_DIR, { recursive: true, force: true });
  const seeded = run(hrdd, ['seed', '--cases', '400', '--seed', '11'], { ...env, RUST_LOG: 'warn' });
  if (seeded.code !== 0) die(`seed: ${seeded.out}`);
  for (let n = 1; n <= ROUNDS; n++) await round(env, label, n);
  await mailRound(env, label);
  const verify = run(hrdd, ['audit', 'verify'], { ...env, RUST_LOG: 'warn' });
  if (verify.code !== 0) die(`hrdd audit verify after the crashes:\n${verify.out}`);
  say(`${label}: ${verify.out.trim().split('\n').pop()}`);
}

async function main() {
  if (!fs.existsSync(hrdd)) die(`${hrdd} is missing: run cargo leptos build --release first`);
  try {
    await fetch(`http://127.0.0.1:${PORT}/healthz`);
    die(`port ${PORT} is already in use (an earlier run's server?)`);
  } catch {}
  fs.mkdirSync(work, { recursive: true });
  const file = path.join(work, 'crash.sqlite');
  for (const s of ['', '-wal', '-shm', '.lock']) fs.rmSync(file + s, { force: true });
  await backend('sqlite', `sqlite://${file}`);
  if (PG_URL) {
    psql('DROP DATABASE IF EXISTS hrdd_crash WITH (FORCE)');
    psql('CREATE DATABASE hrdd_crash');
    const u = new URL(PG_URL);
    u.pathname = '/hrdd_crash';
    await backend('postgres', u.toString());
    psql('DROP DATABASE IF EXISTS hrdd_crash WITH (FORCE)');
  } else {
    say('HRDD_TEST_POSTGRES_URL not set: PostgreSQL part not run');
  }
}

main().catch((e) => die(e.stack ?? String(e)));
