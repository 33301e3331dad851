import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TestClient } from './client';
import { formatCst } from './cst';
import { DEFAULT_SELLER } from './sellers';
import { startSimulator, type WdtSimulator } from './server';

// The CLI setup: demo data and the real clock, called the way a real client would.
let sim: WdtSimulator;
let client: TestClient;
beforeAll(async () => {
	sim = await startSimulator();
	client = new TestClient(sim.url, { ...DEFAULT_SELLER });
});
afterAll(async () => {
	await sim.close();
	await client.close();
});

describe('default simulator (demo seed, real clock)', () => {
	it('listens on 127.0.0.1 and answers with demo data', async () => {
		expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/openapi$/);
		expect(sim.stockouts.size).toBe(50);

		// Back-to-back windows of 3599 s (both ends are inclusive), covering now − 7 h … now + 1 h.
		const from = Date.now() - 7 * 3600_000;
		const statuses: number[] = [];
		for (let hour = 0; hour < 8; hour++) {
			const start = from + hour * 3600_000;
			const { json } = await client.call({
				method: 'wms.stockout.Sales.searchCancel',
				args: [{ start_time: formatCst(start), end_time: formatCst(start + 3599_000) }],
				pager: { pageNo: 0, pageSize: 100, calcTotal: true },
			});
			expect(json?.status).toBe(0);
			for (const row of json?.data.order_list ?? []) {
				expect(Object.keys(row).sort()).toEqual([
					'modified',
					'status',
					'stockout_id',
					'stockout_no',
				]);
				statuses.push(row.status);
			}
		}
		expect(statuses.length).toBe([...sim.stockouts.values()].filter((s) => s.cancelled).length);
		// Most cancellations are still cancelled; some were completed since (as the page's example).
		expect(new Set(statuses)).toEqual(new Set([5, 110]));
	});

	it('finds the demo purchase applies of the last days', async () => {
		const now = Date.now();
		const { json } = await client.call({
			method: 'purchase.PurchaseApply.search',
			args: [{ start_time: formatCst(now - 7 * 86400_000), end_time: formatCst(now) }],
			pager: { pageNo: 0, pageSize: 100, calcTotal: true },
		});
		expect(json?.data.total_count).toBe(sim.purchaseApplies.size);
	});
});
