/**
 * Create/update writes, with the reply shapes of their pages:
 * - wms.stockother.Out.push (其它出库业务单创建): `{status:0, data:{outer_no, message, status}}`,
 *   data.status 0 created, 20 created but its review / WMS hand-over failed; a taken outer_no is
 *   refused with the page's `{"status":100,"message":"外部单号重复!"}`.
 * - goods.Goods.push (货品推送): one goods (SPU) with its specs, `{status:0, data:<goods id>}`;
 *   goods_no and spec_no are matched, so an existing number is updated, not duplicated.
 * - goods.Goods.batchPush (货品批量推送): many goods, `{status:0, data:{error_list:[{no, error}]}}`
 *   as in the page's examples (the reply table reads data itself as the list: ReplyChoices).
 * Pushed goods are the records goods.Goods.queryWithSpec serves (generic.ts), with `modified`
 * moved to the time of the push.
 *
 * methods.ts registers these methods: load the simulator before importing this file directly.
 */
import { getCatalogMethod } from '../../nodes/shared/catalog';
import type { CatalogParam } from '../../nodes/shared/catalog/types';
import { formatCst } from './cst';
import { methodRecords } from './generic';
import { masterDataOf } from './masterData';
import { WdtError, type MethodSpec } from './methods';
import type { SimulatorStore } from './store';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown) =>
	value === undefined || value === null ? '' : String(value as string).trim();
const same = (a: unknown, b: unknown) => textOf(a).toLowerCase() === textOf(b).toLowerCase();

/** MySQL's refusal of a value longer than its column, for every documented length at `path`. */
function checkLengths(method: string, path: string[], fields: Fields): void {
	let params: CatalogParam[] = getCatalogMethod(method)?.args ?? [];
	for (const name of path) params = params.find((param) => param.name === name)?.children ?? [];
	for (const param of params) {
		const value = fields[param.name];
		if (param.length && typeof value === 'string' && [...value].length > param.length)
			throw new WdtError(100, `Data truncation: Data too long for column '${param.name}'`);
	}
}

// ---------------------------------------------------------------------------------------------
// wms.stockother.Out.push
// ---------------------------------------------------------------------------------------------

const reviewFailures = new WeakMap<SimulatorStore, string>();

/**
 * Makes every later push with is_check true answer data.status 20 with this message (the page's
 * "单据推送成功，系统处理异常" example): the order is created and stays waiting for review.
 */
export function failOtherOutReview(store: SimulatorStore, message: string | undefined): void {
	if (message === undefined) reviewFailures.delete(store);
	else reviewFailures.set(store, message);
}

/** A write method taking `argCount` positional arguments. */
const writeMethod = (name: string, argCount: number, run: MethodSpec['run']): MethodSpec => ({
	name,
	paged: false,
	write: true,
	argCount,
	run,
});

export const otherOutPush = writeMethod('wms.stockother.Out.push', 2, ({ store, args, nowMs }) => {
	const [order, details] = args;
	if (!isObject(order) || !Array.isArray(details)) throw new WdtError(1, 'argument type mismatch');
	checkLengths(otherOutPush.name, ['order'], order);
	const warehouseNo = textOf(order.warehouse_no);
	if (!warehouseNo) throw new WdtError(100, '仓库编号不能为空');
	if (!masterDataOf(store).warehouses.some((w) => !w.deleted && same(w.warehouseNo, warehouseNo)))
		throw new WdtError(100, `仓库不存在:${warehouseNo}`);
	if (details.length === 0) throw new WdtError(100, '单据明细不能为空');
	for (const line of details) {
		if (!isObject(line)) throw new WdtError(1, 'argument type mismatch');
		checkLengths(otherOutPush.name, ['order_details'], line);
		if (!textOf(line.spec_no)) throw new WdtError(100, '商家编码不能为空');
		if (!(Number(line.num) > 0)) throw new WdtError(100, `数量必须大于0:${textOf(line.spec_no)}`);
	}
	const outerNo = textOf(order.outer_no);
	if (outerNo && [...store.otherOuts.keys()].some((no) => same(no, outerNo)))
		throw new WdtError(100, '外部单号重复!');
	const reviewFailure = order.is_check === true ? reviewFailures.get(store) : undefined;
	const record = store.addOtherOut({
		orderNo: outerNo || undefined,
		status: order.is_check === true && reviewFailure === undefined ? 'approved' : 'pending',
		warehouseNo,
		reason: textOf(order.reason),
		remark: textOf(order.remark),
		createdMs: nowMs,
	});
	return reviewFailure === undefined
		? { status: 0, data: { outer_no: record.orderNo, message: record.orderNo, status: 0 } }
		: { status: 0, data: { outer_no: record.orderNo, message: reviewFailure, status: 20 } };
});

// ---------------------------------------------------------------------------------------------
// goods.Goods.push / goods.Goods.batchPush
// ---------------------------------------------------------------------------------------------

const QUERY = 'goods.Goods.queryWithSpec';
/** The batch page's limit, and its message (its 异常响应示例). */
export const MAX_SPECS_PER_GOODS = 500;
const TOO_MANY_SPECS = '单品条数不得超过500条或为空';

/** Pushed fields that goods.Goods.queryWithSpec documents under the same name. */
const GOODS_FIELDS = [
	'goods_no',
	'goods_name',
	'short_name',
	'alias',
	'goods_type',
	'brand_name',
	'remark',
	'origin',
	'class_name',
	'unit_name',
	'aux_unit_name',
	'flag_name',
	...[1, 2, 3, 4, 5, 6].map((n) => `prop${n}`),
];
const SPEC_FIELDS = [
	'spec_no',
	'spec_code',
	'barcode',
	'spec_name',
	'lowest_price',
	'retail_price',
	'wholesale_price',
	'member_price',
	'market_price',
	'validity_days',
	'sales_days',
	'receive_days',
	'weight',
	'length',
	'width',
	'height',
	'sn_type',
	'is_lower_cost',
	'wms_process_mask',
	'large_type',
	'goods_label',
	'remark',
	'custom_price1',
	'custom_price2',
	'img_url',
	'tax_code',
	'pack_score',
	'pick_score',
	'scan_score',
	'sale_score',
	...[1, 2, 3, 4, 5, 6].map((n) => `prop${n}`),
];
/** Names the query gives a spec's own units. */
const SPEC_RENAMED: Record<string, string> = {
	unit_name: 'spec_unit_name',
	aux_unit_name: 'spec_aux_unit_name',
};
/** "不传或为空则默认为’无’" on the push pages. */
const DEFAULTS_TO_NONE = ['class_name', 'brand_name', 'unit_name', 'aux_unit_name', 'flag_name'];

const idCounters = new WeakMap<SimulatorStore, { goods: number; spec: number }>();

function pick(from: Fields, names: readonly string[]): Fields {
	const picked: Fields = {};
	for (const name of names)
		if (from[name] !== undefined && from[name] !== null) picked[name] = from[name];
	return picked;
}

/** Creates or updates one goods with its specs (matched by goods_no and spec_no); its goods_id. */
function pushGoods(
	store: SimulatorStore,
	method: string,
	path: string[],
	goods: Fields,
	specs: unknown,
	nowMs: number,
): number {
	checkLengths(method, path, goods);
	if (!textOf(goods.goods_no)) throw new WdtError(100, '货品编号不能为空');
	if (!textOf(goods.goods_name)) throw new WdtError(100, '货品名称不能为空');
	if (!Array.isArray(specs) || specs.length === 0 || specs.length > MAX_SPECS_PER_GOODS)
		throw new WdtError(100, TOO_MANY_SPECS);
	const records = methodRecords(store, QUERY);
	const existing = records.find((record) => same(record.goods_no, goods.goods_no));
	const counters = idCounters.get(store) ?? { goods: 1000, spec: 5000 };
	idCounters.set(store, counters);
	const goodsId = (existing?.goods_id as number | undefined) ?? ++counters.goods;
	const specList = ((existing?.spec_list as Fields[] | undefined) ?? []).map((spec) => ({
		...spec,
	}));
	for (const spec of specs) {
		if (!isObject(spec)) throw new WdtError(1, 'argument type mismatch');
		checkLengths(
			method,
			method === 'goods.Goods.push' ? ['specInfoList'] : [...path, 'spec_list'],
			spec,
		);
		if (!textOf(spec.spec_no)) throw new WdtError(100, '商家编码不能为空');
		const owner = records.find(
			(record) =>
				!same(record.goods_no, goods.goods_no) &&
				(record.spec_list as Fields[]).some((other) => same(other.spec_no, spec.spec_no)),
		);
		if (owner) throw new WdtError(100, '商家编码已存在');
		const fields: Fields = pick(spec, SPEC_FIELDS);
		for (const [pushed, shown] of Object.entries(SPEC_RENAMED))
			if (spec[pushed] !== undefined) fields[shown] = spec[pushed];
		const known = specList.find((other) => same(other.spec_no, spec.spec_no));
		if (known) Object.assign(known, fields);
		else
			specList.push({
				...fields,
				goods_id: goodsId,
				spec_id: ++counters.spec,
				spec_created: formatCst(nowMs),
			});
	}
	const defaults = Object.fromEntries(DEFAULTS_TO_NONE.map((name) => [name, '无']));
	const kept: Fields = { ...existing };
	delete kept.modified; // moved to the time of this push
	delete kept.spec_list;
	const given = pick(goods, GOODS_FIELDS);
	for (const name of DEFAULTS_TO_NONE) if (textOf(given[name]) === '') delete given[name];
	records.put(
		(record) => same(record.goods_no, goods.goods_no),
		{
			...(existing ? {} : defaults),
			...kept,
			...given,
			goods_id: goodsId,
			spec_count: specList.length,
			goods_created: existing?.goods_created ?? formatCst(nowMs),
			goods_modified: formatCst(nowMs),
			spec_list: specList,
		},
		{ modifiedMs: nowMs },
	);
	return goodsId;
}

export const goodsPush = writeMethod('goods.Goods.push', 2, ({ store, args, nowMs }) => {
	const [goods, specs] = args;
	if (!isObject(goods)) throw new WdtError(1, 'argument type mismatch');
	return {
		status: 0,
		data: pushGoods(store, goodsPush.name, ['goodsInfo'], goods, specs, nowMs),
	};
});

export const goodsBatchPush = writeMethod('goods.Goods.batchPush', 1, ({ store, args, nowMs }) => {
	const [list] = args;
	if (!Array.isArray(list)) throw new WdtError(1, 'argument type mismatch');
	const errors: Array<{ no: string; error: string }> = [];
	for (const goods of list) {
		if (!isObject(goods)) throw new WdtError(1, 'argument type mismatch');
		try {
			pushGoods(store, goodsBatchPush.name, ['goodsInfo'], goods, goods.spec_list, nowMs);
		} catch (error) {
			const refusal =
				error instanceof WdtError ? error : new WdtError(99, `其他错误: ${String(error)}`);
			errors.push({ no: textOf(goods.goods_no), error: refusal.message });
		}
	}
	return {
		status: 0,
		data: store.replies.batchPushErrors === 'data' ? errors : { error_list: errors },
	};
});
