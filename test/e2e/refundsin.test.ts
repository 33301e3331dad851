/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * End to end: Refund → Push (aftersales.refund.RawRefund.upload2) in real n8n, the packed package
 * installed as a user installs it, against the simulator on 127.0.0.1. A sheet of refunded lines
 * (3 rows, 2 refunds, one row WDT-refused by its own check skipped: the node checks first) → Push
 * refunds; then the same refunds again with a new status: WDT holds the updated refunds, not
 * second ones. A bad row stops the run before any call, naming item and field.
 *
 *   npm run build && WDT_E2E_N8N=1 npx vitest run --config test/e2e/vitest.config.mts test/e2e/refundsin.test.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { credentialData, RAW_REFUNDS, startSimulator, type WdtSimulator } from '../simulator';
import { addSelfOwnedShop } from '../simulator/selfPlatform';
import { versionsFromArgs } from './n8n-install.mjs';
import * as e2e from './n8n.mjs';
import type { ExecuteResult, N8nInstance } from './n8n.mjs';
import { workflow, type NodeSpec } from './workflows';

const REPO = resolve(__dirname, '../..');
const PKG = 'n8n-nodes-wdt';
const METHOD = 'aftersales.refund.RawRefund.upload2';
const SHOP = 'MALLE2E';
const CREDENTIAL = { id: 'wdtcred1', name: 'WDT simulator' };

const tail = (text: string, n = 3000) => (text.length > n ? `…${text.slice(-n)}` : text);
const explain = (r: ExecuteResult) =>
	`exit ${r.code}, error: ${r.error?.message ?? 'none'} ${r.error?.description ?? ''}\n--- stdout ---\n${tail(r.stdout)}\n--- stderr ---\n${tail(r.stderr)}`;

/** One row per refunded line, columns named as WDT's fields (as a sheet gives them). */
const refundRows = (status: number) =>
	[
		['RE2E-1', 'TE2E-1', 'TE2E-1-1', 2, 119.8],
		['RE2E-1', 'TE2E-1', 'TE2E-1-2', 1, 25],
		['RE2E-2', 'TE2E-2', 'TE2E-2-1', 3, 29.7],
	].map(([refund_no, tid, oid, num, amount]) => ({
		refund_no,
		tid,
		oid,
		num,
		type: 2,
		status,
		refund_amount: amount,
		actual_refund_amount: amount,
		buyer_nick: 'e2e buyer',
		is_aftersale: 1,
		title: `E2E ${String(oid)}`,
		reason: 'size',
	}));

const rowsNode = (rows: unknown[]): NodeSpec => ({
	name: 'Refund rows',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` },
});
const pushWorkflow = (id: string, rows: unknown[]) =>
	workflow(id, `E2E ${id}: refunds from rows`, [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
		rowsNode(rows),
		{
			name: 'Push refunds',
			type: `${PKG}.wdt`,
			parameters: {
				resource: 'refund',
				operation: 'push',
				shopNo: { __rl: true, mode: 'list', value: SHOP },
			},
			credentials: { wdtApi: CREDENTIAL },
		},
	]);

const RUNS = {
	first: { id: 'wfRefundPush', rows: refundRows(2) },
	again: { id: 'wfRefundPush2', rows: refundRows(5) },
	bad: {
		id: 'wfRefundPushBad',
		rows: refundRows(2).map((r, i) => (i === 2 ? { ...r, type: 9 } : r)),
	},
};

const VERSIONS = versionsFromArgs([], process.env.WDT_E2E_N8N || 'all');

describe.each(VERSIONS)('n8n %s: Refund → Push', (version) => {
	let sim: WdtSimulator;
	let inst: N8nInstance;
	let tmp: string;
	let failed = true;

	beforeAll(async () => {
		sim = await startSimulator({ seed: 'empty' });
		addSelfOwnedShop(sim, SHOP);
		inst = await e2e.prepareN8n({ version, log: (s) => process.stderr.write(s) });
		tmp = await mkdtemp(join(tmpdir(), 'wdt-e2e-refundsin-'));
		await e2e.installCommunityPackage(inst.userFolder, await e2e.packPackage(REPO, tmp));
		await e2e.importCredentials(inst, [
			{ ...CREDENTIAL, type: 'wdtApi', data: credentialData(sim.url) },
		]);
		await e2e.importWorkflow(
			inst,
			Object.values(RUNS).map((run) => pushWorkflow(run.id, run.rows)),
		);
		failed = false;
	});

	afterAll(async () => {
		await sim?.close();
		if (tmp) await rm(tmp, { recursive: true, force: true });
		if (inst && !process.env.WDT_E2E_KEEP && !failed)
			await rm(inst.userFolder, { recursive: true, force: true });
		else if (inst) console.log(`[e2e refundsin] n8n user folder kept: ${inst.userFolder}`);
	});

	async function execute(id: string, expectOk = true): Promise<ExecuteResult> {
		const r = await e2e.executeWorkflow(inst, id);
		if (!r.run) throw new Error(`n8n execute --id=${id} printed no run result:\n${explain(r)}`);
		if (expectOk && !r.ok) {
			failed = true;
			throw new Error(`workflow ${id} failed in n8n:\n${explain(r)}`);
		}
		return r;
	}
	const uploads = () => sim.requestsFor(METHOD);
	const stored = () => sim.records(RAW_REFUNDS).count((r) => r.shop_no === SHOP);
	const storedStatus = (no: string) =>
		sim.records(RAW_REFUNDS).find((r) => r.shop_no === SHOP && r.refund_no === no)?.status;

	it('pushes 2 refunds (3 rows) in one upload2, each output paired with its rows', async () => {
		const r = await execute(RUNS.first.id);
		expect(uploads()).toHaveLength(1);
		const [shopNo, entries] = uploads()[0].args as [string, Array<Record<string, unknown>>];
		expect(shopNo).toBe(SHOP);
		expect(entries.map((e) => [e.refund_no, e.oid, e.num, e.refund_version])).toEqual([
			['RE2E-1', 'TE2E-1-1', 2, '1'],
			['RE2E-1', 'TE2E-1-2', 1, '1'],
			['RE2E-2', 'TE2E-2-1', 3, '1'],
		]);
		const out = e2e.nodeOutput(r.runData, 'Push refunds');
		expect(out.map((o: Record<string, unknown>) => [o.refund_no, o.outcome, o.success])).toEqual([
			['RE2E-1', 'succeeded', true],
			['RE2E-2', 'succeeded', true],
		]);
		expect(String(out[0].rerun)).toMatch(/again updates this refund in WDT/);
		const paired = (r.runData?.['Push refunds']?.[0]?.data?.main?.[0] ?? []).map(
			({ pairedItem }: { pairedItem?: unknown }) =>
				[pairedItem ?? []]
					.flat()
					.map((p) => (typeof p === 'number' ? p : (p as { item: number }).item)),
		);
		expect(paired).toEqual([[0, 1], [2]]);
		expect(stored()).toBe(2);
	});

	it('run again with a new status: WDT holds the updated refunds, not second ones', async () => {
		const before = uploads().length;
		const r = await execute(RUNS.again.id);
		expect(uploads()).toHaveLength(before + 1);
		const out = e2e.nodeOutput(r.runData, 'Push refunds');
		expect(out.map((o: Record<string, unknown>) => [o.refund_no, o.outcome])).toEqual([
			['RE2E-1', 'succeeded'],
			['RE2E-2', 'succeeded'],
		]);
		expect(stored()).toBe(2);
		expect([storedStatus('RE2E-1'), storedStatus('RE2E-2')]).toEqual([5, 5]);
	});

	it('a row with a type WDT does not have stops the run before any call, naming item and field', async () => {
		const before = uploads().length;
		const r = await execute(RUNS.bad.id, false);
		expect(r.ok).toBe(false);
		expect(explain(r)).toMatch(/Item 3.*Refund Type \(type\).*must be one of 0, 1, 2, 3, 4/s);
		expect(uploads()).toHaveLength(before);
	});
});
