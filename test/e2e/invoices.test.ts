/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * Invoice → Update (finance.invoice.InvoiceOrder.updateInvoice) in real n8n, the packed package
 * installed as a user installs it, against the simulator on 127.0.0.1:
 * - the invoices still to issue, found by Invoice → Get Many, reported issued in one call;
 * - refusals (an issued invoice, an unknown number) and a row without an invoice number reported
 *   per item on the error output while the others are updated; without an error output the run
 *   fails with a message saying what was updated;
 * - a bad row stops the run before any call, naming item and field.
 *
 *   npm run build && WDT_E2E_N8N=1 npx vitest run --config test/e2e/vitest.config.mts test/e2e/invoices.test.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
	addInvoice,
	credentialData,
	INVOICE_STATUS,
	INVOICES,
	startSimulator,
	type WdtSimulator,
} from '../simulator';
import { versionsFromArgs } from './n8n-install.mjs';
import * as e2e from './n8n.mjs';
import type { ExecuteResult, N8nInstance } from './n8n.mjs';
import { workflow, type NodeSpec } from './workflows';

const REPO = resolve(__dirname, '../..');
const PKG = 'n8n-nodes-wdt';
const UPDATE = 'finance.invoice.InvoiceOrder.updateInvoice';
const CREDENTIAL = { id: 'wdtcred1', name: 'WDT simulator' };
const DAY = 24 * 3600_000;

/** FP…1 awaiting issue, FP…2 offline issue failed, FP…3 issued, FP…4–7 awaiting issue but updated 40 days ago. */
const FP = (n: number) => `FPE2E000${n}`;
const NOT_UPDATABLE = '发票状态不是线下待开票或线下开票失败';
const STATUS_HINT =
	'WDT takes an update only for invoices that are offline, awaiting issue, or whose offline issue failed; it may already have been updated, for example by an earlier run';
const INVOICE_CODE = '044001900111';
const pdf = (no: string) => `https://files.example.com/invoices/${no}.pdf`;

const START: NodeSpec = { name: 'Start', type: 'n8n-nodes-base.manualTrigger' };
const rowsNode = (rows: Array<Record<string, unknown>>): NodeSpec => ({
	name: 'Rows',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` },
});
const updateNode = (
	parameters: Record<string, unknown>,
	onError?: NodeSpec['onError'],
): NodeSpec => ({
	name: 'Update invoices',
	type: `${PKG}.wdt`,
	parameters: { resource: 'invoice', operation: 'update', ...parameters },
	credentials: { wdtApi: CREDENTIAL },
	...(onError ? { onError } : {}),
});
/** From rows with `invoice_order_no` and `number` (the issued invoice's number). */
const fromRows = (code = INVOICE_CODE) => ({
	invoiceNo: '={{ $json.number }}',
	invoiceCode: code,
	fileUrl: "={{ 'https://files.example.com/invoices/' + $json.invoice_order_no + '.pdf' }}",
});

const WORKFLOWS = {
	toIssue: workflow('wfInvToIssue', 'E2E invoices: still to issue → issued', [
		START,
		{
			name: 'Invoices to issue',
			type: `${PKG}.wdt`,
			parameters: {
				resource: 'invoice',
				operation: 'getMany',
				startTime: '={{ $now.minus({ days: 7 }).toISO() }}',
				endTime: '={{ $now.toISO() }}',
				filters: { statuses: ['45', '85'] },
				returnAll: true,
			},
			credentials: { wdtApi: CREDENTIAL },
		},
		// Invoice Order Number keeps its default, {{ $json.invoice_order_no }}.
		updateNode({
			invoiceNo: "={{ 'FPH' + $json.invoice_order_no.slice(-4) }}",
			invoiceCode: INVOICE_CODE,
			fileUrl: "={{ 'https://files.example.com/invoices/' + $json.invoice_order_no + '.pdf' }}",
			invoiceFields: { invoice_time: '2026-12-01T15:30:00' },
		}),
	]),
	errorOutput: workflow(
		'wfInvErrOut',
		'E2E invoices: refusals to the error output',
		[
			START,
			rowsNode([
				{ invoice_order_no: FP(4), number: 'FPH0004' },
				{ invoice_order_no: FP(3), number: 'FPH0003-AGAIN' },
				{ invoice_order_no: FP(9), number: 'FPH0009' },
				{ invoice_order_no: FP(7), number: '' },
			]),
			updateNode(fromRows(), 'continueErrorOutput'),
			{ name: 'Updated', type: 'n8n-nodes-base.noOp' },
			{ name: 'Not updated', type: 'n8n-nodes-base.noOp' },
		],
		[
			['Start', 'Rows'],
			['Rows', 'Update invoices'],
			['Update invoices', 'Updated', 0],
			['Update invoices', 'Not updated', 1],
		],
	),
	stop: workflow('wfInvStop', 'E2E invoices: a refusal fails the run', [
		START,
		rowsNode([
			{ invoice_order_no: FP(5), number: 'FPH0005' },
			{ invoice_order_no: FP(3), number: 'FPH0003-AGAIN' },
		]),
		updateNode(fromRows()),
	]),
	bad: workflow('wfInvBad', 'E2E invoices: a bad row stops before any call', [
		START,
		rowsNode([
			{ invoice_order_no: FP(6), number: 'FPH0006', code: INVOICE_CODE },
			{ invoice_order_no: FP(7), number: 'FPH0007', code: '' },
		]),
		updateNode(fromRows('={{ $json.code }}')),
	]),
};

const tail = (text: string, n = 3000) => (text.length > n ? `…${text.slice(-n)}` : text);
const explain = (r: ExecuteResult) =>
	`exit ${r.code}, error: ${r.error?.message ?? 'none'} ${r.error?.description ?? ''}\n--- stdout ---\n${tail(r.stdout)}\n--- stderr ---\n${tail(r.stderr)}`;

const VERSIONS = versionsFromArgs([], process.env.WDT_E2E_N8N || 'all');

describe.each(VERSIONS)('n8n %s: Invoice → Update', (version) => {
	let sim: WdtSimulator;
	let inst: N8nInstance;
	let tmp: string;
	let failed = true;

	const invoice = (no: string) =>
		sim.records(INVOICES).find((record) => record.invoice_order_no === no);
	const updates = () => sim.requestsFor(UPDATE).map((q) => (q.args as unknown[][])[0]);
	const pairs = (r: ExecuteResult, node: string, output = 0) =>
		(r.runData?.[node]?.[0]?.data?.main?.[output] ?? []).map(({ pairedItem }) =>
			[pairedItem ?? []]
				.flat()
				.map((p) => (typeof p === 'number' ? p : (p as { item: number }).item)),
		);

	async function execute(id: string, expectOk = true): Promise<ExecuteResult> {
		const r = await e2e.executeWorkflow(inst, id);
		if (!r.run) failed = true;
		expect(r.run, `workflow ${id} gave no run result:\n${explain(r)}`).toBeDefined();
		if (r.ok !== expectOk) failed = true;
		expect(r.ok, `workflow ${id}: ok should be ${expectOk}:\n${explain(r)}`).toBe(expectOk);
		return r;
	}

	beforeAll(async () => {
		const t0 = Date.now();
		sim = await startSimulator({ seed: 'empty' });
		const now = Date.now();
		const add = (n: number, status: number, daysAgo: number, more = {}) =>
			addInvoice(
				sim,
				{
					invoice_order_no: FP(n),
					status,
					invoice_amount: 113,
					shop_no: 'SHOP01',
					detail_list: [{ item_name: 'T-shirt', num: 1, price: 100, tax: 13, row_type: '0' }],
					...more,
				},
				now - daysAgo * DAY,
			);
		add(1, INVOICE_STATUS.offlinePending, 1);
		add(2, INVOICE_STATUS.offlineFailed, 2, { error_info: '抬头有误' });
		add(3, INVOICE_STATUS.issued, 3, { invoice_no: 'FPH0003', invoice_code: INVOICE_CODE });
		for (const n of [4, 5, 6, 7]) add(n, INVOICE_STATUS.offlinePending, 40);

		inst = await e2e.prepareN8n({ version, log: (s) => process.stderr.write(s) });
		tmp = await mkdtemp(join(tmpdir(), 'wdt-e2e-invoices-'));
		const installed = await e2e.installCommunityPackage(
			inst.userFolder,
			await e2e.packPackage(REPO, tmp),
		);
		expect(installed.name).toBe(PKG);
		await e2e.importCredentials(inst, [
			{ ...CREDENTIAL, type: 'wdtApi', data: credentialData(sim.url) },
		]);
		await e2e.importWorkflow(inst, Object.values(WORKFLOWS));
		failed = false;
		console.log(
			`[e2e invoices] n8n ${inst.version} set up in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
		);
	});

	afterAll(async () => {
		await sim?.close();
		if (tmp) await rm(tmp, { recursive: true, force: true });
		if (inst && !process.env.WDT_E2E_KEEP && !failed)
			await rm(inst.userFolder, { recursive: true, force: true });
		else if (inst) console.log(`[e2e invoices] n8n user folder kept: ${inst.userFolder}`);
	});

	it('Get Many finds the invoices still to issue; Update reports them issued in one call', async () => {
		sim.clearRequests();
		const r = await execute('wfInvToIssue');
		const found = e2e.nodeOutput(r.runData, 'Invoices to issue');
		expect(found.map((i) => [i.invoice_order_no, i.status]).sort()).toEqual([
			[FP(1), INVOICE_STATUS.offlinePending],
			[FP(2), INVOICE_STATUS.offlineFailed],
		]);
		for (const q of sim.requestsFor(INVOICES))
			expect((q.args as Array<Record<string, unknown>>)[0]).toMatchObject({ mode: 1 });

		const order = found.map((i) => String(i.invoice_order_no));
		const sent = order.map((no) => ({
			invoice_order_no: no,
			status: INVOICE_STATUS.issued,
			invoice_no: `FPH${no.slice(-4)}`,
			invoice_code: INVOICE_CODE,
			file_url: pdf(no),
			invoice_time: '2026-12-01 15:30:00',
		}));
		expect(updates()).toEqual([sent]);

		const updated = e2e.nodeOutput(r.runData, 'Update invoices');
		expect(updated).toEqual(
			sent.map((invoice) => ({
				order_no: invoice.invoice_order_no,
				success: true,
				outcome: 'succeeded',
				error: null,
				error_code: null,
				...invoice,
			})),
		);
		expect(pairs(r, 'Update invoices')).toEqual([[0], [1]]);

		for (const no of [FP(1), FP(2)])
			expect(invoice(no)).toMatchObject({
				status: INVOICE_STATUS.issued,
				invoice_no: `FPH${no.slice(-4)}`,
				invoice_code: INVOICE_CODE,
				file_url: pdf(no),
				invoice_time: '2026-12-01 15:30:00',
			});
		expect(invoice(FP(3))).toMatchObject({ status: INVOICE_STATUS.issued, invoice_no: 'FPH0003' });
		expect(invoice(FP(4))?.status).toBe(INVOICE_STATUS.offlinePending);
	});

	it('with an error output: each refusal and the bad row on it, the others updated', async () => {
		sim.clearRequests();
		const r = await execute('wfInvErrOut');
		// The row without an invoice number is not sent; the other three go in one call.
		expect(
			updates().map((batch) => batch.map((i: any) => [i.invoice_order_no, i.invoice_no])),
		).toEqual([
			[
				[FP(4), 'FPH0004'],
				[FP(3), 'FPH0003-AGAIN'],
				[FP(9), 'FPH0009'],
			],
		]);
		expect(
			e2e
				.nodeOutput(r.runData, 'Update invoices', { output: 0 })
				.map((i) => [i.order_no, i.outcome]),
		).toEqual([[FP(4), 'succeeded']]);
		expect(pairs(r, 'Update invoices', 0)).toEqual([[0]]);
		expect(
			e2e.nodeOutput(r.runData, 'Update invoices', { output: 1 }).map((i) => String(i.error)),
		).toEqual([
			`${FP(3)}: WDT refused to update it: "${NOT_UPDATABLE}" (${STATUS_HINT})`,
			`${FP(9)}: WDT refused to update it: "发票不存在!"`,
			expect.stringMatching(/^Item 4: Invoice Number \(invoice_no\) is empty/),
		]);
		expect(pairs(r, 'Update invoices', 1)).toEqual([[1], [2], [3]]);
		expect(e2e.nodeOutput(r.runData, 'Not updated')).toHaveLength(3);

		expect(invoice(FP(4))).toMatchObject({ status: INVOICE_STATUS.issued, invoice_no: 'FPH0004' });
		expect(invoice(FP(3))?.invoice_no).toBe('FPH0003');
		expect(invoice(FP(7))).toMatchObject({ status: INVOICE_STATUS.offlinePending, invoice_no: '' });
	});

	it('without an error output a refusal fails the run, saying which invoice was updated', async () => {
		sim.clearRequests();
		const r = await execute('wfInvStop', false);
		expect(r.lastNodeExecuted).toBe('Update invoices');
		expect(r.error?.message).toBe(
			`Updated 1 of 2 invoices (${FP(5)}); WDT refused to update invoice ${FP(3)} ("${NOT_UPDATABLE}")`,
		);
		expect(String(r.error?.description)).toContain(
			`WDT confirmed that this run updated 1 invoice: ${FP(5)}. It stays updated; nothing was undone.`,
		);
		expect(updates()).toHaveLength(1);
		expect(invoice(FP(5))).toMatchObject({ status: INVOICE_STATUS.issued, invoice_no: 'FPH0005' });
	});

	it('a row without an invoice code stops the run before any call, naming item and field', async () => {
		sim.clearRequests();
		const r = await execute('wfInvBad', false);
		expect(r.error?.message).toMatch(/^Item 2: Invoice Code \(invoice_code\) is empty/);
		expect(sim.requestsFor(UPDATE)).toEqual([]);
		expect(invoice(FP(6))).toMatchObject({ status: INVOICE_STATUS.offlinePending, invoice_no: '' });
	});
});
