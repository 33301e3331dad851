/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The vendor docs are the reference, not our simulator. This test fails when
 * - a reply the simulator sends (demo data and arranged records, every reply reading) carries a
 *   field the method's doc page does not list, a value of another type, or an undocumented
 *   status code, or leaves out a required field; and when
 * - an example workflow reads a field from a WDT node's output that the method does not return.
 * The documented fields come from the catalog fixtures test/fixtures/wdt-docs/<method>.json.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { getCatalogMethod, type CatalogParam } from '../../nodes/shared/catalog';
import { PENDING_METHOD } from '../../nodes/Wdt/actions/logisticsSync/getPending.operation';
import { DEFAULT_EVENT } from '../../nodes/WdtTrigger/events';
import { TRADE_QUERY_METHOD } from '../../nodes/WdtTrigger/events/salesOrderChanged';
import { STOCKOUT_QUERY_METHOD } from '../../nodes/WdtTrigger/events/stockoutShipped';
import type { WdtJson } from '../simulator/client';
import { readDocFixture } from '../simulator/doc-examples';
import { DEFAULT_REPLY_CHOICES, METHODS, formatCst, type ReplyChoices } from '../simulator';
import {
	DEMO_ORDERS,
	DEMO_PENDING_LOGISTICS,
	DEMO_REFUNDS,
	DEMO_STOCK,
} from '../simulator/demo-data';
import { demoFlowExamples } from '../simulator/demo-flows';
import { failReview } from '../simulator/flows';
import { addSelfOwnedShop } from '../simulator/selfPlatform';
import { NOW, useRig, type Rig } from '../simulator/testkit';
import { TIME_FORM_FIELDS, TIME_FORMS } from '../simulator/timeForms';

const SEARCH_CANCEL = 'wms.stockout.Sales.searchCancel';
const STOCKOUT_DETAILS = 'wms.stockout.Sales.queryWithDetail';
const HOUR = 3600_000;

/** Required fields a page itself says may be left out. */
const MAY_BE_LEFT_OUT: Readonly<Record<string, readonly string[]>> = {
	// "供应商编号（为空时不返回）", "供应商名称（为空时不返回）"
	'purchase.PurchaseApply.search': ['provider_no', 'provider_name'],
	// The lines' "自定义属性3（接口创建的采购单不返回该字段）", the same for 4.
	'purchase.PurchaseOrder.queryWithDetail': ['prop3', 'prop4'],
};

/**
 * Beside data, `message` is listed as required but "无错误信息不返回" (not sent without an error),
 * and the normal reply examples leave it out.
 */
const LEFT_OUT_WITHOUT_ERROR = ['message'];

/**
 * Required fields beside data that a successful reply may leave out: `message`, and those the
 * page's own normal example leaves out (cancelForApi's `{"status":0,"data":[]}` has no total).
 */
function leftOutBesideData(method: string): string[] {
	const example = readDocFixture(method)?.replyExample;
	const shown = isObject(example) && 'status' in example ? Object.keys(example) : undefined;
	const besideData = readDocFixture(method)?.besideData ?? [];
	return [
		...LEFT_OUT_WITHOUT_ERROR,
		...(shown ? besideData.map((field) => field.name).filter((name) => !shown.includes(name)) : []),
	];
}

/** Methods whose rows hold only part of the documented fields: the store has no more to give. */
const PARTIAL_ROWS = new Set([STOCKOUT_DETAILS, 'sales.TradeQuery.queryWithDetail']);

/**
 * Pages whose `data` is not a field tree: goods.Goods.push's table has "货品id | data | Int", the
 * new goods' id itself (its reply example: `"data": 54645`).
 */
const SCALAR_DATA: Readonly<Record<string, string>> = { 'goods.Goods.push': 'Int' };

/**
 * goods.Goods.batchPush's table reads `data` as the failure list (error_list | data | List), its
 * reply examples show it under data.error_list: either reading is documented (ReplyChoices).
 */
const LIST_UNDER_DATA: Readonly<Record<string, string>> = { 'goods.Goods.batchPush': 'error_list' };

/**
 * wms.StockPd.queryStockPdDetail's table puts the lines under data.pd_detail_list, its reply
 * example makes data the list itself: either reading is documented (ReplyChoices).
 */
const DATA_IS_THE_LIST: Readonly<Record<string, string>> = {
	'wms.StockPd.queryStockPdDetail': 'pd_detail_list',
};

/**
 * Lists whose page's 异常响应示例 shows an empty `{}` entry (batchCalcStock's success_date beside
 * a failure, ReplyChoices.batchCalcErrors): such an entry is documented.
 */
const EMPTY_ENTRY_SHOWN: Readonly<Record<string, string>> = {
	'sales.StockSync.batchCalcStock': 'data.success_date',
};

/** Served methods without a doc page: their reply shape is a configurable choice (README). */
const UNDOCUMENTED = new Set(['system.Core.now']);

// ---------------------------------------------------------------------------------------------
// Comparing one reply with the documented field tree
// ---------------------------------------------------------------------------------------------

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` has the documented WDT type (as the pages write it: Int, String, Decimal(19,4), …). */
function hasType(type: string, value: unknown): boolean {
	const t = type.trim();
	if (/^List\s*</i.test(t)) {
		if (!Array.isArray(value)) return false;
		const inner = /^List\s*<\s*(.*)>$/i.exec(t)?.[1] ?? '';
		return value.every((entry) => hasType(inner, entry));
	}
	if (/^Map\s*</i.test(t)) return isObject(value);
	if (/^(int|integer|long|short|byte|tinyint)\b/i.test(t)) return Number.isInteger(value);
	if (/^(decimal|double|float|bigdecimal|number)\b/i.test(t))
		return (
			(typeof value === 'number' && Number.isFinite(value)) ||
			(typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))
		);
	if (/^bool/i.test(t)) return typeof value === 'boolean';
	if (/^(string|date|datetime)\b/i.test(t)) return typeof value === 'string';
	return true; // a type we do not know how to check
}

interface Problem {
	path: string;
	problem: string;
}

/**
 * A time field whose page's table says String (or int) while its own reply example sends unix
 * milliseconds (simulator/timeForms.ts): each form the simulator's replies.timeForm sends passes,
 * as CST text, ms or seconds, number or numeric string.
 */
function isContradictedTime(method: string, path: string, value: unknown): boolean {
	const record = withoutIndices(path);
	if (!(TIME_FORM_FIELDS[method] ?? []).some((field) => record.endsWith(`.${field}`))) return false;
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return true;
	return (
		/^(\d{9,10}|\d{12,13})$/.test(String(value)) && ['number', 'string'].includes(typeof value)
	);
}

/** Problems of `value` against the documented `fields` (an object's fields, or a list entry's). */
function compareFields(
	method: string,
	fields: readonly CatalogParam[],
	value: unknown,
	path: string,
	problems: Problem[],
): void {
	if (Array.isArray(value)) {
		value.forEach((entry, index) =>
			compareFields(method, fields, entry, `${path}[${index}]`, problems),
		);
		return;
	}
	if (
		isObject(value) &&
		Object.keys(value).length === 0 &&
		EMPTY_ENTRY_SHOWN[method] === withoutIndices(path).replace(/\.?$/, '') &&
		/\[\d+\]$/.test(path)
	)
		return;
	if (!isObject(value)) {
		// A list of plain values where the page's examples show one (LogisticsSync.update's messages).
		if (
			fields.length === 0 &&
			typeof value !== 'object' &&
			exampleFieldPaths(method).has(withoutIndices(path))
		)
			return;
		problems.push({ path, problem: `expected an object, got ${JSON.stringify(value)}` });
		return;
	}
	const byName = new Map(fields.map((field) => [field.name, field]));
	const at = (name: string) => (path ? `${path}.${name}` : name);
	for (const [name, inner] of Object.entries(value)) {
		const field = byName.get(name);
		if (!field) {
			if (!exampleFieldPaths(method).has(withoutIndices(at(name))))
				problems.push({ path: at(name), problem: 'undocumented field' });
			continue;
		}
		if (!hasType(field.type, inner) && !isContradictedTime(method, at(name), inner))
			problems.push({ path: at(name), problem: `${JSON.stringify(inner)} is not ${field.type}` });
		else if (field.children?.length && inner !== null)
			compareFields(method, field.children, inner, at(name), problems);
	}
	if (PARTIAL_ROWS.has(method)) return;
	const mayBeLeftOut = path === '' ? leftOutBesideData(method) : (MAY_BE_LEFT_OUT[method] ?? []);
	for (const field of fields) {
		if (field.required && !(field.name in value) && !mayBeLeftOut.includes(field.name))
			problems.push({ path: at(field.name), problem: 'required field missing' });
	}
}

const withoutIndices = (path: string) => path.replace(/\[\d+\]/g, '');

/**
 * Field paths the page's reply examples show (e.g. `data.order_id` of cancelForApi's partial
 * failure, which its table does not list): documented too.
 */
function exampleFieldPaths(method: string): Set<string> {
	const fixture = readDocFixture(method);
	const examples = [fixture?.replyExample, ...(fixture?.errorReplyExamples ?? [])];
	return new Set(examples.flatMap((example) => leaves(example).map(([path]) => path)));
}

/** Every (field path without indices, value) pair inside `value`, e.g. ['order_list.status', 5]. */
function leaves(value: unknown, path = ''): Array<[string, unknown]> {
	if (Array.isArray(value)) return value.flatMap((entry) => leaves(entry, path));
	if (!isObject(value)) return [[path, value]];
	return Object.entries(value).flatMap(([name, inner]) =>
		leaves(inner, path ? `${path}.${name}` : name),
	);
}

/** Status codes outside the page's table (the catalog's statusTables, keyed by field path). */
function statusProblems(method: string, data: unknown): Problem[] {
	const tables = getCatalogMethod(method)?.statusTables ?? {};
	const problems: Problem[] = [];
	for (const [path, value] of leaves(data)) {
		// The most specific table for the field: a line's `detail_list.type` is not the order's `type`.
		const [field] = Object.keys(tables)
			.filter((name) => path === name || path.endsWith(`.${name}`))
			.sort((a, b) => b.length - a.length);
		if (field !== undefined && !(String(value) in tables[field]))
			problems.push({
				path: `data.${path}`,
				problem: `status ${String(value)} is not in the page's table`,
			});
	}
	return problems;
}

/**
 * Everything in a successful reply that its doc page does not say. Without calc_total=1 a paged
 * reply may leave out total_count, required or not: the pager's calc_total says so.
 */
function replyProblems(
	method: string,
	reply: WdtJson | undefined,
	options: { calcTotal?: boolean } = {},
): Problem[] {
	const fixture = readDocFixture(method);
	if (!fixture) return [{ path: method, problem: 'no doc fixture' }];
	if (!reply) return [{ path: method, problem: 'no JSON reply' }];
	const problems: Problem[] = [];
	// Beside data, the page's table lists status and the like (cancelForApi: total).
	const besideData = (fixture.besideData ?? []).filter((field) => field.name !== 'data');
	const { data, ...rest } = reply;
	compareFields(method, besideData, rest, '', problems);
	const scalarType = SCALAR_DATA[method];
	const wrapper = LIST_UNDER_DATA[method];
	const listField = fixture.response.find((field) => field.name === DATA_IS_THE_LIST[method]);
	if (data === undefined && fixture.response.length === 0) {
		// A reply of status (and the like) only, as the page's table and example show.
	} else if (listField && Array.isArray(data)) {
		compareFields(method, listField.children ?? [], data, 'data', problems);
	} else if (scalarType) {
		if (!hasType(scalarType, data))
			problems.push({ path: 'data', problem: `${JSON.stringify(data)} is not ${scalarType}` });
	} else if (wrapper && isObject(data)) {
		const { [wrapper]: list, ...others } = data;
		for (const name of Object.keys(others))
			problems.push({ path: `data.${name}`, problem: 'undocumented field' });
		if (!Array.isArray(list)) problems.push({ path: `data.${wrapper}`, problem: 'not a list' });
		compareFields(method, fixture.response, list, `data.${wrapper}`, problems);
	} else compareFields(method, fixture.response, data, 'data', problems);
	problems.push(...statusProblems(method, data));
	const totalPath = `data.${(getCatalogMethod(method)?.totalPath ?? ['total_count']).join('.')}`;
	return options.calcTotal === false
		? problems.filter((p) => !(p.path === totalPath && p.problem === 'required field missing'))
		: problems;
}

// ---------------------------------------------------------------------------------------------
// Representative calls of every served method (on the demo data plus arranged records)
// ---------------------------------------------------------------------------------------------

interface Call {
	args: unknown[];
	pager?: { pageNo: number; pageSize: number; calcTotal?: boolean };
	/** Reply choices to set before the call (the README's readings). */
	replies?: Partial<ReplyChoices>;
	/** Arranges the simulator just before this call. */
	before?: () => unknown;
}

const page = { pageNo: 0, pageSize: 100, calcTotal: true };

// The stock-flow methods of issue 22 (each reading the README lists for them).
const day = (days: number) => ({
	start_time: formatCst(NOW - days * 24 * HOUR),
	end_time: formatCst(NOW),
});
const month = day(30);
const syncInfo = (stockChangeCount: number) => ({
	stock_syn_min: 0,
	stock_syn_rule_id: -10000,
	stock_syn_mask: 0,
	stock_syn_warehouses: '1,2',
	stock_syn_max: 0,
	stock_syn_percent: 100,
	is_auto_delisting: false,
	stock_syn_plus: 0,
	is_auto_listing: false,
	stock_syn_rule_no: '',
	syn_stock: 5,
	stock_change_count: stockChangeCount,
	stock_syn_other: '',
	is_syn_success: true,
	is_manual: false,
	syn_result: '',
});
const refundEntry = (refund_no: string, oid: string) => ({
	refund_no,
	num: 1,
	tid: 'T-FID',
	oid,
	type: 2,
	status: 2,
	refund_version: '1',
	refund_amount: 9.9,
	actual_refund_amount: 9.9,
	title: '',
	logistics_name: '',
	logistics_no: '',
	buyer_nick: 'b',
	refund_time: '2024-11-22 09:00:00',
	is_aftersale: 1,
	reason: '',
});

const FLOW_RECIPES: Readonly<Record<string, (rig: Rig) => Call[]>> = {
	'sales.StockSync.getSelfWaitSyncIdListOpen': () => [
		{ args: ['500', '0'] },
		{ args: [10, 0] },
		{ args: [5000, 999_999_999], replies: { stockSyncEmptyPosition: 'same' } },
		{ args: [5000, 999_999_999], replies: { stockSyncEmptyPosition: 'omitted' } },
		{ args: [1, 0], replies: { stockSyncCount: 'clamped' } },
	],
	'sales.StockSync.calcStock': () => [{ args: [2447, false] }, { args: [2450, true] }],
	'sales.StockSync.batchCalcStock': () =>
		(['listed', 'emptySuccess'] as const).map((batchCalcErrors) => ({
			args: [
				[
					{ api_goods_id: 2447, force_sync: false },
					{ api_goods_id: 2448, force_sync: true },
					{ api_goods_id: 1, force_sync: false },
				],
			],
			replies: { batchCalcErrors },
		})),
	'sales.StockSync.syncSuccess': () => [
		{ args: [2447, syncInfo(1)] },
		{ args: [2448, syncInfo(99)], replies: { stockSyncReportInfo: 'table' } },
		{ args: [2449, syncInfo(0)], replies: { stockSyncStaleReport: 'clears' } },
	],
	'sales.StockSync.syncFail': () => [
		{ args: [2447, syncInfo(99)] },
		{ args: [2448, syncInfo(99)], replies: { stockSyncFailure: 'dropped' } },
	],
	'sales.StockSync.cancelSync': () => [{ args: [2447, -1] }, { args: [2448, 2] }],
	'purchase.PurchaseOrder.createOrder': (rig) => {
		const order = {
			provider_no: 'P001',
			receive_warehouse_nos: 'WH01',
			expect_warehouse_no: 'WH01',
			purchaser_name: 'lj',
			purchase_details: [{ spec_no: 'MUG-350', num: '3', price: 12 }],
		};
		return [
			{ args: [order] },
			{ args: [{ ...order, is_check: true }], replies: { uploadNumberIn: 'both' } },
			{ args: [{ ...order, purchase_no: 'CG-FID-1' }] },
			{ args: [{ ...order, purchase_no: 'CG-FID-1' }], replies: { repeatedOrderNo: 'accepted' } },
			{
				args: [{ ...order, is_check: true }],
				replies: {},
				before: () => failReview(rig.sim, 'purchase.PurchaseOrder.createOrder', '审核失败:测试'),
			},
		];
	},
	'purchase.PurchaseOrder.cancelOrder': (rig) => {
		const editing = rig.sim
			.records('purchase.PurchaseOrder.queryWithDetail')
			.select(rig.sim, { status: 20 }, undefined, Number.MAX_SAFE_INTEGER);
		return editing.map((order) => ({ args: [order.purchase_no] }));
	},
	'purchase.PurchaseOrder.queryWithDetail': (rig) => {
		const [first] = rig.sim
			.records('purchase.PurchaseOrder.queryWithDetail')
			.select(rig.sim, {}, undefined, Number.MAX_SAFE_INTEGER);
		return [
			{ args: [month], pager: page },
			{ args: [{ ...day(7), status: '40,50,60' }], pager: page },
			{ args: [{ purchase_no: first.purchase_no }], pager: page },
			{
				// An order created through the API: its lines leave prop3/prop4 out (MAY_BE_LEFT_OUT).
				args: [{ purchase_no: 'CG-FID-API' }],
				pager: page,
				before: () =>
					rig.client.call({
						method: 'purchase.PurchaseOrder.createOrder',
						args: [
							{
								purchase_no: 'CG-FID-API',
								provider_no: 'P001',
								receive_warehouse_nos: 'WH01',
								expect_warehouse_no: 'WH01',
								purchaser_name: 'lj',
								purchase_details: [{ spec_no: 'MUG-350', num: 1 }],
							},
						],
					}),
			},
			...TIME_FORMS.map((timeForm) => ({ args: [month], pager: page, replies: { timeForm } })),
		];
	},
	'wms.stockin.Purchase.queryWithDetail': () => [
		{ args: [month], pager: page },
		{ args: [{ ...day(1), status: '80', warehouse_no: 'WH01' }], pager: page },
	],
	'wms.StockSpec.queryChangeHistory': () => {
		const hour = { start_date: formatCst(NOW - HOUR), end_date: formatCst(NOW) };
		const days = { start_date: formatCst(NOW - 29 * 24 * HOUR), end_date: formatCst(NOW) };
		return [
			{ args: [hour], pager: page },
			{ args: [{ ...hour, warehouse_no: 'WH01', type: 2 }], pager: page },
			{ args: [{ ...days, spec_no: 'TS-001-BLK-M' }], pager: page },
			{
				args: [{ ...days, spec_no: 'TS-001-BLK-M,MUG-350' }],
				pager: page,
				replies: { changeHistorySpecNo: 'list' },
			},
			{
				args: [{ ...hour, spec_no: 'MUG-350' }],
				pager: page,
				replies: { changeHistoryWindow: 'hour' },
			},
			...TIME_FORMS.map((timeForm) => ({ args: [hour], pager: page, replies: { timeForm } })),
		];
	},
	'aftersales.refund.RawRefund.upload2': () => [
		{ args: ['MALL01', [refundEntry('RF-FID-1', 'O1'), refundEntry('RF-FID-1', 'O2')]] },
		{ args: ['MALL01', [refundEntry('RF-FID-1', 'O1'), { refund_no: 'RF-FID-BAD' }]] },
		{
			args: ['MALL01', [refundEntry('RF-FID-2', 'O1')]],
			replies: { refundPushCounts: 'entries' },
		},
	],
	'wms.stockin.Refund.queryWithDetail': () => [
		{ args: [month], pager: page },
		{ args: [{ ...day(1), need_summary: true, shop_nos: 'MALL01,TMALL01' }], pager: page },
		...(['check_time', 'created_time'] as const).map((refundStockinTime) => ({
			args: [{ ...day(1), time_type: 1 }],
			pager: page,
			replies: { refundStockinTime },
		})),
	],
	'wms.stocktransfer.Edit.createOrder': (rig) => {
		const order = (outer_no: string, mode = 0) => ({
			outer_no,
			from_warehouse_no: 'WH01',
			to_warehouse_no: 'WH02',
			mode,
		});
		const lines = [{ num: 1, spec_no: 'MUG-350', remark: 'r' }];
		return [
			{ args: [order('TF-FID-1'), lines, false] },
			{ args: [order('TF-FID-2', 5), lines, true], replies: { uploadNumberIn: 'both' } },
			{ args: [order('TF-FID-1'), lines, true], replies: { repeatedOrderNo: 'accepted' } },
			{
				args: [order('TF-FID-3'), [{ num: 99_999, spec_no: 'MUG-350' }], false],
				replies: { transferStock: 'unchecked' },
			},
			{
				args: [order('TF-FID-4'), lines, true],
				before: () => failReview(rig.sim, 'wms.stocktransfer.Edit.createOrder', '审核失败:测试'),
			},
		];
	},
	'wms.stocktransfer.Manage.cancelOrder': (rig) =>
		rig.sim
			.records('wms.stocktransfer.Manage.queryWithDetail')
			.select(rig.sim, { status: '20,30' }, undefined, Number.MAX_SAFE_INTEGER)
			.map((transfer) => ({ args: [transfer.transfer_no] })),
	'wms.stocktransfer.Manage.queryWithDetail': () => [
		{ args: [month], pager: page },
		{ args: [{ ...day(1), status: '40,50,90', from_warehouse_no: 'WH01' }], pager: page },
	],
	'wms.StockPd.queryStockPd': () => [
		{ args: [month], pager: page },
		{ args: [{ ...day(1), warehouse_no: 'WH01', status: 40, spec_no: 'CABLE-C-1M' }], pager: page },
	],
	'wms.StockPd.queryStockPdDetail': (rig) => {
		const [pd] = rig.sim
			.records('wms.StockPd.queryStockPd')
			.select(rig.sim, {}, undefined, Number.MAX_SAFE_INTEGER);
		return (['list', 'object'] as const).flatMap((stockPdDetailShape) => [
			{ args: [{ pd_no: pd.pd_no }], pager: page, replies: { stockPdDetailShape } },
			{ args: [{}], pager: page, replies: { stockPdDetailShape } },
		]);
	},
	'finance.invoice.InvoiceOrder.search': (rig) => [
		{ args: [month], pager: page },
		{ args: [month], pager: page, replies: { invoiceDefaultMode: 'offlineOpen' } },
		{ args: [{ ...month, mode: 1, status: 60 }], pager: page },
		{ args: [{ invoice_order_no: demoFlowExamples(rig.sim).invoicesToIssue[0] }], pager: page },
	],
	'finance.invoice.InvoiceOrder.updateInvoice': (rig) => {
		const [first, second] = demoFlowExamples(rig.sim).invoicesToIssue;
		return [
			{
				args: [
					[
						{
							invoice_order_no: first,
							invoice_no: '24332000000099990001',
							invoice_code: '033002200111',
							status: 60,
							file_url: 'https://example.com/fp.pdf',
						},
						{ invoice_order_no: 'FP-UNKNOWN', invoice_no: '1', invoice_code: '1', status: 60 },
					],
				],
			},
			{
				args: [[{ invoice_order_no: second, invoice_no: 'pf0x00011111111' }]],
				replies: { invoiceUpdateFields: 'example' },
			},
		];
	},
};

/** Per method: arranges records on `rig.sim` and lists the calls to make. */
const RECIPES: Readonly<Record<string, (rig: Rig) => Call[]>> = {
	'system.Core.now': () =>
		(['object', 'wdtSeconds', 'unixMs', 'cst'] as const).map((coreNowData) => ({
			args: [],
			replies: { coreNowData },
		})),
	'purchase.PurchaseApply.upload': (rig) => {
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-TAKEN' });
		const lines = [{ spec_no: 'TS-001-BLK-M', num: 3, provider_no: 'GYS001', remark: 'r' }];
		return [
			{ args: [{ warehouse_no: 'WH01', expected_time: '2024-12-01', detail_list: lines }] },
			{ args: [{ detail_list: lines, is_submit: false }], replies: { uploadNumberIn: 'both' } },
			{
				args: [{ purchase_apply_no: 'POA-TAKEN', detail_list: lines }],
				replies: { uploadRefusal: 'data' },
			},
		];
	},
	'purchase.PurchaseApply.search': (rig) => {
		rig.sim.addPurchaseApply({
			purchaseApplyNo: 'POA-NO-PROVIDER',
			details: [{ specNo: 'MUG-350' }],
		});
		const week = { start_time: formatCst(NOW - 7 * 24 * HOUR), end_time: formatCst(NOW) };
		return [
			{ args: [week], pager: page },
			{ args: [week], pager: { pageNo: 1, pageSize: 5, calcTotal: false } },
			{ args: [{ purchase_apply_no: 'POA-NO-PROVIDER' }], pager: page },
		];
	},
	'purchase.PurchaseApply.cancelForApi': (rig) => {
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-EDIT-1', status: 'editing' });
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-EDIT-2', status: 'editing' });
		const applies = [...rig.sim.purchaseApplies.keys()];
		return [
			{ args: [[...applies.slice(0, 6), 'POA-UNKNOWN']] },
			{ args: [['POA-EDIT-1']], replies: { batchTotalWhenNoFailure: 'omit' } },
			{ args: [['POA-EDIT-2']], replies: { batchTotalWhenNoFailure: 'zero' } },
		];
	},
	'purchase.PurchaseApply.stopForApi': (rig) => {
		rig.sim.addPurchaseApply({ purchaseApplyNo: 'POA-PART-1', status: 'partlyReferenced' });
		const applies = [...rig.sim.purchaseApplies.keys()];
		return [
			{ args: [[...applies.slice(0, 12), 'POA-UNKNOWN']] },
			{ args: [['POA-PART-1']], replies: { batchTotalWhenNoFailure: 'zero' } },
		];
	},
	'wms.stockother.Out.push': () => {
		const lines = [{ spec_no: 'TS-001-BLK-M', num: 2, batch_no: 'B1', remark: 'r' }];
		return [
			{ args: [{ warehouse_no: 'WH01', outer_no: 'OUT-FID-1', is_check: true }, lines] },
			{ args: [{ warehouse_no: 'WH01', reason: '样品' }, lines] },
		];
	},
	'goods.Goods.push': () => [
		{
			args: [
				{ goods_no: 'G-FID-1', goods_name: '测试货品', brand_name: '无' },
				[{ spec_no: 'G-FID-1-A', spec_name: 'A', retail_price: 9.9 }],
			],
		},
	],
	'goods.Goods.batchPush': () =>
		(['errorList', 'data'] as const).map((batchPushErrors, i) => ({
			args: [
				[
					{ goods_no: `G-FID-B${i}`, goods_name: 'n', spec_list: [{ spec_no: `G-FID-B${i}-1` }] },
					{ goods_no: `G-FID-E${i}`, goods_name: 'n', spec_list: [] },
				],
			],
			replies: { batchPushErrors },
		})),
	'wms.stockother.Out.cancelOrder': (rig) => [
		{ args: [[...rig.sim.otherOuts.keys(), 'QC-UNKNOWN']] },
	],
	[SEARCH_CANCEL]: () =>
		Array.from({ length: 8 }, (_, hour) => {
			const start = NOW - 7 * HOUR + hour * HOUR;
			return {
				args: [{ start_time: formatCst(start), end_time: formatCst(start + HOUR - 1000) }],
				pager: page,
			};
		}),
	[STOCKOUT_DETAILS]: (rig) => {
		const numbers = [...rig.sim.stockouts.values()]
			.slice(0, 10)
			.map((stockout) => stockout.stockoutNo);
		// A delayed shipment and a completed one: consign_time under each status-90 reading.
		rig.sim.addStockout({ status: 'delayedShipping', modifiedMs: NOW - 10 * 60_000 });
		rig.sim.addStockout({ status: 'done', modifiedMs: NOW - 5 * 60_000 });
		const shippedQuery = {
			start_time: formatCst(NOW - HOUR),
			end_time: formatCst(NOW),
			status_type: 3,
			status: '90,110',
		};
		return [
			...numbers.map((stockout_no) => ({ args: [{ stockout_no }], pager: page })),
			...numbers.map((stockout_no) => ({
				args: [{ stockout_no }],
				pager: page,
				replies: { stockoutNoStatusType: 'all' as const },
			})),
			...(['notShipped', 'shipped'] as const).flatMap((status90) => [
				{ args: [shippedQuery], pager: page, replies: { status90 } },
				{ args: [{ ...shippedQuery, status_type: 0 }], pager: page, replies: { status90 } },
			]),
			{
				args: [
					{
						start_time: formatCst(NOW - HOUR),
						end_time: formatCst(NOW),
						status_type: 1,
						status: '5',
					},
				],
				pager: page,
			},
			{
				// The Sales Stockout Shipped event's query.
				args: [
					{
						start_time: formatCst(NOW - HOUR),
						end_time: formatCst(NOW),
						status_type: 3,
						status: '90,110',
						shop_nos: 'TMALL01,JD01',
					},
				],
				pager: page,
			},
		];
	},
	'sales.TradeQuery.queryWithDetail': (rig) => {
		const orders = [30, 55, 95, 110].map((status, i) =>
			rig.sim.addTrade({ status, modifiedMs: NOW - (i + 1) * 10 * 60_000 }),
		);
		const hour = { start_time: formatCst(NOW - HOUR), end_time: formatCst(NOW) };
		return [
			{ args: [hour], pager: page },
			{ args: [{ ...hour, status: '95,110', shop_no: 'SHOP01' }], pager: page },
			{ args: [{ trade_no: orders[0].tradeNo }], pager: page },
			...(['flag', 'loose'] as const).map((srcTidMatch) => ({
				args: [{ src_tid: orders[1].srcTids.slice(0, -2), accurate_query: 0 }],
				pager: page,
				replies: { srcTidMatch },
			})),
		];
	},
	'setting.Shop.queryShop': () => [
		{ args: [{}], pager: page },
		{ args: [{ shop_no: 'JD01' }], pager: { pageNo: 0, pageSize: 1, calcTotal: false } },
	],
	'setting.Warehouse.queryWarehouse': () => [
		{ args: [{ hide_delete: 1 }], pager: page },
		{
			args: [{ start_time: formatCst(NOW - 365 * 24 * HOUR), end_time: formatCst(NOW) }],
			pager: page,
		},
	],
	'setting.Logistics.queryLogistics': () => [{ args: [{ hide_delete: true }], pager: page }],
	'setting.PurchaseProvider.queryDetail': () => [
		{ args: [{ is_disabled: 0, deleted: 0 }], pager: page },
		{ args: [{ provider_no: 'P001' }], pager: page },
	],
	'sales.RawTrade.pushSelf2': (rig) => {
		addSelfOwnedShop(rig.sim);
		const order = (tid: string, orderCount = 1) => ({ tid, order_count: orderCount });
		const line = (tid: string, oid: string) => ({ tid, oid, num: 1, price: 2 });
		return [
			{ args: ['MALL01', [order('T1')], [line('T1', 'T1-1')]] },
			{ args: ['MALL01', [order('T1'), order('T2', 2)], [line('T1', 'T1-1'), line('T2', 'T2-1')]] },
			{ args: ['MALL01', [order('T1')], [line('T1', 'T1-1')]], replies: { pushCounts: 'lines' } },
		];
	},
	...FLOW_RECIPES,
	'sales.LogisticsSync.update': (rig) => {
		for (const sync_id of [1, 2, 3])
			rig.sim.records('sales.LogisticsSync.getSyncListExt').add({ sync_id }, { modifiedMs: NOW });
		return [
			{ args: [[{ sync_id: 1, status: 0, error_msg: '' }]] },
			{ args: [[{ sync_id: 2, status: 2, error_msg: 'x' }, { sync_id: 9 }]] },
			{ args: [[{ sync_id: 3, status: 7 }]], replies: { logisticsUpdateMessages: 'naming' } },
		];
	},
};

describe('the simulator answers only what the docs say', () => {
	const rig = useRig({ seed: 'demo' });

	it('has a recipe for every method it serves', () => {
		expect([...METHODS.keys()].filter((method) => !(method in RECIPES))).toEqual([]);
	});

	it.each([...METHODS.keys()])('%s', async (method) => {
		rig.sim.resetData('demo');
		const recipe = RECIPES[method](rig);
		expect(recipe.length).toBeGreaterThan(0);
		// A page whose example sends times as numbers: its reads again under every time form.
		const read = recipe.find((call) => !call.before && call.pager);
		const calls =
			TIME_FORM_FIELDS[method] && read
				? [
						...recipe,
						...TIME_FORMS.map((timeForm) => ({ ...read, replies: { ...read.replies, timeForm } })),
					]
				: recipe;
		const problems: Array<Problem & { call: number }> = [];
		for (const [index, call] of calls.entries()) {
			rig.sim.replies = { ...DEFAULT_REPLY_CHOICES, ...call.replies };
			await call.before?.();
			const { json } = await rig.client.call({ method, args: call.args, pager: call.pager });
			expect(json?.status, `call ${index}: ${JSON.stringify(json)}`).toBe(0);
			if (UNDOCUMENTED.has(method)) continue;
			const calcTotal = call.pager ? call.pager.calcTotal === true : undefined;
			problems.push(
				...replyProblems(method, json, { calcTotal }).map((problem) => ({
					...problem,
					call: index,
				})),
			);
		}
		rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
		if (UNDOCUMENTED.has(method)) {
			expect(
				readDocFixture(method),
				`${method} has a page now: check its reply against it`,
			).toBeUndefined();
		}
		expect(problems).toEqual([]);
	});

	it('the demo seed (npm start) gives the catalog-served reads documented records only', async () => {
		rig.sim.resetData('demo');
		const hours = (count: number) =>
			Array.from({ length: count }, (_, hour) => ({
				start_time: formatCst(NOW - (hour + 1) * HOUR),
				end_time: formatCst(NOW - hour * HOUR),
			}));
		const month = { start_time: formatCst(NOW - 720 * HOUR), end_time: formatCst(NOW) };
		const calls: Array<[string, unknown]> = [
			...hours(7).map((hour): [string, unknown] => [DEMO_ORDERS, hour]),
			[DEMO_REFUNDS, { modified_from: month.start_time, modified_to: month.end_time }],
			['goods.Goods.queryWithSpec', month],
			[DEMO_STOCK, { warehouse_no: 'WH01', ...month }],
			[DEMO_STOCK, month],
			[DEMO_PENDING_LOGISTICS, {}],
			['aftersales.refund.RawRefund.search', month],
		];
		const rows = new Map<string, number>();
		const problems: Array<Problem & { method: string }> = [];
		for (const [method, query] of calls) {
			const { json } = await rig.client.call({ method, args: [query], pager: page });
			expect(json?.status, `${method}: ${JSON.stringify(json)}`).toBe(0);
			const list = getCatalogMethod(method)?.listPath ?? [];
			const records = list.reduce<unknown>(
				(data, name) => (data as Record<string, unknown>)?.[name],
				json?.data,
			);
			rows.set(method, (rows.get(method) ?? 0) + ((records as unknown[])?.length ?? 0));
			problems.push(...replyProblems(method, json).map((problem) => ({ ...problem, method })));
		}
		expect(problems).toEqual([]);
		for (const method of rows.keys()) expect(rows.get(method), method).toBeGreaterThan(0);
	});

	it('its searchCancel rows include cancellations whose stockout moved on (status 110, as the page shows)', async () => {
		rig.sim.resetData('demo');
		const statuses = new Set<number>();
		for (const call of RECIPES[SEARCH_CANCEL](rig)) {
			const { json } = await rig.client.call({
				method: SEARCH_CANCEL,
				args: call.args,
				pager: call.pager,
			});
			for (const row of json?.data.order_list ?? []) statuses.add(row.status);
		}
		expect([...statuses].sort((a, b) => a - b)).toEqual([5, 110]);
	});

	it('the checker itself finds an invented field, a wrong type, a bad status and a missing field', () => {
		const reply = {
			status: 0,
			data: {
				total_count: '2',
				order_list: [
					{
						stockout_id: 1,
						stockout_no: 'CK1',
						status: 6,
						modified: '2024-11-22 10:00:00',
						shop_no: 'S',
					},
					{ stockout_id: 2, status: 5, modified: '2024-11-22 10:00:00' },
				],
			},
		};
		expect(replyProblems(SEARCH_CANCEL, reply as unknown as WdtJson)).toEqual([
			{ path: 'data.total_count', problem: '"2" is not Int' },
			{ path: 'data.order_list[0].shop_no', problem: 'undocumented field' },
			{ path: 'data.order_list[1].stockout_no', problem: 'required field missing' },
			{ path: 'data.order_list.status', problem: "status 6 is not in the page's table" },
		]);
		expect(
			replyProblems('purchase.PurchaseApply.cancelForApi', {
				status: 0,
				total: 0,
				data: [],
				extra: 1,
			} as never),
		).toEqual([{ path: 'extra', problem: 'undocumented field' }]);
		// A field only the page's 异常响应示例 shows is documented (cancelForApi's order_id).
		expect(
			replyProblems('purchase.PurchaseApply.cancelForApi', {
				status: 0,
				data: [{ order_id: 1, order_no: 'POA1', error: 'x', error_code: 0, order_name: 'y' }],
			} as never),
		).toEqual([{ path: 'data[0].order_name', problem: 'undocumented field' }]);
	});
});

// The fields hand-listed above, checked against the pages only when WDT_API_DOCS names the
// vendor docs: the suite reads nothing outside the repository.
const SHARED_DOCS = process.env.WDT_API_DOCS ?? '';
describe.skipIf(SHARED_DOCS === '' || !existsSync(SHARED_DOCS))(
	'hand-listed fields match the pages',
	() => {
		it.each(Object.entries(MAY_BE_LEFT_OUT))('%s: %j may be left out', (method, fields) => {
			const page = readFileSync(join(SHARED_DOCS, 'docs', `${method}.md`), 'utf8');
			for (const field of fields)
				expect(page).toMatch(
					new RegExp(
						`\\| ${field.replace(/_/g, '\\\\_')} \\|[^\\n]*(为空时不返回|接口创建的采购单不返回该字段)`,
					),
				);
		});
	},
);

// ---------------------------------------------------------------------------------------------
// Example workflows read only fields the WDT nodes output
// ---------------------------------------------------------------------------------------------

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}
interface Workflow {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

/** The method whose records a read operation outputs, one item per record. */
const READ_OPERATIONS: Readonly<Record<string, string>> = {
	'salesStockout/getManyCancelled': SEARCH_CANCEL,
	'purchaseApply/getMany': 'purchase.PurchaseApply.search',
	'logisticsSync/getPending': PENDING_METHOD,
	'stockSync/calculate': 'sales.StockSync.batchCalcStock',
};

/** Fields a read operation adds beside the documented ones (docs/operations.md: Get Pending's `oid_list`). */
const ADDED_BY_OPERATION: Readonly<Record<string, readonly string[]>> = {
	'logisticsSync/getPending': ['oid_list'],
};

/**
 * What a write operation outputs per item: results of our own making, not WDT records, as the
 * operations reference's Output of the operation names them (checked below). Reads of anything else, and of
 * the output of a write operation not listed here, are reported.
 */
const WRITE_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
	'salesOrder/push': ['shop_no', 'tid', 'oids', 'outcome', 'error', 'push_result', 'rerun'],
	// Get Pending: one item per platform goods id of getSelfWaitSyncIdListOpen's id_list.
	'stockSync/getPending': ['rec_id'],
};

/** The method whose records a trigger event emits, one item per record. */
const TRIGGER_EVENTS: Readonly<Record<string, string>> = {
	stockoutCancelled: SEARCH_CANCEL,
	stockoutShipped: STOCKOUT_QUERY_METHOD,
	salesOrderChanged: TRADE_QUERY_METHOD,
};

/** Nodes whose output items are their input items. */
const PASS_THROUGH = new Set(
	['noOp', 'if', 'filter', 'switch', 'wait', 'limit', 'sort', 'removeDuplicates'].map(
		(name) => `n8n-nodes-base.${name}`,
	),
);

/** Our nodes add `<field>_name` beside a code the page's status table names, `<field>_iso` beside each time. */
const NAME_SUFFIX = '_name';
const ISO_SUFFIX = '_iso';
/** Include Details adds the queryWithDetail record and says when there was none. */
const DETAIL_FLAGS = ['details_found', 'details_missing_reason'];

/**
 * The documented fields of one record of a method: the entries of the list at the catalog's
 * listPath, else of the first list of objects in the reply (purchase.PurchaseApply.search).
 */
function recordTree(method: string): CatalogParam[] {
	const fixture = readDocFixture(method);
	if (!fixture) throw new Error(`no doc fixture for ${method}`);
	const listPath = getCatalogMethod(method)?.listPath ?? [];
	let fields = fixture.response;
	for (const name of listPath) fields = fields.find((field) => field.name === name)?.children ?? [];
	if (listPath.length === 0) {
		const list = fields.find(
			(field) => /^List\s*<\s*Map/i.test(field.type) && field.children?.length,
		);
		fields = list?.children ?? fields;
	}
	return fields;
}

function recordFields(method: string): string[] {
	return recordTree(method).map((field) => field.name);
}

/** The documented fields of one entry of a record's list (e.g. detail_list), if it is one. */
function listEntryFields(method: string, list: string): string[] | undefined {
	return recordTree(method)
		.find((field) => field.name === list)
		?.children?.map((field) => field.name);
}

/** The documented fields of a record, and the names our nodes add beside them. */
function withAddedFields(method: string, documented: string[], prefix = ''): Set<string> {
	const tables = getCatalogMethod(method)?.statusTables ?? {};
	return new Set([
		...documented,
		...documented.map((field) => field + ISO_SUFFIX),
		...documented.filter((field) => `${prefix}${field}` in tables).map((f) => f + NAME_SUFFIX),
	]);
}

/** resource/operation of a WDT node. */
const operationOf = (node: WorkflowNode) =>
	`${String(node.parameters.resource)}/${String(node.parameters.operation)}`;

/** The method whose records a WDT node outputs; null for a node that outputs no WDT records. */
function outputMethod(node: WorkflowNode): string | null | undefined {
	if (node.type === 'n8n-nodes-wdt.wdtTrigger')
		return TRIGGER_EVENTS[String(node.parameters.event ?? DEFAULT_EVENT)] ?? null;
	if (node.type === 'n8n-nodes-wdt.wdt') return READ_OPERATIONS[operationOf(node)] ?? null;
	return undefined;
}

/** What a WDT node's output items may hold; undefined for other nodes. */
function outputFields(node: WorkflowNode): Set<string> | undefined {
	const method = outputMethod(node);
	if (method === undefined) return undefined;
	if (method === null) return new Set(WRITE_OUTPUTS[operationOf(node)] ?? []);
	const options = (node.parameters.options ?? {}) as Record<string, unknown>;
	const details = options.includeDetails === true;
	return new Set([
		...withAddedFields(method, recordFields(method)),
		...(ADDED_BY_OPERATION[operationOf(node)] ?? []),
		...(details ? withAddedFields(STOCKOUT_DETAILS, recordFields(STOCKOUT_DETAILS)) : []),
		...(details ? DETAIL_FLAGS : []),
	]);
}

/** What an entry of the record's list `list` holds (as a Split Out item or in `.map(line => …)`). */
function listOutputFields(node: WorkflowNode, list: string): Set<string> | undefined {
	const method = outputMethod(node);
	const fields = method ? listEntryFields(method, list) : undefined;
	return fields && withAddedFields(method!, fields, `${list}.`);
}

/** Every expression (string starting with '=') in a node's parameters. */
function expressions(value: unknown): string[] {
	if (typeof value === 'string') return value.startsWith('=') ? [value] : [];
	if (Array.isArray(value)) return value.flatMap(expressions);
	if (isObject(value)) return Object.values(value).flatMap(expressions);
	return [];
}

/** `$json.a`, `$json['a']`, `$json["a"]`: the first field name read from the current item. */
function jsonReads(expression: string): string[] {
	return [...expression.matchAll(/\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*['"]([^'"]+)['"]\s*\])/g)].map(
		(match) => match[1] ?? match[2],
	);
}

/** Fields read as `parameter.field` in an expression, from `from` on. */
function fieldsReadFrom(expression: string, parameter: string, from: number): string[] {
	const access = new RegExp(
		`(?<![\\w$.])${parameter.replace(/\$/g, '\\$')}\\.([A-Za-z_$][\\w$]*)`,
		'g',
	);
	return [...expression.slice(from).matchAll(access)].map((read) => read[1]);
}

/** Fields read from the items of a list, as in `list.map(s => s.a)`: the arrow parameter's fields. */
function arrowParameterReads(expression: string): string[] {
	return [...expression.matchAll(/\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>/g)].flatMap((match) =>
		fieldsReadFrom(expression, match[1], match.index),
	);
}

/** `$('Node').item.json.a` and the like: [node name, field]. */
function namedNodeReads(expression: string): Array<[string, string]> {
	return [
		...expression.matchAll(
			/\$\(\s*['"]([^'"]+)['"]\s*\)\s*\.\s*(?:item|first\(\)|last\(\)|itemMatching\([^)]*\)|all\(\)\[\d+\])\s*\.\s*json\s*\.\s*([A-Za-z_$][\w$]*)/g,
		),
	].map((match) => [match[1], match[2]]);
}

/** `$json.list.map(line => line.a)`, also as `($json.list || []).map(…)`: [list, a] for each field read. */
function listEntryReads(expression: string): Array<[string, string]> {
	const call =
		/\$json\.([A-Za-z_$][\w$]*)\s*(?:\|\|\s*\[\s*\]\s*\))?\s*\.\s*(?:map|flatMap|filter|forEach|some|every|find)\(\s*\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>/g;
	return [...expression.matchAll(call)].flatMap((match) =>
		fieldsReadFrom(expression, match[2], match.index).map((field): [string, string] => [
			match[1],
			field,
		]),
	);
}

/**
 * Split Out of one field: with Include No Other Fields, its items are the entries of that list
 * (`into` undefined); with All Other Fields, the item's other fields and the entry under
 * Destination Field Name (`into`, default the field itself).
 */
function splitOutField(node: WorkflowNode): { field: string; into?: string } | undefined {
	if (node.type !== 'n8n-nodes-base.splitOut') return undefined;
	const field = String(node.parameters.fieldToSplitOut ?? '').trim();
	if (!/^[A-Za-z_$][\w$]*$/.test(field)) return undefined;
	const include = node.parameters.include ?? 'noOtherFields';
	const options = (node.parameters.options ?? {}) as Record<string, unknown>;
	const destination = String(options.destinationFieldName ?? '').trim();
	if (include === 'noOtherFields') return destination ? undefined : { field };
	return include === 'allOtherFields' ? { field, into: destination || field } : undefined;
}

/** Each read of a WDT node's output that the method does not return: "node: field (from …)". */
function undocumentedReads(workflow: Workflow): string[] {
	const byName = new Map(workflow.nodes.map((node) => [node.name, node]));
	const next = (name: string) =>
		(workflow.connections[name]?.main ?? []).flat().map((target) => byName.get(target.node)!);
	const problems: string[] = [];
	const check = (
		reader: string,
		field: string,
		source: string,
		fields: Set<string> | undefined,
	) => {
		if (!fields?.has(field)) problems.push(`${reader}: ${field} (not in the output of ${source})`);
	};
	for (const source of workflow.nodes) {
		const fields = outputFields(source);
		if (!fields) continue;
		// Nodes that get items as their input ($json), through pass-through nodes: the WDT items,
		// or after a Split Out of one of their lists, its entries (`list`), or the items with one
		// field split out (All Other Fields).
		interface Reader {
			node: WorkflowNode;
			fields: Set<string> | undefined;
			from: string;
			list?: string;
		}
		const queue: Reader[] = next(source.name).map((node) => ({ node, fields, from: source.name }));
		const seen = new Set<string>();
		while (queue.length) {
			const reader = queue.shift()!;
			const { node, list, from } = reader;
			if (seen.has(node.name)) continue;
			seen.add(node.name);
			const texts = expressions(node.parameters);
			for (const field of texts.flatMap(jsonReads)) check(node.name, field, from, reader.fields);
			if (!list) {
				for (const [entries, field] of texts.flatMap(listEntryReads))
					check(node.name, field, `${source.name}'s ${entries}`, listOutputFields(source, entries));
			}
			if (PASS_THROUGH.has(node.type))
				queue.push(...next(node.name).map((n) => ({ ...reader, node: n })));
			const split = list ? undefined : splitOutField(node);
			if (split?.into !== undefined) {
				check(node.name, split.field, from, reader.fields);
				const splitFields = new Set(reader.fields);
				splitFields.delete(split.field);
				splitFields.add(split.into);
				queue.push(...next(node.name).map((n) => ({ node: n, fields: splitFields, from })));
			} else if (split) {
				const entries = listOutputFields(source, split.field);
				if (!entries)
					problems.push(
						`${node.name}: ${split.field} (not a list in the output of ${source.name})`,
					);
				const entriesFrom = `${source.name}'s ${split.field}`;
				queue.push(
					...next(node.name).map((n) => ({
						node: n,
						fields: entries,
						from: entriesFrom,
						list: split.field,
					})),
				);
			}
			if (node.type === 'n8n-nodes-base.aggregate' && !list) {
				// One item holding the WDT items under destinationFieldName, read with list functions.
				const aggregated = String(node.parameters.destinationFieldName ?? 'data');
				for (const aggregateReader of next(node.name)) {
					for (const text of expressions(aggregateReader.parameters)) {
						for (const field of jsonReads(text))
							if (field !== aggregated)
								check(aggregateReader.name, field, node.name, new Set([aggregated]));
						for (const field of arrowParameterReads(text))
							check(aggregateReader.name, field, source.name, reader.fields);
					}
				}
			}
		}
		// Any node reading the WDT node by name.
		for (const node of workflow.nodes) {
			for (const [name, field] of expressions(node.parameters).flatMap(namedNodeReads)) {
				if (name === source.name) check(node.name, field, source.name, fields);
			}
		}
	}
	return problems;
}

const EXAMPLES = join(__dirname, '../../examples');

describe('each timeForm sends the contradicted time fields in a form their page shows', () => {
	const rig = useRig({ seed: 'demo' });
	const recent = { modifiedMs: NOW - 2 * HOUR };
	const window = (start: string, end: string) => ({
		[start]: formatCst(NOW - 24 * HOUR),
		[end]: formatCst(NOW),
	});
	const calls: Record<string, () => unknown[]> = {
		'aftersales.refund.Refund.search': () => [window('modified_from', 'modified_to')],
		'goods.Goods.queryWithSpec': () => [window('start_time', 'end_time')],
		'wms.StockSpec.search2': () => [window('start_time', 'end_time')],
		'setting.Warehouse.queryWarehouse': () => [{}],
	};

	it.each(TIME_FORMS)('%s', async (timeForm) => {
		rig.sim.resetData('demo');
		rig.sim
			.records('aftersales.refund.Refund.search')
			.add(
				{ refund_id: 1, refund_no: 'TK1', status: 20, type: 2, detail_list: [{ rec_id: 1 }] },
				recent,
			);
		rig.sim.records('goods.Goods.queryWithSpec').add(
			{
				goods_id: 1,
				goods_no: 'G1',
				goods_type: 1,
				goods_modified: NOW - 2 * HOUR,
				spec_list: [{ spec_id: 1, spec_no: 'G1-A', spec_modified: NOW - 2 * HOUR }],
			},
			recent,
		);
		rig.sim.records('wms.StockSpec.search2').add({ rec_id: 1, spec_no: 'G1-A' }, recent);
		rig.sim.replies = { ...DEFAULT_REPLY_CHOICES, timeForm };
		const problems: Problem[] = [];
		for (const [method, args] of Object.entries(calls)) {
			const { json } = await rig.client.call({ method, args: args(), pager: page });
			expect(json?.status, `${method}: ${JSON.stringify(json)}`).toBe(0);
			expect(JSON.stringify(json?.data)).not.toBe('{}');
			problems.push(...replyProblems(method, json, { calcTotal: true }));
		}
		rig.sim.replies = { ...DEFAULT_REPLY_CHOICES };
		expect(problems).toEqual([]);
	});
});

describe('example workflows read only documented output fields', () => {
	const node = (name: string, type: string, parameters: Record<string, unknown> = {}) => ({
		name,
		type,
		parameters,
	});
	const to = (...names: string[]) => ({ main: [names.map((name) => ({ node: name }))] });

	it.each(readdirSync(EXAMPLES).filter((file) => file.endsWith('.json')))('%s', (file) => {
		const workflow = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as Workflow;
		expect(undocumentedReads(workflow)).toEqual([]);
	});

	it('the checker finds reads of fields searchCancel does not return, however they are written', () => {
		expect(recordFields(SEARCH_CANCEL)).toEqual([
			'stockout_id',
			'stockout_no',
			'status',
			'modified',
		]);
		expect(recordFields('purchase.PurchaseApply.search')).toContain('detail_list');
		const workflow: Workflow = {
			nodes: [
				node('Get', 'n8n-nodes-wdt.wdt', {
					resource: 'salesStockout',
					operation: 'getManyCancelled',
				}),
				node('Keep', 'n8n-nodes-base.noOp'),
				node('Mail', 'n8n-nodes-base.emailSend', {
					text: '={{ $json.stockout_no }} {{ $json.modified_iso }} {{ $json["receiver_name"] }}',
				}),
				node('All', 'n8n-nodes-base.aggregate', { destinationFieldName: 'rows' }),
				node('Sum', 'n8n-nodes-base.emailSend', {
					text: '={{ $json.rows.map(s => s.status_name + s.shop_no).join() }}',
				}),
				node('Later', 'n8n-nodes-base.set', { value: "={{ $('Get').item.json.src_order_no }}" }),
			],
			connections: { Get: to('Keep', 'All'), Keep: to('Mail'), All: to('Sum'), Sum: to('Later') },
		};
		expect(undocumentedReads(workflow).sort()).toEqual([
			'Later: src_order_no (not in the output of Get)',
			'Mail: receiver_name (not in the output of Get)',
			'Sum: shop_no (not in the output of Get)',
		]);
		// With Include Details, the queryWithDetail fields are part of the output.
		workflow.nodes[0].parameters.options = { includeDetails: true };
		expect(undocumentedReads(workflow)).toEqual([]);
	});

	it('the checker knows each trigger event’s method, and the entries of its lists (Split Out, .map)', () => {
		const orders: Workflow = {
			nodes: [
				node('Orders', 'n8n-nodes-wdt.wdtTrigger', { event: 'salesOrderChanged' }),
				node('Lines', 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'detail_list' }),
				node('Row', 'n8n-nodes-base.googleSheets', {
					columns: {
						value: {
							a: "={{ $('Orders').item.json.trade_no }} {{ $('Orders').item.json.trade_status_name }}",
							b: '={{ $json.spec_no }} {{ $json.num }} {{ $json.trade_no }}',
						},
					},
				}),
				node('Wrong list', 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'details_list' }),
			],
			connections: { Orders: to('Lines', 'Wrong list'), Lines: to('Row') },
		};
		expect(undocumentedReads(orders).sort()).toEqual([
			"Row: trade_no (not in the output of Orders's detail_list)",
			'Wrong list: details_list (not a list in the output of Orders)',
		]);
		const shipped: Workflow = {
			nodes: [
				node('Shipped', 'n8n-nodes-wdt.wdtTrigger', { event: 'stockoutShipped' }),
				node('Mail', 'n8n-nodes-base.emailSend', {
					text: "={{ $json.receiver_area }} {{ $json.status_name }} {{ ($json.details_list || []).map(line => line.spec_no + line.trade_no).join('\\n') }} {{ $json.logistics_list.map((p) => p.logistics_no) }}",
				}),
			],
			connections: { Shipped: to('Mail') },
		};
		expect(undocumentedReads(shipped)).toEqual([
			"Mail: trade_no (not in the output of Shipped's details_list)",
		]);
		// An event the checker does not know outputs nothing it could vouch for.
		shipped.nodes[0].parameters.event = 'somethingElse';
		expect(undocumentedReads(shipped)).toContain(
			'Mail: receiver_area (not in the output of Shipped)',
		);
	});

	it('the checker knows the outputs of write operations and Split Out with All Other Fields', () => {
		const push: Workflow = {
			nodes: [
				node('Push', 'n8n-nodes-wdt.wdt', { resource: 'salesOrder', operation: 'push' }),
				node('Rows', 'n8n-nodes-base.splitOut', {
					fieldToSplitOut: 'oids',
					include: 'allOtherFields',
					options: { destinationFieldName: 'oid' },
				}),
				node('Sheet', 'n8n-nodes-base.googleSheets', {
					columns: { value: { a: '={{ $json.oid }} {{ $json.outcome }} {{ $json.oids }}' } },
				}),
				node('Failed', 'n8n-nodes-base.filter', { conditions: '={{ $json.success_count }}' }),
				node('Wrong split', 'n8n-nodes-base.splitOut', {
					fieldToSplitOut: 'lines',
					include: 'allOtherFields',
				}),
				node('Cancel', 'n8n-nodes-wdt.wdt', { resource: 'otherOut', operation: 'cancel' }),
				node('Mail', 'n8n-nodes-base.emailSend', { text: '={{ $json.order_no }}' }),
			],
			connections: {
				Push: to('Rows', 'Failed', 'Wrong split'),
				Rows: to('Sheet'),
				Cancel: to('Mail'),
			},
		};
		expect(undocumentedReads(push).sort()).toEqual([
			'Failed: success_count (not in the output of Push)',
			'Mail: order_no (not in the output of Cancel)',
			'Sheet: oids (not in the output of Push)',
			'Wrong split: lines (not in the output of Push)',
		]);
		// Get Pending outputs the page's fields and the oid_list it adds.
		const pending: Workflow = {
			nodes: [
				node('Pending', 'n8n-nodes-wdt.wdt', {
					resource: 'logisticsSync',
					operation: 'getPending',
				}),
				node('Shop', 'n8n-nodes-base.httpRequest', {
					url: '={{ $json.tid }} {{ $json.oid_list }} {{ $json.sync_id }} {{ $json.oid }}',
				}),
			],
			connections: { Pending: to('Shop') },
		};
		expect(undocumentedReads(pending)).toEqual(['Shop: oid (not in the output of Pending)']);
	});

	it('the outputs listed for write operations are the ones the operations reference names', () => {
		const reference = readFileSync(join(__dirname, '../../docs/operations.md'), 'utf8');
		for (const field of Object.values(WRITE_OUTPUTS).flat())
			expect(reference, field).toContain(`\`${field}\``);
	});
});
