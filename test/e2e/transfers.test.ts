/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * End to end in a real n8n (the packed package installed as n8n installs community packages)
 * against the simulator: Transfer → Create from sheet rows grouped by their number, then Transfer
 * → Cancel of what was created plus a number WDT refuses (one outcome per number).
 *
 *   npm run build && WDT_E2E_N8N=1 npx vitest run --config test/e2e/vitest.config.mts test/e2e/transfers.test.ts
 */

import { describe, expect, it } from 'vitest';

import { moveStock, SRC_ORDER_TYPE, TRANSFER_STATUS, TRANSFERS } from '../simulator';
import { versionsFromArgs } from './n8n-install.mjs';
import * as e2e from './n8n.mjs';
import { E2E_CREDENTIAL, usePackageInN8n } from './packageInN8n';
import { workflow, type NodeSpec } from './workflows';

const PKG = 'n8n-nodes-wdt';
const START: NodeSpec = { name: 'Start', type: 'n8n-nodes-base.manualTrigger' };

const WORKFLOW = workflow('wfTransfers', 'E2E transfers: create from rows → cancel', [
	START,
	{
		name: 'Rows',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			jsCode: `return [
  { json: { no: 'DBE2E-A', sku: 'TS-001-BLK-M', qty: 2 } },
  { json: { no: 'DBE2E-B', sku: 'MUG-350', qty: 1 } },
  { json: { no: 'DBE2E-A', sku: 'MUG-350', qty: 3 } },
];`,
		},
	},
	{
		name: 'Create',
		type: `${PKG}.wdt`,
		parameters: {
			resource: 'transfer',
			operation: 'create',
			linesSource: 'inputItems',
			fromWarehouseNo: { __rl: true, mode: 'id', value: 'WH01' },
			toWarehouseNo: { __rl: true, mode: 'id', value: 'WH02' },
			outerNo: '={{ $json.no }}',
			groupByColumn: 'no',
			specNoColumn: 'sku',
			numColumn: 'qty',
		},
		credentials: { wdtApi: E2E_CREDENTIAL },
	},
	{
		name: 'Cancel',
		type: `${PKG}.wdt`,
		parameters: {
			resource: 'transfer',
			operation: 'cancel',
			orderNumbers: "={{ $json.transfer_no }}{{ $itemIndex === 0 ? ', TF-E2E-NONE' : '' }}",
		},
		credentials: { wdtApi: E2E_CREDENTIAL },
		onError: 'continueRegularOutput',
	},
]);

const VERSIONS = versionsFromArgs([], process.env.WDT_E2E_N8N || 'all');

describe.each(VERSIONS)('n8n %s: Transfer', (version) => {
	const n8n = usePackageInN8n(
		version,
		'transfers',
		() => [WORKFLOW],
		(sim) => {
			for (const specNo of ['TS-001-BLK-M', 'MUG-350'])
				moveStock(sim, {
					warehouseNo: 'WH01',
					specNo,
					delta: 20,
					srcOrderType: SRC_ORDER_TYPE.transfer,
					srcOrderNo: 'SEED',
					stockioNo: 'RK-SEED',
					atMs: Date.now() - 3_600_000,
				});
		},
	);

	it('creates 2 transfers from 3 rows (one call each), then cancels them; a missing number fails alone', async () => {
		const r = await n8n.run('wfTransfers');
		const created = e2e.nodeOutput(r.runData, 'Create', { output: 0 });
		expect(created.map((item) => [item.outer_no, item.outcome])).toEqual([
			['DBE2E-A', 'succeeded'],
			['DBE2E-B', 'succeeded'],
		]);
		expect(created[0].details_list).toEqual([
			{ spec_no: 'TS-001-BLK-M', num: 2 },
			{ spec_no: 'MUG-350', num: 3 },
		]);
		expect(n8n.sim.requestsFor('wms.stocktransfer.Edit.createOrder')).toHaveLength(2);

		const cancelled = e2e.nodeOutput(r.runData, 'Cancel', { output: 0 });
		expect(cancelled.map((item) => [item.order_no, item.outcome])).toEqual([
			[created[0].transfer_no, 'succeeded'],
			['TF-E2E-NONE', 'failed'],
			[created[1].transfer_no, 'succeeded'],
		]);
		for (const { transfer_no } of created)
			expect(
				n8n.sim.records(TRANSFERS).find((record) => record.transfer_no === transfer_no)?.status,
			).toBe(TRANSFER_STATUS.cancelled);
	});
});
