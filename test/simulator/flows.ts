/**
 * Shared pieces of the stock-flow methods (issue 22: stock sync, purchase orders and receipts,
 * stock movements, refunds in, transfers, stocktakes, invoices): per-store state the generic
 * records cannot hold, argument checks, the window rule of their queries, and the review-failure
 * switch of the create methods. The records themselves live in the generic per-method stores
 * (generic.ts), so each query serves exactly its page's fields.
 *
 * methods.ts registers the flow methods and they import it back: load the simulator (index.ts,
 * server.ts or testkit.ts) before importing a flow file directly.
 */
import { parseCst } from './cst';
import type { MethodRecords } from './generic';
// methods.ts before masterData.ts: they import each other (see masterData.ts).
import { WdtError, type MethodCall, type MethodSpec, type WdtReply } from './methods';
import { masterDataOf } from './masterData';
import { GOODS, type SimulatorStore } from './store';

export type Fields = Record<string, unknown>;

/** State of one store beside its records; dropped by resetData. */
export interface FlowState {
	/** Stock per warehouse and SKU (`ledgerKey`), defect stock apart. */
	readonly ledger: Map<string, number>;
	/** Per platform goods (rec_id): sync bookkeeping the calc reply does not show. */
	readonly syncState: Map<number, { pendingSeq?: number; syncEnabled: boolean }>;
	/** Create methods whose review fails, with the message (failReview). */
	readonly reviewFailures: Map<string, string>;
	/** Next ids, by kind. */
	readonly ids: Map<string, number>;
	/** Outer numbers already used, as `<method>\u0000<number>` (a create's repeated-number check). */
	readonly outerNos: Set<string>;
	/** Purchase orders created through the API (their lines leave prop3/prop4 out). */
	readonly apiPurchaseOrders: Set<string>;
	/** Stocktake lines (their page's records sit under a list the catalog's path skips). */
	stocktakeLines?: MethodRecords;
	/** The last disable_syn_until-like position handed out by the pending list. */
	syncSeq: number;
}

const states = new WeakMap<SimulatorStore, FlowState>();

export function flowState(store: SimulatorStore): FlowState {
	let state = states.get(store);
	if (!state) {
		state = {
			ledger: new Map(),
			syncState: new Map(),
			reviewFailures: new Map(),
			ids: new Map(),
			outerNos: new Set(),
			apiPurchaseOrders: new Set(),
			syncSeq: 239_126_000,
		};
		states.set(store, state);
	}
	return state;
}

export function clearFlowState(store: SimulatorStore): void {
	states.delete(store);
}

/** The next id of a kind, counting on from `start`. */
export function nextId(store: SimulatorStore, kind: string, start: number): number {
	const ids = flowState(store).ids;
	const id = ids.get(kind) ?? start;
	ids.set(kind, id + 1);
	return id;
}

/**
 * Makes the create method (purchase.PurchaseOrder.createOrder, wms.stocktransfer.Edit.createOrder)
 * answer `data.status` 20 (审核失败) with this message when asked to review: the order is created
 * and stays unreviewed. `undefined` switches it off.
 */
export function failReview(store: SimulatorStore, method: string, message: string | undefined) {
	const failures = flowState(store).reviewFailures;
	if (message === undefined) failures.delete(method);
	else failures.set(method, message);
}

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

export const typeMismatch = () => new WdtError(1, 'argument type mismatch');

export const isObject = (value: unknown): value is Fields =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export function objectArg(value: unknown): Fields {
	if (value === undefined || value === null) return {};
	if (!isObject(value)) throw typeMismatch();
	return value;
}

/** A String parameter as WDT reads it ('' when absent); objects do not fit. */
export function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw typeMismatch();
}

/** A number parameter (numeric strings too, as the pages' examples send "1"); undefined when absent. */
export function numberArg(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'string' ? Number(value.trim()) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) throw typeMismatch();
	return number;
}

export function boolArg(value: unknown): boolean | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === '1' || value === 'true') return true;
	if (value === 0 || value === '0' || value === 'false') return false;
	throw typeMismatch();
}

/** A value given (not absent, empty text or an empty list). */
export const isGiven = (value: unknown) =>
	!(
		value === undefined ||
		value === null ||
		value === '' ||
		(Array.isArray(value) && !value.length)
	);

/** MySQL's refusal of a value longer than its column (as the other writes answer it). */
export function checkLength(value: string, column: string, max: number | undefined): void {
	if (max !== undefined && [...value].length > max)
		throw new WdtError(100, `Data truncation: Data too long for column '${column}'`);
}

// ---------------------------------------------------------------------------------------------
// Master data and goods
// ---------------------------------------------------------------------------------------------

export function warehouseOf(store: SimulatorStore, warehouseNo: string) {
	return masterDataOf(store).warehouses.find(
		(warehouse) => !warehouse.deleted && warehouse.warehouseNo === warehouseNo,
	);
}

export function warehouseById(store: SimulatorStore, warehouseId: number) {
	return masterDataOf(store).warehouses.find((warehouse) => warehouse.warehouseId === warehouseId);
}

/** A SKU the ERP knows: the shared goods list (store.ts). */
export const isKnownSpec = (specNo: string) => specNo in GOODS;

/** The spec id of a known SKU (stable: its place in the goods list). */
export const specIdOf = (specNo: string) => 5010 + Object.keys(GOODS).indexOf(specNo);

// ---------------------------------------------------------------------------------------------
// Query windows
// ---------------------------------------------------------------------------------------------

export interface Window {
	startMs: number;
	endMs: number;
}

/**
 * The window of a query whose page requires both ends (or makes them optional when `optional`):
 * a missing end is refused with `missingMessage`, a wider window with `tooWideMessage`.
 */
export function queryWindow(
	params: Fields,
	[startField, endField]: [string, string],
	options: { maxMs?: number; missingMessage: string; tooWideMessage?: string; optional?: boolean },
): Window | undefined {
	const start = text(params[startField]);
	const end = text(params[endField]);
	if (start === '' && end === '' && options.optional) return undefined;
	if (start === '' || end === '') throw new WdtError(100, options.missingMessage);
	const startMs = parseCst(start);
	const endMs = parseCst(end);
	if (startMs === undefined || endMs === undefined) throw new WdtError(100, options.missingMessage);
	if (endMs < startMs) throw new WdtError(100, '开始时间不能大于结束时间');
	if (options.maxMs !== undefined && endMs - startMs > options.maxMs)
		throw new WdtError(100, options.tooWideMessage ?? '您的查询时间过宽');
	return { startMs, endMs };
}

export const DAY_MS = 24 * 3600 * 1000;
/** "start_time和end_time最大跨度为30天" */
export const THIRTY_DAYS_MS = 30 * DAY_MS;
export const TOO_WIDE_30_DAYS = '您的查询时间过宽,查询时间不能大于30天';
/** The query pages' own 异常响应示例 for a missing window. */
export const MISSING_WINDOW = '参数中必须包含起止时间';

/**
 * The `start_time`/`end_time` window of the queries whose pages say "start_time和end_time最大跨度
 * 为30天" (required unless `optional`).
 */
export function thirtyDayWindow(
	params: Fields,
	options: { missingMessage?: string; optional?: boolean } = {},
): Window | undefined {
	return queryWindow(params, ['start_time', 'end_time'], {
		missingMessage: options.missingMessage ?? MISSING_WINDOW,
		maxMs: THIRTY_DAYS_MS,
		tooWideMessage: TOO_WIDE_30_DAYS,
		optional: options.optional,
	});
}

/** A method spec (the shape METHODS holds). */
export function methodSpec(
	name: string,
	options: { paged?: boolean; write?: boolean; argCount?: number | 'any' },
	run: (call: MethodCall) => WdtReply,
): MethodSpec {
	return {
		name,
		paged: options.paged ?? false,
		write: options.write ?? false,
		argCount: options.argCount ?? 'any',
		run,
	};
}
