/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The package in n8n's queue mode: Redis, PostgreSQL, one n8n main (EXECUTIONS_MODE=queue) and two
 * `n8n worker` processes, all on 127.0.0.1, all started here and stopped at the end (issue 15).
 *
 *   npm run test:queue       (builds, installs/reuses n8n in ~/.cache, then runs this file)
 *
 * The scenarios run in this order (the trigger ones share one stream of cancellations):
 *   1. trigger on the main, executions on both workers, each cancellation in exactly one execution
 *   4. the main restarts while the trigger is active: nothing lost, nothing emitted twice
 *   2. 5,000 purchase-apply cancels on a worker, against the same run in regular mode
 *   3. the worker running (2) is killed by PID: what n8n/Bull does, and no write applied twice
 *   5. two workers get rate-limit replies at once: both back off, neither retries fast
 *
 * Figures go to the console and to test/queue/results.json. WDT_QUEUE_KEEP=1 keeps the temp folder
 * (logs of every process, the Postgres cluster); WDT_QUEUE_STREAM_SECONDS sets the stream length.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { parse as parseFlatted } from 'flatted';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
	credentialData,
	PURCHASE_APPLY_STATUS,
	startSimulator,
	type RecordedRequest,
	type WdtSimulator,
} from '../simulator';
import * as e2e from '../e2e/n8n.mjs';
import type { N8nInstance, N8nRest } from '../e2e/n8n.mjs';
import { workflow, type NodeSpec } from '../e2e/workflows';
import {
	ensureSystemPackages,
	guardProcesses,
	note,
	startMain,
	startPostgres,
	startRedis,
	startWorker,
	stopAll,
	type N8nProcess,
	type Postgres,
	type Redis,
} from './stack';

const REPO = resolve(__dirname, '../..');
/** WDT_QUEUE_N8N picks another n8n the e2e installer knows (e.g. 2.39.10 once it can install it). */
const N8N_VERSION = process.env.WDT_QUEUE_N8N ?? e2e.N8N_VERSION;
const KNOWN_VERSIONS: readonly string[] = (e2e as { N8N_VERSIONS?: readonly string[] })
	.N8N_VERSIONS ?? [e2e.N8N_VERSION];
if (!KNOWN_VERSIONS.includes(N8N_VERSION))
	throw new Error(
		`WDT_QUEUE_N8N=${N8N_VERSION}: the e2e installer knows only ${KNOWN_VERSIONS.join(', ')}`,
	);
const RESULTS_FILE = join(REPO, 'test', 'queue', 'results.json');
const PKG = 'n8n-nodes-wdt';
/** 2.x refuses a poll interval under a minute ("The polling interval is too short"); 1.x takes 3 s. */
const N8N_MAJOR = Number(N8N_VERSION.split('.')[0]);
const POLL_SECONDS = N8N_MAJOR >= 2 ? 60 : 3;
const POLL_CRON = POLL_SECONDS === 60 ? '0 * * * * *' : '0-59/3 * * * * *';
// Long enough for executions to spread over both workers: at one poll a minute, six minutes.
const STREAM_SECONDS = Number(
	process.env.WDT_QUEUE_STREAM_SECONDS ?? (POLL_SECONDS === 60 ? 360 : 120),
);
/** A cancellation shows up after the trigger's one-minute safety lag, at the next poll. */
const DRAIN_MS = (60 + POLL_SECONDS) * 1000 + 90_000;
const STREAM_EVERY_MS = 2_000;
const BULK = 5_000;
const WORKER_CONCURRENCY = 1;
const CANCEL_METHOD = 'purchase.PurchaseApply.cancelForApi';
const SEARCH_METHOD = 'wms.stockout.Sales.searchCancel';
const WDT_REFUSED_CANCEL = '采购申请单状态不是编辑中或待确认';

const CREDENTIAL = { id: 'wdtcred1', name: 'WDT simulator' };
const CRED_REF = { wdtApi: CREDENTIAL };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => Math.round(ms / 100) / 10;

let tmp: string;
let notes: string;
let sim: WdtSimulator;
let pg: Postgres;
let redis: Redis;
/** What the e2e installer returned: n8n's CLI, and (from the 2.x-capable installer) its own Node. */
let installed: { n8nBin: string; cacheDir: string; nodeBin?: string; expressionEngine?: string };
let tarball: string;
let mainInst: N8nInstance;
let main: N8nProcess;
let workers: N8nProcess[] = [];
let rest: N8nRest;
let failed = false;
const results: Record<string, unknown> = {
	n8n: N8N_VERSION,
	workerConcurrency: WORKER_CONCURRENCY,
	streamSeconds: STREAM_SECONDS,
};
const timings: Record<string, number> = {};

// ---------------------------------------------------------------------------------------------
// Workflows
// ---------------------------------------------------------------------------------------------

const webhook = (path: string): NodeSpec => ({
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	webhookId: randomUUID(),
	parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
});

/** Records which n8n process ran the execution, in the execution data kept in Postgres. */
const RAN_ON: NodeSpec = {
	name: 'Ran on',
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	parameters: {
		assignments: {
			assignments: [
				{ id: randomUUID(), name: 'ranOn', value: '={{ $env.WDT_QUEUE_PROCESS }}', type: 'string' },
			],
		},
		includeOtherFields: true,
		options: {},
	},
};

const WORKFLOWS = () => [
	workflow('wfQTrigger', 'Queue: WDT Trigger', [
		{
			name: 'WDT Trigger',
			type: `${PKG}.wdtTrigger`,
			credentials: CRED_REF,
			parameters: {
				// n8n refuses a poll cron with `*` seconds; every 3rd second is accepted.
				pollTimes: { item: [{ mode: 'custom', cronExpression: POLL_CRON }] },
				event: 'stockoutCancelled',
				options: {},
			},
		},
		RAN_ON,
	]),
	workflow('wfQCancel', 'Queue: cancel purchase applies from items', [
		webhook('wdt-queue-cancel'),
		{
			name: 'Numbers',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: {
				jsCode: `const { prefix, count } = $input.first().json.body;
return Array.from({ length: count }, (_, i) => ({ json: { no: prefix + String(i + 1).padStart(5, '0') } }));`,
			},
		},
		{
			name: 'Cancel',
			type: `${PKG}.wdt`,
			credentials: CRED_REF,
			onError: 'continueRegularOutput',
			parameters: {
				resource: 'purchaseApply',
				operation: 'cancel',
				orderNumbers: '={{ $json.no }}',
				options: { batchSize: 100 },
			},
		},
	]),
	workflow('wfQRate', 'Queue: a read that meets rate limits', [
		webhook('wdt-queue-rate'),
		RAN_ON, // before the search: a search that finds nothing outputs no items
		{
			name: 'Search',
			type: `${PKG}.wdt`,
			credentials: CRED_REF,
			parameters: {
				resource: 'custom',
				operation: 'call',
				method: { __rl: true, mode: 'name', value: SEARCH_METHOD },
				arguments:
					'={{ JSON.stringify([{ start_time: $json.body.start, end_time: $json.body.end }]) }}',
				paged: true,
				returnAll: true,
				pageSize: 50,
			},
		},
	]),
];

// ---------------------------------------------------------------------------------------------
// Environment of each n8n process
// ---------------------------------------------------------------------------------------------

function databaseEnv(database: string): Record<string, string | undefined> {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: database,
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		DB_SQLITE_POOL_SIZE: undefined,
	};
}

/** n8n's own queue-mode settings; nothing here is specific to our nodes. */
function queueEnv(): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// Only for the test's "Ran on" node ($env.WDT_QUEUE_PROCESS); 2.x blocks $env by default.
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
	};
}

async function instance(
	name: string,
	database: string,
	extra: Record<string, string>,
): Promise<N8nInstance> {
	const userFolder = join(tmp, name);
	await mkdir(userFolder, { recursive: true });
	await e2e.installCommunityPackage(userFolder, tarball);
	const env = { ...databaseEnv(database), ...extra, WDT_QUEUE_PROCESS: name };
	const runtime = { nodeBin: installed.nodeBin, expressionEngine: installed.expressionEngine };
	return {
		n8nBin: installed.n8nBin,
		cacheDir: installed.cacheDir,
		nodeBin: installed.nodeBin,
		userFolder,
		// The third argument (the runtime) is for the 2.x-capable e2e installer; older ones ignore it.
		env: (e2e.n8nEnv as (...args: unknown[]) => Record<string, string>)(userFolder, env, runtime),
	} as N8nInstance;
}

async function importAll(inst: N8nInstance): Promise<void> {
	await e2e.importCredentials(inst, [
		{ ...CREDENTIAL, type: 'wdtApi', data: credentialData(sim.url) },
	]);
	await e2e.importWorkflow(inst, WORKFLOWS());
}

async function startWorkerNamed(name: string): Promise<N8nProcess> {
	const inst = await instance(name, 'n8n_queue', queueEnv());
	return await startWorker(inst, name, {}, WORKER_CONCURRENCY);
}

// ---------------------------------------------------------------------------------------------
// Executions, read from Postgres
// ---------------------------------------------------------------------------------------------

interface ExecutionRow {
	id: string;
	status: string;
	mode: string;
	createdMs: number;
	startedMs: number | null;
	stoppedMs: number | null;
	data?: any;
}

async function executions(
	workflowId: string,
	{ withData = false, afterId = 0, database = 'n8n_queue' } = {},
): Promise<ExecutionRow[]> {
	const rows = await pg.query(
		`SELECT e.id, e.status, e.mode,
		        (extract(epoch from e."createdAt") * 1000)::bigint,
		        (extract(epoch from e."startedAt") * 1000)::bigint,
		        (extract(epoch from e."stoppedAt") * 1000)::bigint
		        ${withData ? ', d.data' : ''}
		   FROM execution_entity e ${withData ? 'LEFT JOIN execution_data d ON d."executionId" = e.id' : ''}
		  WHERE e."workflowId" = '${workflowId}' AND e.id > ${Number(afterId)}
		  ORDER BY e.id`,
		database,
	);
	return rows.map(([id, status, mode, created, started, stopped, data]) => ({
		id,
		status,
		mode,
		createdMs: Number(created),
		startedMs: started ? Number(started) : null,
		stoppedMs: stopped ? Number(stopped) : null,
		data: withData && data ? parseFlatted(data) : undefined,
	}));
}

const FINAL = ['success', 'error', 'crashed', 'canceled'];

/** The output items (json) of a node in stored execution data. */
function nodeItems(data: any, node: string, output = 0): Array<Record<string, any>> {
	const task = data?.resultData?.runData?.[node]?.[0];
	return (task?.data?.main?.[output] ?? []).map((item: any) => item.json);
}

async function waitFor<T>(
	what: string,
	fn: () => Promise<T | undefined | false>,
	timeoutMs: number,
	intervalMs = 1_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${seconds(timeoutMs)} s waiting for ${what}`);
		await sleep(intervalMs);
	}
}

async function postWebhook(base: string, path: string, body: unknown): Promise<void> {
	const res = await fetch(`${base}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(30_000),
	});
	if (!res.ok)
		throw new Error(`POST /webhook/${path} → ${res.status}: ${(await res.text()).slice(0, 500)}`);
}

/** The worker whose log says it started (or finished) the execution. */
async function workersThatStarted(executionId: string): Promise<string[]> {
	const names: string[] = [];
	for (const w of allWorkersEver) {
		if (new RegExp(`Worker started execution ${executionId} \\(`).test(await w.log()))
			names.push(w.name);
	}
	return names;
}
const allWorkersEver: N8nProcess[] = [];

// ---------------------------------------------------------------------------------------------
// Simulator observations
// ---------------------------------------------------------------------------------------------

/**
 * Counts each purchase apply's status changes to 已取消 by watching the record's `status`
 * property: the simulator's own cancel logic sets it, once per applied cancel.
 */
const appliedCancels = new Map<string, number[]>();
function seedApplies(prefix: string, count: number): string[] {
	const numbers: string[] = [];
	for (let i = 1; i <= count; i++) {
		const no = `${prefix}${String(i).padStart(5, '0')}`;
		const record = sim.addPurchaseApply({ purchaseApplyNo: no, status: 'editing' });
		let status = record.status;
		appliedCancels.set(no, []);
		Object.defineProperty(record, 'status', {
			enumerable: true,
			get: () => status,
			set: (next: number) => {
				if (next === PURCHASE_APPLY_STATUS.cancelled && status !== next)
					appliedCancels.get(no)!.push(Date.now());
				status = next;
			},
		});
		numbers.push(no);
	}
	return numbers;
}

function cancelRequests(prefix: string): RecordedRequest[] {
	return sim.requests.filter(
		(q) =>
			q.method === CANCEL_METHOD &&
			Array.isArray(q.args) &&
			String((q.args as string[][])[0]?.[0] ?? '').startsWith(prefix),
	);
}

function searchWindowOf(q: RecordedRequest): string {
	return String((q.args as Array<Record<string, string>>)?.[0]?.start_time ?? '');
}

// ---------------------------------------------------------------------------------------------
// The stream of cancellations (scenarios 1 and 4)
// ---------------------------------------------------------------------------------------------

interface StreamEvent {
	no: string;
	atMs: number;
	phase: 'steady' | 'restart';
}
const stream = {
	events: [] as StreamEvent[],
	timer: undefined as NodeJS.Timeout | undefined,
	phase: 'steady' as StreamEvent['phase'],
	seq: 0,
	start() {
		this.timer = setInterval(() => {
			const no = `CKQ${String(++this.seq).padStart(7, '0')}`;
			const atMs = Date.now();
			const s = sim.addStockout({ stockoutNo: no, status: 'toShip', modifiedMs: atMs - 3_600_000 });
			sim.cancelStockout(s.stockoutId, atMs);
			this.events.push({ no, atMs, phase: this.phase });
		}, STREAM_EVERY_MS);
	},
	stop() {
		clearInterval(this.timer);
		this.timer = undefined;
	},
};

/** How many trigger executions carry each streamed stockout, and where they ran. */
async function triggerTally() {
	const rows = await executions('wfQTrigger', { withData: true });
	const seen = new Map<string, string[]>();
	const ranOn = new Map<string, number>();
	for (const row of rows) {
		for (const item of nodeItems(row.data, 'WDT Trigger')) {
			const no = String(item.stockout_no);
			seen.set(no, [...(seen.get(no) ?? []), row.id]);
		}
		for (const name of new Set(nodeItems(row.data, 'Ran on').map((i) => String(i.ranOn))))
			ranOn.set(name, (ranOn.get(name) ?? 0) + 1);
	}
	return { rows, seen, ranOn };
}

// ---------------------------------------------------------------------------------------------
// Setup and teardown
// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
	const t0 = Date.now();
	failed = true; // until setup finished
	const log = (s: string) => process.stderr.write(s);
	const tools = await ensureSystemPackages(log);
	results.systemPackagesInstalled = tools.installed;
	tmp = await mkdtemp(join(tmpdir(), 'wdt-queue-'));
	notes = join(tmp, 'test-notes.log');
	guardProcesses(tmp);

	sim = await startSimulator({ seed: 'empty' });
	[pg, redis] = await Promise.all([
		startPostgres(tools, join(tmp, 'pg')),
		startRedis(tools, join(tmp, 'redis')),
	]);
	await pg.createDatabase('n8n_queue');
	await pg.createDatabase('n8n_regular');
	timings.servicesSeconds = seconds(Date.now() - t0);

	installed = await (e2e.ensureN8n as (o: object) => Promise<typeof installed>)({
		version: N8N_VERSION,
		log,
	});
	results.nodeRunningN8n = installed.nodeBin ?? process.execPath;
	tarball = await e2e.packPackage(REPO, join(tmp, 'pack'));
	mainInst = await instance('main', 'n8n_queue', queueEnv());
	await importAll(mainInst);
	const t1 = Date.now();
	main = await startMain(mainInst, 'main', {});
	timings.mainStartSeconds = seconds(Date.now() - t1);
	workers = await Promise.all([startWorkerNamed('worker-1'), startWorkerNamed('worker-2')]);
	allWorkersEver.push(...workers);
	rest = await e2e.ownerClient(main);
	await rest.activateWorkflow('wfQCancel');
	await rest.activateWorkflow('wfQRate');
	timings.setupSeconds = seconds(Date.now() - t0);
	note(
		notes,
		`setup done: main pid ${main.pid}, workers ${workers.map((w) => `${w.name} pid ${w.pid}`).join(', ')}`,
	);
	console.log(
		`[queue] setup ${timings.setupSeconds} s: Postgres :${pg.port}, Redis :${redis.port}, main ${main.baseUrl} (pid ${main.pid}), ${workers.map((w) => `${w.name} pid ${w.pid}`).join(', ')}; simulator ${sim.url}`,
	);
	failed = false;
});

afterAll(async () => {
	stream.stop();
	await stopAll();
	await sim?.close();
	results.timings = timings;
	results.finishedAt = new Date().toISOString();
	await writeFile(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
	console.log(`[queue] results written to ${RESULTS_FILE}:\n${JSON.stringify(results, null, 2)}`);
	if (tmp && !failed && !process.env.WDT_QUEUE_KEEP)
		await rm(tmp, { recursive: true, force: true });
	else if (tmp) console.log(`[queue] kept ${tmp} (logs of every process)`);
});

beforeEach((ctx) => {
	ctx.onTestFailed(async () => {
		failed = true;
		for (const p of [main, ...allWorkersEver].filter(Boolean))
			console.error(`--- tail of ${p.name} (${p.logFile}) ---\n${(await p.log()).slice(-3000)}`);
	});
});

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

describe(`n8n ${N8N_VERSION} in queue mode: a main and two workers`, () => {
	it('1: an activated trigger on the main; a steady stream of cancellations; each in exactly one execution; executions on both workers', async () => {
		await rest.activateWorkflow('wfQTrigger');
		const streamStart = Date.now();
		stream.start();
		await sleep(STREAM_SECONDS * 1000);
		const steady = stream.events.filter((e) => e.phase === 'steady');
		const steadyEnd = Date.now();
		stream.phase = 'restart'; // the stream goes on into scenario 4

		// The trigger reads up to a minute behind WDT's clock (its safety lag): wait for the tail.
		const tally = await waitFor(
			`every steady-phase cancellation in an execution (${steady.length} streamed)`,
			async () => {
				const t = await triggerTally();
				return steady.every((e) => t.seen.has(e.no)) ? t : undefined;
			},
			DRAIN_MS,
			2_000,
		);
		const duplicated = steady.filter((e) => tally.seen.get(e.no)!.length > 1);
		const inWindow = tally.rows.filter(
			(r) => r.createdMs >= streamStart && r.createdMs <= Date.now(),
		);
		const lags = steady.map((e) => {
			const first = tally.rows.find((r) => r.id === tally.seen.get(e.no)![0])!;
			return first.createdMs - e.atMs;
		});
		// Executions per minute while the stream flowed: those that carried it, over their span.
		const carrying = tally.rows.filter((r) =>
			steady.some((e) => tally.seen.get(e.no)!.includes(r.id)),
		);
		const spanMinutes = (carrying.at(-1)!.createdMs - carrying[0].createdMs) / 60_000;
		results.scenario1 = {
			cancellationsStreamed: steady.length,
			streamSeconds: seconds(steadyEnd - streamStart),
			executions: carrying.length,
			executionsPerMinute: Math.round(((carrying.length - 1) / spanMinutes) * 10) / 10,
			cancellationsPerMinute:
				Math.round((steady.length / ((steadyEnd - streamStart) / 60_000)) * 10) / 10,
			lost: steady.filter((e) => !tally.seen.has(e.no)).length,
			duplicated: duplicated.length,
			executionsByProcess: Object.fromEntries(tally.ranOn),
			statuses: countBy(inWindow.map((r) => r.status)),
			secondsFromCancelToExecution: {
				min: seconds(Math.min(...lags)),
				max: seconds(Math.max(...lags)),
			},
		};
		console.log('[queue] scenario 1', results.scenario1);

		expect(steady.length, 'cancellations streamed').toBeGreaterThanOrEqual(
			Math.floor(STREAM_SECONDS / 2.5),
		);
		expect(
			duplicated.map((e) => [e.no, tally.seen.get(e.no)]),
			'a cancellation in more than one execution',
		).toEqual([]);
		expect(
			inWindow.every((r) => r.mode === 'trigger'),
			'trigger executions',
		).toBe(true);
		expect(
			[...tally.ranOn.keys()].sort(),
			'the processes that ran trigger executions (from the execution data in Postgres)',
		).toEqual(['worker-1', 'worker-2']);
		const settled = (await executions('wfQTrigger')).filter((r) => FINAL.includes(r.status));
		expect(
			settled.every((r) => r.status === 'success'),
			`trigger execution statuses: ${JSON.stringify(countBy(settled.map((r) => r.status)))}`,
		).toBe(true);
	});

	it('4: the main restarts while the trigger is active; no cancellation lost or emitted twice', async () => {
		expect(stream.timer, 'the stream from scenario 1 is still running').toBeDefined();
		await sleep(10_000);
		const stopAt = Date.now();
		await main.stop('SIGTERM', 60_000);
		const stoppedIn = Date.now() - stopAt;
		note(
			notes,
			`main stopped (${main.exited()?.code ?? main.exited()?.signal}) in ${stoppedIn} ms`,
		);
		await sleep(10_000); // cancellations keep arriving while no main is up
		const t = Date.now();
		main = await startMain(mainInst, 'main', { N8N_PORT: String(main.port) });
		const restartMs = Date.now() - t;
		const downMs = Date.now() - stopAt;
		rest = await e2e.ownerClient(main);
		await sleep((STREAM_SECONDS * 1000) / 2);
		stream.stop();

		const all = stream.events;
		const tally = await waitFor(
			`every streamed cancellation in an execution (${all.length} streamed)`,
			async () => {
				const x = await triggerTally();
				return all.every((e) => x.seen.has(e.no)) ? x : undefined;
			},
			DRAIN_MS + 30_000,
			2_000,
		).catch(async (error) => {
			const x = await triggerTally();
			results.scenario4 = {
				streamed: all.length,
				lost: all.filter((e) => !x.seen.has(e.no)).map((e) => e.no),
			};
			throw error;
		});
		// Later polls re-read the overlap: give a duplicate the chance to show.
		await sleep(Math.max(15_000, 2 * POLL_SECONDS * 1000));
		const final = await triggerTally();
		const duplicated = all.filter((e) => final.seen.get(e.no)!.length > 1);
		const during = all.filter((e) => e.atMs >= stopAt && e.atMs <= stopAt + downMs);
		results.scenario4 = {
			cancellationsStreamed: all.length,
			streamedWhileMainDown: during.length,
			mainDownSeconds: seconds(downMs),
			mainStopSeconds: seconds(stoppedIn),
			mainStartSeconds: seconds(restartMs),
			lost: all.filter((e) => !tally.seen.has(e.no)).length,
			duplicated: duplicated.length,
			executionsByProcess: Object.fromEntries(final.ranOn),
			statuses: countBy(final.rows.map((r) => r.status)),
		};
		console.log('[queue] scenario 4', results.scenario4);
		await rest.deactivateWorkflow('wfQTrigger');

		expect(during.length, 'cancellations made while the main was down').toBeGreaterThan(0);
		expect(
			all.filter((e) => !final.seen.has(e.no)).map((e) => e.no),
			'lost cancellations',
		).toEqual([]);
		expect(
			duplicated.map((e) => [e.no, final.seen.get(e.no)]),
			'cancellations emitted twice',
		).toEqual([]);
		expect(
			[...final.ranOn.keys()].every((n) => n.startsWith('worker-')),
			`processes: ${[...final.ranOn.keys()]}`,
		).toBe(true);
	});

	it(`2: ${BULK} purchase-apply cancels from input items run on a worker; the simulator matches the output; wall time against regular mode`, async () => {
		const queue = await bulkCancel(main.baseUrl, 'n8n_queue', 'QAQ');
		const ranOn = await workersThatStarted(queue.id);
		expect(ranOn, `workers whose log started execution ${queue.id}`).toHaveLength(1);

		// The same workflow on a regular-mode n8n (same Postgres server, its own database).
		const regularInst = await instance('regular', 'n8n_regular', {});
		await importAll(regularInst);
		const regular = await startMain(regularInst, 'regular', {});
		try {
			const regularRest = await e2e.ownerClient(regular);
			await regularRest.activateWorkflow('wfQCancel');
			const base = await bulkCancel(regular.baseUrl, 'n8n_regular', 'QAR');
			results.scenario2 = {
				items: BULK,
				batches: queue.requests,
				queueMode: {
					ranOn: ranOn[0],
					executionSeconds: queue.executionSeconds,
					webhookToFinishedSeconds: queue.wallSeconds,
				},
				regularMode: {
					executionSeconds: base.executionSeconds,
					webhookToFinishedSeconds: base.wallSeconds,
				},
			};
			console.log('[queue] scenario 2', results.scenario2);
		} finally {
			await regular.stop('SIGTERM', 30_000);
		}
	});

	it('3: the worker running the bulk cancel is killed by PID; what n8n does with the execution; nothing applied twice', async () => {
		const prefix = 'QAK';
		const numbers = seedApplies(prefix, BULK);
		sim.latencyMs = 300; // ~15 s of batches: time to kill the worker in the middle
		const lastId = Math.max(0, ...(await executions('wfQCancel')).map((r) => Number(r.id)));
		await postWebhook(main.baseUrl, 'wdt-queue-cancel', { prefix, count: BULK });
		const [execution] = await waitFor(
			'the kill-test execution',
			async () => {
				const rows = await executions('wfQCancel', { afterId: lastId });
				return rows.length ? rows : undefined;
			},
			60_000,
			250,
		);
		const [victimName] = await waitFor(
			'a worker to start the execution',
			async () => {
				const names = await workersThatStarted(execution.id);
				return names.length ? names : undefined;
			},
			60_000,
			250,
		);
		const victim = workers.find((w) => w.name === victimName)!;
		const survivor = workers.find((w) => w !== victim)!;
		await waitFor(
			'15 cancel batches',
			async () => cancelRequests(prefix).length >= 15,
			120_000,
			100,
		);
		const killedAt = Date.now();
		process.kill(victim.pid, 'SIGKILL');
		await victim.done;
		const sentBeforeKill = cancelRequests(prefix).length;
		const appliedBeforeKill = numbers.filter((no) => appliedCancels.get(no)!.length > 0).length;
		note(
			notes,
			`killed ${victim.name} (pid ${victim.pid}) after ${sentBeforeKill} batches, ${appliedBeforeKill} applies cancelled`,
		);

		// Bull: the job's lock (QUEUE_WORKER_LOCK_DURATION, 60 s) runs out; the other worker's stalled-job
		// check (QUEUE_WORKER_STALLED_INTERVAL, 30 s) moves it back to the queue (maxStalledCount 1).
		const rerunStarted = await waitFor(
			`execution ${execution.id} to start again on ${survivor.name}, or to end`,
			async () => {
				if ((await workersThatStarted(execution.id)).includes(survivor.name)) return 'rerun';
				const [row] = (await executions('wfQCancel', { afterId: lastId })).filter(
					(r) => r.id === execution.id,
				);
				return row && FINAL.includes(row.status) ? `ended:${row.status}` : undefined;
			},
			240_000,
			1_000,
		);
		const rerunAfterMs = Date.now() - killedAt;
		const finished = async (id: string) =>
			await waitFor(
				`execution ${id} to finish`,
				async () => {
					const [r] = (await executions('wfQCancel', { afterId: lastId, withData: true })).filter(
						(x) => x.id === id,
					);
					return r && FINAL.includes(r.status) ? r : undefined;
				},
				240_000,
				1_000,
			);
		let row = await finished(execution.id);
		const interrupted = { id: execution.id, status: row.status };
		// n8n 2.x does not re-run a stalled job (maxStalledCount 0): the execution fails, and the
		// user runs the workflow again with the same input. That is the re-run checked below.
		let userRerunId: string | undefined;
		if (rerunStarted !== 'rerun') {
			const before = Number(execution.id);
			await postWebhook(main.baseUrl, 'wdt-queue-cancel', { prefix, count: BULK });
			const [again] = await waitFor(
				'the re-run execution',
				async () => {
					const rows = await executions('wfQCancel', { afterId: before });
					return rows.length ? rows : undefined;
				},
				60_000,
				250,
			);
			userRerunId = again.id;
			row = await finished(again.id);
		}
		sim.latencyMs = 0;

		// Replace the killed worker so scenario 5 has two again.
		const replacement = await startWorkerNamed(victim.name);
		workers = [survivor, replacement];
		allWorkersEver.push(replacement);

		const out = nodeItems(row.data, 'Cancel');
		const byNo = new Map(out.map((i) => [String(i.order_no), i]));
		const doubleApplied = numbers.filter((no) => appliedCancels.get(no)!.length > 1);
		const notCancelled = numbers.filter(
			(no) => sim.purchaseApplies.get(no)!.status !== PURCHASE_APPLY_STATUS.cancelled,
		);
		const sentTwice = numbers.filter(
			(no) =>
				cancelRequests(prefix).filter((q) => (q.args as string[][])[0].includes(no)).length > 1,
		);
		const refusedOnRerun = out.filter((i) => i.success === false);
		const refusedMessages = countBy(refusedOnRerun.map((i) => String(i.error ?? i.message ?? '')));
		results.scenario3 = {
			killed: victim.name,
			batchesBeforeKill: sentBeforeKill,
			cancelledBeforeKill: appliedBeforeKill,
			whatN8nDid:
				rerunStarted === 'rerun'
					? `Bull moved the stalled job back to the queue; ${survivor.name} ran execution ${execution.id} again from the start (same execution id), ${seconds(rerunAfterMs)} s after the kill`
					: `no re-run: n8n ended execution ${execution.id} as "${interrupted.status}" ${seconds(rerunAfterMs)} s after the kill; the workflow was then run again with the same input (execution ${userRerunId})`,
			finalStatus: row.status,
			cancelRequests: cancelRequests(prefix).length,
			numbersSentTwice: sentTwice.length,
			doubleApplied: doubleApplied.length,
			lost: notCancelled.length,
			exampleRefusedItem: refusedOnRerun[0],
			rerunOutput: {
				items: out.length,
				succeeded: out.filter((i) => i.success === true).length,
				refused: refusedOnRerun.length,
				refusedMessages,
			},
		};
		console.log('[queue] scenario 3', results.scenario3);

		expect(doubleApplied, 'purchase applies cancelled twice').toEqual([]);
		// What n8n does is checked, so a change in a new release shows up here.
		expect(
			rerunStarted,
			N8N_MAJOR >= 2
				? 'n8n 2.x fails a stalled job instead of re-running it'
				: 'n8n 1.x re-runs the interrupted execution on the other worker',
		).toBe(N8N_MAJOR >= 2 ? 'ended:error' : 'rerun');
		expect(notCancelled, 'purchase applies left uncancelled after the re-run (lost)').toEqual([]);
		expect(row.status, 'the re-run finished').toBe('success');
		expect(out, 'one output item per number').toHaveLength(BULK);
		// Every number cancelled before the kill is refused on the re-run by WDT's status rule, and
		// reported as that refusal; every other number is cancelled by the re-run.
		const cancelledBefore = new Set(numbers.filter((no) => appliedCancels.get(no)![0] <= killedAt));
		for (const no of numbers) {
			const item = byNo.get(no);
			expect(item, `output item for ${no}`).toBeDefined();
			if (cancelledBefore.has(no)) {
				expect(item!.success, `${no} (cancelled before the kill) on the re-run`).toBe(false);
				expect(JSON.stringify(item), `${no}: the refusal quotes WDT's status rule`).toContain(
					WDT_REFUSED_CANCEL,
				);
			} else {
				expect(item!.success, `${no} (not reached before the kill) on the re-run`).toBe(true);
			}
		}
	});

	it('5: two workers get rate-limit replies at once; neither retries, so neither burns the shared per-key budget', async () => {
		// (a) One rate-limit reply each, at the same moment.
		sim.faults.next('rateLimit', 2, SEARCH_METHOD);
		const windows = ['2024-11-01 00:00:00', '2024-11-01 00:10:00'];
		const lastId = Math.max(0, ...(await executions('wfQRate')).map((r) => Number(r.id)));
		const seq0 = sim.requests.at(-1)?.seq ?? 0;
		await Promise.all(
			windows.map((start) =>
				postWebhook(main.baseUrl, 'wdt-queue-rate', {
					start,
					end: start.replace(/:00:00$/, ':05:00').replace(/:10:00$/, ':15:00'),
				}),
			),
		);
		const rowsA = await waitFor(
			'both rate-limited executions to finish',
			async () => {
				const rows = await executions('wfQRate', { afterId: lastId, withData: true });
				return rows.length === 2 && rows.every((r) => FINAL.includes(r.status)) ? rows : undefined;
			},
			120_000,
		);
		const callsA = sim.requests.filter((q) => q.seq > seq0 && q.method === SEARCH_METHOD);
		const perWindowA = windows.map((w) => callsA.filter((q) => searchWindowOf(q) === w));

		// (b) The key's budget is one call a minute and both workers want it: one gets it, the other
		// is refused once and stops.
		sim.rateLimitPerMinute = 1;
		const lastIdB = Math.max(...rowsA.map((r) => Number(r.id)));
		const seq1 = sim.requests.at(-1)?.seq ?? 0;
		await Promise.all(
			windows.map((start) =>
				postWebhook(main.baseUrl, 'wdt-queue-rate', {
					start,
					end: start.replace(/:00:00$/, ':05:00').replace(/:10:00$/, ':15:00'),
				}),
			),
		);
		const rowsB = await waitFor(
			'both budget-exhausted executions to finish',
			async () => {
				const rows = await executions('wfQRate', { afterId: lastIdB, withData: true });
				return rows.length === 2 && rows.every((r) => FINAL.includes(r.status)) ? rows : undefined;
			},
			120_000,
		);
		sim.rateLimitPerMinute = undefined;
		const callsB = sim.requests.filter((q) => q.seq > seq1 && q.method === SEARCH_METHOD);
		const perWindowB = windows.map((w) => callsB.filter((q) => searchWindowOf(q) === w));
		const gaps = (calls: RecordedRequest[]) => calls.slice(1).map((q, i) => q.at - calls[i].at);

		results.scenario5 = {
			oneRateLimitReplyEach: {
				attempts: perWindowA.map((c) => c.length),
				secondsBetweenAttempts: perWindowA.map((c) => gaps(c).map(seconds)),
				statuses: rowsA.map((r) => r.status),
				ranOn: rowsA.map((r) => nodeItems(r.data, 'Ran on')[0]?.ranOn),
			},
			budgetOfOneCallAMinute: {
				attempts: perWindowB.map((c) => c.length),
				secondsBetweenAttempts: perWindowB.map((c) => gaps(c).map(seconds)),
				statuses: rowsB.map((r) => r.status),
				errors: rowsB.map((r) => r.data?.resultData?.error?.message),
			},
		};
		console.log('[queue] scenario 5', JSON.stringify(results.scenario5, null, 2));

		// The transport never retries a rate limit (WDT asks to let the key rest for minutes) and sends
		// no further call in that node run: each execution makes one call and fails with WDT's reply.
		expect(
			rowsA.map((r) => r.status),
			'(a) both stop at the rate-limit reply',
		).toEqual(['error', 'error']);
		expect(
			rowsA.map((r) => nodeItems(r.data, 'Ran on')[0]?.ranOn).sort(),
			'(a) one on each worker',
		).toEqual(['worker-1', 'worker-2']);
		for (const calls of perWindowA)
			expect(
				calls.map((q) => q.status),
				'(a) one call, rate-limited, not retried',
			).toEqual(['fault:rateLimit']);
		for (const r of rowsA)
			expect(
				String(r.data?.resultData?.error?.message ?? ''),
				"(a) the error is WDT's rate-limit reply",
			).toMatch(/超过每分钟最大调用频率限制/);
		expect(rowsB.map((r) => r.status).sort(), '(b) one gets the call, the other stops').toEqual([
			'error',
			'success',
		]);
		expect(callsB.length, '(b) calls on the key: one each, no retry').toBe(2);
		const loser = rowsB.find((r) => r.status === 'error')!;
		expect(
			String(loser.data?.resultData?.error?.message ?? ''),
			"(b) the error is WDT's rate-limit reply",
		).toMatch(/超过每分钟最大调用频率限制/);
	});
});

// ---------------------------------------------------------------------------------------------
// Helpers used by the scenarios
// ---------------------------------------------------------------------------------------------

function countBy(values: string[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const v of values) out[v] = (out[v] ?? 0) + 1;
	return out;
}

/** Seeds BULK applies, posts the webhook, waits for the execution and checks the simulator against its output. */
async function bulkCancel(baseUrl: string, database: string, prefix: string) {
	const numbers = seedApplies(prefix, BULK);
	const lastId = Math.max(
		0,
		...(await executions('wfQCancel', { database })).map((r) => Number(r.id)),
	);
	const t0 = Date.now();
	await postWebhook(baseUrl, 'wdt-queue-cancel', { prefix, count: BULK });
	const row = await waitFor(
		`the ${BULK}-item cancel (${prefix}) to finish`,
		async () => {
			const [r] = await executions('wfQCancel', { afterId: lastId, database });
			return r && FINAL.includes(r.status) ? r : undefined;
		},
		300_000,
		250,
	);
	const wallMs = Date.now() - t0;
	const [withData] = (
		await executions('wfQCancel', { afterId: lastId, database, withData: true })
	).filter((r) => r.id === row.id);
	const out = nodeItems(withData.data, 'Cancel');
	expect(row.status, `${prefix}: execution status`).toBe('success');
	expect(out, `${prefix}: one output item per number`).toHaveLength(BULK);
	expect(
		out.filter((i) => i.success !== true).map((i) => [i.order_no, i.error]),
		`${prefix}: items not cancelled`,
	).toEqual([]);
	expect(out.map((i) => String(i.order_no)).sort(), `${prefix}: output numbers`).toEqual(numbers);
	expect(
		numbers.filter((no) => sim.purchaseApplies.get(no)!.status !== PURCHASE_APPLY_STATUS.cancelled),
		`${prefix}: simulator records not cancelled`,
	).toEqual([]);
	expect(
		numbers.filter((no) => appliedCancels.get(no)!.length !== 1),
		`${prefix}: records cancelled other than once`,
	).toEqual([]);
	return {
		id: row.id,
		requests: cancelRequests(prefix).length,
		executionSeconds: seconds((row.stoppedMs ?? 0) - (row.startedMs ?? 0)),
		wallSeconds: seconds(wallMs),
	};
}
