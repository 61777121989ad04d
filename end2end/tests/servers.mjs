// Shared by the tests that run the release server as child processes (several at once, killed,
// restarted) on a PostgreSQL cluster of their own, which they also stop and start: the
// `fault` cluster of scripts/pg.sh, so the shared test cluster never goes down under others.
// Not a test file itself: node's runner only picks `*.test.mjs` (and the like) in a directory.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, readlink } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER_BIN =
  process.env.CLIENTELA_SERVER_BIN ??
  path.resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target', 'release', 'server');

export const ADMIN = { email: 'admin@demo.clientela.app', password: 'Admin@2026' };

// An empty list filter: every customer of the tenant.
export const EVERY_CUSTOMER = [
  ['filter[text]', ''], ['filter[status]', ''], ['filter[city]', ''],
  ['filter[sort]', 'Code'], ['filter[after]', ''],
];

// Calls `check` until it answers something other than undefined/null/false, and answers that;
// past the deadline, fails naming what was awaited and what `check` saw last. An error `check`
// throws counts as "not yet", unless it is marked `fatal` (see `fatal`): waiting is then over.
export async function waitUntil(what, check, { timeoutMs = 30_000, everyMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
      last = value;
    } catch (error) {
      if (error?.fatal) throw error;
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`waited ${timeoutMs / 1000} s for ${what}; last seen: ${describe(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

// An error that ends a `waitUntil` at once: what it waits for can no longer happen.
export function fatal(message) {
  return Object.assign(new Error(message), { fatal: true });
}

function describe(value) {
  if (value instanceof Error) return value.message;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// Every child process started here and still running.
const children = new Set();
// Whatever happens to the test run, no child outlives it.
process.once('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

// ---------------------------------------------------------------- PostgreSQL

// Starts the fault cluster (creating it the first time) on `port` (default: pg.sh's choice)
// and answers a URL of its `clientela` database.
export async function startCluster(port) {
  const env = { ...process.env };
  if (port) env.CLIENTELA_PG_FAULT_PORT = String(port);
  const { stdout } = await run(path.join(ROOT, 'scripts/pg.sh'), ['fault'], { env, timeout: 180_000 });
  return stdout.trim();
}

// Stops the fault cluster (fast shutdown: open sessions are ended) and waits until it is down.
export async function stopCluster() {
  await run(path.join(ROOT, 'scripts/pg.sh'), ['stop', 'fault'], { timeout: 120_000 });
}

export function portOf(url) {
  return Number(new URL(url).port);
}

export function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

// Runs SQL through psql and answers its unaligned, tuples-only output, trimmed.
export async function psql(url, sql, timeoutMs = 120_000) {
  const { stdout } = await run('psql', ['-X', '-A', '-t', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], {
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

export async function recreateDatabase(clusterUrl, name) {
  const admin = withDatabase(clusterUrl, 'postgres');
  await psql(admin, `drop database if exists ${name} with (force)`);
  await psql(admin, `create database ${name}`);
  return withDatabase(clusterUrl, name);
}

// Client sessions of this database other than the asking one (autovacuum workers aside).
export async function otherSessions(url) {
  return Number(await psql(url, `select count(*) from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`));
}

// Opens a transaction in a psql session of its own, runs `sql` in it (e.g. a `select … for
// update`) and keeps it open, holding its locks, until `release()` commits it.
export async function holdTransaction(url, sql, timeoutMs = 30_000) {
  const child = spawn('psql', ['-X', '-A', '-t', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stdin.write(`begin;\n${sql};\nselect 'held';\n`);
  try {
    await waitUntil('psql to hold its transaction', () => {
      if (child.exitCode !== null) throw fatal(`psql ended: ${output}`);
      return output.includes('held');
    }, { timeoutMs, everyMs: 20 });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    children.delete(child);
    throw error;
  }
  return {
    async release() {
      if (child.exitCode === null) child.stdin.end('commit;\n');
      await exited;
      children.delete(child);
    },
  };
}

// ---------------------------------------------------------------- server processes

function portFree(port) {
  return new Promise((resolve) => {
    const probe = http.get({ host: '127.0.0.1', port, path: '/health', agent: false, timeout: 2_000 });
    probe.on('response', (response) => { response.resume(); resolve(false); });
    probe.on('timeout', () => { probe.destroy(); resolve(false); });
    probe.on('error', (error) => resolve(error.code === 'ECONNREFUSED'));
  });
}

// The environment cargo-leptos gives the server it starts, on our own port and database.
function serverEnv(port, databaseUrl, extra) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(LEPTOS_|CLIENTELA_|DATABASE_URL$)/.test(key)),
  );
  return {
    ...env,
    DATABASE_URL: databaseUrl,
    LEPTOS_OUTPUT_NAME: 'clientela',
    LEPTOS_SITE_ROOT: process.env.LEPTOS_SITE_ROOT ?? 'target/site-e2e',
    LEPTOS_SITE_PKG_DIR: 'pkg',
    LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
    LEPTOS_ENV: 'PROD',
    // No LEPTOS_HASH_FILES: the server finds hash.txt beside itself (server/src/hash_file.rs).
    RUST_LOG: 'warn',
    ...extra,
  };
}

function requireBinary() {
  if (!existsSync(SERVER_BIN)) {
    throw new Error(`${SERVER_BIN} is missing: build it first (cargo leptos build --release)`);
  }
}

// `server <args>` as a command-line tool (e.g. `seed --customers 50000`) on `databaseUrl`.
export async function serverTool(databaseUrl, args, timeoutMs = 300_000) {
  requireBinary();
  const { stdout } = await run(SERVER_BIN, args, {
    cwd: ROOT, env: serverEnv(0, databaseUrl, {}), timeout: timeoutMs,
  });
  return stdout.trim();
}

// Starts the release server on 127.0.0.1:`port` and waits until /health answers `ok`.
export async function startServer({ name, port, databaseUrl, env = {}, timeoutMs = 90_000 }) {
  requireBinary();
  if (!(await portFree(port))) throw new Error(`port ${port} is taken: ${name} cannot start there`);
  const child = spawn(SERVER_BIN, [], {
    cwd: ROOT, env: serverEnv(port, databaseUrl, env), stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const server = new Server(name, port, child);
  try {
    await waitUntil(`${name} to answer /health on port ${port}`, async () => {
      if (!server.running()) throw fatal(`${name} exited (${child.exitCode ?? child.signalCode})`);
      const { status, body } = await server.health();
      return status === 200 && body === 'ok';
    }, { timeoutMs, everyMs: 100 });
  } catch (error) {
    await server.stop();
    throw new Error(`${error.message}\n--- ${name} output ---\n${server.output()}`);
  }
  return server;
}

export class Server {
  constructor(name, port, child) {
    this.name = name;
    this.port = port;
    this.origin = `http://127.0.0.1:${port}`;
    this.child = child;
    this.pid = child.pid;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
    this.exited.then(() => children.delete(child));
    // The last part of what it printed, to explain a failure.
    this.log = '';
    const keep = (chunk) => { this.log = (this.log + chunk).slice(-20_000); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
  }

  output() {
    return this.log;
  }

  running() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  // Whether this very process (its pid) holds the listening socket of its port (Linux /proc).
  async listens() {
    const hexPort = this.port.toString(16).toUpperCase().padStart(4, '0');
    const table = await readFile('/proc/net/tcp', 'utf8');
    const inodes = table.split('\n').slice(1).map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A')
      .map((cols) => `socket:[${cols[9]}]`);
    const fds = await readdir(`/proc/${this.pid}/fd`).catch(() => []);
    for (const fd of fds) {
      const target = await readlink(`/proc/${this.pid}/fd/${fd}`).catch(() => '');
      if (inodes.includes(target)) return true;
    }
    return false;
  }

  // Asks it to shut down (SIGINT, as Ctrl-C), then kills it if it has not within 10 s.
  async stop() {
    if (!this.running()) return;
    this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  // Kills it outright: no shutdown of any kind, as a crash or the OOM killer would.
  async kill() {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  health() {
    return request(this.port, 'GET', '/health', {}, undefined, 10_000);
  }

  // POST /api/<endpoint>, form-encoded, as the browser's server-function calls. `fields` are
  // [name, value] pairs; names such as `filter[text]` go as they are (the server's form
  // decoder wants literal brackets), values percent-encoded. Answers { status, body, headers },
  // the body parsed as JSON when it is JSON.
  async call(cookie, endpoint, fields = [], timeoutMs = 120_000) {
    const form = fields.map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`).join('&');
    const headers = {
      Origin: this.origin,
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
    };
    if (cookie) headers.Cookie = cookie;
    const answer = await request(this.port, 'POST', `/api/${endpoint}`, headers, form, timeoutMs);
    try {
      answer.body = JSON.parse(answer.body);
    } catch {
      // not JSON: kept as text
    }
    return answer;
  }

  // Like `call`, failing unless the answer is 200; answers the body.
  async ok(cookie, endpoint, fields = [], timeoutMs) {
    const { status, body } = await this.call(cookie, endpoint, fields, timeoutMs);
    if (status !== 200) {
      throw new Error(`${this.name} ${endpoint}: ${status} ${describe(body)}`);
    }
    return body;
  }

  // Signs in and answers the session cookie (`name=value`) to send back.
  async signIn({ email, password } = ADMIN) {
    const { status, body, headers } = await this.call(undefined, 'sign_in', [['email', email], ['password', password]]);
    if (status !== 200) throw new Error(`${this.name} sign_in: ${status} ${describe(body)}`);
    const cookie = (headers['set-cookie'] ?? [])
      .map((line) => line.split(';')[0].trim())
      .find((pair) => /^(__Host-)?clientela_session=./.test(pair));
    if (!cookie) throw new Error(`${this.name} sign_in set no session cookie`);
    return cookie;
  }

  // This user's running batch under `token`: its step, or null.
  progress(cookie, token) {
    return this.ok(cookie, 'bulk_progress', [['token', token]], 10_000);
  }
}

// One HTTP request on a connection of its own (no keep-alive pool to hold sockets of a server
// that was killed). Never hangs: past `timeoutMs` it fails.
function request(port, method, urlPath, headers, body, timeoutMs) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, headers, agent: false, timeout: timeoutMs },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => { text += chunk; });
        response.on('end', () => resolve({ status: response.statusCode, body: text, headers: response.headers }));
        response.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${urlPath} on port ${port}: no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

// Stops every server given that still runs (for `finally` blocks and `after` hooks).
export async function stopAll(servers) {
  await Promise.all(servers.filter(Boolean).map((server) => server.stop()));
}
