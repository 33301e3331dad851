/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, …) are for node code. */
/**
 * Writes against the reply shapes of the vendor's pages (upload, cancelForApi, stopForApi,
 * wms.stockother.Out.cancelOrder), including the pages' own reply examples and shapes the
 * simulator does not produce, served by a local fake WDT through n8n-core's engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { Wdt } from '../../nodes/Wdt/Wdt.node';
import { jsonOf, pairsOf, sellerCredentials, useFakeWdt } from './rig';

interface DocFixture {
	replyExample?: unknown;
	errorReplyExamples?: unknown[];
}
/** A method page's facts, as the catalog committed them from the vendor's page. */
const docFixture = (method: string) =>
	JSON.parse(
		readFileSync(join(__dirname, '../fixtures/wdt-docs', `${method}.json`), 'utf8'),
	) as DocFixture;

/** The pages' own 响应示例 (reply examples). */
const upload = docFixture('purchase.PurchaseApply.upload');
const cancelPage = docFixture('purchase.PurchaseApply.cancelForApi');
const stopPage = docFixture('purchase.PurchaseApply.stopForApi');
const PAGE_EXAMPLES = {
	uploadOk: upload.replyExample,
	uploadError: upload.errorReplyExamples?.[0],
	cancelOk: cancelPage.replyExample,
	cancelError: cancelPage.errorReplyExamples?.[0] as { data: Array<{ error: string }> },
	stopError: stopPage.errorReplyExamples?.[0] as { data: Array<{ error: string }> },
	otherOutCancel: docFixture('wms.stockother.Out.cancelOrder').replyExample,
};

it('the doc fixtures hold the reply examples these tests run', () => {
	expect(PAGE_EXAMPLES.uploadOk).toEqual({
		status: 0,
		data: { message: 'POA2208260005', status: 0 },
	});
	expect(PAGE_EXAMPLES.uploadError).toEqual({ status: 100, message: '请传入单品信息' });
	expect(PAGE_EXAMPLES.cancelOk).toEqual({ status: 0, data: [] });
	expect(PAGE_EXAMPLES.cancelError).toMatchObject({ status: 0, total: 2 });
	expect(PAGE_EXAMPLES.cancelError.data).toHaveLength(2);
	expect(PAGE_EXAMPLES.stopError.data[0].error).toBe('采购申请单状态不是部分引用');
	expect(PAGE_EXAMPLES.otherOutCancel).toMatchObject({
		data: { success_data: ['QC202409200002'], error_data: expect.any(Array) },
	});
});

const fake = useFakeWdt();

/** Every call of this test answers with `body`. */
/** Create looks each number up before sending it: the search finds no apply. */
const NO_APPLY = { status: 0, data: { order_list: [], total_count: 0 } };
const answer = (body: unknown) =>
	fake.server.reply((request) => ({
		body: request.query.method === 'purchase.PurchaseApply.search' ? NO_APPLY : body,
	}));
const calls = (method: string) =>
	fake.server.requests
		.filter((request) => request.query.method === method)
		.map((request) => JSON.parse(request.body) as unknown[]);

const run = async (
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	options: { continueOnFail?: boolean; onError?: 'continueErrorOutput' } = {},
) =>
	await fake.engine.runNode({
		type: 'wdt',
		parameters,
		input,
		credentials: sellerCredentials(fake.server.baseUrl),
		...options,
	});

const create = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'purchaseApply',
	operation: 'create',
	lines: { line: [{ specNo: 'S1', num: 1 }] },
	...extra,
});
/** Create with one detail line per input item: SKU in `sku`, quantity in `qty`. */
const createFromRows: INodeParameters = {
	resource: 'purchaseApply',
	operation: 'create',
	linesSource: 'inputItems',
	specNoColumn: 'sku',
	numColumn: 'qty',
};
const batch = (operation: string, orderNumbers: string, resource = 'purchaseApply') => ({
	resource,
	operation,
	orderNumbers,
});

/** The look-ups find nothing; the second upload is refused ("货品不存在"), the others create POA00n. */
function refuseTheSecondUpload() {
	let call = 0;
	fake.server.reply((request) => ({
		body:
			request.query.method === 'purchase.PurchaseApply.search'
				? NO_APPLY
				: ++call === 2
					? { status: 0, data: { status: 1, message: '货品不存在' } }
					: { status: 0, data: { status: 0, message: `POA00${call}` } },
	}));
}

describe('Create reads data.status and reports the number WDT returned', () => {
	it("the page's success example: purchase_apply_no is WDT's number, also when the user gave one", async () => {
		answer(PAGE_EXAMPLES.uploadOk);
		const { outputs, error } = await run(create({ purchaseApplyNo: 'MY-0001' }));
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0])).toEqual([
			{
				order_no: 'MY-0001',
				success: true,
				outcome: 'succeeded',
				error: null,
				error_code: null,
				purchase_apply_no: 'POA2208260005',
				requested_purchase_apply_no: 'MY-0001',
				is_submit: true,
				detail_list: [{ spec_no: 'S1', num: 1 }],
			},
		]);
		expect(calls('purchase.PurchaseApply.upload')[0]).toEqual([
			{ purchase_apply_no: 'MY-0001', is_submit: true, detail_list: [{ spec_no: 'S1', num: 1 }] },
		]);
	});

	it("the page's error example is a refusal carrying WDT's message", async () => {
		answer(PAGE_EXAMPLES.uploadError);
		const { outputs, error } = await run(create());
		expect(error?.message).toMatch(/^WDT refused to create purchase apply N\S+ \(.*请传入单品信息/);
		expect(outputs).toEqual([]);
	});

	it("data.status 1 is a refusal carrying WDT's message, and no apply is reported", async () => {
		answer({ status: 0, data: { status: 1, message: '仓库编号不存在' } });
		const { outputs, error } = await run(create({ warehouseNo: 'WH9' }));
		expect(error?.message).toMatch(
			/^WDT refused to create purchase apply N\S+ \(WDT refused the whole call: "仓库编号不存在"\./,
		);
		expect(JSON.stringify(outputs)).not.toContain('purchase_apply_no');
		expect(calls('purchase.PurchaseApply.upload')).toHaveLength(1);
	});

	it('with Continue On Fail, a refused apply is an error item beside the created ones', async () => {
		refuseTheSecondUpload();
		const { outputs, error } = await run(
			create({ purchaseApplyNo: '={{ $json.no }}' }),
			[{ no: 'A-1' }, { no: 'A-2' }, { no: 'A-3' }],
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		const items = jsonOf(outputs[0]);
		expect(items.map((item) => item.purchase_apply_no ?? item.outcome)).toEqual([
			'POA001',
			'failed',
			'POA003',
		]);
		expect(items[1]).toMatchObject({
			order_no: 'A-2',
			success: false,
			error_code: 1,
			requested_purchase_apply_no: 'A-2',
		});
		expect(String(items[1].error)).toMatch(/^WDT refused the whole call: "货品不存在"/);
		expect(pairsOf(outputs[0])).toEqual([0, 1, 2]);
	});

	it('without Continue On Fail, a refused apply does not stop the others, and the error says what was created', async () => {
		refuseTheSecondUpload();
		const { error } = await run(create({ purchaseApplyNo: '={{ $json.no }}' }), [
			{ no: 'A-1' },
			{ no: 'A-2' },
			{ no: 'A-3' },
		]);
		expect(error?.message).toMatch(
			/^Created 2 of 3 purchase applies \(A-1, A-3\); WDT refused to create purchase apply A-2 \(WDT refused the whole call: "货品不存在"/,
		);
		expect(error?.description).toMatch(
			/^WDT confirmed that this run created 2 purchase applies: A-1, A-3\./,
		);
		expect(calls('purchase.PurchaseApply.upload')).toHaveLength(3);
	});

	it('with an error output, a refused apply goes there with its message', async () => {
		answer({ status: 0, data: { status: 1, message: '仓库编号不存在' } });
		const { outputs, error } = await run(create(), [{ row: 1 }], {
			onError: 'continueErrorOutput',
		});
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0])).toEqual([]);
		expect(jsonOf(outputs[1])).toEqual([
			{
				error: expect.stringMatching(
					/^N\S+-1: WDT refused to create it: WDT refused the whole call: "仓库编号不存在"/,
				),
			},
		]);
	});

	it.each([
		['no data', { status: 0 }],
		['data without status', { status: 0, data: { message: 'POA1' } }],
		['status 0 without a number', { status: 0, data: { status: 0 } }],
		['data as a list', { status: 0, data: [] }],
	])(
		'%s is an unknown outcome, not a created apply, and is not sent again',
		async (_what, body) => {
			answer(body);
			const { outputs, error } = await run(create());
			expect(error?.message).toMatch(/^It is not known whether purchase apply N\S+ was created/);
			expect(error?.description).toMatch(/Unknown outcome: .*answered without saying/);
			expect(outputs).toEqual([]);
			expect(calls('purchase.PurchaseApply.upload')).toHaveLength(1);
		},
	);
});

describe('Cancel and Stop cross-check total and match numbers the way WDT does', () => {
	it("the page's success example: every number cancelled", async () => {
		answer(PAGE_EXAMPLES.cancelOk);
		const { outputs, error } = await run(batch('cancel', 'POA2309130001, POA2309040001'));
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0]).map((o) => [o.order_no, o.success, o.outcome])).toEqual([
			['POA2309130001', true, 'succeeded'],
			['POA2309040001', true, 'succeeded'],
		]);
	});

	it.each([
		['cancel', PAGE_EXAMPLES.cancelError],
		['stop', PAGE_EXAMPLES.stopError],
	])(
		"the %s page's error example: both failures keep WDT's fields; an unlisted number succeeded",
		async (operation, body) => {
			answer(body);
			const { outputs, error } = await run(
				batch(operation, 'POA2309130001,POA2309040001,POA3'),
				[{}],
				{ continueOnFail: true },
			);
			expect(error).toBeUndefined();
			const wdtError = body.data[0].error;
			expect(jsonOf(outputs[0])).toEqual([
				{
					order_no: 'POA2309130001',
					success: false,
					outcome: 'failed',
					error: wdtError,
					error_code: 0,
					order_id: 767,
				},
				{
					order_no: 'POA2309040001',
					success: false,
					outcome: 'failed',
					error: wdtError,
					error_code: 0,
					order_id: 764,
				},
				{ order_no: 'POA3', success: true, outcome: 'succeeded', error: null, error_code: null },
			]);
		},
	);

	it.each([
		['data missing', { status: 0, total: 2 }],
		['data null', { status: 0, total: 2, data: null }],
		['data an object', { status: 0, total: 2, data: { order_no: 'A1', error: 'x' } }],
		['neither total nor data', { status: 0 }],
		['total not a count', { status: 0, total: 'two', data: [] }],
	])(
		'%s while failures may exist: every number is an unknown outcome, never a success',
		async (_what, body) => {
			answer(body);
			const { outputs, error } = await run(batch('cancel', 'A1,A2,A3'), [{}], {
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			const items = jsonOf(outputs[0]);
			expect(items.map((o) => [o.success, o.outcome])).toEqual([
				[false, 'unknown'],
				[false, 'unknown'],
				[false, 'unknown'],
			]);
			expect(String(items[0].error)).toMatch(
				/^Unknown outcome: WDT's .*Check this number in WDT before sending it again$/,
			);
			expect(calls('purchase.PurchaseApply.cancelForApi')).toHaveLength(1);
		},
	);

	it('total 0 without a list is a clear success', async () => {
		answer({ status: 0, total: 0 });
		const { outputs } = await run(batch('stop', 'A1'));
		expect(jsonOf(outputs[0]).map((o) => o.outcome)).toEqual(['succeeded']);
	});

	it('total says 2 but one is listed: the listed one failed, the others are unknown', async () => {
		answer({
			status: 0,
			total: 2,
			data: [{ order_id: 9, order_no: 'A2', error: '采购申请单不存在', error_code: 0 }],
		});
		const { error } = await run(batch('cancel', 'A1,A2,A3'));
		expect(error?.message).toBe(
			'WDT refused to cancel purchase apply A2 ("采购申请单不存在"); it is not known whether 2 purchase applies were cancelled: A1, A3 (check them in WDT before sending them again)',
		);
		expect(error?.description).toMatch(/^WDT confirmed none as cancelled in this run\./);
		expect(error?.description).toMatch(
			/A1, A3: Unknown outcome: WDT's reply counts 2 failures \(total\) but lists 1\./,
		);
	});

	it('a failure listed for a number that was not sent makes the unlisted ones unknown', async () => {
		answer({ status: 0, total: 1, data: [{ order_no: 'ZZZ', error: 'x', error_code: 0 }] });
		const { outputs } = await run(batch('cancel', 'A1'), [{}], { continueOnFail: true });
		expect(jsonOf(outputs[0])[0]).toMatchObject({
			outcome: 'unknown',
			error: expect.stringMatching(/not sent \(ZZZ\)/),
		});
	});

	it('a failure reported in lower case applies to the number sent in upper case', async () => {
		answer({
			status: 0,
			total: 1,
			data: [
				{ order_id: 5, order_no: ' poa1', error: '采购申请单状态不是部分引用', error_code: 0 },
			],
		});
		const { outputs } = await run(batch('stop', 'POA1, POA2'), [{}], { continueOnFail: true });
		expect(jsonOf(outputs[0])).toEqual([
			{
				order_no: 'POA1',
				success: false,
				outcome: 'failed',
				error: '采购申请单状态不是部分引用',
				error_code: 0,
				order_id: 5,
				wdt_order_no: ' poa1',
			},
			{ order_no: 'POA2', success: true, outcome: 'succeeded', error: null, error_code: null },
		]);
	});

	it('numbers differing only in case are sent once, and each item gets the outcome', async () => {
		answer(PAGE_EXAMPLES.cancelOk);
		const { outputs } = await run(batch('cancel', '={{ $json.no }}'), [
			{ no: 'POA1' },
			{ no: 'poa1, POA2' },
		]);
		expect(calls('purchase.PurchaseApply.cancelForApi')).toEqual([[['POA1', 'POA2']]]);
		expect(jsonOf(outputs[0]).map((o) => [o.order_no, o.outcome, o.wdt_order_no])).toEqual([
			['POA1', 'succeeded', undefined],
			['poa1', 'succeeded', 'POA1'],
			['POA2', 'succeeded', undefined],
		]);
		expect(pairsOf(outputs[0])).toEqual([0, 1, 1]);
	});

	it('a number WDT refuses for its status, e.g. on a re-run, is explained in plain words on the error output', async () => {
		answer({
			status: 0,
			total: 1,
			data: [
				{ order_id: 7, order_no: 'POA1', error: '采购申请单状态不是编辑中或待确认', error_code: 0 },
			],
		});
		const { outputs, error } = await run(batch('cancel', '={{ $json.no }}'), [{ no: 'POA1' }], {
			onError: 'continueErrorOutput',
		});
		expect(error).toBeUndefined();
		expect(jsonOf(outputs[0])).toEqual([]);
		expect(jsonOf(outputs[1])).toEqual([
			{
				error:
					'POA1: WDT refused to cancel it: "采购申请单状态不是编辑中或待确认" (WDT cancels only purchase applies that are being edited or are waiting for confirmation; it may already have been cancelled, for example by an earlier run)',
			},
		]);
	});

	it('the Order Numbers placeholder suggests the field upstream operations output', () => {
		const properties = new Wdt().description.properties;
		const placeholders = properties
			.filter((property) => property.name === 'orderNumbers')
			.map((property) => [property.displayOptions?.show?.resource?.[0], property.placeholder]);
		expect(placeholders).toEqual([
			['purchaseApply', 'e.g. POA2309130001 or {{ $json.purchase_apply_no }}'],
			['purchaseApply', 'e.g. POA2309130001 or {{ $json.purchase_apply_no }}'],
			['purchaseOrder', 'e.g. CG202401010001 or {{ $json.purchase_no }}'],
			['otherOut', 'e.g. QC202409200001 or {{ $json.other_out_no }}'],
			['transfer', 'e.g. TF202407240001 or {{ $json.transfer_no }}'],
		]);
	});
});

describe('Other-out cancelOrder: success_data and error_data', () => {
	it("the page's example lists one number in both lists: that one is unknown, the other failed", async () => {
		answer(PAGE_EXAMPLES.otherOutCancel);
		const { outputs } = await run(
			batch('cancel', 'QC202409200002, QC202409200001', 'otherOut'),
			[{}],
			{ continueOnFail: true },
		);
		const items = jsonOf(outputs[0]);
		expect(items.map((o) => [o.order_no, o.success, o.outcome])).toEqual([
			['QC202409200002', false, 'unknown'],
			['QC202409200001', false, 'failed'],
		]);
		expect(items[0].error).toMatch(/both as cancelled \(success_data\) and as failed \(error_data/);
		expect(items[1].error).toBe('单据状态不是编辑中、待审核、已审核，不允许取消');
	});

	it('error_data missing: listed successes hold, the rest is unknown; case is ignored', async () => {
		answer({ status: 0, data: { success_data: ['qc1'] } });
		const { error } = await run(batch('cancel', 'QC1,QC2', 'otherOut'));
		expect(error?.message).toBe(
			'Cancelled 1 of 2 other-out orders (QC1); it is not known whether other-out order QC2 was cancelled (check it in WDT before sending it again)',
		);
		expect(error?.description).toMatch(
			/^WDT confirmed that this run cancelled 1 other-out order: QC1\./,
		);
		expect(error?.description).toMatch(/error_data is missing/);
	});
});

describe('Write fields refuse emoji and characters WDT cannot store, before any call', () => {
	it.each([
		[
			'remark',
			create({ remark: 'urgent 😀' }),
			[{}],
			/^Item 1: Remark \(remark\) contains "😀" \(U\+1F600\) at character 8/,
		],
		[
			'line remark of item 2',
			create({ lines: { line: [{ specNo: 'S1', num: 1, remark: '={{ $json.r }}' }] } }),
			[{ r: 'ok' }, { r: 'done ✅' }],
			/^Item 2: Lines → line 1 → Line Remark \(remark\) contains "✅"/,
		],
		[
			'SKU code',
			create({ lines: { line: [{ specNo: 'S1\u200dX', num: 1 }] } }),
			[{}],
			/^Item 1: .*SKU Code \(spec_no\) contains U\+200D/,
		],
		[
			'warehouse',
			create({ warehouseNo: 'WH\u0007' }),
			[{}],
			/^Item 1: Warehouse \(warehouse_no\) contains U\+0007/,
		],
		[
			'apply number',
			create({ purchaseApplyNo: 'P𠀀1' }),
			[{}],
			/^Item 1: Purchase Apply Number \(purchase_apply_no\) contains "𠀀"/,
		],
		[
			'cancel numbers',
			batch('cancel', '={{ $json.no }}'),
			[{ no: 'A1' }, { no: 'A2🔥' }],
			/^Item 2: Order Numbers \(orderNumbers\): "A2🔥" contains "🔥"/,
		],
		[
			'other-out numbers',
			batch('cancel', 'QC1⭐', 'otherOut'),
			[{}],
			/^Item 1: Order Numbers \(orderNumbers\): "QC1⭐" contains "⭐"/,
		],
	] as const)('%s', async (_what, parameters, input, message) => {
		const { error } = await run(parameters, [...input]);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(error?.message).toMatch(/WDT's database cannot store/);
		expect(fake.server.requests).toHaveLength(0);
	});

	it('Chinese text up to the limit in characters is accepted (WDT counts characters, not bytes)', async () => {
		answer(PAGE_EXAMPLES.uploadOk);
		const { error } = await run(
			create({ remark: '备'.repeat(255), purchaseApplyNo: '采'.repeat(20) }),
		);
		expect(error).toBeUndefined();
		const [params] = calls('purchase.PurchaseApply.upload')[0] as Array<Record<string, string>>;
		expect(params.remark).toHaveLength(255);
	});
});

describe('Dates and quantities', () => {
	it.each([
		[
			'2024-02-31',
			/^Item 1: Expected Arrival \(expected_time\) is not a date: "2024-02-31" has day 31, but February 2024 has 29 days/,
		],
		[
			'2024-13-45T25:61',
			/^Item 1: Expected Arrival \(expected_time\) is not a date: "2024-13-45T25:61" has month 13/,
		],
		[
			'2024-01-01T25:61',
			/^Item 1: Expected Arrival \(expected_time\) is not a time: "2024-01-01T25:61" has 25:61:00/,
		],
		[
			'next week 2',
			/^Item 1: Expected Arrival \(expected_time\) is not a date: "next week 2"; use yyyy-MM-dd/,
		],
	])('expected arrival %s is refused with the field named', async (value, message) => {
		const { error } = await run(create({ expectedTime: '={{ $json.when }}' }), [{ when: value }]);
		expect(error?.message).toMatch(message);
		expect(fake.server.requests).toHaveLength(0);
	});

	it('an impossible Get Many date is refused as such, not as "end before start"', async () => {
		const { error } = await run({
			resource: 'purchaseApply',
			operation: 'getMany',
			startTime: '2024-13-45T25:61',
			endTime: '2024-02-01T00:00:00',
		});
		expect(error?.message).toMatch(
			/^Item 1: .*\(startTime\) is not a date: "2024-13-45T25:61" has month 13/,
		);
		expect(fake.server.requests).toHaveLength(0);
	});

	it.each([['0x10'], ['1e3'], ['1.5'], ['+5'], ['1,000'], [' ']])(
		'quantity "%s" is refused',
		async (quantity) => {
			const { error } = await run(
				create({ lines: { line: [{ specNo: 'S1', num: '={{ $json.q }}' }] } }),
				[{ q: quantity }],
			);
			expect(error?.message).toMatch(
				/^Item 1: Lines → line 1 → Quantity \(num\) must be a positive whole number written plainly/,
			);
			expect(fake.server.requests).toHaveLength(0);
		},
	);

	it.each([
		['[5]', [5]],
		['true', true],
	])('quantity %s from a column is refused', async (_what, quantity) => {
		const { error } = await run(createFromRows, [{ sku: 'S1', qty: quantity }]);
		expect(error?.message).toMatch(
			/^Item 1: .*Quantity \(num\) must be a positive whole number written plainly/,
		);
		expect(fake.server.requests).toHaveLength(0);
	});

	it('"5", " 7 ", "2.0000" (how WDT itself writes quantities) and 3 are accepted as whole numbers', async () => {
		answer(PAGE_EXAMPLES.uploadOk);
		const { error } = await run(createFromRows, [
			{ sku: 'S1', qty: '5' },
			{ sku: 'S2', qty: ' 7 ' },
			{ sku: 'S3', qty: '2.0000' },
			{ sku: 'S4', qty: 3 },
		]);
		expect(error).toBeUndefined();
		const [params] = calls('purchase.PurchaseApply.upload')[0] as Array<{
			detail_list: Array<{ num: number }>;
		}>;
		expect(params.detail_list.map((line) => line.num)).toEqual([5, 7, 2, 3]);
	});
});
