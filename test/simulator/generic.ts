/**
 * The fallback for every catalog method without a hand-written handler: it answers from the
 * method catalog (nodes/shared/catalog) and the doc page's reply field tree
 * (test/fixtures/wdt-docs/<method>.json), so a new operation needs no simulator code.
 *
 * - Records are built from the documented field tree only, each field with a value of its
 *   documented type (a code field with a status table gets that table's first code); a test
 *   fills the per-method store with `sim.records(method).add(fields, { modifiedMs })`, and a
 *   field the page does not document is refused (a test error, not a WDT reply). `modify`
 *   changes a record as the ERP does (a new modified time), and `visibleAfterMs` on either
 *   delays when a window read sees it (replication lag, as for trades and stockouts).
 * - A documented window (`windowFields`, `maxWindowMs`) is enforced: a wider window is answered
 *   with status 100 and the page's own 异常响应示例 message when it has one.
 * - The pager: `page_size`/`page_no` from the catalog's first page number, the records at
 *   `listPath`, the total at `totalPath` (or beside `data`), with the store's paging readings.
 * - Filters: a non-empty parameter that names a top-level record field matches it exactly (a
 *   comma-separated value matches any of its parts); a test adds other rules with
 *   `sim.records(method).filter(param, match)`. Other parameters are not interpreted.
 *
 * Richer behaviour (state changes, status rules) stays in hand-written method files.
 */
import { getCatalogMethod } from '../../nodes/shared/catalog';
import type { CatalogMethod, CatalogParam } from '../../nodes/shared/catalog/types';
import { formatCst, parseCst } from './cst';
import { readDocFixture } from './doc-examples';
import { pagedData, WdtError, type MethodCall, type MethodSpec, type WdtReply } from './methods';
import { srcTidSelects, srcTidsOfRow } from './srcTidMatch';
import type { SimulatorStore } from './store';

type Fields = Record<string, unknown>;

interface StoredRecord {
	fields: Fields;
	/** The time windows select by (the record's `modified`, unless a test says otherwise). */
	modifiedMs: number;
	/** Replication lag; undefined: the simulator's visibilityLagMs. */
	visibleAfterMs?: number;
	seq: number;
}

export interface RecordChange {
	/** When the change happened: windows select the record by this time from now on. */
	modifiedMs: number;
	visibleAfterMs?: number;
}

/**
 * Which records a parameter value selects, for parameters without a same-named field; `query`
 * is the whole query (e.g. a flag beside the value).
 */
export type ParamMatch = (record: Fields, value: unknown, query: Fields) => boolean;

/**
 * Built-in parameter rules of some methods, by method: the order queries select by `src_tid`
 * as `replies.srcTidMatch` says (srcTidMatch.ts). A test's own rule wins.
 */
const BUILT_IN_MATCHES: Record<string, (store: SimulatorStore) => Map<string, ParamMatch>> =
	Object.fromEntries(
		['sales.TradeQuery.queryWithDetail', 'sales.TradeQuery.queryHistoryWithDetail'].map(
			(method) => [
				method,
				(store: SimulatorStore) =>
					new Map<string, ParamMatch>([
						[
							'src_tid',
							(record, _value, query) => srcTidSelects(store.replies, srcTidsOfRow(record), query),
						],
					]),
			],
		),
	);

const LIST_TYPE = /^list\b|\[\]$/i;
const MAP_TYPE = /^(map|object)\b/i;
const INT_TYPE = /^(int|integer|long|short|byte|tinyint|smallint|bigint)\b/i;
const DECIMAL_TYPE = /^(decimal|double|float|bigdecimal|number|numeric)\b/i;
const BOOL_TYPE = /^(bool|boolean)\b/i;

/** A value of the field's documented type: the shape WDT sends when it has nothing to say. */
function emptyValue(
	param: CatalogParam,
	path: string,
	tables: Record<string, Record<string, string>>,
): unknown {
	if (LIST_TYPE.test(param.type)) return [];
	if (MAP_TYPE.test(param.type) || param.children?.length)
		return buildObject(param.children ?? [], {}, path, tables, undefined);
	const table = tables[path];
	const firstCode = table ? Object.keys(table)[0] : undefined;
	if (INT_TYPE.test(param.type)) return firstCode !== undefined ? Number(firstCode) : 0;
	if (DECIMAL_TYPE.test(param.type)) return 0;
	if (BOOL_TYPE.test(param.type)) return false;
	return firstCode ?? '';
}

/** An object of exactly the documented fields, in documented order; `given` must be documented. */
function buildObject(
	tree: CatalogParam[],
	given: Fields,
	path: string,
	tables: Record<string, Record<string, string>>,
	modifiedMs: number | undefined,
): Fields {
	const documented = new Set(tree.map((param) => param.name));
	const unknown = Object.keys(given).filter((name) => !documented.has(name));
	if (unknown.length)
		throw new Error(
			`generic simulator: ${unknown.join(', ')} not documented at ${path || 'the record'}`,
		);
	const out: Fields = {};
	for (const param of tree) {
		const at = path ? `${path}.${param.name}` : param.name;
		const value = given[param.name];
		if (value === undefined) {
			out[param.name] =
				modifiedMs !== undefined && (param.name === 'modified' || param.name === 'created')
					? formatCst(modifiedMs)
					: emptyValue(param, at, tables);
		} else if (LIST_TYPE.test(param.type) && param.children?.length && Array.isArray(value)) {
			out[param.name] = value.map((entry) =>
				buildObject(param.children!, entry as Fields, at, tables, modifiedMs),
			);
		} else out[param.name] = value;
	}
	return out;
}

/** The documented record of a method: the children of the list field at `listPath`. */
function recordTree(entry: CatalogMethod, response: CatalogParam[]): CatalogParam[] | undefined {
	let tree = response;
	for (const name of entry.listPath ?? []) {
		const field = tree.find((param) => param.name === name);
		if (!field?.children) return undefined;
		tree = field.children;
	}
	return tree;
}

/** One method's records, as a test fills them. */
export class MethodRecords {
	private readonly stored: StoredRecord[] = [];
	private readonly matches = new Map<string, ParamMatch>();
	private seq = 0;

	constructor(
		readonly method: string,
		private readonly tree: CatalogParam[],
		private readonly tables: Record<string, Record<string, string>>,
		private readonly builtIn: Map<string, ParamMatch> = new Map(),
	) {}

	/** Adds a record of documented fields (others get empty values of their types); returns it. */
	add(fields: Fields, options: RecordChange): Fields {
		const record = buildObject(this.tree, fields, '', this.tables, options.modifiedMs);
		this.stored.push({ fields: record, ...options, seq: this.seq++ });
		return record;
	}

	/**
	 * Changes the one record `where` selects: the patch's fields (documented ones only) replace
	 * its own, and its `modified` becomes the change's time unless the patch sets `modified`
	 * (a change WDT does not stamp there, e.g. a goods' spec); returns it.
	 */
	modify(where: (record: Fields) => boolean, patch: Fields, change: RecordChange): Fields {
		const found = this.stored.filter((record) => where(record.fields));
		if (found.length !== 1)
			throw new Error(`generic simulator: ${found.length} records of ${this.method} match`);
		const [stored] = found;
		const stamped = 'modified' in stored.fields ? { modified: formatCst(change.modifiedMs) } : {};
		const given = buildObject(
			this.tree,
			{ ...stored.fields, ...stamped, ...patch },
			'',
			this.tables,
			undefined,
		);
		Object.assign(stored, { fields: given, ...change });
		return given;
	}

	/** The first stored record `match` accepts, or undefined. */
	find(match: (record: Fields) => boolean): Fields | undefined {
		return this.stored.find((entry) => match(entry.fields))?.fields;
	}

	/**
	 * Replaces the first record `match` accepts (or adds one) with these fields, modified at
	 * `modifiedMs`: an update moves the record to its new place in modified order.
	 */
	put(match: (record: Fields) => boolean, fields: Fields, options: { modifiedMs: number }): Fields {
		const at = this.stored.findIndex((entry) => match(entry.fields));
		if (at >= 0) this.stored.splice(at, 1);
		return this.add(fields, options);
	}

	/** How a parameter without a same-named record field selects records. */
	filter(param: string, match: ParamMatch): this {
		this.matches.set(param, match);
		return this;
	}

	clear(): void {
		this.stored.length = 0;
	}

	/** How many records match (e.g. a pending entry a write reports on). */
	count(match: (record: Fields) => boolean): number {
		return this.stored.filter((record) => match(record.fields)).length;
	}

	/** Drops the matching records (a write that takes them off a list). */
	remove(match: (record: Fields) => boolean): void {
		const kept = this.stored.filter((record) => !match(record.fields));
		this.stored.splice(0, this.stored.length, ...kept);
	}

	get size(): number {
		return this.stored.length;
	}

	/** Records matching the query and visible at `nowMs`, in modified order. */
	select(
		store: SimulatorStore,
		query: Fields,
		window?: { startMs: number; endMs: number },
		nowMs: number = store.clock.now(),
	) {
		const present = (value: unknown) => value !== undefined && value !== null && value !== '';
		return this.stored
			.filter((record) => {
				if (!store.isStockoutVisible(record, nowMs)) return false;
				if (window && !store.inWindow(record.modifiedMs, window.startMs, window.endMs))
					return false;
				for (const [param, value] of Object.entries(query)) {
					if (!present(value)) continue;
					const match = this.matches.get(param) ?? this.builtIn.get(param);
					if (match) {
						if (!match(record.fields, value, query)) return false;
					} else if (param in record.fields && typeof record.fields[param] !== 'object') {
						const wanted = String(value)
							.split(/[,，]/)
							.map((part) => part.trim());
						if (!wanted.includes(String(record.fields[param]))) return false;
					}
				}
				return true;
			})
			.sort((a, b) => a.modifiedMs - b.modifiedMs || a.seq - b.seq)
			.map((record) => record.fields);
	}
}

const storesOf = new WeakMap<SimulatorStore, Map<string, MethodRecords>>();

/** The records store of one catalog method (documented reply tree needed). */
export function methodRecords(store: SimulatorStore, method: string): MethodRecords {
	let byMethod = storesOf.get(store);
	if (!byMethod) storesOf.set(store, (byMethod = new Map()));
	let records = byMethod.get(method);
	if (!records) {
		const entry = getCatalogMethod(method);
		const fixture = readDocFixture(method);
		const tree = entry && fixture ? recordTree(entry, fixture.response) : undefined;
		if (!entry || !tree) throw new Error(`generic simulator: ${method} has no documented records`);
		records = new MethodRecords(
			method,
			tree,
			entry.statusTables ?? {},
			BUILT_IN_MATCHES[method]?.(store),
		);
		byMethod.set(method, records);
	}
	return records;
}

/** Drops every method's records (the simulator's resetData). */
export function clearMethodRecords(store: SimulatorStore): void {
	storesOf.delete(store);
}

/** The page's own message for a too-wide window, when its 异常响应示例 has one. */
function windowMessage(method: string, entry: CatalogMethod): string {
	const examples = readDocFixture(method)?.errorReplyExamples ?? [];
	for (const example of examples) {
		const message = (example as { message?: unknown })?.message;
		if (typeof message === 'string' && /时间|跨度/.test(message)) return message;
	}
	return `起止时间差最大${Math.round((entry.maxWindowMs ?? 0) / 60000)}分钟`;
}

/** A parameter that holds a value (not absent, empty text or an empty list). */
function isGiven(value: unknown): boolean {
	return !(
		value === undefined ||
		value === null ||
		value === '' ||
		(Array.isArray(value) && !value.length)
	);
}

/**
 * The generic answer of a catalog read, for hand-written handlers that check a page's own rules
 * first: `entry` overrides catalog facts (e.g. no window when a number is given, a wider one
 * with SKU codes), `query` replaces the first argument.
 */
export function answerFromRecords(
	call: MethodCall,
	method: string,
	options: { entry?: Partial<CatalogMethod>; query?: Fields } = {},
): WdtReply {
	const entry = getCatalogMethod(method);
	if (!entry) throw new Error(`generic simulator: ${method} is not in the catalog`);
	const args = options.query ? [options.query, ...call.args.slice(1)] : call.args;
	return answer({ ...entry, ...options.entry }, { ...call, args });
}

function answer(entry: CatalogMethod, call: MethodCall): WdtReply {
	const query = (call.args[0] ?? {}) as Fields;
	if (typeof query !== 'object' || query === null || Array.isArray(query))
		throw new WdtError(1, 'argument type mismatch');
	let window: { startMs: number; endMs: number } | undefined;
	if (entry.windowFields) {
		const [startField, endField] = entry.windowFields;
		const start = query[startField];
		const end = query[endField];
		if (start !== undefined || end !== undefined) {
			const startMs = typeof start === 'string' ? parseCst(start) : undefined;
			const endMs = typeof end === 'string' ? parseCst(end) : undefined;
			if (startMs === undefined || endMs === undefined)
				throw new WdtError(100, '参数中必须包含起止时间');
			if (endMs < startMs) throw new WdtError(100, '开始时间不能大于结束时间');
			if (entry.maxWindowMs !== undefined && endMs - startMs > entry.maxWindowMs)
				throw new WdtError(100, windowMessage(entry.method, entry));
			window = { startMs, endMs };
		}
	}
	if (
		entry.method === 'wms.StockSpec.search2' &&
		!window &&
		!isGiven(query.spec_nos) &&
		isGiven(query.warehouse_no) &&
		call.store.replies.stockWarehouseOnly === 'refused'
	)
		throw new WdtError(100, '未传入商家编码时, 开始时间和结束时间不能为空');
	const filters: Fields = { ...query };
	if (entry.windowFields) for (const field of entry.windowFields) delete filters[field];
	const rows = methodRecords(call.store, entry.method)
		.select(call.store, filters, window, call.nowMs);
	const listPath = entry.listPath ?? [];
	const listField = listPath[listPath.length - 1];
	// pagedData counts pages from 0; a method whose pages start at 1 is shifted by one.
	const pager =
		call.pager && entry.pageNoStart === 1
			? { ...call.pager, pageNo: Math.max(0, call.pager.pageNo - 1) }
			: call.pager;
	if (listField === undefined) {
		// `data` is the list itself (e.g. getSyncListExt): paged the same way, total beside data.
		const { total_count: total, rows: page } = pagedData(
			{ store: call.store, pager },
			'rows',
			rows,
			(row) => row,
		);
		const reply: WdtReply = { status: 0 };
		if (total !== undefined && entry.totalBesideData) reply[entry.totalBesideData] = total;
		return { ...reply, data: page };
	}
	const inner = pagedData({ store: call.store, pager }, listField, rows, (row) => row);
	const totalName = entry.totalPath?.[entry.totalPath.length - 1];
	let reply: WdtReply = { status: 0 };
	if ('total_count' in inner && totalName !== 'total_count') {
		const total = inner.total_count;
		delete inner.total_count;
		if (entry.totalBesideData) reply[entry.totalBesideData] = total;
		else if (totalName) inner[totalName] = total;
	}
	let data: unknown = inner;
	for (const name of listPath.slice(0, -1).reverse()) data = { [name]: data };
	reply = { ...reply, data };
	return reply;
}

/** A handler for a documented catalog read with a record list; undefined otherwise. */
export function genericMethodSpec(method: string): MethodSpec | undefined {
	const entry = getCatalogMethod(method);
	if (!entry?.documented || entry.write || !entry.listPath || !readDocFixture(method))
		return undefined;
	return {
		name: method,
		paged: entry.paged,
		write: false,
		argCount: 'any',
		run: (call) => answer(entry, call),
	};
}
