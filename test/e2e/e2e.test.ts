/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * End to end: the packed package installed into a real n8n (1.123.81) the way n8n installs
 * community packages, run against the in-process WDT simulator over 127.0.0.1.
 *
 *   npm run test:e2e      (builds, installs/reuses n8n in ~/.cache, then runs this file)
 *
 * WDT_E2E_KEEP=1 keeps the n8n user folder (database, n8n-start.log, imported JSON) for a look.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { getCatalogMethod } from '../../nodes/shared/catalog';
import { credentialProblem } from '../../nodes/shared/protocol';
import {
	credentialData,
	DEFAULT_SELLER,
	OTHER_OUT_STATUS,
	PURCHASE_APPLY_STATUS,
	setMasterData,
	startSimulator,
	toWdtTimestamp,
	type RecordedRequest,
	type WdtSimulator,
} from '../simulator';
import { PUSHED_ORDER_DEFAULTS } from '../fixtures/pushed-order-defaults';
import { addSelfOwnedShop } from '../simulator/selfPlatform';
import { versionsFromArgs } from './n8n-install.mjs';
import * as e2e from './n8n.mjs';
import type { ExecuteResult, N8nInstance, N8nRest, N8nServer } from './n8n.mjs';
import { workflow, type NodeSpec } from './workflows';

const REPO = resolve(__dirname, '../..');
const EXAMPLES = join(REPO, 'examples');
const PKG = 'n8n-nodes-wdt';
const HOUR = 3_600_000;

const CREDENTIAL = { id: 'wdtcred1', name: 'WDT simulator' };
const CRED_REF = { wdtApi: CREDENTIAL };

let sim: WdtSimulator;
let inst: N8nInstance;
let tmp: string;
let goodData: Record<string, string>;
let server: N8nServer | undefined;
let rest: N8nRest;
let failed = false;

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tail = (text: string, n = 4000) => (text.length > n ? `…${text.slice(-n)}` : text);

/** The CLI run as text for an assertion message: n8n's error and the tail of what it printed. */
function explain(r: ExecuteResult): string {
	const err = r.error
		? `n8n error: ${r.error.message}${r.error.description ? `\n  description: ${r.error.description}` : ''}${r.error.node ? `\n  node: ${r.error.node.name}` : ''}`
		: 'no error in the run';
	return `exit ${r.code}, ${err}, last node: ${r.lastNodeExecuted}\n--- stdout (tail) ---\n${tail(r.stdout, 2500)}\n--- stderr (tail) ---\n${tail(r.stderr, 2500)}`;
}

async function execute(id: string, { expectOk = true } = {}): Promise<ExecuteResult> {
	const r = await e2e.executeWorkflow(inst, id);
	if (!r.run) throw new Error(`n8n execute --id=${id} printed no run result:\n${explain(r)}`);
	if (expectOk && !r.ok) throw new Error(`workflow ${id} failed in n8n:\n${explain(r)}`);
	return r;
}

/** A node's output items (json), with the whole run in the message when the node is missing/failed. */
function out(r: ExecuteResult, node: string, output = 0): Array<Record<string, any>> {
	try {
		return e2e.nodeOutput(r.runData, node, { output });
	} catch (error) {
		throw new Error(`${(error as Error).message}\n${explain(r)}`);
	}
}

/** The input items each output item of a node is paired with (item indexes). */
function pairedWith(r: ExecuteResult, node: string, output = 0): number[][] {
	const items: Array<{ pairedItem?: unknown }> = r.runData?.[node]?.[0]?.data?.main?.[output] ?? [];
	return items.map(({ pairedItem }) =>
		[pairedItem ?? []]
			.flat()
			.map((paired) => (typeof paired === 'number' ? paired : (paired as { item: number }).item)),
	);
}

/** Writes JSON into the user folder for an `--input=` and returns the path. */
async function writeImport(data: unknown): Promise<string> {
	const file = join(inst.userFolder, 'import', `examples-${Date.now()}.json`);
	await mkdir(join(inst.userFolder, 'import'), { recursive: true });
	await writeFile(file, JSON.stringify(data, null, 2));
	return file;
}

const requestsSince = (seq: number, method?: string): RecordedRequest[] =>
	sim.requests.filter((q) => q.seq > seq && (method === undefined || q.method === method));
const lastSeq = () => sim.requests[sim.requests.length - 1]?.seq ?? 0;

const START: NodeSpec = { name: 'Start', type: 'n8n-nodes-base.manualTrigger' };
const wdt = (
	name: string,
	parameters: Record<string, unknown>,
	extra: Partial<NodeSpec> = {},
): NodeSpec => ({
	name,
	type: `${PKG}.wdt`,
	parameters,
	credentials: CRED_REF,
	...extra,
});
const noOp = (name: string): NodeSpec => ({ name, type: 'n8n-nodes-base.noOp' });

// ---------------------------------------------------------------------------------------------
// Test data, relative to now (the simulator runs on the real clock: n8n signs with it)
// ---------------------------------------------------------------------------------------------

const APPLY_A = 'POAE2E0001'; // created unsubmitted (编辑中): cancellable
const APPLY_B = 'POAE2E0002'; // created submitted (待引用): not cancellable
const APPLY_PARTLY = 'POAE2E0003'; // seeded 部分引用: can be stopped

// Get Many Cancelled reads [RANGE_START, RANGE_START + 3 h]; Call Any Method reads CALL_WINDOW.
const RANGE_START = Math.floor(Date.now() / HOUR) * HOUR - 6 * HOUR;
const RANGE_END = RANGE_START + 3 * HOUR;
const CALL_WINDOW = { startMs: RANGE_START - 2 * HOUR, endMs: RANGE_START - HOUR };
const PER_HOUR = [130, 3, 205]; // cancelled stockouts inside each hour of the range
const CALL_COUNT = 120;

// The Get Many reads of issue 13: sales orders and sales stockouts over READ_START..READ_END (two
// one-hour windows, apart from the ranges above); goods, refunds and stock changes relative to now.
const READ_START = RANGE_START - 5 * HOUR;
const READ_END = READ_START + 2 * HOUR;
const MINUTE = 60_000;
const DAY = 24 * HOUR;
const TRADE_QUERY = 'sales.TradeQuery.queryWithDetail';
const STOCKOUT_QUERY = 'wms.stockout.Sales.queryWithDetail';
const GOODS_QUERY = 'goods.Goods.queryWithSpec';
const STOCK_QUERY = 'wms.StockSpec.search2';
const REFUND_QUERY = 'aftersales.refund.Refund.search';
const READ_RANGE = {
	startTime: new Date(READ_START).toISOString(),
	endTime: new Date(READ_END).toISOString(),
};
/** One node per resource in the workflow wfReads, each fed by the manual trigger. */
const READS: Array<{ node: string; parameters: Record<string, unknown> }> = [
	{ node: 'Sales orders', parameters: { resource: 'salesOrder', ...READ_RANGE } },
	{ node: 'Sales stockouts', parameters: { resource: 'salesStockout', ...READ_RANGE } },
	{ node: 'Goods', parameters: { resource: 'goods' } },
	{
		node: 'Stock',
		parameters: {
			resource: 'stock',
			warehouseNo: { __rl: true, mode: 'code', value: 'WH01' },
			// WDT reads a warehouse without SKU codes only by a time range (the default Read).
			stockRead: 'changed',
		},
	},
	{ node: 'Refunds', parameters: { resource: 'refund' } },
	{ node: 'Shops', parameters: { resource: 'shop' } },
	{ node: 'Warehouses', parameters: { resource: 'warehouse' } },
].map(({ node, parameters }) => ({
	node,
	parameters: { ...parameters, operation: 'getMany', returnAll: true },
}));

/** WDT's name of a status code, from the method's page (the catalog's status table). */
const statusName = (method: string, field: string, code: number) =>
	getCatalogMethod(method)?.statusTables?.[field]?.[String(code)];

function cst(ms: number): string {
	const d = new Date(Math.floor(ms / 1000) * 1000 + 8 * HOUR);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

// The writes of issue 14, from spreadsheet-like rows: Sales Order → Push (two orders, one of two
// lines) and Product → Create or Update (two goods, one of two SKUs), in one workflow. The
// re-run workflow is the same with one price changed: the T-shirt's (order line and SKU).
const ORDER_PUSH = 'sales.RawTrade.pushSelf2';
const GOODS_BATCH_PUSH = 'goods.Goods.batchPush';
const PUSH_SHOP = 'E2E-MALL'; // a shop of the self-owned platform: the only kind pushSelf2 takes
const WRITE_RUNS = {
	first: { id: 'wfWrites', price: 59.9, receivable: 149.8 },
	again: { id: 'wfWritesAgain', price: 49.9, receivable: 129.8 },
};
type WriteRun = (typeof WRITE_RUNS)[keyof typeof WRITE_RUNS];

/** One row per order line; every row carries its order's columns, as a sheet gives them. */
function orderRows({ price, receivable }: WriteRun): Array<Record<string, unknown>> {
	const order = (tid: string, amount: number) => ({
		tid,
		trade_time: '2024-11-20 10:00:00', // a wall time in the workflow's timezone (Asia/Shanghai)
		buyer_nick: 'e2e buyer',
		receiver_name: '张三',
		receiver_area: '北京 北京市 朝阳区',
		receiver_address: '春天街道1号楼101',
		receiver_mobile: '13888888888',
		post_amount: 5,
		discount: 0,
		receivable: amount,
	});
	const line = (oid: string, goodsNo: string, specNo: string, num: number, unitPrice: number) => ({
		oid,
		goods_no: goodsNo,
		spec_no: specNo,
		goods_name: `E2E ${goodsNo}`,
		num,
		price: unitPrice,
	});
	return [
		{ ...order('TE2E-1', receivable), ...line('TE2E-1-1', 'TS-001', 'TS-001-BLK-M', 2, price) },
		{ ...order('TE2E-1', receivable), ...line('TE2E-1-2', 'MUG', 'MUG-350', 1, 25) },
		{ ...order('TE2E-2', 34.7), ...line('TE2E-2-1', 'CABLE', 'CABLE-C-1M', 3, 9.9) },
	];
}

/** One row per SKU; the goods columns repeat on each row of a goods. */
function goodsRows({ price }: WriteRun): Array<Record<string, unknown>> {
	const shirt = { goods_no: 'GE2EW1', goods_name: 'E2E T-shirt', brand_name: 'E2E brand' };
	return [
		{ ...shirt, spec_no: 'GE2EW1-M', spec_name: 'M', retail_price: price },
		{ ...shirt, spec_no: 'GE2EW1-L', spec_name: 'L', retail_price: 65 },
		{
			goods_no: 'GE2EW2',
			goods_name: 'E2E mug',
			spec_no: 'GE2EW2-350',
			spec_name: '350ml',
			barcode: '6900000000001',
			retail_price: 25,
		},
	];
}

/** A Code node that outputs `rows` as items. */
const rowsNode = (name: string, rows: unknown[]): NodeSpec => ({
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` },
});

/** Order rows → Push orders, and goods rows → Push goods, both from the manual trigger. */
function writesWorkflow(run: WriteRun): Record<string, unknown> {
	return workflow(
		run.id,
		`E2E writes from rows (T-shirt at ${run.price})`,
		[
			START,
			rowsNode('Order rows', orderRows(run)),
			wdt('Push orders', {
				resource: 'salesOrder',
				operation: 'push',
				shopNo: { __rl: true, mode: 'list', value: PUSH_SHOP },
				linesSource: 'inputItems',
			}),
			rowsNode('Goods rows', goodsRows(run)),
			wdt('Push goods', {
				resource: 'goods',
				operation: 'createOrUpdate',
				linesSource: 'inputItems',
			}),
		],
		[
			['Start', 'Order rows'],
			['Order rows', 'Push orders'],
			['Start', 'Goods rows'],
			['Goods rows', 'Push goods'],
		],
	);
}

// ---------------------------------------------------------------------------------------------
// Workflows
// ---------------------------------------------------------------------------------------------

/**
 * The fastest poll each n8n accepts: 1.x takes a cron without `*` seconds, so every 3rd second;
 * 2.39 refuses any poll interval under a minute ("The polling interval is too short").
 */
const FAST_POLL = (version: string) =>
	Number(version.split('.')[0]) >= 2 ? '0 * * * * *' : '0-59/3 * * * * *';
const pollSeconds = (version: string) => (Number(version.split('.')[0]) >= 2 ? 60 : 3);

const WORKFLOWS = (version: string) => [
	workflow(
		'wfApplies',
		'E2E purchase applies: create → get → cancel',
		[
			START,
			{
				name: 'Rows',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode: `return [
  { json: { apply_key: 'A', apply_no: '${APPLY_A}', submit: false, spec_no: 'TS-001-BLK-M', num: 5, provider_no: 'GYS001' } },
  { json: { apply_key: 'A', apply_no: '${APPLY_A}', submit: false, spec_no: 'MUG-350', num: 2, provider_no: 'GYS001' } },
  { json: { apply_key: 'B', apply_no: '${APPLY_B}', submit: true, spec_no: 'CABLE-C-1M', num: 7, provider_no: '' } },
];`,
				},
			},
			wdt('Create', {
				resource: 'purchaseApply',
				operation: 'create',
				linesSource: 'inputItems',
				specNoColumn: 'spec_no',
				numColumn: 'num',
				providerNoColumn: 'provider_no',
				groupByColumn: 'apply_key',
				warehouseNo: 'WH01',
				expectedTime: '2030-01-15T10:00:00',
				remark: '=e2e apply {{ $json.apply_key }}',
				purchaseApplyNo: '={{ $json.apply_no }}',
				isSubmit: '={{ $json.submit }}',
			}),
			wdt('Get', {
				resource: 'purchaseApply',
				operation: 'getMany',
				purchaseApplyNo: '={{ $json.purchase_apply_no }}',
				returnAll: true,
			}),
			wdt(
				'Cancel',
				{
					resource: 'purchaseApply',
					operation: 'cancel',
					orderNumbers: '={{ $json.purchase_apply_no }}',
					options: { batchSize: 100 },
				},
				{ onError: 'continueErrorOutput' },
			),
			noOp('Cancelled'),
			noOp('Not cancelled'),
		],
		[
			['Start', 'Rows'],
			['Rows', 'Create'],
			['Create', 'Get'],
			['Get', 'Cancel'],
			['Cancel', 'Cancelled', 0],
			['Cancel', 'Not cancelled', 1],
		],
	),
	workflow(
		'wfApplyStop',
		'E2E purchase applies: stop (continue on fail) → cancel that fails',
		[
			START,
			wdt(
				'Stop',
				{
					resource: 'purchaseApply',
					operation: 'stop',
					orderNumbers: `${APPLY_PARTLY}, ${APPLY_B}`,
				},
				{ onError: 'continueRegularOutput' },
			),
			wdt('Cancel submitted', {
				resource: 'purchaseApply',
				operation: 'cancel',
				orderNumbers: APPLY_B,
			}),
		],
		[
			['Start', 'Stop'],
			['Stop', 'Cancel submitted'],
		],
	),
	workflow(
		'wfOtherOut',
		'E2E other-out cancel, partly failing',
		[
			START,
			wdt(
				'Cancel other-out',
				{
					resource: 'otherOut',
					operation: 'cancel',
					orderNumbers: 'QCE2E0001, QCE2E0002, QCE2E9999',
					options: { batchSize: 2 },
				},
				{ onError: 'continueRegularOutput' },
			),
		],
		[['Start', 'Cancel other-out']],
	),
	workflow(
		'wfStockouts',
		'E2E cancelled stockouts over 3 hours',
		[
			START,
			wdt('Cancelled stockouts', {
				resource: 'salesStockout',
				operation: 'getManyCancelled',
				startTime: new Date(RANGE_START).toISOString(),
				endTime: new Date(RANGE_END).toISOString(),
				returnAll: true,
			}),
		],
		[['Start', 'Cancelled stockouts']],
	),
	workflow(
		'wfCall',
		'E2E call any method',
		[
			START,
			wdt('Now', {
				resource: 'custom',
				operation: 'call',
				method: { __rl: true, mode: 'name', value: 'system.Core.now' },
				arguments: '[]',
			}),
			wdt('Search', {
				resource: 'custom',
				operation: 'call',
				method: { __rl: true, mode: 'name', value: 'wms.stockout.Sales.searchCancel' },
				arguments: JSON.stringify([
					{ start_time: cst(CALL_WINDOW.startMs), end_time: cst(CALL_WINDOW.endMs) },
				]),
				paged: true,
				returnAll: true,
				pageSize: 50,
			}),
		],
		[
			['Start', 'Now'],
			['Now', 'Search'],
		],
	),
	workflow(
		'wfHttp',
		'E2E HTTP Request node with the WDT credential',
		[
			START,
			{
				name: 'HTTP',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				credentials: CRED_REF,
				parameters: {
					method: 'POST',
					url: '', // set once the simulator listens
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'wdtApi',
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'method', value: 'system.Core.now' }] },
					sendBody: true,
					contentType: 'raw',
					rawContentType: 'application/json',
					body: '[]',
					options: {},
				},
			},
		],
		[['Start', 'HTTP']],
	),
	workflow(
		'wfReads',
		'E2E Get Many of every resource from issue 13',
		[START, ...READS.map(({ node, parameters }) => wdt(node, parameters))],
		READS.map(({ node }): [string, string] => ['Start', node]),
	),
	// n8n refuses a poll cron with `*` seconds; every 3rd second is accepted.
	writesWorkflow(WRITE_RUNS.first),
	writesWorkflow(WRITE_RUNS.again),
	triggerWorkflow('wfTrigger', FAST_POLL(version)),
	triggerWorkflow('wfShipped', FAST_POLL(version), SHIPPED_EVENT),
];

/**
 * n8n 2.x's durable poll cursors (since 2.36; off by default): the cursor is committed in the
 * same transaction as the poll's execution. Since 2.37 it needs the durable scheduler to run
 * poll triggers, and the scheduler needs the workflow publication service (n8n's docs,
 * "Durable scheduler"). The two intervals make the scheduler react within a second, as n8n's
 * own tests of this mode do.
 */
const DURABLE_CURSORS_ENV = {
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	N8N_SCHEDULER_MATERIALIZATION_INTERVAL: '1',
	N8N_SCHEDULER_EXECUTOR_INTERVAL: '1',
};

/** The trigger event of the cancelled-stockout cases: cancellations (status 5) only. */
const CANCELLED_EVENT = { event: 'stockoutCancelled', options: { statuses: [5] } };
const SHIPPED_EVENT = { event: 'stockoutShipped', options: {} };

/** A WDT Trigger workflow polling on `cron` (n8n refuses `*` seconds). */
function triggerWorkflow(
	id: string,
	cron: string,
	{ event, options }: { event: string; options: Record<string, unknown> } = CANCELLED_EVENT,
): Record<string, unknown> {
	return workflow(
		id,
		`E2E WDT Trigger ${id}`,
		[
			{
				name: 'WDT Trigger',
				type: `${PKG}.wdtTrigger`,
				credentials: CRED_REF,
				parameters: {
					pollTimes: { item: [{ mode: 'custom', cronExpression: cron }] },
					event,
					options,
				},
			},
			noOp('Got it'),
		],
		[['WDT Trigger', 'Got it']],
	);
}

/**
 * Activates a trigger workflow that polls as fast as n8n accepts (3 s on 1.x, 1 min on 2.x), makes
 * one change (`change` applies it at `modifiedMs` and returns a text the execution must carry) and
 * checks that exactly one execution carries it, also after more polls that read it again (the
 * overlap), with every call of the trigger answered 0.
 */
async function expectOneExecutionPerChange(
	version: string,
	{
		workflowId,
		readMethod,
		change,
	}: { workflowId: string; readMethod: string; change: (modifiedMs: number) => string },
): Promise<void> {
	const seq = lastSeq();
	await rest.activateWorkflow(workflowId);
	const activated = Date.now();
	const [firstNow] = requestsSince(seq, 'system.Core.now');
	expect(firstNow, 'activation ran a first poll (system.Core.now)').toBeDefined();
	expect(firstNow.status).toBe(0);

	// The first poll starts the cursor at WDT's now − 1 min (SAFETY_LAG_MS), without reading.
	// A change stamped 50 s before that poll lies after the cursor and shows up as soon as a
	// poll's window (ending 1 min before WDT's now) passes it: ~10 s later, not a minute.
	const modifiedMs = Math.floor(firstNow.at / 1000) * 1000 - 50_000;
	const marker = change(modifiedMs);

	const executions = async () => (await rest.listExecutions({ workflowId })).results;
	let list = await e2e.waitFor(
		async () => ((await executions()).length ? executions() : undefined),
		{
			timeoutMs: 90_000 + pollSeconds(version) * 1000,
			intervalMs: 1_000,
			what: `an execution of ${workflowId} for ${marker} (polls so far: ${requestsSince(seq, 'system.Core.now').length})`,
		},
	);
	const firstAt = Date.now();
	expect(list, 'exactly one execution').toHaveLength(1);
	expect(list[0].mode).toBe('trigger');
	await e2e.waitFor(
		async () => ['success', 'error', 'crashed'].includes((await executions())[0].status),
		{
			timeoutMs: 30_000,
			what: 'the trigger execution to finish',
		},
	);
	const execution = await rest.getExecution(list[0].id);
	expect(execution.status, 'trigger execution status').toBe('success');
	expect(execution.data, 'the execution carries the change').toContain(marker);

	// Keep polling: the overlap re-reads the same record, which must not start another run.
	const pollsBefore = requestsSince(seq, 'system.Core.now').length;
	const more = pollSeconds(version) >= 60 ? 2 : 5;
	await e2e.waitFor(() => requestsSince(seq, 'system.Core.now').length >= pollsBefore + more, {
		timeoutMs: (more + 1) * pollSeconds(version) * 1000 + 30_000,
		intervalMs: 500,
		what: `${more} more trigger polls`,
	});
	await sleep(1_000);
	const reReads = requestsSince(seq, readMethod).filter((q) => {
		if (q.at < firstAt) return false;
		const { start_time, end_time } = (q.args as Array<Record<string, string>>)[0];
		return start_time <= cst(modifiedMs) && cst(modifiedMs) <= end_time;
	});
	expect(reReads.length, 'later polls read the change again (overlap)').toBeGreaterThan(0);
	list = await executions();
	expect(
		list.map((x) => [x.mode, x.status]),
		'still exactly one execution after more polls',
	).toEqual([['trigger', 'success']]);
	const pollErrors = requestsSince(seq).filter((q) => q.status !== 0);
	expect(
		pollErrors.map((q) => [q.method, q.status, q.message]),
		'trigger calls all answered 0',
	).toEqual([]);

	await rest.deactivateWorkflow(workflowId);
	console.log(
		`[e2e] ${workflowId}: emitted ${((firstAt - activated) / 1000).toFixed(1)} s after activation; ${requestsSince(seq, 'system.Core.now').length} polls`,
	);
}

// ---------------------------------------------------------------------------------------------
// Every n8n version in N8N_VERSIONS (WDT_E2E_N8N=1|2|<version> runs one), one after the other
// ---------------------------------------------------------------------------------------------

const VERSIONS = versionsFromArgs([], process.env.WDT_E2E_N8N || 'all');

describe.each(VERSIONS)('n8n %s', (version) => {
	// ---------------------------------------------------------------------------------------------
	// Setup: simulator, n8n, package, credential, workflows
	// ---------------------------------------------------------------------------------------------

	beforeAll(async () => {
		const t0 = Date.now();
		failed = true; // until the setup finished: keeps the user folder for a look
		sim = await startSimulator({ seed: 'empty' });
		goodData = credentialData(sim.url);
		inst = await e2e.prepareN8n({ version, log: (s) => process.stderr.write(s) });
		tmp = await mkdtemp(join(tmpdir(), 'wdt-e2e-pack-'));
		const tarball = await e2e.packPackage(REPO, tmp);
		const installed = await e2e.installCommunityPackage(inst.userFolder, tarball);
		expect(installed.name, 'package name in the packed tarball').toBe(PKG);
		await e2e.importCredentials(inst, [{ ...CREDENTIAL, type: 'wdtApi', data: goodData }]);
		const workflows = WORKFLOWS(version);
		const http = workflows.find((w) => w.id === 'wfHttp') as {
			nodes: Array<{ parameters: Record<string, unknown> }>;
		};
		http.nodes[1].parameters.url = sim.url;
		await e2e.importWorkflow(inst, workflows);
		failed = false;
		console.log(
			`[e2e] n8n ${inst.version} (Node ${inst.nodeBin}, expression engine ${inst.expressionEngine}) ready in ${inst.userFolder} (setup ${((Date.now() - t0) / 1000).toFixed(1)} s); simulator ${sim.url}`,
		);
	});

	afterAll(async () => {
		await server?.stop();
		server = undefined;
		await sim?.close();
		if (tmp) await rm(tmp, { recursive: true, force: true });
		if (inst && !process.env.WDT_E2E_KEEP && !failed)
			await rm(inst.userFolder, { recursive: true, force: true });
		else if (inst) console.log(`[e2e] n8n user folder kept: ${inst.userFolder}`);
	});

	beforeEach((ctx) => {
		ctx.onTestFailed(async () => {
			failed = true;
			if (server) {
				console.error(
					`--- tail of the n8n log (${server.logFile}) ---\n${tail(await server.log(), 6000)}`,
				);
			}
		});
	});

	// ---------------------------------------------------------------------------------------------
	// CLI: import and execute
	// ---------------------------------------------------------------------------------------------

	describe('n8n CLI with the packed package', () => {
		it('imports every example in examples/', async () => {
			const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
			expect(files.length, 'examples/*.json').toBeGreaterThan(0);
			// n8n 2.x's import:workflow needs an id (1.x made one up): give each example one.
			const all = files.map((f, i) => ({
				id: `wfExample${i}`,
				...JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')),
			}));
			// One CLI boot for all of them; on failure, once per file to name the culprit.
			const r = await e2e.n8nCli(inst, ['import:workflow', `--input=${await writeImport(all)}`]);
			if (r.code !== 0) {
				for (const file of files) {
					const one = await e2e.n8nCli(inst, [
						'import:workflow',
						`--input=${await writeImport(all[files.indexOf(file)])}`,
					]);
					expect(
						one.code,
						`n8n import:workflow examples/${file} failed:\n${tail(one.stdout, 2000)}\n${tail(one.stderr, 2000)}`,
					).toBe(0);
				}
			}
			expect(
				r.code,
				`n8n import:workflow of all examples failed:\n${tail(r.stdout, 2000)}\n${tail(r.stderr, 2000)}`,
			).toBe(0);
			expect(`${r.stdout}${r.stderr}`, 'import output').toMatch(
				new RegExp(`Importing ${files.length} workflows`),
			);
			expect(`${r.stdout}${r.stderr}`, 'import output').not.toMatch(/error/i);
		});

		it('Purchase Apply: create 2 applies from rows → get each by number → cancel (one refused to the error output)', async () => {
			const seq = lastSeq();
			const r = await execute('wfApplies');

			const created = out(r, 'Create');
			expect(
				created.map((c) => c.purchase_apply_no),
				'Create output: one item per apply',
			).toEqual([APPLY_A, APPLY_B]);
			expect(created[0].detail_list, 'apply A gets both rows of group A').toEqual([
				{ spec_no: 'TS-001-BLK-M', num: 5, provider_no: 'GYS001' },
				{ spec_no: 'MUG-350', num: 2, provider_no: 'GYS001' },
			]);
			expect(
				requestsSince(seq, 'purchase.PurchaseApply.upload').map((q) => q.status),
				'upload calls',
			).toEqual([0, 0]);

			const a = sim.purchaseApplies.get(APPLY_A);
			const b = sim.purchaseApplies.get(APPLY_B);
			expect(a, `simulator has ${APPLY_A}`).toBeDefined();
			expect(b, `simulator has ${APPLY_B}`).toBeDefined();
			expect(a!.warehouseNo).toBe('WH01');
			expect(a!.remark).toBe('e2e apply A');
			expect(a!.providerNo, 'common provider of apply A').toBe('GYS001');
			expect(a!.details.map((d) => [d.specNo, d.num])).toEqual([
				['TS-001-BLK-M', 5],
				['MUG-350', 2],
			]);
			expect(a!.expectedTimeMs, 'expected_time in the workflow timezone (Asia/Shanghai)').toBe(
				Date.parse('2030-01-15T10:00:00+08:00'),
			);
			expect(b!.details.map((d) => [d.specNo, d.num])).toEqual([['CABLE-C-1M', 7]]);

			const got = out(r, 'Get');
			expect(
				got.map((g) => [g.purchase_apply_no, g.status]),
				'Get Many by number, before the cancel',
			).toEqual([
				[APPLY_A, PURCHASE_APPLY_STATUS.editing],
				[APPLY_B, PURCHASE_APPLY_STATUS.pendingReference],
			]);
			expect(got[0].status_name).toBe('编辑中');
			const searches = requestsSince(seq, 'purchase.PurchaseApply.search');
			expect(
				searches.map((q) => (q.args as any[])[0].purchase_apply_no),
				"Create's look-up of each number, then Get Many's search per number",
			).toEqual([APPLY_A, APPLY_B, APPLY_A, APPLY_B]);

			const cancelled = out(r, 'Cancel', 0);
			const refused = out(r, 'Cancel', 1);
			expect(
				cancelled.map((c) => [c.order_no, c.success]),
				'Cancel success output',
			).toEqual([[APPLY_A, true]]);
			// n8n rewrites an item that carries an error to { error: message } (WorkflowExecute), so
			// the error output holds the node's message, which names the number and WDT's reason.
			expect(
				refused,
				`Cancel error output: ${JSON.stringify(r.runData?.Cancel?.[0]?.data?.main?.[1])}`,
			).toEqual([
				{
					error: `${APPLY_B}: WDT refused to cancel it: "采购申请单状态不是编辑中或待确认" (WDT cancels only purchase applies that are being edited or are waiting for confirmation; it may already have been cancelled, for example by an earlier run)`,
				},
			]);
			expect(out(r, 'Cancelled')).toHaveLength(1);
			expect(out(r, 'Not cancelled')).toHaveLength(1);
			const cancels = requestsSince(seq, 'purchase.PurchaseApply.cancelForApi');
			expect(
				cancels.map((q) => q.args),
				'both numbers in one batch',
			).toEqual([[[APPLY_A, APPLY_B]]]);

			expect(sim.purchaseApplies.get(APPLY_A)!.status, `${APPLY_A} after the cancel`).toBe(
				PURCHASE_APPLY_STATUS.cancelled,
			);
			expect(sim.purchaseApplies.get(APPLY_B)!.status, `${APPLY_B} after the cancel`).toBe(
				PURCHASE_APPLY_STATUS.pendingReference,
			);
		});

		it('Purchase Apply: stop with continue-on-fail, then a cancel of a submitted apply fails the run with a plain message', async () => {
			sim.addPurchaseApply({ purchaseApplyNo: APPLY_PARTLY, status: 'partlyReferenced' });
			const r = await execute('wfApplyStop', { expectOk: false });
			expect(r.ok, `the run should fail at "Cancel submitted":\n${explain(r)}`).toBe(false);

			const stopped = out(r, 'Stop');
			expect(stopped.map((s) => [s.order_no, s.success, s.error])).toEqual([
				[APPLY_PARTLY, true, null],
				[APPLY_B, false, '采购申请单状态不是部分引用'],
			]);
			expect(sim.purchaseApplies.get(APPLY_PARTLY)!.status).toBe(PURCHASE_APPLY_STATUS.referenced);

			expect(r.lastNodeExecuted).toBe('Cancel submitted');
			expect(r.error?.message, explain(r)).toBe(
				`WDT refused to cancel purchase apply ${APPLY_B} ("采购申请单状态不是编辑中或待确认")`,
			);
			expect(String(r.error?.description ?? '')).toContain(
				'WDT confirmed none as cancelled in this run.',
			);
			expect(sim.purchaseApplies.get(APPLY_B)!.status).toBe(PURCHASE_APPLY_STATUS.pendingReference);
		});

		it('Other Out: cancel with partial failure (continue on fail), in batches', async () => {
			sim.addOtherOut({ orderNo: 'QCE2E0001', status: 'pending' });
			sim.addOtherOut({ orderNo: 'QCE2E0002', status: 'done' });
			const seq = lastSeq();
			const r = await execute('wfOtherOut');

			const items = out(r, 'Cancel other-out');
			expect(items.map((i) => [i.order_no, i.success, i.error])).toEqual([
				['QCE2E0001', true, null],
				['QCE2E0002', false, '单据状态不是编辑中、待审核、已审核，不允许取消'],
				['QCE2E9999', false, '单据不存在'],
			]);
			expect(
				requestsSince(seq, 'wms.stockother.Out.cancelOrder').map((q) => q.args),
				'batch size 2: two calls',
			).toEqual([[['QCE2E0001', 'QCE2E0002']], [['QCE2E9999']]]);
			expect(sim.otherOuts.get('QCE2E0001')!.status).toBe(OTHER_OUT_STATUS.cancelled);
			expect(sim.otherOuts.get('QCE2E0002')!.status).toBe(OTHER_OUT_STATUS.done);
		});

		it('Sales Stockout: Get Many Cancelled over 3 hours reads 3 one-hour windows, every page, no duplicates', async () => {
			const expected = new Set<string>();
			const add = (modifiedMs: number, status?: 'done') => {
				const s = sim.addStockout({ modifiedMs, ...(status ? { status } : {}) });
				if (!status && modifiedMs >= RANGE_START && modifiedMs <= RANGE_END)
					expected.add(s.stockoutNo);
				return s;
			};
			PER_HOUR.forEach((count, hour) => {
				for (let i = 0; i < count; i++) add(RANGE_START + hour * HOUR + 5_000 + i * 10_000);
			});
			add(RANGE_START + HOUR); // on the boundary of windows 1 and 2: returned by both, output once
			add(RANGE_START); // on the range start
			add(RANGE_START - 60_000); // before the range
			add(RANGE_END + 60_000); // after the range
			add(RANGE_START + 90 * 60_000, 'done'); // not cancelled: searchCancel does not return it
			const seq = lastSeq();

			const r = await execute('wfStockouts');
			const items = out(r, 'Cancelled stockouts');
			const numbers = items.map((i) => String(i.stockout_no));
			expect(new Set(numbers).size, 'no stockout twice').toBe(numbers.length);
			expect(numbers.length, 'every cancelled stockout of the range').toBe(expected.size);
			expect(new Set(numbers)).toEqual(expected);
			expect(items.every((i) => i.status === 5 && i.status_name === '已取消')).toBe(true);

			const calls = requestsSince(seq, 'wms.stockout.Sales.searchCancel');
			expect(
				calls.every((q) => q.status === 0),
				'every searchCancel answered 0',
			).toBe(true);
			const windows = new Map<string, number[]>();
			for (const q of calls) {
				const { start_time, end_time } = (q.args as Array<Record<string, string>>)[0];
				const key = `${start_time} → ${end_time}`;
				windows.set(key, [...(windows.get(key) ?? []), q.pageNo ?? -1]);
			}
			expect([...windows.keys()], 'three consecutive one-hour windows').toEqual([
				`${cst(RANGE_START)} → ${cst(RANGE_START + HOUR)}`,
				`${cst(RANGE_START + HOUR)} → ${cst(RANGE_START + 2 * HOUR)}`,
				`${cst(RANGE_START + 2 * HOUR)} → ${cst(RANGE_END)}`,
			]);
			const pages = [...windows.values()];
			expect(pages[0], 'window 1 (132 rows) pages').toEqual([0, 1]);
			expect(pages[1], 'window 2 (4 rows) pages').toEqual([0]);
			expect(pages[2], 'window 3 (205 rows) pages').toEqual([0, 1, 2]);
			expect(
				calls.every((q) => q.pageSize === 100),
				'page_size 100',
			).toBe(true);
		});

		it('Custom: Call Any Method — system.Core.now, then a paged searchCancel with Return All', async () => {
			for (let i = 0; i < CALL_COUNT; i++)
				sim.addStockout({ modifiedMs: CALL_WINDOW.startMs + 1_000 + i * 20_000 });
			const seq = lastSeq();
			const before = toWdtTimestamp(Date.now());
			const r = await execute('wfCall');
			const after = toWdtTimestamp(Date.now());

			const [now] = out(r, 'Now');
			expect(now.status, 'system.Core.now status').toBe(0);
			expect(
				Number(now.data?.now),
				'system.Core.now: WDT seconds of the simulator clock',
			).toBeGreaterThanOrEqual(before);
			expect(Number(now.data?.now)).toBeLessThanOrEqual(after);

			const rows = out(r, 'Search');
			expect(rows, 'one item per record across all pages').toHaveLength(CALL_COUNT);
			expect(new Set(rows.map((x) => x.stockout_id)).size).toBe(CALL_COUNT);
			const pages = requestsSince(seq, 'wms.stockout.Sales.searchCancel').map((q) => [
				q.pageNo,
				q.pageSize,
			]);
			expect(pages, 'pages of 50').toEqual([
				[0, 50],
				[1, 50],
				[2, 50],
			]);
		});

		it("n8n's HTTP Request node signs with the WDT credential (predefined credential type)", async () => {
			const seq = lastSeq();
			const r = await execute('wfHttp');
			const [reply] = out(r, 'HTTP');
			expect(reply?.status, `HTTP node output: ${JSON.stringify(reply)}`).toBe(0);
			expect(typeof reply.data?.now).toBe('number');

			const seen = requestsSince(seq);
			expect(
				seen.map((q) => [q.method, q.status]),
				'what the simulator saw',
			).toEqual([['system.Core.now', 0]]);
			const [q] = seen;
			expect(q.hasSign && q.hasSalt, 'sign and salt present').toBe(true);
			expect(q.sid).toBe(DEFAULT_SELLER.sid);
			expect(q.query.key).toBe(DEFAULT_SELLER.key);
			expect(q.query.v).toBe('1.0');
			expect(q.bodyText).toBe('[]');
		});

		it('Get Many of every resource from issue 13 in one workflow: sales orders, sales stockouts, goods, stock, refunds, shops, warehouses', async () => {
			const orderTimes = [10, 20, 70, 80, 100].map((minutes) => READ_START + minutes * MINUTE);
			const trades = sim.records(TRADE_QUERY);
			orderTimes.forEach((modifiedMs, i) =>
				trades.add(
					{
						trade_id: 9100 + i,
						trade_no: `JYE2E${i + 1}`,
						shop_name: 'E2E Shop',
						trade_status: 55,
						detail_list: [
							{ trade_id: 9100 + i, rec_id: 91000 + i, spec_no: 'TS-001-BLK-M', num: 2 },
						],
					},
					{ modifiedMs },
				),
			);
			trades.add({ trade_id: 9099, trade_no: 'JYE2E-BEFORE' }, { modifiedMs: READ_START - MINUTE });
			trades.add({ trade_id: 9199, trade_no: 'JYE2E-AFTER' }, { modifiedMs: READ_END + MINUTE });

			const stockouts = (['toShip', 'done', 'cancelled'] as const).map((status, i) =>
				sim.addStockout({ status, modifiedMs: READ_START + (30 + 40 * i) * MINUTE }),
			);
			sim.addStockout({ status: 'done', modifiedMs: READ_END + 10 * MINUTE });

			const goods = sim.records(GOODS_QUERY);
			for (const [id, daysAgo] of [
				[1, 5],
				[2, 1],
				[3, 40], // outside the default 30 days
			]) {
				const spec = (suffix: string) => ({ goods_id: id, spec_no: `GE2E${id}-${suffix}` });
				goods.add(
					{
						goods_id: id,
						goods_no: `GE2E${id}`,
						goods_name: `E2E goods ${id}`,
						spec_list: [spec('A'), spec('B')],
					},
					{ modifiedMs: Date.now() - daysAgo * DAY },
				);
			}
			const stock = sim.records(STOCK_QUERY);
			for (const [id, warehouseNo] of [
				[1, 'WH01'],
				[2, 'WH01'],
				[3, 'WH02'],
			] as const)
				stock.add(
					{ rec_id: id, spec_no: `SKUE2E${id}`, warehouse_no: warehouseNo, stock_num: id * 10 },
					{ modifiedMs: Date.now() - DAY },
				);
			const refunds = sim.records(REFUND_QUERY);
			for (const [id, daysAgo] of [
				[1, 3],
				[2, 2],
				[3, 45], // outside the default 30 days
			])
				refunds.add(
					{
						refund_id: id,
						refund_no: `TKE2E${id}`,
						status: 20,
						detail_list: [{ spec_no: `SKUE2E${id}` }],
					},
					{ modifiedMs: Date.now() - daysAgo * DAY },
				);
			const modifiedMs = Date.now() - DAY;
			setMasterData(sim, {
				shops: ['E2E-SHOP-1', 'E2E-SHOP-2', 'E2E-SHOP-3'].map((shopNo, i) => ({
					shopId: i + 1,
					shopNo,
					shopName: `E2E shop ${i + 1}`,
					platformId: 127,
					isDisabled: false,
					authState: 1,
					modifiedMs,
				})),
				warehouses: ['WH01', 'WH02', 'WH-GONE'].map((warehouseNo, i) => ({
					warehouseId: i + 1,
					warehouseNo,
					name: `E2E warehouse ${i + 1}`,
					type: 1,
					subType: 0,
					isDisabled: false,
					deleted: warehouseNo === 'WH-GONE', // WDT hides deleted warehouses by default
					modifiedMs,
				})),
			});
			const seq = lastSeq();

			const r = await execute('wfReads');

			const orders = out(r, 'Sales orders');
			expect(
				orders.map((o) => o.trade_no),
				'the orders of the range',
			).toEqual(orderTimes.map((_, i) => `JYE2E${i + 1}`));
			expect(orders[0]).toMatchObject({
				shop_name: 'E2E Shop',
				trade_status: 55,
				trade_status_name: statusName(TRADE_QUERY, 'trade_status', 55),
				modified: cst(orderTimes[0]),
			});
			expect(orders[0].detail_list).toMatchObject([
				{ rec_id: 91000, spec_no: 'TS-001-BLK-M', num: 2 },
			]);
			const windows = requestsSince(seq, TRADE_QUERY).map((q) => {
				const { start_time, end_time } = (q.args as Array<Record<string, string>>)[0];
				return `${start_time} → ${end_time}`;
			});
			expect(windows, 'two one-hour windows').toEqual([
				`${cst(READ_START)} → ${cst(READ_START + HOUR)}`,
				`${cst(READ_START + HOUR)} → ${cst(READ_END)}`,
			]);

			const shipped = out(r, 'Sales stockouts');
			expect(shipped.map((o) => [o.order_no, o.status, o.status_name])).toEqual(
				stockouts.map((o) => [
					o.stockoutNo,
					o.status,
					statusName(STOCKOUT_QUERY, 'status', o.status),
				]),
			);

			const products = out(r, 'Goods');
			expect(
				products.map((g) => [
					g.goods_no,
					g.spec_list.map((spec: { spec_no: string }) => spec.spec_no),
				]),
			).toEqual([
				['GE2E1', ['GE2E1-A', 'GE2E1-B']],
				['GE2E2', ['GE2E2-A', 'GE2E2-B']],
			]);
			expect(out(r, 'Stock').map((row) => [row.spec_no, row.warehouse_no, row.stock_num])).toEqual([
				['SKUE2E1', 'WH01', 10],
				['SKUE2E2', 'WH01', 20],
			]);
			const refundRows = out(r, 'Refunds');
			expect(refundRows.map((row) => [row.refund_no, row.status_name])).toEqual([
				['TKE2E1', statusName(REFUND_QUERY, 'status', 20)],
				['TKE2E2', statusName(REFUND_QUERY, 'status', 20)],
			]);
			expect(out(r, 'Shops').map((shop) => [shop.shop_no, shop.shop_name])).toEqual([
				['E2E-SHOP-1', 'E2E shop 1'],
				['E2E-SHOP-2', 'E2E shop 2'],
				['E2E-SHOP-3', 'E2E shop 3'],
			]);
			expect(out(r, 'Warehouses').map((w) => [w.warehouse_no, w.name])).toEqual([
				['WH01', 'E2E warehouse 1'],
				['WH02', 'E2E warehouse 2'],
			]);
			const calls = requestsSince(seq);
			expect(
				calls.filter((q) => q.status !== 0).map((q) => [q.method, q.status, q.message]),
				'every call answered 0',
			).toEqual([]);
			expect([...new Set(calls.map((q) => q.method))].sort()).toEqual(
				[
					TRADE_QUERY,
					STOCKOUT_QUERY,
					GOODS_QUERY,
					STOCK_QUERY,
					REFUND_QUERY,
					'setting.Shop.queryShop',
					'setting.Warehouse.queryWarehouse',
				].sort(),
			);
		});

		describe('Writes from rows: Sales Order → Push and Product → Create or Update', () => {
			const storedOrders = () => [...sim.rawTrades.values()].filter((t) => t.shopNo === PUSH_SHOP);
			const storedGoods = (goodsNo: string) =>
				sim.records(GOODS_QUERY).find((record) => record.goods_no === goodsNo);
			const ourGoods = () =>
				sim.records(GOODS_QUERY).count((record) => String(record.goods_no).startsWith('GE2EW'));
			const specsOf = (goodsNo: string) =>
				(storedGoods(goodsNo)?.spec_list as Array<Record<string, unknown>>).map((spec) => [
					spec.spec_id,
					spec.spec_no,
					spec.retail_price,
				]);
			/** The goods and SKU ids WDT gave on the first run: the re-run must keep them. */
			let firstIds: Record<string, unknown> | undefined;

			/** What the run sent: one pushSelf2 and one batchPush, nothing else, all answered 0. */
			function sentBy(seq: number) {
				const calls = requestsSince(seq);
				expect(
					calls.map((q) => [q.method, q.status, q.message]).sort(),
					'one call each, answered 0 (two goods go to batchPush, not goods.Goods.push)',
				).toEqual([
					[GOODS_BATCH_PUSH, 0, undefined],
					[ORDER_PUSH, 0, undefined],
				]);
				const order = calls.find((q) => q.method === ORDER_PUSH)!;
				const goods = calls.find((q) => q.method === GOODS_BATCH_PUSH)!;
				return {
					order: order.args as [string, Array<Record<string, any>>, Array<Record<string, any>>],
					goods: goods.args as [Array<Record<string, any>>],
				};
			}

			it('creates 2 orders (3 rows) in one pushSelf2 and 2 goods (3 rows) in one batchPush, each output paired with its rows', async () => {
				addSelfOwnedShop(sim, PUSH_SHOP);
				const seq = lastSeq();
				const r = await execute(WRITE_RUNS.first.id);
				const sent = sentBy(seq);

				// pushSelf2(shop_no, rawTradeList, rawTradeOrderList): orders with the page's defaults
				// and counts, lines with the order's tid and their totals.
				const [shopNo, trades, lines] = sent.order;
				expect(shopNo).toBe(PUSH_SHOP);
				const [firstRow] = orderRows(WRITE_RUNS.first);
				const orderColumns = Object.fromEntries(
					Object.entries(firstRow).filter(
						([name]) =>
							!['oid', 'goods_no', 'spec_no', 'goods_name', 'num', 'price'].includes(name),
					),
				);
				expect(trades[0], 'order TE2E-1 as sent').toEqual({
					...orderColumns,
					...PUSHED_ORDER_DEFAULTS,
					order_count: 2,
					goods_count: 3,
				});
				expect(trades.map((t) => [t.tid, t.order_count, t.goods_count, t.receivable])).toEqual([
					['TE2E-1', 2, 3, 149.8],
					['TE2E-2', 1, 3, 34.7],
				]);
				expect(lines[0], 'line TE2E-1-1 as sent').toEqual({
					tid: 'TE2E-1',
					oid: 'TE2E-1-1',
					goods_no: 'TS-001',
					spec_no: 'TS-001-BLK-M',
					goods_name: 'E2E TS-001',
					num: 2,
					price: 59.9,
					goods_id: 'TS-001', // no platform goods id given: the node sends the goods number
					spec_id: 'TS-001-BLK-M',
					discount: 0,
					share_discount: 0,
					adjust_amount: 0,
					total_amount: 119.8,
					refund_amount: 0,
					status: 30,
					refund_status: 0,
					remark: '',
					json: '',
				});
				expect(lines.map((l) => [l.tid, l.oid, l.spec_no, l.num, l.price, l.total_amount])).toEqual(
					[
						['TE2E-1', 'TE2E-1-1', 'TS-001-BLK-M', 2, 59.9, 119.8],
						['TE2E-1', 'TE2E-1-2', 'MUG-350', 1, 25, 25],
						['TE2E-2', 'TE2E-2-1', 'CABLE-C-1M', 3, 9.9, 29.7],
					],
				);

				// batchPush([goodsInfo with spec_list]): goods fields from the first row of each goods.
				expect(sent.goods, 'batchPush arguments').toEqual([
					[
						{
							goods_no: 'GE2EW1',
							goods_name: 'E2E T-shirt',
							brand_name: 'E2E brand',
							spec_list: [
								{ spec_no: 'GE2EW1-M', spec_name: 'M', retail_price: 59.9 },
								{ spec_no: 'GE2EW1-L', spec_name: 'L', retail_price: 65 },
							],
						},
						{
							goods_no: 'GE2EW2',
							goods_name: 'E2E mug',
							spec_list: [
								{
									spec_no: 'GE2EW2-350',
									spec_name: '350ml',
									barcode: '6900000000001',
									retail_price: 25,
								},
							],
						},
					],
				]);

				// One output item per order / goods, paired with the rows it came from.
				const rerun = expect.stringMatching(
					/again updates this order in WDT; it does not create a second one/,
				);
				const outcome = { success: true, outcome: 'succeeded', error: null, error_code: null };
				expect(out(r, 'Push orders')).toEqual([
					{
						...outcome,
						order_no: 'TE2E-1',
						shop_no: PUSH_SHOP,
						tid: 'TE2E-1',
						oids: ['TE2E-1-1', 'TE2E-1-2'],
						push_result: 'created',
						rerun,
					},
					{
						...outcome,
						order_no: 'TE2E-2',
						shop_no: PUSH_SHOP,
						tid: 'TE2E-2',
						oids: ['TE2E-2-1'],
						push_result: 'created',
						rerun,
					},
				]);
				expect(pairedWith(r, 'Push orders'), 'orders paired with their rows').toEqual([
					[0, 1],
					[2],
				]);
				const onReRun = expect.stringMatching(
					/updates the same goods and SKUs instead of creating them twice/,
				);
				expect(out(r, 'Push goods')).toEqual([
					{
						...outcome,
						order_no: 'GE2EW1',
						goods_no: 'GE2EW1',
						method: GOODS_BATCH_PUSH,
						spec_nos: ['GE2EW1-M', 'GE2EW1-L'],
						on_re_run: onReRun,
					},
					{
						...outcome,
						order_no: 'GE2EW2',
						goods_no: 'GE2EW2',
						method: GOODS_BATCH_PUSH,
						spec_nos: ['GE2EW2-350'],
						on_re_run: onReRun,
					},
				]);
				expect(pairedWith(r, 'Push goods'), 'goods paired with their rows').toEqual([[0, 1], [2]]);

				// What WDT now holds.
				expect(
					storedOrders().map((t) => [t.tid, t.pushes, t.lines.map((l) => l.oid)]),
					'raw orders in WDT',
				).toEqual([
					['TE2E-1', 1, ['TE2E-1-1', 'TE2E-1-2']],
					['TE2E-2', 1, ['TE2E-2-1']],
				]);
				expect(ourGoods(), 'goods in WDT').toBe(2);
				expect(storedGoods('GE2EW1')).toMatchObject({ brand_name: 'E2E brand', spec_count: 2 });
				expect(specsOf('GE2EW1').map(([, specNo, price]) => [specNo, price])).toEqual([
					['GE2EW1-M', 59.9],
					['GE2EW1-L', 65],
				]);
				firstIds = {
					GE2EW1: [storedGoods('GE2EW1')?.goods_id, specsOf('GE2EW1').map(([id]) => id)],
					GE2EW2: [storedGoods('GE2EW2')?.goods_id, specsOf('GE2EW2').map(([id]) => id)],
				};
			});

			it('run again with a changed price: WDT holds the updated order and goods, not second ones, and the output says "updated"', async () => {
				expect(firstIds, 'the first run of the writes passed').toBeDefined();
				const seq = lastSeq();
				const r = await execute(WRITE_RUNS.again.id);
				const sent = sentBy(seq);
				const [, trades, lines] = sent.order;
				expect(trades.map((t) => [t.tid, t.receivable])).toEqual([
					['TE2E-1', 129.8],
					['TE2E-2', 34.7],
				]);
				expect(lines.map((l) => [l.oid, l.price, l.total_amount])).toEqual([
					['TE2E-1-1', 49.9, 99.8],
					['TE2E-1-2', 25, 25],
					['TE2E-2-1', 9.9, 29.7],
				]);
				expect(
					sent.goods[0].map((g) => g.spec_list.map((s: Record<string, unknown>) => s.retail_price)),
				).toEqual([[49.9, 65], [25]]);

				expect(
					out(r, 'Push orders').map((o) => [o.tid, o.outcome, o.push_result]),
					'pushSelf2 counted both as changed (chg_count)',
				).toEqual([
					['TE2E-1', 'succeeded', 'updated'],
					['TE2E-2', 'succeeded', 'updated'],
				]);
				expect(pairedWith(r, 'Push orders')).toEqual([[0, 1], [2]]);
				// batchPush's reply has no created/updated counts: the item says what a re-run does.
				expect(out(r, 'Push goods').map((g) => [g.goods_no, g.outcome, g.on_re_run])).toEqual([
					['GE2EW1', 'succeeded', expect.stringMatching(/^WDT matches goods by goods_no/)],
					['GE2EW2', 'succeeded', expect.stringMatching(/^WDT matches goods by goods_no/)],
				]);
				expect(pairedWith(r, 'Push goods')).toEqual([[0, 1], [2]]);

				const orders = storedOrders();
				expect(
					orders.map((t) => [t.tid, t.pushes, t.trade.receivable]),
					'the same two raw orders, pushed twice',
				).toEqual([
					['TE2E-1', 2, 129.8],
					['TE2E-2', 2, 34.7],
				]);
				expect(orders[0].lines.map((l) => [l.oid, l.price])).toEqual([
					['TE2E-1-1', 49.9],
					['TE2E-1-2', 25],
				]);
				expect(ourGoods(), 'still two goods').toBe(2);
				expect(
					{
						GE2EW1: [storedGoods('GE2EW1')?.goods_id, specsOf('GE2EW1').map(([id]) => id)],
						GE2EW2: [storedGoods('GE2EW2')?.goods_id, specsOf('GE2EW2').map(([id]) => id)],
					},
					'the same goods and SKU ids',
				).toEqual(firstIds);
				expect(specsOf('GE2EW1').map(([, specNo, price]) => [specNo, price])).toEqual([
					['GE2EW1-M', 49.9],
					['GE2EW1-L', 65],
				]);
			});
		});
	});

	// ---------------------------------------------------------------------------------------------
	// Server: REST, credential test, icons, trigger
	// ---------------------------------------------------------------------------------------------

	describe('n8n server with the packed package', () => {
		beforeAll(async () => {
			const t0 = Date.now();
			const failedBefore = failed;
			failed = true;
			server = await e2e.startN8n(inst);
			try {
				rest = await e2e.ownerClient(server);
			} catch (error) {
				throw new Error(
					`${(error as Error).message}\n--- n8n log ---\n${tail(await server.log())}`,
				);
			}
			failed = failedBefore;
			console.log(
				`[e2e] n8n start: REST up in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${server.baseUrl}`,
			);
		});

		it('loads both node types and the credential type, with icons (light and dark) that resolve to SVG', async () => {
			const types = await rest.nodeTypes();
			const ours = types.filter((t) => t.name.startsWith(`${PKG}.`));
			// wdtTool is the AI-agent tool n8n derives from the action node (usableAsTool: true).
			expect(ours.map((t) => t.name).sort(), 'community node types loaded by n8n').toEqual([
				`${PKG}.wdt`,
				`${PKG}.wdtTool`,
				`${PKG}.wdtTrigger`,
			]);
			for (const type of ours) {
				expect(typeof type.iconUrl, `${type.name} iconUrl: ${JSON.stringify(type.iconUrl)}`).toBe(
					'object',
				);
				const icons = await rest.fetchNodeIcons(type);
				expect(icons, `${type.name}: light and dark`).toHaveLength(2);
				for (const icon of icons) {
					expect(icon.contentType, `${icon.url}`).toMatch(/^image\/svg\+xml/);
					const text = await (await rest.raw(icon.url)).text();
					expect(text, `${icon.url} is an SVG`).toMatch(/<svg[\s>]/);
				}
				expect(
					type.credentials?.map((c) => c.name),
					`${type.name} credentials`,
				).toEqual(['wdtApi']);
			}

			const creds = await rest.credentialTypes();
			const wdtApi = creds.find((c) => c.name === 'wdtApi') as Record<string, any> | undefined;
			expect(wdtApi, 'credential type wdtApi loaded').toBeDefined();
			if (wdtApi?.iconUrl) {
				for (const url of typeof wdtApi.iconUrl === 'string'
					? [wdtApi.iconUrl]
					: Object.values(wdtApi.iconUrl)) {
					const res = await rest.raw(String(url));
					expect(res.status, `credential icon ${String(url)}`).toBe(200);
					expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
				}
			}
		});

		it('lists the imported examples as workflows', async () => {
			const names = readdirSync(EXAMPLES)
				.filter((f) => f.endsWith('.json'))
				.map((f) => String(JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')).name));
			const listed = await rest.get<any>('/rest/workflows?limit=200');
			const rows: Array<{ name: string }> = Array.isArray(listed) ? listed : (listed?.data ?? []);
			const have = rows.map((w) => w.name);
			for (const name of names)
				expect(have, `workflow "${name}" in n8n after import`).toContain(name);
		});

		it("n8n's credential test: success for the right secret, the plain-language message for a wrong one", async () => {
			const seq = lastSeq();
			const good = await rest.testCredential({ ...CREDENTIAL, type: 'wdtApi', data: goodData });
			expect(good, 'test of the imported credential').toEqual({
				status: 'OK',
				message: 'Connection successful!',
			});
			expect(
				requestsSince(seq).map((q) => [q.method, q.status]),
				'the test called system.Core.now',
			).toEqual([['system.Core.now', 0]]);

			const bad = await rest.testCredential({
				...CREDENTIAL,
				type: 'wdtApi',
				data: { ...goodData, secret: 'not-the-secret' },
			});
			expect(bad.status, JSON.stringify(bad)).toBe('Error');
			expect(bad.message).toBe(credentialProblem('wrongKeyOrSecret'));
			expect(sim.requests[sim.requests.length - 1].message, 'simulator refused the sign').toBe(
				'验证失败',
			);
		});

		it(
			'the trigger, activated with the fastest poll n8n accepts (3 s on 1.x, 1 min on 2.x), emits a stockout cancelled after activation exactly once',
			async () => {
				const stockout = sim.addStockout({ status: 'toShip' }); // not cancelled yet
				await expectOneExecutionPerChange(version, {
					workflowId: 'wfTrigger',
					readMethod: 'wms.stockout.Sales.searchCancel',
					change: (modifiedMs) => {
						sim.cancelStockout(stockout.stockoutId, modifiedMs);
						return stockout.stockoutNo;
					},
				});
			},
			8 * 60_000,
		);

		it(
			'the Sales Stockout Shipped trigger, activated with the fastest poll n8n accepts, emits a stockout shipped after activation exactly once',
			async () => {
				const stockout = sim.addStockout({ status: 'toShip' }); // not shipped yet
				await expectOneExecutionPerChange(version, {
					workflowId: 'wfShipped',
					readMethod: STOCKOUT_QUERY,
					change: (modifiedMs) => {
						sim.modifyStockout(stockout.stockoutId, { status: 'done', modifiedMs });
						return stockout.stockoutNo;
					},
				});
			},
			8 * 60_000,
		);
	});

	// -----------------------------------------------------------------------------------------
	// n8n 2.x only: the trigger under 2.x's poll scheduling, with and without durable cursors
	// -----------------------------------------------------------------------------------------

	describe.runIf(Number(version.split('.')[0]) >= 2)('n8n 2.x poll scheduling', () => {
		// Default: n8n's in-memory cron polls, static data saved with each execution. Durable:
		// polls run by the durable scheduler, and a poll's cursor (static data) is staged and
		// committed only after a scheduled poll that returned normally (never after the
		// activation poll, nor after one that threw).
		const MODES = [
			{ key: 'Def', name: 'default poll scheduling', env: {} },
			{ key: 'Dur', name: 'durable poll cursors', env: DURABLE_CURSORS_ENV },
		];

		describe.each(MODES)('$name', (mode) => {
			beforeAll(async () => {
				await server?.stop();
				server = await e2e.startN8n(inst, { env: mode.env });
				rest = await e2e.ownerClient(server);
			});
			afterAll(async () => {
				await server?.stop();
				server = undefined;
			});

			it(
				'a poll interval over one minute: the first scheduled poll emits a cancel made right after activation',
				async () => {
					// A cron that first fires ~2 minutes from now, then every 2 minutes (minutes and
					// seconds are the same in the workflow's timezone, a whole-hour offset).
					// 3 minutes: the import alone took up to a minute on a busy machine.
					const first = new Date(Date.now() + 180_000);
					const cron = `${first.getUTCSeconds()} ${first.getUTCMinutes() % 3}/3 * * * *`;
					const id = `wfSlow${mode.key}`;
					await e2e.importWorkflow(inst, [triggerWorkflow(id, cron)]);

					const stockout = sim.addStockout({ status: 'toShip' });
					const seq = lastSeq();
					await rest.activateWorkflow(id);
					const activated = Date.now();
					const [activationNow] = requestsSince(seq, 'system.Core.now');
					// n8n's in-memory scheduling polls once at activation; the durable scheduler does not,
					// so the trigger's first poll may be the scheduled one. Either way nothing may be lost.
					console.log(
						`[e2e] ${id}: activation poll ${activationNow ? 'ran' : 'did not run'} (${mode.name})`,
					);
					// Cancelled 5 s after activation: after the activation poll's cursor (WDT now − 1 min)
					// and more than a minute before the first scheduled poll's window end.
					await sleep(5_000);
					const cancelledAt = Date.now();
					sim.cancelStockout(stockout.stockoutId, cancelledAt);
					expect(
						first.getTime() - 60_000 - cancelledAt,
						'the cancel lies in the gap',
					).toBeGreaterThan(20_000);

					const executions = async () => (await rest.listExecutions({ workflowId: id })).results;
					const list = await e2e.waitFor(
						async () => {
							const l = await executions();
							return l.length ? l : undefined;
						},
						{
							timeoutMs: first.getTime() - Date.now() + 60_000,
							intervalMs: 2_000,
							what: `an execution of ${id} for ${stockout.stockoutNo} by the first scheduled poll (${cst(first.getTime())} CST); polls: ${requestsSince(
								seq,
								'system.Core.now',
							)
								.map((q) => cst(q.at))
								.join(', ')}`,
						},
					);
					await sleep(2_000);
					const polls = requestsSince(seq, 'system.Core.now');
					// The durable scheduler runs no poll at the activation instant but may run its first
					// one soon after; what matters is that nothing is lost or emitted twice (below).
					expect(
						polls.length,
						'the activation poll (if any) + the first scheduled poll',
					).toBeLessThanOrEqual(2);
					expect(
						polls[polls.length - 1].at - activated,
						'the scheduled poll came over a minute later',
					).toBeGreaterThan(60_000);
					const final = await executions();
					expect(final, 'exactly one execution').toHaveLength(1);
					await e2e.waitFor(async () => (await executions())[0].status === 'success', {
						timeoutMs: 30_000,
						what: 'the execution to succeed',
					});
					const execution = await rest.getExecution(list[0].id);
					expect(execution.data, 'it carries the stockout cancelled after activation').toContain(
						stockout.stockoutNo,
					);
					await rest.deactivateWorkflow(id);
				},
				6 * 60_000,
			);

			it(
				'a rate-limited poll pauses the trigger: no calls to WDT until the pause ends',
				async () => {
					const id = `wfRate${mode.key}`;
					await e2e.importWorkflow(inst, [triggerWorkflow(id, FAST_POLL(version))]);
					const seq = lastSeq();
					await rest.activateWorkflow(id);
					// The next poll that reads a window gets WDT's rate-limit reply.
					sim.faults.next('rateLimit', 1, 'wms.stockout.Sales.searchCancel');
					await e2e.waitFor(() => sim.faults.pending === 0, {
						timeoutMs: 150_000,
						what: 'a poll to meet the rate limit',
					});
					const limitedAt = Date.now();
					await sleep(75_000); // the next 1-minute poll falls inside the pause
					const after = requestsSince(seq).filter((q) => q.at > limitedAt + 500);
					await rest.deactivateWorkflow(id);
					expect(
						after.map((q) => `${cst(q.at)} ${q.method}`),
						'calls during the 2-minute pause after a rate limit',
					).toEqual([]);
				},
				8 * 60_000,
			);
		});
	});
});
