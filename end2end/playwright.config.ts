import { defineConfig } from '@playwright/test';
import * as path from 'path';
import * as fs from 'fs';

// Browser tests run against the release server (target/release/hrdd), started here on its own port
// with a fresh SQLite database, in Debian's Chromium (Playwright's browser download cannot work here).
const root = path.resolve(__dirname, '..');
const port = process.env.HRDD_E2E_PORT ?? '3100';
// The config is evaluated in every Playwright process, so the database is reset by the server command
// (run once), never here.
const dbDir = path.join(root, 'target', 'e2e');
fs.mkdirSync(dbDir, { recursive: true });
const dbFile = path.join(dbDir, 'hrdd-e2e.sqlite');
// The audit signing key and anchor of this database (fresh with it).
const auditDir = path.join(dbDir, 'audit');
// E-mail goes to aiosmtpd (scripts/smtp_sink.py), which writes each message as JSON here.
const smtpPort = process.env.HRDD_E2E_SMTP_PORT ?? '2526';
export const mailDir = path.join(dbDir, 'mail');

export default defineConfig({
  testDir: './tests',
  outputDir: path.join(root, 'target', 'e2e', 'results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    viewport: { width: 1280, height: 900 },
  },
  webServer: [{
    command: `rm -rf ${mailDir} && exec .tools/aiosmtpd/bin/python scripts/smtp_sink.py ${smtpPort} ${mailDir} --until-killed`,
    cwd: root,
    port: Number(smtpPort),
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  }, {
    command: `rm -rf ${dbFile} ${dbFile}-wal ${dbFile}-shm ${auditDir} && exec ./target/release/hrdd serve --demo`,
    cwd: root,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      DATABASE_URL: `sqlite://${dbFile}`,
      HRDD_AUDIT_DIR: auditDir,
      HRDD_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      HRDD_MAIL_FROM: 'HRDD <hrdd@e2e.test>',
      RUST_LOG: 'warn',
    },
  }],
});
