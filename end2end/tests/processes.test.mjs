// The release server as one of several processes, killed, and under a restarted database
// (issue 9, items 14 and 15). Each test starts its own server processes on ports of its own
// against one database of the `fault` cluster (scripts/pg.sh), which these tests stop and
// start; the server cargo-leptos runs for the other end-to-end tests is not involved.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  EVERY_CUSTOMER, fatal, holdTransaction, otherSessions, portOf, psql, recreateDatabase,
  serverTool, startCluster, startServer, stopAll, stopCluster, waitUntil, withDatabase,
} from './servers.mjs';

const DATABASE = 'clientela_processes';
// 50,000 generated customers besides the demo tenant's 2,000: a batch over all of them runs
// long enough (seconds) to be killed in the middle.
const GENERATED = 50_000;

let clusterUrl;
let db;
let tenantId;

// A batch "salesperson = X" over the customers `filter` matches, X the salesperson that would
// change the most of them (at least `atLeast`). Answers the form fields of the change, its
// preview and X's entry id.
async function salespersonBatch(server, cookie, filter, atLeast) {
  const fields = await server.ok(cookie, 'bulk_fields');
  const salesperson = fields.find((field) => field.code === 'salesperson');
  assert.ok(salesperson, `bulk_fields offers no salesperson: ${JSON.stringify(fields.map((f) => f.code))}`);
  let best;
  for (const [value] of salesperson.choices.filter(([value]) => value !== '')) {
    const changes = [
      ['changes[0][field]', 'salesperson'],
      ['changes[0][value]', value],
      ['changes[0][notes]', 'Carteira redistribuída (teste de processos)'],
    ];
    const preview = await server.ok(cookie, 'preview_bulk', [...filter, ...changes]);
    if (!best || preview.changing[0][1] > best.preview.changing[0][1]) best = { changes, preview, value };
  }
  assert.ok(best?.preview.changing[0][1] >= atLeast,
    `a salesperson batch changes at least ${atLeast} customers: ${JSON.stringify(best?.preview)}`);
  return best;
}

function seconds(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

function applyFields(filter, batch, progressToken) {
  return [
    ...filter, ...batch.changes,
    ['preview_token', batch.preview.preview_token],
    ['skip_changed_since', 'false'],
    ['progress_token', progressToken],
  ];
}

// What a batch would change, and the records of batches: equal before and after means the
// batch left no trace.
async function traces(salespersonId) {
  const t = tenantId;
  return JSON.parse(await psql(db, `select json_build_object(
    'customers', (select md5(string_agg(c::text, ',' order by c.id)) from customers c where c.tenant_id = ${t}),
    'profiles', (select md5(string_agg(p::text, ',' order by p.company_id, p.customer_id))
                 from customer_profiles p where p.tenant_id = ${t}),
    'customers with the batch salesperson',
      (select count(*) from customer_profiles where tenant_id = ${t} and salesperson_id = ${salespersonId}),
    'bulk_batches', (select count(*) from bulk_batches where tenant_id = ${t}),
    'bulk_batch_items', (select count(*) from bulk_batch_items where tenant_id = ${t}),
    'customer_changes', (select count(*) from customer_changes where tenant_id = ${t}),
    'salesperson_changes', (select count(*) from salesperson_changes where tenant_id = ${t}))`));
}

describe('server processes', { concurrency: 1 }, () => {
  before(async () => {
    clusterUrl = await startCluster();
    db = await recreateDatabase(clusterUrl, DATABASE);
    const started = Date.now();
    await serverTool(db, ['seed', '--customers', String(GENERATED)]);
    // Planner statistics, as autovacuum would gather within a minute on a live database:
    // without them the preview over every customer is planned as a nested loop (> 30 s).
    await psql(db, 'analyze');
    console.log(`seeded ${GENERATED} customers in ${seconds(started)} s`);
    tenantId = Number(await psql(db, "select id from tenants where name = 'Grupo Demonstração'"));
  }, { timeout: 600_000 });

  after(async () => {
    if (clusterUrl) {
      await psql(withDatabase(clusterUrl, 'postgres'), `drop database if exists ${DATABASE} with (force)`).catch(() => {});
      await stopCluster();
    }
  });

  test('item 14: a batch started through one server process shows its step through another on the same database, and nothing once it ended', { timeout: 120_000 }, async () => {
    const servers = [];
    try {
      // Lock waits long enough for the batch to wait on "someone" for the whole test.
      const env = { CLIENTELA_LOCK_TIMEOUT_MS: '60000' };
      const a = await startServer({ name: 'server A', port: 3301, databaseUrl: db, env });
      servers.push(a);
      const b = await startServer({ name: 'server B', port: 3302, databaseUrl: db, env });
      servers.push(b);
      // Sessions live in PostgreSQL: the cookie A gave works on B.
      const cookie = await a.signIn();
      const ids = (await psql(db, `select id from customers where tenant_id = ${tenantId} order by code limit 5`)).split('\n');
      const filter = [...EVERY_CUSTOMER, ...ids.map((id, i) => [`filter[selected][${i}]`, id])];
      const batch = await salespersonBatch(a, cookie, filter, 1);
      const token = `processos-${Date.now()}`;

      // Someone is saving the first customer: the batch waits for them, running.
      const someone = await holdTransaction(db,
        `select 1 from customers where tenant_id = ${tenantId} and id = ${ids[0]} for update`);
      let applying;
      try {
        applying = a.call(cookie, 'apply_bulk', applyFields(filter, batch, token));
        applying.catch(() => {}); // awaited below; a failure here must not go unhandled meanwhile
        let lastOnB;
        const onB = await waitUntil('server B to show the step of the batch server A runs', async () => {
          lastOnB = await b.progress(cookie, token);
          return lastOnB?.step >= 1 ? lastOnB : undefined;
        }, { timeoutMs: 20_000 }).catch(async () => {
          const onA = await a.progress(cookie, token).catch((e) => e.message);
          throw new Error(`in 20 s server B never showed the batch server A runs: B shows `
            + `${JSON.stringify(lastOnB)} while A shows ${JSON.stringify(onA)}`);
        });
        const onA = await a.progress(cookie, token);
        const shown = (p) => ({ step: p?.step, steps: p?.steps, label: p?.label });
        assert.deepEqual(shown(onB), shown(onA), 'both processes show the same step of the waiting batch');
        assert.equal(onB.steps, 4, 'check, one field, versions, commit');
      } finally {
        await someone.release();
      }
      const applied = await applying;
      assert.equal(applied.status, 200, JSON.stringify(applied.body));
      assert.ok(applied.body[1] >= 1, `the batch changed customers: ${JSON.stringify(applied.body)}`);
      assert.equal(await b.progress(cookie, token), null, 'server B shows nothing once the batch ended');
      assert.equal(await a.progress(cookie, token), null, 'server A shows nothing once the batch ended');
    } finally {
      await stopAll(servers);
    }
  });

  test('item 15a: a server killed (SIGKILL) while applying a batch to 50,000 customers leaves every customer as it was, no batch recorded and none shown as running after a restart', { timeout: 300_000 }, async () => {
    const servers = [];
    try {
      const port = 3303;
      const a = await startServer({ name: 'server A', port, databaseUrl: db });
      servers.push(a);
      const cookie = await a.signIn();
      const batch = await salespersonBatch(a, cookie, EVERY_CUSTOMER, GENERATED / 2);
      assert.ok(batch.preview.matching >= GENERATED, JSON.stringify(batch.preview));
      const before = await traces(batch.value);
      const token = `queda-${Date.now()}`;

      let finished = false;
      const applying = a.call(cookie, 'apply_bulk', applyFields(EVERY_CUSTOMER, batch, token)).then(
        (answer) => { finished = true; return answer; },
        (error) => error, // the connection dies with the server
      );
      // Killed once it is writing customers (its first field's step), not before.
      const writing = await waitUntil('the batch to be writing customers', async () => {
        if (finished) throw fatal(`the batch ended before it could be killed: ${JSON.stringify((await applying).body)}`);
        const step = await a.progress(cookie, token);
        return step?.step >= 2 ? step : undefined;
      }, { timeoutMs: 60_000, everyMs: 50 });
      await a.kill();
      const killed = Date.now();
      console.log(`killed server A at step ${writing.step} of ${writing.steps} (${writing.label})`);
      assert.ok(!finished, 'the batch was still running when the server was killed');

      // PostgreSQL ends the killed server's sessions (and rolls the batch back) once it notices
      // the client is gone; the running statement may take a moment to notice.
      await waitUntil('PostgreSQL to end the killed server\'s sessions', async () => (await otherSessions(db)) === 0,
        { timeoutMs: 120_000, everyMs: 200 });
      console.log(`PostgreSQL ended the killed server's sessions in ${seconds(killed)} s`);

      const restarted = await startServer({ name: 'server A, restarted', port, databaseUrl: db });
      servers.push(restarted);
      assert.deepEqual(await traces(batch.value), before, 'no customer changed and no batch recorded');
      // The session outlived the process: it is in PostgreSQL.
      assert.equal(await restarted.progress(cookie, token), null, 'the killed batch is not shown as running');
    } finally {
      await stopAll(servers);
    }
  });

  test('item 15b: PostgreSQL restarted under a running server: /health answers 503 while it is down and ok after, and the next request succeeds on the same process', { timeout: 180_000 }, async () => {
    const servers = [];
    const clusterPort = portOf(clusterUrl);
    let clusterDown = false;
    try {
      const server = await startServer({ name: 'server C', port: 3304, databaseUrl: db });
      servers.push(server);
      assert.deepEqual(await server.health().then(({ status, body }) => ({ status, body })), { status: 200, body: 'ok' });

      clusterDown = true;
      await stopCluster();
      const down = await waitUntil('/health to answer 503 with PostgreSQL down', async () => {
        const health = await server.health();
        return health.status === 503 ? health : undefined;
      }, { timeoutMs: 30_000 });
      assert.match(down.body, /database/);

      const url = await startCluster(clusterPort);
      clusterDown = false;
      assert.equal(portOf(url), clusterPort, 'PostgreSQL came back on the port the server uses');
      await waitUntil('/health to answer ok with PostgreSQL back', async () => {
        const health = await server.health();
        return health.status === 200 && health.body === 'ok';
      }, { timeoutMs: 60_000 });

      const cookie = await server.signIn();
      const page = await server.ok(cookie, 'list_customers', EVERY_CUSTOMER);
      assert.ok(page.rows.length > 0, 'the list shows customers');
      assert.ok(server.running(), 'the server process never stopped');
      assert.ok(await server.listens(), `the process answering is the one started (pid ${server.pid})`);
    } finally {
      await stopAll(servers);
      // The next test (or the after hook) needs the cluster, whatever happened here.
      if (clusterDown) await startCluster(clusterPort);
    }
  });
});
