/**
 * Sales Order → Push: input items into orders, one per item (lines in the node) or one per
 * Platform Order Number (rows as lines), every value checked against the page before any call.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { orderNumberKey } from '../../../shared/protocol';
import { invalidInput, parameterReaders } from '../parameters';
import { readLocatorCode } from '../locators';
import {
	definedLines,
	type FieldTable,
	planEach,
	planEachItem,
	type Planned,
	readLinesSource,
	type WriteField,
} from '../write';
import { LINE, MORE_ORDER, ORDER, SHOP_NO, WAREHOUSE_NO } from './push.fields';

export interface PushOrder {
	shopNo: string;
	order: IDataObject;
	lines: IDataObject[];
}

/** A top-level parameter at one item (parameterReaders). */
type Parameter = (name: string, itemIndex: number) => unknown;

const isEmpty = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Four decimal places, as WDT stores Decimal(19,4). */
export const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** One order value of one item as typed, with the table that checks it. */
interface Typed {
	table: FieldTable;
	field: WriteField;
	where: string;
	raw: unknown;
}

/** Every order value at one item: shop, mapped fields, More Order Fields, auto-flow warehouse. */
function typedOrder(ctx: IExecuteFunctions, i: number, parameter: Parameter): Typed[] {
	const more = ctx.getNodeParameter('moreOrderFields', i, {}) as IDataObject;
	const at = (table: FieldTable, where: string, raw: (field: WriteField) => unknown) =>
		table.fields.map((field) => ({ table, field, where, raw: raw(field) }));
	return [
		...at(SHOP_NO, '', () => readLocatorCode(ctx, i, 'shopNo')),
		...at(ORDER, '', (field) => parameter(`order_${field.wdt}`, i)),
		...at(MORE_ORDER, 'More Order Fields → ', (field) => more[field.wdt]),
		...at(WAREHOUSE_NO, '', () => readLocatorCode(ctx, i, 'warehouseNo')),
	];
}

/** The order values of one item as WDT takes them (defaults for the ones left empty). */
function readOrder(ctx: IExecuteFunctions, i: number, parameter: Parameter): IDataObject {
	const order: IDataObject = {};
	for (const { table, field, where, raw } of typedOrder(ctx, i, parameter)) {
		const value = table.value(ctx, i, where, field, raw);
		if (value !== undefined) order[field.wdt] = value as IDataObject[string];
	}
	return order;
}

/** How a value is shown in a message about differing rows. */
const shown = (value: unknown) => (isEmpty(value) ? 'empty' : `"${String(value)}"`);

/**
 * A tid is one order of one shop (the page: one shop_no per call; a tid is unique per seller),
 * so every row of a tid must name the same shop and the same order values: a row whose value
 * differs from the first row's is refused, naming it, instead of being dropped. A row that leaves
 * a value empty adds nothing, so it conflicts with nothing.
 */
function refuseConflicts(
	ctx: IExecuteFunctions,
	parameter: Parameter,
	[first, ...others]: number[],
	order: IDataObject,
): void {
	for (const i of others)
		for (const { table, field, where, raw } of typedOrder(ctx, i, parameter)) {
			// The rows were grouped by tid, ignoring case as WDT does.
			if (field.wdt === 'tid' || isEmpty(raw)) continue;
			const value = table.value(ctx, i, where, field, raw);
			if (String(value) !== String(order[field.wdt] ?? ''))
				throw invalidInput(
					ctx,
					i,
					`${where}${field.displayName} (${field.wdt})`,
					`is ${shown(value)} here but ${shown(order[field.wdt])} in item ${first + 1}, a row of the same order (tid "${String(order.tid)}"). A platform order number is one order of one shop: give all its rows the same order values, or give different orders different numbers.`,
				);
		}
}

/** The page's example: what a line leaves empty follows from its other fields and its order. */
function completeLine(line: IDataObject, order: IDataObject): IDataObject {
	const completed: IDataObject = { ...line, tid: order.tid };
	if (completed.goods_id === undefined) completed.goods_id = completed.goods_no;
	if (completed.spec_id === undefined) completed.spec_id = completed.spec_no;
	if (completed.status === undefined) completed.status = order.trade_status;
	if (completed.total_amount === undefined)
		completed.total_amount = round4(
			Number(line.price) * Number(line.num) + Number(line.adjust_amount) - Number(line.discount),
		);
	return completed;
}

/** One order from its items: order values first, then its lines (read only when those are good). */
function readPushOrder(
	ctx: IExecuteFunctions,
	parameter: Parameter,
	itemIndices: number[],
	lines: Array<() => IDataObject>,
): PushOrder {
	const first = readOrder(ctx, itemIndices[0], parameter);
	refuseConflicts(ctx, parameter, itemIndices, first);
	const { shop_no: shopNo, ...order } = first;
	order.is_auto_wms = order.warehouse_no !== '';
	return { shopNo: String(shopNo), order, lines: lines.map((read) => completeLine(read(), order)) };
}

/**
 * An order refused before sending, as its rows give it: tid and oids as typed, so that a sheet
 * can mark the rows (the error names item and field).
 */
function refusedOrder(parameter: Parameter, itemIndices: number[], fromRows: boolean): IDataObject {
	const typed = (name: string, i: number) => {
		try {
			const value = parameter(name, i);
			return isEmpty(value) ? undefined : String(value).trim();
		} catch {
			return undefined; // the value is what was refused: its item's error says why
		}
	};
	const json: IDataObject = {};
	const tid = typed('order_tid', itemIndices[0]);
	if (tid !== undefined) json.tid = tid;
	if (fromRows) json.oids = itemIndices.flatMap((i) => typed('line_oid', i) ?? []);
	return json;
}

/**
 * The orders of the input: with lines in the node one per item; with rows as lines, rows of one
 * Platform Order Number (ignoring case, as WDT does) make one order, and a row without one is
 * refused on its own.
 */
export function planOrders(ctx: IExecuteFunctions): Array<Planned<PushOrder>> {
	const items = ctx.getInputData();
	const parameter = parameterReaders(ctx, items);
	const fromRows = readLinesSource(ctx, 'inputItems') === 'inputItems';
	const line = (i: number, where: string, valueOf: (field: WriteField) => unknown) => () =>
		LINE.read(ctx, i, where, valueOf);
	let planned: Array<Planned<PushOrder>>;
	if (fromRows) {
		const groups = new Map<string, number[]>();
		items.forEach((_, i) => {
			const tid = parameter('order_tid', i);
			const key = isEmpty(tid) ? `item ${i}` : `tid ${orderNumberKey(String(tid))}`;
			groups.set(key, [...(groups.get(key) ?? []), i]);
		});
		planned = planEach(ctx, [...groups.values()], (itemIndices) =>
			readPushOrder(
				ctx,
				parameter,
				itemIndices,
				itemIndices.map((i) => line(i, '', (field) => parameter(`line_${field.wdt}`, i))),
			),
		);
	} else
		planned = planEachItem(ctx, (i) =>
			readPushOrder(
				ctx,
				parameter,
				[i],
				definedLines(ctx, i, (entry, where) => line(i, where, (field) => entry[field.wdt])),
			),
		);
	return planned.map((entry) =>
		'error' in entry
			? { ...entry, json: refusedOrder(parameter, entry.itemIndices, fromRows) }
			: entry,
	);
}

/** A sub-order number WDT must see once per push, across every order. */
export function refuseRepeatedOids(
	ctx: IExecuteFunctions,
	planned: Array<Planned<PushOrder>>,
): void {
	const oids = new Map<string, number>();
	for (const entry of planned) {
		if (!('doc' in entry)) continue;
		entry.doc.lines.forEach((line, at) => {
			const oid = String(line.oid);
			const item = entry.itemIndices[Math.min(at, entry.itemIndices.length - 1)];
			const seen = oids.get(orderNumberKey(oid));
			if (seen !== undefined)
				throw invalidInput(
					ctx,
					item,
					'Sub-Order Number (oid)',
					`"${oid}" is also used by item ${seen + 1}; WDT needs every sub-order number once.`,
				);
			oids.set(orderNumberKey(oid), item);
		});
	}
}
