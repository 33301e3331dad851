/** Logistics Sync → Get Pending and Report Result through n8n-core's engine against the simulator. */
import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { DEFAULT_SELLER, docExamplesFrom, readDocFixture } from '../simulator';
import { jsonOf, pairsOf, useRig } from './rig';

const LIST = 'sales.LogisticsSync.getSyncListExt';
const UPDATE = 'sales.LogisticsSync.update';
const rig = useRig();

const getPending = (extra: IDataObject = {}) => ({
	resource: 'logisticsSync',
	operation: 'getPending',
	returnAll: true,
	...extra,
});
const report = (extra: IDataObject = {}) => ({
	resource: 'logisticsSync',
	operation: 'reportResult',
	...extra,
});

/** Pending tracking numbers 1..count (sync_id = 100 + n). */
function addPending(count: number, fields: (n: number) => IDataObject = () => ({})) {
	for (let n = 1; n <= count; n++)
		rig.sim.records(LIST).add(
			{
				sync_id: 100 + n,
				tid: `T${n}`,
				logistics_no: `SF${n}`,
				logistics_code: 'SF',
				logistics_name: '顺丰速运',
				platform_id: 127,
				trade_id: 5000 + n,
				...fields(n),
			},
			{ modifiedMs: Date.parse('2024-11-20T10:00:00+08:00') + n * 1000 },
		);
}

const pendingIds = () =>
	rig.sim
		.records(LIST)
		.select(rig.sim, {})
		.map((record) => record.sync_id);

describe('Logistics Sync → Get Pending', () => {
	it('reads every page for self-owned platforms, with the sub-orders of split shipments as a list', async () => {
		addPending(250, (n) => (n === 2 ? { is_part_sync: 1, oids: 'T2-1,T2-3' } : {}));
		const { outputs, error } = await rig.run(getPending());
		expect(error).toBeUndefined();
		const out = jsonOf(outputs[0]);
		expect(out).toHaveLength(250);
		expect(out[1]).toMatchObject({
			sync_id: 102,
			tid: 'T2',
			is_part_sync: 1,
			oids: 'T2-1,T2-3',
			oid_list: ['T2-1', 'T2-3'],
			created: '2024-11-20 10:00:02',
			created_iso: '2024-11-20T10:00:02+08:00',
		});
		expect(out[0].oid_list).toEqual([]);
		const calls = rig.sim.requestsFor(LIST);
		// Pages from 0 (the page: "从0开始"), at the package's page size cap (the page allows 1000).
		expect(calls.map((call) => [call.pageNo, call.pageSize])).toEqual([
			[0, 100],
			[1, 100],
			[2, 100],
		]);
		expect(calls[0].args).toEqual([{ is_own_platform: true }]);
		expect(pairsOf(outputs[0]).every((pair) => pair === 0)).toBe(true);
	});

	it.each(['served', 'requested'] as const)(
		'follows the total beside data past a short page (a server serving 30 rows of 205; %s offsets)',
		async (cappedPageOffset) => {
			addPending(205);
			rig.sim.paging = { ...rig.sim.paging, pageCap: 30, cappedPageOffset };
			try {
				const { outputs, error } = await rig.run(getPending());
				expect(error).toBeUndefined();
				const ids = jsonOf(outputs[0]).map((o) => o.sync_id);
				expect(ids).toEqual(pendingIds());
				expect(new Set(ids).size).toBe(205);
				const calls = rig.sim.requestsFor(LIST);
				// Page 0 asked for 100 and got 30 of total 205: the rest is read 30 at a time.
				expect(calls[0].pageSize).toBe(100);
				expect(calls.length).toBeGreaterThan(1);
				expect(calls.slice(1).every((call) => call.pageSize === 30)).toBe(true);
			} finally {
				rig.sim.paging = { ...rig.sim.paging, pageCap: undefined, cappedPageOffset: 'served' };
			}
		},
	);

	it('sends the shop and filters as the page names them', async () => {
		addPending(3);
		const { outputs } = await rig.run(
			getPending({
				shopNo: { __rl: true, mode: 'code', value: 'MALL01' },
				tid: 'T2',
				logisticsNo: 'SF2',
				isPartSync: '0',
			}),
		);
		expect(jsonOf(outputs[0]).map((o) => o.sync_id)).toEqual([102]);
		expect(rig.sim.requestsFor(LIST)[0].args).toEqual([
			{ is_own_platform: true, shop_no: 'MALL01', tid: 'T2', logistics_no: 'SF2', is_part_sync: 0 },
		]);
	});

	it('reads the page’s own reply example', async () => {
		rig.sim.useDocExamples({ methods: [LIST] });
		try {
			const { outputs } = await rig.run(getPending());
			const example = (readDocFixture(LIST)?.replyExample as { data: IDataObject[] }).data[0];
			expect(jsonOf(outputs[0])).toEqual([
				{ ...example, created_iso: '2022-09-22T15:15:00+08:00', oid_list: [] },
			]);
		} finally {
			rig.sim.useDocExamples(false);
		}
	});

	it('refuses a shop number longer than the page’s 20 characters before calling', async () => {
		const { error } = await rig.run(
			getPending({ shopNo: { __rl: true, mode: 'code', value: 'S'.repeat(21) } }),
		);
		expect(error?.message).toBe('Item 1: Shop (shop_no) is longer than 20 characters.');
		expect(rig.sim.requestsFor(LIST)).toHaveLength(0);
	});
});

describe('Logistics Sync → Report Result', () => {
	it('reports what Get Pending returned; synced and failed records leave the list, Sync Again keeps them', async () => {
		addPending(3);
		const pending = jsonOf((await rig.run(getPending())).outputs[0]);
		const { outputs, error } = await rig.run(
			report({
				result:
					'={{ $json.tid === "T3" ? "syncAgain" : $json.tid === "T2" ? "failed" : "synced" }}',
				errorMessage: 'shop refused',
			}),
			pending,
		);
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((o) => [o.sync_id, o.status, o.error_msg, o.outcome])).toEqual([
			[101, 0, '', 'succeeded'],
			[102, 2, 'shop refused', 'succeeded'],
			[103, -100, 'shop refused', 'succeeded'],
		]);
		expect(pairsOf(outputs[0])).toEqual([0, 1, 2]);
		expect(rig.sim.requestsFor(UPDATE).map((call) => call.args)).toEqual([
			[
				[
					{ sync_id: 101, status: 0, error_msg: '' },
					{ sync_id: 102, status: 2, error_msg: 'shop refused' },
					{ sync_id: 103, status: -100, error_msg: 'shop refused' },
				],
			],
		]);
		expect(pendingIds()).toEqual([103]);
	});

	it('sends 100 reports per call by default, fewer with Batch Size', async () => {
		addPending(250);
		const input = Array.from({ length: 250 }, (_, i) => ({ sync_id: 101 + i }));
		const { outputs, error } = await rig.run(report(), input);
		expect(error).toBeUndefined();
		expect(rig.sim.requestsFor(UPDATE).map((call) => (call.args as unknown[][])[0].length)).toEqual(
			[100, 100, 50],
		);
		expect(pairsOf(outputs[0])).toEqual(input.map((_, i) => i));
		expect(pendingIds()).toEqual([]);

		rig.sim.clearRequests();
		addPending(3);
		await rig.run(report({ options: { batchSize: 2 } }), [
			{ sync_id: 101 },
			{ sync_id: 102 },
			{ sync_id: 103 },
		]);
		expect(rig.sim.requestsFor(UPDATE).map((call) => (call.args as unknown[][])[0].length)).toEqual(
			[2, 1],
		);
	});

	describe('partial failures (the reply is a list of messages)', () => {
		const mixed = [{ sync_id: 101 }, { sync_id: 999 }, { sync_id: 102 }];

		it('messages that name no record leave every record of the call unknown, never succeeded', async () => {
			addPending(2);
			const { outputs } = await rig.run(report(), mixed, { continueOnFail: true });
			const out = jsonOf(outputs[0]);
			expect(out.map((o) => o.outcome)).toEqual(['unknown', 'unknown', 'unknown']);
			expect(String(out[0].error)).toMatch(
				/naming no single record of this call \("物流同步记录不存在!"\)/,
			);
		});

		it('messages that name their sync_id fail that record and confirm the others', async () => {
			addPending(2);
			rig.sim.replies = { ...rig.sim.replies, logisticsUpdateMessages: 'naming' };
			try {
				const { outputs, error } = await rig.run(report(), mixed, { continueOnFail: true });
				expect(error).toBeUndefined();
				expect(jsonOf(outputs[0]).map((o) => [o.sync_id, o.outcome, o.error])).toEqual([
					[101, 'succeeded', null],
					[999, 'failed', '999:物流同步记录不存在!'],
					[102, 'succeeded', null],
				]);
			} finally {
				rig.sim.replies = { ...rig.sim.replies, logisticsUpdateMessages: 'plain' };
			}
		});

		it('with one report per call, any message is that record’s failure; the node fails naming it', async () => {
			addPending(2);
			const { error } = await rig.run(report({ options: { batchSize: 1 } }), mixed);
			expect(error?.message).toBe(
				'Recorded 2 of 3 sync reports (101, 102); WDT refused to record sync report 999 ("物流同步记录不存在!")',
			);
			expect(error?.description).toMatch(/this run recorded 2 sync reports: 101, 102/);
			expect(rig.sim.requestsFor(UPDATE)).toHaveLength(3);
		});

		it('with an error output, the refused report goes there', async () => {
			addPending(2);
			const { outputs } = await rig.run(report({ options: { batchSize: 1 } }), mixed, {
				onError: 'continueErrorOutput',
			});
			expect(jsonOf(outputs[0]).map((o) => o.sync_id)).toEqual([101, 102]);
			expect(pairsOf(outputs[1])).toEqual([1]);
			expect(JSON.stringify(outputs[1])).toMatch(/999: WDT refused to record it/);
		});

		it('the page’s own replies: [] confirms all, ["同步结果状态为空!"] fails a lone report', async () => {
			const page = readDocFixture(UPDATE);
			expect(page?.errorReplyExamples?.[0]).toEqual({ status: 0, data: ['同步结果状态为空!'] });
			rig.sim.useDocExamples({ methods: [UPDATE] });
			try {
				const ok = await rig.run(report(), [{ sync_id: 88950 }, { sync_id: 88951 }]);
				expect(jsonOf(ok.outputs[0]).map((o) => o.outcome)).toEqual(['succeeded', 'succeeded']);
				rig.sim.useDocExamples({ methods: [UPDATE], kind: 'error' });
				const lone = await rig.run(report(), [{ sync_id: 88950 }], { continueOnFail: true });
				expect(jsonOf(lone.outputs[0])[0]).toMatchObject({
					outcome: 'failed',
					error: '同步结果状态为空!',
				});
				const two = await rig.run(report(), [{ sync_id: 1 }, { sync_id: 2 }], {
					continueOnFail: true,
				});
				expect(jsonOf(two.outputs[0]).map((o) => o.outcome)).toEqual(['unknown', 'unknown']);
			} finally {
				rig.sim.useDocExamples(false);
			}
		});

		it('a reply that is not a list of messages leaves the records unknown', async () => {
			rig.sim.useDocExamples({
				methods: [UPDATE],
				source: docExamplesFrom({ [UPDATE]: { status: 0, data: { total: 0 } } }),
			});
			try {
				const { outputs } = await rig.run(report(), [{ sync_id: 1 }], { continueOnFail: true });
				expect(jsonOf(outputs[0])[0]).toMatchObject({ outcome: 'unknown' });
				expect(String(jsonOf(outputs[0])[0].error)).toMatch(/not the documented list of messages/);
			} finally {
				rig.sim.useDocExamples(false);
			}
		});
	});

	it('a lost reply leaves its reports unknown, is never re-sent, and stops the later batches', async () => {
		addPending(3);
		rig.sim.faults.next('dropAfterWrite', 1, UPDATE);
		const { outputs } = await rig.run(
			report({ options: { batchSize: 2 } }),
			[{ sync_id: 101 }, { sync_id: 102 }, { sync_id: 103 }],
			{ continueOnFail: true },
		);
		expect(jsonOf(outputs[0]).map((o) => o.outcome)).toEqual(['unknown', 'unknown', 'not sent']);
		expect(rig.sim.requestsFor(UPDATE)).toHaveLength(1);
		expect(pendingIds()).toEqual([103]);
	});

	describe('bad input is refused before the first call, naming item and field', () => {
		it.each<[string, IDataObject[], IDataObject, RegExp]>([
			[
				'a sync ID that is not a number',
				[{ sync_id: 'abc' }],
				{},
				/^Item 1: Sync ID \(sync_id\) must be the positive whole number Get Pending returns, got "abc"\.$/,
			],
			[
				'a negative sync ID',
				[{ sync_id: 1 }, { sync_id: -5 }],
				{},
				/^Item 2: Sync ID \(sync_id\) must be/,
			],
			['a fractional sync ID', [{ sync_id: 1.5 }], {}, /^Item 1: Sync ID \(sync_id\) must be/],
			['a missing sync ID', [{}], {}, /^Item 1: Sync ID \(sync_id\) must be/],
			[
				'a sync ID reported twice',
				[{ sync_id: 7 }, { sync_id: '7' }],
				{},
				/^Item 2: Sync ID \(sync_id\) "7" is also used by item 1; report each sync ID once per run\.$/,
			],
			[
				'an unknown result',
				[{ sync_id: 7 }],
				{ result: '={{ "done" }}' },
				/^Item 1: Result \(status\) must be one of synced, syncAgain, failed, got "done"\.$/,
			],
			[
				'an emoji in the message',
				[{ sync_id: 7 }],
				{ result: 'failed', errorMessage: 'no 🙈' },
				/^Item 1: Error Message \(error_msg\) contains "🙈"/,
			],
		])('%s', async (_, input, extra, message) => {
			const { error } = await rig.run(report(extra), input);
			expect(error?.message).toMatch(message);
			expect(rig.sim.requestsFor(UPDATE)).toHaveLength(0);
		});

		it('with Continue On Fail, a bad item is an error item and the others are sent', async () => {
			addPending(2);
			const { outputs, error } = await rig.run(
				report(),
				[{ sync_id: 101 }, { sync_id: 'x' }, { sync_id: 102 }],
				{
					continueOnFail: true,
				},
			);
			expect(error).toBeUndefined();
			// Refused before sending: outcome "not sent", the message in error.
			expect(
				jsonOf(outputs[0]).map((o) => (o.outcome === 'not sent' ? o.error : o.outcome)),
			).toEqual(['succeeded', expect.stringMatching(/^Item 2: Sync ID/), 'succeeded']);
			expect(pairsOf(outputs[0])).toEqual([0, 1, 2]);
			expect(rig.sim.requestsFor(UPDATE)).toHaveLength(1);
		});
	});

	it('puts no secret in any output or error', async () => {
		const { outputs } = await rig.run(report(), [{ sync_id: 5 }], { continueOnFail: true });
		const text = JSON.stringify(outputs);
		for (const secret of [DEFAULT_SELLER.secret, DEFAULT_SELLER.salt, DEFAULT_SELLER.key])
			expect(text).not.toContain(secret);
		expect(text).toMatch(/物流同步记录不存在/);
	});
});
