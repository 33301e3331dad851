/**
 * Product → Create or Update (goods.Goods.batchPush, for one goods too) through n8n-core's engine
 * against the simulator.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { formatCst } from '../simulator';
import { jsonOf, pairsOf, useRig } from './rig';

/** The input items each output item is paired with, as a list (one item is paired as {item}). */
const pairedWith = (items: Parameters<typeof pairsOf>[0]) =>
	pairsOf(items).map((paired) => [paired].flat());

const rig = useRig();
const PUSH = 'goods.Goods.push';
const BATCH = 'goods.Goods.batchPush';
const QUERY = 'goods.Goods.queryWithSpec';

const fields = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'goods',
	operation: 'createOrUpdate',
	goodsNo: 'G1',
	goodsName: '纯棉T恤',
	specs: { spec: [{ specNo: 'G1-M', specName: 'M', retailPrice: '59.9' }] },
	...extra,
});
const rows = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'goods',
	operation: 'createOrUpdate',
	linesSource: 'inputItems',
	...extra,
});
/** One spreadsheet row per SKU. */
const row = (goodsNo: string, specNo: string, extra: IDataObject = {}): IDataObject => ({
	goods_no: goodsNo,
	goods_name: `货品 ${goodsNo}`,
	spec_no: specNo,
	...extra,
});
const stored = (goodsNo: string) =>
	rig.sim.records(QUERY).find((record) => record.goods_no === goodsNo);
const batchArgs = (at: number) =>
	(rig.sim.requestsFor(BATCH)[at].args as unknown[])[0] as IDataObject[];

describe('Product → Create or Update', () => {
	it('one goods from the fields goes to goods.Goods.batchPush too, like many', async () => {
		const { outputs, error } = await rig.run(
			fields({ goodsFields: { brand_name: '自有品牌', goods_type: 1, auto_create_bc: true } }),
		);
		expect(error).toBeUndefined();
		expect(rig.sim.requestsFor(PUSH)).toHaveLength(0);
		expect(rig.sim.requestsFor(BATCH).map((r) => r.args)).toEqual([
			[
				[
					{
						goods_no: 'G1',
						goods_name: '纯棉T恤',
						brand_name: '自有品牌',
						goods_type: 1,
						auto_create_bc: true,
						spec_list: [{ spec_no: 'G1-M', spec_name: 'M', retail_price: 59.9 }],
					},
				],
			],
		]);
		const [result] = jsonOf(outputs[0]);
		expect(result).toMatchObject({
			goods_no: 'G1',
			success: true,
			outcome: 'succeeded',
			method: BATCH,
			spec_nos: ['G1-M'],
			on_re_run: expect.stringMatching(
				/updates the same goods and SKUs instead of creating them twice/,
			),
		});
		expect(stored('G1')).toMatchObject({ goods_name: '纯棉T恤', brand_name: '自有品牌' });
		expect(pairedWith(outputs[0])).toEqual([[0]]);
	});

	it.each([1, 2])(
		'%i goods: the fields are batchPush’s whatever the count (pinyin sent; push’s validity_type listed as ignored)',
		async (count) => {
			const input = [
				row('A', 'A-1', { pinyin: 'a', validity_type: 1 }),
				row('B', 'B-1', { pinyin: 'b', validity_type: 1 }),
			].slice(0, count);
			const { outputs, error } = await rig.run(rows(), input);
			expect(error).toBeUndefined();
			expect(rig.sim.requestsFor(PUSH)).toHaveLength(0);
			expect(batchArgs(0).map((goods) => [goods.pinyin, goods.spec_list])).toEqual(
				input.map((item) => [item.pinyin, [{ spec_no: item.spec_no }]]),
			);
			expect(jsonOf(outputs[0]).map((r) => [r.outcome, r.ignored_columns])).toEqual(
				input.map(() => ['succeeded', ['validity_type']]),
			);
		},
	);

	it('groups spreadsheet rows into goods by goods_no and sends them in one batchPush', async () => {
		const input = [
			row('TS', 'TS-M', {
				spec_name: 'M',
				retail_price: '59.90',
				brand_name: '自有',
				colour: 'red',
			}),
			row('MUG', 'MUG-350', { spec_name: '350ml', barcode: '6900000000001' }),
			row('ts', 'TS-L', {
				goods_name: '货品 TS',
				spec_name: 'L',
				retail_price: 65,
				brand_name: '自有',
				colour: 'blue',
			}),
		];
		const { outputs, error } = await rig.run(rows(), input);
		expect(error).toBeUndefined();
		expect(pairedWith(outputs[0])).toEqual([[0, 2], [1]]); // goods numbers compared ignoring case
		expect(rig.sim.requestsFor(PUSH)).toHaveLength(0);
		expect(batchArgs(0)).toEqual([
			{
				goods_no: 'TS',
				goods_name: '货品 TS',
				brand_name: '自有',
				spec_list: [
					{ spec_no: 'TS-M', spec_name: 'M', retail_price: 59.9 },
					{ spec_no: 'TS-L', spec_name: 'L', retail_price: 65 },
				],
			},
			{
				goods_no: 'MUG',
				goods_name: '货品 MUG',
				spec_list: [{ spec_no: 'MUG-350', spec_name: '350ml', barcode: '6900000000001' }],
			},
		]);
		const results = jsonOf(outputs[0]);
		expect(results.map((r) => [r.goods_no, r.outcome, r.method])).toEqual([
			['TS', 'succeeded', BATCH],
			['MUG', 'succeeded', BATCH],
		]);
		expect(results[0].ignored_columns).toEqual(['colour']);
		expect(stored('TS')?.spec_count).toBe(2);
	});

	it('a re-run updates the same goods instead of duplicating them, visible to Get Many with modified moved', async () => {
		const now = rig.sim.clock.now();
		rig.sim.records(QUERY).add(
			{
				goods_id: 7,
				goods_no: 'TS',
				goods_name: '旧名',
				spec_list: [
					{ goods_id: 7, spec_id: 71, spec_no: 'TS-M', spec_name: 'M', retail_price: 10 },
				],
			},
			{ modifiedMs: now - 5 * 86_400_000 },
		);
		const sheet = (name: string, price: number) => [
			row('TS', 'TS-M', { goods_name: name, retail_price: price }),
			row('TS', 'TS-L', { goods_name: name, retail_price: price }),
			row('MUG', 'MUG-350', { goods_name: name }),
		];
		await rig.run(rows(), sheet('新名', 59));
		const { outputs, error } = await rig.run(rows(), sheet('再改名', 69));
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((r) => r.outcome)).toEqual(['succeeded', 'succeeded']);
		expect(rig.sim.records(QUERY).size).toBe(2); // TS and MUG, not four
		const ts = stored('TS') as IDataObject;
		expect(ts).toMatchObject({ goods_id: 7, goods_name: '再改名', spec_count: 2 });
		expect(
			(ts.spec_list as IDataObject[]).map((s) => [s.spec_id, s.spec_no, s.retail_price]),
		).toEqual([
			[71, 'TS-M', 69],
			[expect.any(Number), 'TS-L', 69],
		]);

		const read = await rig.run({ resource: 'goods', operation: 'getMany', returnAll: true });
		const listed = jsonOf(read.outputs[0]).filter((goods) => goods.goods_no === 'TS');
		expect(listed).toHaveLength(1);
		expect(listed[0].goods_name).toBe('再改名');
		// Moved from five days ago to the time of the push (CST strings compare in time order).
		expect(String(listed[0].modified) >= formatCst(now)).toBe(true);
	});

	it('sends 51 goods in two calls of 50 and 1', async () => {
		const input = Array.from({ length: 51 }, (_, i) => row(`G${i}`, `G${i}-A`));
		const { outputs, error } = await rig.run(rows(), input);
		expect(error).toBeUndefined();
		expect(
			rig.sim.requestsFor(BATCH).map((r) => ((r.args as unknown[])[0] as unknown[]).length),
		).toEqual([50, 1]);
		expect(jsonOf(outputs[0]).every((r) => r.outcome === 'succeeded')).toBe(true);
		expect(pairedWith(outputs[0])).toEqual(input.map((_, i) => [i]));
		expect(rig.sim.records(QUERY).size).toBe(51);
	});

	it('takes 500 SKUs for one goods and refuses 501 before any call', async () => {
		const skus = (count: number) => Array.from({ length: count }, (_, i) => row('BIG', `BIG-${i}`));
		const fits = await rig.run(rows(), [...skus(500), row('SMALL', 'SMALL-1')]);
		expect(fits.error).toBeUndefined();
		expect(batchArgs(0).map((goods) => (goods.spec_list as unknown[]).length)).toEqual([500, 1]);

		rig.sim.clearRequests();
		const tooMany = await rig.run(rows(), [row('SMALL', 'SMALL-1'), ...skus(501)]);
		expect(tooMany.error?.message).toMatch(
			/^Item 2: SKUs \(spec_list\) has 501 SKUs; WDT takes at most 500 SKUs per goods in one call/,
		);
		expect(rig.sim.requests).toHaveLength(0);
	});

	describe('partial failures', () => {
		it.each(['errorList', 'data'] as const)(
			"batchPush's per-goods failures (%s reading) become per-item results",
			async (batchPushErrors) => {
				rig.sim.replies = { ...rig.sim.replies, batchPushErrors };
				try {
					await rig.run(fields({ goodsNo: 'OWNER', specs: { spec: [{ specNo: 'TAKEN' }] } }));
					const { outputs, error } = await rig.run(
						rows(),
						[row('A', 'A-1'), row('B', 'TAKEN'), row('C', 'C-1')],
						{ continueOnFail: true },
					);
					expect(error).toBeUndefined();
					expect(jsonOf(outputs[0]).map((r) => [r.goods_no, r.outcome, r.error])).toEqual([
						['A', 'succeeded', null],
						['B', 'failed', '商家编码已存在'],
						['C', 'succeeded', null],
					]);
					expect(pairedWith(outputs[0])).toEqual([[0], [1], [2]]);
					expect(stored('B')).toBeUndefined();
				} finally {
					rig.sim.replies = { ...rig.sim.replies, batchPushErrors: 'errorList' };
				}
			},
		);

		it('with an error output, the refused goods go there paired with their rows', async () => {
			await rig.run(fields({ goodsNo: 'OWNER', specs: { spec: [{ specNo: 'TAKEN' }] } }));
			const { outputs, error } = await rig.run(
				rows(),
				[row('A', 'A-1'), row('B', 'B-1'), row('B', 'TAKEN')],
				{ onError: 'continueErrorOutput' },
			);
			expect(error).toBeUndefined();
			expect(jsonOf(outputs[0]).map((r) => r.goods_no)).toEqual(['A']);
			expect(jsonOf(outputs[1])).toEqual([
				{ error: 'B: WDT refused to create or update it: "商家编码已存在"' },
			]);
			expect(pairedWith(outputs[1])).toEqual([[1, 2]]);
		});

		it('without Continue On Fail, one message says what failed and what was done', async () => {
			await rig.run(fields({ goodsNo: 'OWNER', specs: { spec: [{ specNo: 'TAKEN' }] } }));
			const { error } = await rig.run(rows(), [row('A', 'A-1'), row('B', 'TAKEN')]);
			expect(error?.message).toBe(
				'Created or updated 1 of 2 goods (A); WDT refused to create or update goods B ("商家编码已存在")',
			);
			expect(error?.description).toMatch(
				/^WDT confirmed that this run created or updated 1 goods: A\./,
			);
		});

		it('a refusal of the whole call (status 100, as push’s page example) fails its goods; routed to the error output', async () => {
			const { docExamplesFrom } = await import('../simulator');
			rig.sim.useDocExamples({
				methods: [BATCH],
				source: docExamplesFrom({ [BATCH]: { status: 100, message: '商家编码已存在' } }),
			});
			try {
				const { outputs, error } = await rig.run(fields(), [{}], {
					onError: 'continueErrorOutput',
				});
				expect(error).toBeUndefined();
				expect(outputs[0] ?? []).toHaveLength(0);
				expect(jsonOf(outputs[1])[0].error).toMatch(
					/^G1: WDT refused to create or update it: WDT refused the whole call: "商家编码已存在"/,
				);
				expect(pairedWith(outputs[1])).toEqual([[0]]);
			} finally {
				rig.sim.useDocExamples(false);
			}
		});

		it("batchPush's page examples: the normal reply succeeds, the error example fails the goods it names", async () => {
			const named = ['testGoodsQ12-21 10:52:32_0', 'testGoodsQ12-21 10:52:32_1'];
			rig.sim.useDocExamples({ methods: [BATCH] });
			try {
				const ok = await rig.run(rows(), [row('X', 'X-1'), row('Y', 'Y-1')]);
				expect(jsonOf(ok.outputs[0]).map((r) => r.outcome)).toEqual(['succeeded', 'succeeded']);
				rig.sim.useDocExamples({ methods: [BATCH], kind: 'error' });
				const { outputs } = await rig.run(
					rows(),
					[row(named[0], 'S0'), row(named[1], 'S1'), row('OTHER', 'S2')],
					{ continueOnFail: true },
				);
				expect(jsonOf(outputs[0]).map((r) => [r.outcome, r.error])).toEqual([
					['failed', '单品条数不得超过500条或为空'],
					['failed', '单品条数不得超过500条或为空'],
					['succeeded', null],
				]);
			} finally {
				rig.sim.useDocExamples(false);
			}
		});

		it('a failure list naming goods that were not sent leaves the others unknown', async () => {
			const { docExamplesFrom } = await import('../simulator');
			rig.sim.useDocExamples({
				methods: [BATCH],
				source: docExamplesFrom({
					[BATCH]: { status: 0, data: { error_list: [{ no: 'ELSE', error: 'x' }] } },
				}),
			});
			try {
				const { outputs } = await rig.run(rows(), [row('A', 'A-1'), row('B', 'B-1')], {
					continueOnFail: true,
				});
				expect(jsonOf(outputs[0]).map((r) => r.outcome)).toEqual(['unknown', 'unknown']);
				expect(String(jsonOf(outputs[0])[0].error)).toMatch(/goods that were not sent \("ELSE"\)/);
			} finally {
				rig.sim.useDocExamples(false);
			}
		});
	});

	it('a lost reply leaves its goods unknown, sends nothing more and nothing twice', async () => {
		rig.sim.faults.next('dropAfterWrite', 1, BATCH);
		const input = Array.from({ length: 51 }, (_, i) => row(`L${i}`, `L${i}-A`));
		const { outputs, error } = await rig.run(rows(), input, { continueOnFail: true });
		expect(error).toBeUndefined();
		const outcomes = jsonOf(outputs[0]).map((r) => r.outcome);
		expect(outcomes.slice(0, 50).every((o) => o === 'unknown')).toBe(true);
		expect(outcomes[50]).toBe('not sent');
		expect(String(jsonOf(outputs[0])[0].error)).toMatch(/^Unknown outcome: the reply was lost/);
		expect(rig.sim.requestsFor(BATCH)).toHaveLength(1);
		expect(rig.sim.records(QUERY).size).toBe(50); // WDT did apply the lost call

		rig.sim.clearRequests();
		const single = await rig.run(fields({ goodsNo: 'ONE' }), [{}], { continueOnFail: true });
		expect(jsonOf(single.outputs[0])[0].outcome).toBe('succeeded');
		rig.sim.faults.next('dropAfterWrite', 1, BATCH);
		const lost = await rig.run(fields({ goodsNo: 'ONE' }));
		expect(lost.error?.message).toMatch(
			/^It is not known whether goods ONE was created or updated/,
		);
		expect(rig.sim.requestsFor(BATCH)).toHaveLength(2);
	});

	it('with Continue On Fail, a bad item becomes an error item and the others are sent', async () => {
		const { outputs, error } = await rig.run(
			fields({ goodsNo: '={{ $json.no }}', specs: { spec: [{ specNo: '={{ $json.no }}-A' }] } }),
			[{ no: 'OK1' }, { no: 'X'.repeat(41) }, { no: 'OK2' }],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		const results = jsonOf(outputs[0]);
		// The refused goods carries its numbers as typed, so a sheet can mark its row.
		expect(results.map((r) => [r.goods_no, r.outcome, r.success])).toEqual([
			['OK1', 'succeeded', true],
			['X'.repeat(41), 'not sent', false],
			['OK2', 'succeeded', true],
		]);
		expect(results[1].spec_nos).toEqual([`${'X'.repeat(41)}-A`]);
		expect(String(results[1].error)).toMatch(/^Item 2: Goods Number \(goods_no\) is 41 characters/);
		expect(pairedWith(outputs[0])).toEqual([[0], [1], [2]]);
		expect(rig.sim.requestsFor(BATCH)).toHaveLength(1);
	});

	it('with rows as input and Continue On Fail, a bad goods is an error item paired with its rows', async () => {
		const { outputs, error } = await rig.run(
			rows(),
			[row('A', 'A-1'), row('B', 'B-1'), row('B', 'B-2', { retail_price: 'abc' }), row('C', 'C-1')],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		const results = jsonOf(outputs[0]);
		expect(results.map((r) => [r.goods_no, r.outcome])).toEqual([
			['A', 'succeeded'],
			['B', 'not sent'],
			['C', 'succeeded'],
		]);
		expect(results[1]).toMatchObject({ success: false, spec_nos: ['B-1', 'B-2'] });
		expect(String(results[1].error)).toMatch(/^Item 3: Retail Price \(retail_price\)/);
		expect(pairedWith(outputs[0])).toEqual([[0], [1, 2], [3]]);
		expect(batchArgs(0).map((goods) => goods.goods_no)).toEqual(['A', 'C']);
	});

	it('a later row of a goods that leaves a goods field empty agrees with the first', async () => {
		const { error } = await rig.run(rows(), [
			row('E', 'E-1', { brand_name: '自有' }),
			row('E', 'E-2', { goods_name: '', brand_name: ' ' }),
		]);
		expect(error).toBeUndefined();
		expect(batchArgs(0)[0]).toMatchObject({ goods_name: '货品 E', brand_name: '自有' });
	});

	const good = row('G', 'G-1');
	it.each<[string, INodeParameters, IDataObject[], RegExp]>([
		[
			'an empty goods name',
			fields({ goodsName: '={{ $json.name }}' }),
			[{ name: '' }],
			/^Item 1: Goods Name \(goods_name\) is empty; WDT requires it/,
		],
		[
			'a goods number over 40',
			fields({ goodsNo: 'G'.repeat(41) }),
			[{}],
			/^Item 1: Goods Number \(goods_no\) is 41 characters long; WDT allows at most 40/,
		],
		[
			'an emoji in a spec name',
			fields({ specs: { spec: [{ specNo: 'S', specName: '红色❤️' }] } }),
			[{}],
			/^Item 1: SKUs → SKU 1 → Spec Name \(spec_name\) contains/,
		],
		[
			'a price with 5 decimals',
			fields({ specs: { spec: [{ specNo: 'S', retailPrice: '1.23456' }] } }),
			[{}],
			/^Item 1: SKUs → SKU 1 → Retail Price \(retail_price\) has more than 4 decimal places/,
		],
		[
			// The same check as Sales Order → Push's prices (decimalBounds).
			'a negative retail price',
			fields({ specs: { spec: [{ specNo: 'S', retailPrice: '-1' }] } }),
			[{}],
			/^Item 1: SKUs → SKU 1 → Retail Price \(retail_price\) must be at least 0, got "-1"\.$/,
		],
		[
			'a negative custom price in a row',
			rows(),
			[good, row('H', 'H-1', { custom_price1: -0.5 })],
			/^Item 2: custom_price1 must be at least 0, got "-0.5"\.$/,
		],
		['no SKUs', fields({ specs: {} }), [{}], /^Item 1: SKUs \(spec_list\) are empty/],
		[
			'the same goods in two items',
			fields({ specs: { spec: [{ specNo: '={{ $json.sku }}' }] } }),
			[{ sku: 'A' }, { sku: 'B' }],
			/^Item 2: Goods Number \(goods_no\) "G1" is also used by item 1/,
		],
		[
			'one SKU code in two goods',
			rows(),
			[good, row('H', 'g-1')],
			/^Item 2: SKU Code \(spec_no\) "g-1" is also used by item 1/,
		],
		[
			'a price that is not a number in a row',
			rows(),
			[good, row('H', 'H-1', { retail_price: 'abc' })],
			/^Item 2: Retail Price \(retail_price\) must be a plain decimal number/,
		],
		[
			'a row without the SKU column',
			rows(),
			[good, { goods_no: 'G', goods_name: 'n' }],
			/^Item 2: SKU Code Column "spec_no" is not a field of this item/,
		],
		[
			'rows of one goods that disagree on its name',
			rows(),
			[good, row('G', 'G-2', { goods_name: 'other' })],
			/^Item 2: Goods Name \(goods_name\) is "other" here but "货品 G" in item 1, a row of the same goods \(goods_no "G"\)/,
		],
		[
			'a row with an empty goods number',
			rows(),
			[good, row('', 'X-1')],
			/^Item 2: Goods Number Column "goods_no" is empty in this row/,
		],
		[
			'a goods type that is not a whole number',
			rows(),
			[row('G', 'G-1', { goods_type: 'sales' })],
			/^Item 1: Goods Type \(goods_type\) must be a whole number/,
		],
	])(
		'refuses %s before any call, naming item and field',
		async (_what, parameters, input, message) => {
			const { error } = await rig.run(parameters, input);
			expect(error?.message).toMatch(message);
			expect(rig.sim.requests).toHaveLength(0);
		},
	);
});
