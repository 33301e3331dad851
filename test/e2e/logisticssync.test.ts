/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * Logistics Sync in real n8n (every version of the e2e), the packed package installed as a user
 * installs it: examples/pending-logistics-to-shop.json run headless (`n8n execute`, its schedule
 * made a Manual Trigger) against the simulator and a local shop server; each shop answer (2xx, a
 * refusal, a 5xx, no reply) reported per sync_id by Logistics Sync → Report Result; then again,
 * sending only what still waits.
 *
 *   npm run build && WDT_E2E_N8N=1 npx vitest run --config test/e2e/vitest.config.mts test/e2e/logisticssync.test.ts
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { type ShopAnswer, useShop } from '../engine/shopServer';
import { versionsFromArgs } from './n8n-install.mjs';
import * as e2e from './n8n.mjs';
import { E2E_CREDENTIAL, usePackageInN8n } from './packageInN8n';
import { headlessExample } from './workflows';

const REPO = resolve(__dirname, '../..');
const EXAMPLE_ID = 'wfLogisticsEx';
const PENDING = 'sales.LogisticsSync.getSyncListExt';
const REPORT = 'sales.LogisticsSync.update';

const VERSIONS = versionsFromArgs([], process.env.WDT_E2E_N8N || 'all');

describe.each(VERSIONS)('n8n %s: Logistics Sync', (version) => {
	const shop = useShop();
	const n8n = usePackageInN8n(version, 'logisticssync', () => [
		headlessExample(
			readFileSync(join(REPO, 'examples/pending-logistics-to-shop.json'), 'utf8'),
			EXAMPLE_ID,
			{
				credential: E2E_CREDENTIAL,
				httpUrl: `${shop.url}/api/shipments`,
			},
		),
	]);
	const run = () => n8n.run(EXAMPLE_ID);
	/** A tracking number WDT waits to sync to the shop, with the page's fields. */
	const pending = (syncId: number, tid: string, logisticsNo: string, oids = '') =>
		n8n.sim.records(PENDING).add(
			{
				sync_id: syncId,
				tid,
				logistics_no: logisticsNo,
				logistics_code: 'SF',
				logistics_name: '顺丰速运',
				is_part_sync: oids ? 1 : 0,
				oids,
				trade_id: 9000 + syncId,
				platform_id: 127,
			},
			{ modifiedMs: Date.now() - 60_000 + syncId },
		);
	const pendingIds = () =>
		n8n.sim
			.records(PENDING)
			.select(n8n.sim, {})
			.map((record) => record.sync_id);
	const reports = () => n8n.sim.requestsFor(REPORT).map((q) => (q.args as unknown[])[0]);

	it('uploads each pending tracking number and reports synced, failed or sync again per sync_id; a re-run sends only what waits', async () => {
		pending(301, 'SHOP-1001', 'SF1001');
		pending(302, 'SHOP-1002', 'SF1002', 'SHOP-1002-1,SHOP-1002-3');
		pending(303, 'SHOP-1003', 'SF1003');
		pending(304, 'SHOP-1004', 'SF1004');
		pending(305, 'SHOP-1005', 'SF1005');
		const answers: Record<string, ShopAnswer> = {
			'SHOP-1001': { status: 201, body: { id: 'shipment-1' } },
			'SHOP-1003': { status: 404, body: { message: 'Order SHOP-1003 is cancelled' } },
			'SHOP-1004': { status: 503, body: { message: 'Try again later' } },
			'SHOP-1005': 'drop',
		};
		shop.answer = (body) => answers[String(body.order_no)] ?? { status: 200, body: { ok: true } };
		n8n.sim.clearRequests();

		const r = await run();
		expect(
			shop.requests
				.map(({ method, url, body }): Record<string, unknown> => ({ method, url, ...body }))
				.sort((a, b) => String(a.order_no).localeCompare(String(b.order_no))),
		).toEqual(
			[
				['SHOP-1001', 'SF1001', ''],
				['SHOP-1002', 'SF1002', 'SHOP-1002-1,SHOP-1002-3'],
				['SHOP-1003', 'SF1003', ''],
				['SHOP-1004', 'SF1004', ''],
				['SHOP-1005', 'SF1005', ''],
			].map(([order_no, tracking_number, line_ids]) => ({
				method: 'POST',
				url: '/api/shipments',
				order_no,
				tracking_number,
				carrier_code: 'SF',
				carrier_name: '顺丰速运',
				line_ids,
			})),
		);
		expect(reports()).toEqual([
			[
				{ sync_id: 301, status: 0, error_msg: '' },
				{ sync_id: 302, status: 0, error_msg: '' },
				{
					sync_id: 303,
					status: 2,
					error_msg: 'Shop answered HTTP 404: Order SHOP-1003 is cancelled',
				},
				{ sync_id: 304, status: -100, error_msg: 'Shop answered HTTP 503: Try again later' },
				{ sync_id: 305, status: -100, error_msg: 'No reply from the shop' },
			],
		]);
		expect(
			e2e.nodeOutput(r.runData, 'Report result to WDT').map((i) => [i.sync_id, i.outcome]),
		).toEqual([
			[301, 'succeeded'],
			[302, 'succeeded'],
			[303, 'succeeded'],
			[304, 'succeeded'],
			[305, 'succeeded'],
		]);
		// Synced and failed records leave WDT's list; Sync Again keeps them.
		expect(pendingIds()).toEqual([304, 305]);

		shop.requests.length = 0;
		shop.answer = () => ({ status: 200, body: { ok: true } });
		n8n.sim.clearRequests();
		await run();
		expect(shop.requests.map((q) => q.body.order_no).sort()).toEqual(['SHOP-1004', 'SHOP-1005']);
		expect(reports()).toEqual([
			[
				{ sync_id: 304, status: 0, error_msg: '' },
				{ sync_id: 305, status: 0, error_msg: '' },
			],
		]);
		expect(pendingIds()).toEqual([]);
	});
});
