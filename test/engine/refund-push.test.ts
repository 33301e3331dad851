/**
 * Refund → Push (aftersales.refund.RawRefund.upload2) through n8n-core's engine against the
 * simulator, under both readings of what new_count/chg_count count (replies.refundPushCounts).
 */
import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DEFAULT_REPLY_CHOICES, docExamplesFrom, RAW_REFUNDS } from '../simulator';
import { addSelfOwnedShop } from '../simulator/selfPlatform';
import { jsonOf, pairsOf, useRig } from './rig';

const METHOD = 'aftersales.refund.RawRefund.upload2';
const rig = useRig();

const push = (extra: IDataObject = {}) => ({
	resource: 'refund',
	operation: 'push',
	shopNo: { __rl: true, mode: 'list', value: 'MALL01' },
	...extra,
});

/** One sheet row: one refunded line, columns named as WDT's fields. */
const row = (refundNo: string, oid: string, extra: IDataObject = {}): IDataObject => ({
	refund_no: refundNo,
	tid: `T-${refundNo}`,
	oid,
	num: 1,
	type: 2,
	status: 2,
	refund_amount: 10,
	actual_refund_amount: 10,
	buyer_nick: 'buyer',
	is_aftersale: 1,
	title: 'Cup',
	reason: '',
	...extra,
});

const calls = () => rig.sim.requestsFor(METHOD);
const sentArgs = (call = 0) => calls()[call].args as [string, IDataObject[]];
const rawRefund = (no: string) =>
	rig.sim.records(RAW_REFUNDS).find((r) => r.shop_no === 'MALL01' && r.refund_no === no);
const rawRefundCount = () => rig.sim.records(RAW_REFUNDS).count(() => true);

describe.each(['refunds', 'entries'] as const)('Refund → Push, counts of %s', (counts) => {
	beforeEach(() => {
		addSelfOwnedShop(rig.sim, 'MALL01');
		addSelfOwnedShop(rig.sim, 'MALL02');
		rig.sim.replies = { ...DEFAULT_REPLY_CHOICES, refundPushCounts: counts };
	});
	afterEach(() => {
		rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
	});

	it('groups rows by refund number into refunds, sends the documented entries once, pairs each refund with its rows', async () => {
		const rows = [row('R1', 'O1'), row('R2', 'O2', { num: '2.5' }), row('r1', 'O3')];
		const { outputs, error } = await rig.run(push(), rows);
		expect(error).toBeUndefined();
		expect(pairsOf(outputs[0])).toEqual([[0, 2], 1]);
		const out = jsonOf(outputs[0]);
		expect(out.map((o) => [o.refund_no, o.outcome, o.success, o.oids])).toEqual([
			['R1', 'succeeded', true, ['O1', 'O3']],
			['R2', 'succeeded', true, ['O2']],
		]);
		expect(String(out[0].rerun)).toMatch(
			/again updates this refund in WDT; it does not create a second one/,
		);
		expect(calls()).toHaveLength(1);
		const [shopNo, entries] = sentArgs();
		expect(shopNo).toBe('MALL01');
		expect(entries.map((e) => [e.refund_no, e.oid, e.num])).toEqual([
			['R1', 'O1', 1],
			['R1', 'O3', 1],
			['R2', 'O2', 2.5],
		]);
		expect(entries[0]).toEqual({
			refund_no: 'R1',
			tid: 'T-R1',
			oid: 'O1',
			num: 1,
			type: 2,
			status: 2,
			refund_amount: 10,
			actual_refund_amount: 10,
			buyer_nick: 'buyer',
			is_aftersale: 1,
			title: 'Cup',
			reason: '',
			refund_version: '1',
		});
		expect(rawRefundCount()).toBe(2);
		expect(rawRefund('R1')?.detail_list).toHaveLength(2);
	});

	it('a re-run updates the same refunds instead of creating them twice', async () => {
		await rig.run(push(), [row('R1', 'O1')]);
		const again = await rig.run(push(), [row('R1', 'O1', { status: 5 })]);
		expect(jsonOf(again.outputs[0])[0]).toMatchObject({ refund_no: 'R1', outcome: 'succeeded' });
		expect(rawRefundCount()).toBe(1);
		expect(rawRefund('R1')?.status).toBe(5);
	});

	it('packs refunds into the fewest calls of at most 100 entries, a refund never split', async () => {
		// 60 + 60 + 40 + 40 entries: two calls of 100 (in order they would need three).
		const rows = [
			...Array.from({ length: 60 }, (_, i) => row('A', `A${i}`)),
			...Array.from({ length: 60 }, (_, i) => row('B', `B${i}`)),
			...Array.from({ length: 40 }, (_, i) => row('C', `C${i}`)),
			...Array.from({ length: 40 }, (_, i) => row('D', `D${i}`)),
		];
		const { outputs, error } = await rig.run(push(), rows);
		expect(error).toBeUndefined();
		expect(calls().map((_, i) => sentArgs(i)[1].length)).toEqual([100, 100]);
		expect(calls().map((_, i) => [...new Set(sentArgs(i)[1].map((e) => e.refund_no))])).toEqual([
			['A', 'C'],
			['B', 'D'],
		]);
		expect(jsonOf(outputs[0]).map((o) => [o.refund_no, o.outcome])).toEqual([
			['A', 'succeeded'],
			['B', 'succeeded'],
			['C', 'succeeded'],
			['D', 'succeeded'],
		]);
	});

	it('sends each shop’s refunds in their own calls', async () => {
		const { error } = await rig.run(
			push({ shopNo: { __rl: true, mode: 'id', value: '={{ $json.shop }}' } }),
			[row('S1', 'O1', { shop: 'MALL01' }), row('S2', 'O2', { shop: 'MALL02' })],
		);
		expect(error).toBeUndefined();
		expect(calls().map((_, i) => [sentArgs(i)[0], sentArgs(i)[1].map((e) => e.refund_no)])).toEqual(
			[
				['MALL01', ['S1']],
				['MALL02', ['S2']],
			],
		);
	});

	describe('checks every row before the first call, naming item and field', () => {
		it.each([
			['a required field left empty', { oid: '' }, 'Sub-Order Number (oid)', /is empty/],
			[
				'a refund number over 40 characters',
				{ refund_no: 'R'.repeat(41) },
				'Refund Number (refund_no)',
				/40/,
			],
			[
				'a buyer nickname over 100 characters',
				{ buyer_nick: 'b'.repeat(101) },
				'Buyer Nickname (buyer_nick)',
				/100/,
			],
			['a type not on the page', { type: 7 }, 'Refund Type (type)', /must be one of 0, 1, 2, 3, 4/],
			[
				'a status not on the page',
				{ status: 0 },
				'Refund Status (status)',
				/must be one of 1, 2, 3, 4, 5/,
			],
			['a negative amount', { refund_amount: -1 }, 'Refund Amount (refund_amount)', /./],
			['a quantity of 0', { num: 0 }, 'Quantity (num)', /./],
			[
				'an after-sale flag that is not 0 or 1',
				{ is_aftersale: 2 },
				'After-Sale (is_aftersale)',
				/must be one of 0, 1/,
			],
		])('%s', async (_, bad, field, problem) => {
			const { error } = await rig.run(push(), [row('G1', 'O1'), row('G2', 'O2', bad)]);
			expect(error?.message).toContain('Item 2');
			expect(error?.message).toContain(field);
			expect(error?.message).toMatch(problem);
			expect(calls()).toHaveLength(0);
		});

		it('rows of one refund that name two shops, or one sub-order twice', async () => {
			const shops = await rig.run(
				push({ shopNo: { __rl: true, mode: 'id', value: '={{ $json.shop }}' } }),
				[row('R1', 'O1', { shop: 'MALL01' }), row('R1', 'O2', { shop: 'MALL02' })],
			);
			expect(shops.error?.message).toMatch(/Item 2.*Shop \(shop_no\)/);
			const twice = await rig.run(push(), [row('R1', 'O1'), row('R1', 'o1')]);
			expect(twice.error?.message).toMatch(/Item 2.*Sub-Order Number \(oid\).*also in item 1/);
			expect(calls()).toHaveLength(0);
		});

		it('with Continue On Fail, the bad refund is not sent and the others are', async () => {
			const { outputs, error } = await rig.run(
				push(),
				[row('K1', 'O1'), row('K2', 'O2', { status: 9 }), row('K3', 'O3')],
				{ continueOnFail: true },
			);
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0]).map((o) => [o.refund_no, o.outcome])).toEqual([
				['K1', 'succeeded'],
				['K2', 'not sent'],
				['K3', 'succeeded'],
			]);
			expect(sentArgs()[1].map((e) => e.refund_no)).toEqual(['K1', 'K3']);
		});
	});

	describe('one outcome per refund from error_list', () => {
		// The simulator refuses entries the node would refuse too; make WDT refuse one of its own.
		const refuse = (data: IDataObject) =>
			rig.sim.useDocExamples({
				methods: [METHOD],
				source: docExamplesFrom({ [METHOD]: { status: 0, data } }),
			});
		afterEach(() => rig.sim.useDocExamples(false));

		it('a refused refund fails, the others succeed; without Continue On Fail one message says both', async () => {
			refuse({ new_count: 2, chg_count: 0, error_list: [{ no: 'P2', error: '原始单不存在' }] });
			const rows = [row('P1', 'O1'), row('P2', 'O2'), row('P3', 'O3')];
			const { error } = await rig.run(push(), rows);
			expect(error?.message).toBe(
				'Pushed 2 of 3 refunds (P1, P3); WDT refused to push refund P2 ("原始单不存在")',
			);
			const { outputs } = await rig.run(push(), rows, { onError: 'continueErrorOutput' });
			expect(jsonOf(outputs[0]).map((o) => o.refund_no)).toEqual(['P1', 'P3']);
			expect(pairsOf(outputs[1])).toEqual([1]);
		});

		it('a refund with some lines refused says so', async () => {
			refuse({ new_count: 1, chg_count: 0, error_list: [{ no: 'P1', error: '货品不存在' }] });
			const { outputs } = await rig.run(push(), [row('P1', 'O1'), row('P1', 'O2')], {
				continueOnFail: true,
			});
			expect(jsonOf(outputs[0])[0]).toMatchObject({ outcome: 'failed', success: false });
			expect(String(jsonOf(outputs[0])[0].error)).toMatch(
				/货品不存在 \(WDT's error list names this refund 1 time for its 2 lines and no line, so whether the other lines went in is not known\)/,
			);
		});

		it.each([
			[
				'counts below the unlisted refunds',
				{ new_count: 1, chg_count: 0, error_list: [] },
				/counts only 1/,
			],
			[
				'an error list naming a refund not sent',
				{ new_count: 2, chg_count: 0, error_list: [{ no: 'X', error: 'x' }] },
				/not sent \(X\)/,
			],
			['no error list', { new_count: 2, chg_count: 0 }, /no error list/],
		])('%s leaves the refunds unknown, never pushed', async (_, data, reason) => {
			refuse(data);
			const { outputs } = await rig.run(push(), [row('U1', 'O1'), row('U2', 'O2')], {
				continueOnFail: true,
			});
			for (const out of jsonOf(outputs[0])) {
				expect(out.outcome).toBe('unknown');
				expect(String(out.error)).toMatch(reason);
			}
		});

		it('the page’s own reply example (new_count 2, chg_count 1 to one entry) confirms the refund', async () => {
			rig.sim.useDocExamples({ methods: [METHOD] });
			const { outputs, error } = await rig.run(push(), [row('E1', 'O1')]);
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0])[0]).toMatchObject({ refund_no: 'E1', outcome: 'succeeded' });
		});
	});

	it('a lost reply leaves its refunds unknown, is never re-sent, and stops the later calls', async () => {
		rig.sim.faults.next('dropAfterWrite', 1, METHOD);
		const rows = [
			...Array.from({ length: 100 }, (_, i) => row(`X${i}`, `O${i}`)),
			row('LAST', 'OL'),
		];
		const { error } = await rig.run(push(), rows);
		expect(error?.message).toMatch(/^It is not known whether 100 refunds were pushed/);
		expect(error?.message).toMatch(/1 refund was not sent: LAST/);
		expect(calls()).toHaveLength(1);
	});

	it('a shop WDT does not know fails the whole call once', async () => {
		const { error } = await rig.run(push({ shopNo: { __rl: true, mode: 'id', value: 'NOPE' } }), [
			row('N1', 'O1'),
		]);
		expect(error?.message).toMatch(/店铺编号不存在或已停用/);
		expect(calls()).toHaveLength(1);
	});
});
