/**
 * The cancelled-stockout event with Options → Include Details, through n8n's poll engine
 * against the simulator's wms.stockout.Sales.queryWithDetail (doc fields only).
 */
import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { formatCst } from '../simulator';
import { hideStockoutDetailsOfShops } from '../simulator/stockoutQueryWithDetail';
import { MINUTE, paramsOf, pollMinutes, T0, useTriggerRig } from './support';

const rig = useTriggerRig();
const DETAIL_METHOD = 'wms.stockout.Sales.queryWithDetail';
const parameters = { options: { includeDetails: true } };

const activeState = (): IDataObject => ({
	event: 'stockoutCancelled',
	cursor: formatCst(T0 - MINUTE),
	since: formatCst(T0 - MINUTE),
	emitted: {},
});

describe.each(['n8n1', 'n8n2'] as const)('%s: Include Details', (persistence) => {
	it('merges queryWithDetail fields into each event and marks the stockouts WDT returned none for', async () => {
		rig.sim.addStockout({ stockoutNo: 'CK1', modifiedMs: T0 + 10_000, shopNo: 'shop-own' });
		rig.sim.addStockout({ stockoutNo: 'CK2', modifiedMs: T0 + 20_000, shopNo: 'shop-tb' });
		hideStockoutDetailsOfShops(rig.sim, ['shop-tb']);
		try {
			rig.setTime(T0 + 2 * MINUTE);
			const poll = await rig.poll({ persistence, staticData: activeState(), parameters });
			expect(poll.error).toBeUndefined();
			const [found, missing] = poll.emitted;
			expect(found).toMatchObject({
				stockout_no: 'CK1',
				status: 5,
				modified: formatCst(T0 + 10_000),
				order_no: 'CK1',
				shop_no: 'shop-own',
				details_found: true,
			});
			expect(found).toHaveProperty('details_list');
			expect(missing).toMatchObject({ stockout_no: 'CK2', details_found: false });
			expect(String(missing.details_missing_reason)).toMatch(/Taobao\/Tmall, Pinduoduo/);
			// One call per emitted stockout; none for the overlap the next poll re-reads.
			expect(poll.requests.filter((r) => r.method === DETAIL_METHOD)).toHaveLength(2);
			rig.advance(MINUTE);
			const next = await rig.poll({ persistence, staticData: poll.staticData, parameters });
			expect(next.emitted).toEqual([]);
			expect(next.requests.filter((r) => r.method === DETAIL_METHOD)).toHaveLength(0);
		} finally {
			hideStockoutDetailsOfShops(rig.sim, []);
		}
	});

	it('a rate limit while reading details pauses without moving the cursor; the events come after the pause, with details', async () => {
		rig.sim.addStockout({ stockoutNo: 'CK1', modifiedMs: T0 + 10_000 });
		rig.setTime(T0 + 2 * MINUTE);
		rig.sim.faults.next('rateLimit', 1, DETAIL_METHOD);
		const limited = await rig.poll({ persistence, staticData: activeState(), parameters });
		expect(limited.error).toBeUndefined();
		expect(limited.items).toBeNull();
		expect(limited.staticData).toEqual({
			...activeState(),
			pausedUntil: formatCst(T0 + 7 * MINUTE),
			rateLimitStreak: 1,
		});
		rig.setTime(T0 + 7 * MINUTE);
		const after = await rig.poll({ persistence, staticData: limited.staticData, parameters });
		expect(after.emitted).toMatchObject([{ stockout_no: 'CK1', details_found: true }]);
	});
});

describe.each(['n8n1', 'n8n2'] as const)('%s: either rate limit mid-poll', (persistence) => {
	const SEARCH_CANCEL = 'wms.stockout.Sales.searchCancel';
	const behind = (): IDataObject => ({
		event: 'stockoutCancelled',
		cursor: formatCst(T0 - 2 * 60 * MINUTE),
		since: formatCst(T0 - 2 * 60 * MINUTE),
		emitted: {},
	});

	it.each([
		['concurrencyLimit', '超过每分钟最大并发次数限制'],
		['rateLimit', '超过每分钟最大调用频率限制'],
	] as const)(
		'a %s reply in the second window pauses the trigger and sends nothing more in that poll (details neither); the events come after the pause',
		async (fault, message) => {
			rig.sim.addStockout({ stockoutNo: 'CK1', modifiedMs: T0 - 110 * MINUTE });
			rig.sim.addStockout({ stockoutNo: 'CK2', modifiedMs: T0 - 30 * MINUTE });
			rig.setTime(T0 + 2 * MINUTE);
			let calls = 0;
			rig.sim.beforePage = ({ method }) => {
				if (method === SEARCH_CANCEL && ++calls === 1) rig.sim.faults.next(fault, 1, SEARCH_CANCEL);
			};
			let limited;
			try {
				limited = await rig.poll({ persistence, staticData: behind(), parameters });
				expect(limited.error).toBeUndefined();
				const refusedAt = limited.requests.findIndex((request) =>
					request.message?.includes(message),
				);
				expect(refusedAt).toBeGreaterThan(0);
				// WDT asks to rest the key: nothing is sent after the refusal, no details, no re-read.
				expect(limited.requests.slice(refusedAt + 1)).toEqual([]);
				expect(limited.staticData).toMatchObject({
					pausedUntil: formatCst(T0 + 7 * MINUTE),
					rateLimitStreak: 1,
				});
				expect(limited.warnings.join('\n')).toMatch(
					/WDT rate-limited this key|stopped after a failed window/,
				);
			} finally {
				rig.sim.beforePage = undefined;
			}
			rig.setTime(T0 + 7 * MINUTE);
			const after = await rig.poll({ persistence, staticData: limited.staticData, parameters });
			expect(after.error).toBeUndefined();
			expect(after.emitted.map((item) => [item.stockout_no, item.details_found])).toEqual([
				['CK1', true],
				['CK2', true],
			]);
		},
	);
});

describe.each(['cancelled', 'all'] as const)(
	'Include Details when queryWithDetail without status_type returns %s stockouts',
	(stockoutNoStatusType) => {
		const persistence = 'n8n2';

		it('emits every cancellation once, each with its details, whatever its status now', async () => {
			rig.sim.replies.stockoutNoStatusType = stockoutNoStatusType;
			// Every cancellation whatever its status now: CK-C's stockout is in another status again.
			rig.sim.searchCancelStatuses = 'all';
			try {
				rig.sim.addStockout({ stockoutNo: 'CK-A', modifiedMs: T0 + 10_000 });
				rig.sim.addStockout({ stockoutNo: 'CK-B', modifiedMs: T0 + 20_000 });
				rig.sim.addStockout({
					stockoutNo: 'CK-C',
					status: 'toShip',
					cancelled: true,
					modifiedMs: T0 + 30_000,
				});
				// Not cancelled: never an event, though modified in the same window.
				rig.sim.addStockout({ stockoutNo: 'CK-N', status: 'toShip', modifiedMs: T0 + 15_000 });
				const { polls, emitted } = await pollMinutes(
					rig,
					persistence,
					activeState(),
					[2, 4],
					parameters,
				);
				expect(emitted.map((event) => [event.stockout_no, event.details_found])).toEqual([
					['CK-A', true],
					['CK-B', true],
					['CK-C', true],
				]);
				for (const event of emitted) {
					expect(event.order_no).toBe(event.stockout_no);
					expect(event).toHaveProperty('details_list');
				}
				const detailCalls = paramsOf(polls[0], DETAIL_METHOD);
				// Each by number, in every status (status_type 3 with the whole status list), so that
				// neither reading of the missing status_type hides CK-C.
				expect(detailCalls.map((call) => [call.stockout_no, call.status_type])).toEqual([
					['CK-A', 3],
					['CK-B', 3],
					['CK-C', 3],
				]);
				for (const call of detailCalls) expect(String(call.status).split(',')).toContain('70'); // 待发货
				expect(polls.slice(1).flatMap((poll) => paramsOf(poll, DETAIL_METHOD))).toEqual([]);
			} finally {
				rig.sim.replies.stockoutNoStatusType = 'cancelled';
			}
		});
	},
);
