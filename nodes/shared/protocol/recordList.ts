/**
 * Finding the record list (and its total) in a WDT reply, wherever the method's page puts it.
 * Pure.
 */
import { WdtError } from './errors';

/** Where a method keeps its records and its total, as paths under the reply's `data`. */
export interface ListLocation {
	/** e.g. ['order_list'], ['order'], ['data', 'details']; undefined: look for it. */
	listPath?: readonly string[];
	/** e.g. ['total_count']; undefined: `total_count` beside the list. */
	totalPath?: readonly string[];
	/** A few replies carry the total beside `data` (`{status, total, data: [...]}`): its name. */
	totalBesideData?: string;
}

/** The records of one page, the total WDT reported, and any further lists beside the records. */
export interface PageContent {
	list: unknown[];
	total?: number;
	/** Where the list was found, e.g. "data.order". */
	path: string;
	/** Other non-empty arrays next to the list (e.g. summary_data, error_date), by field name. */
	otherLists: Record<string, unknown[]>;
}

/** List names WDT uses for the records when a reply holds more than one array. */
const MAIN_LIST_NAMES = ['order_list', 'order'];

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function valueAt(root: unknown, path: readonly string[]): unknown {
	let value = root;
	for (const step of path) {
		if (!isObject(value)) return undefined;
		value = value[step];
	}
	return value;
}

function toCount(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const count = Number(value);
	return Number.isInteger(count) && count >= 0 ? count : undefined;
}

function describeKeys(data: unknown): string {
	if (Array.isArray(data)) return 'an array';
	if (!isObject(data)) return data === undefined ? 'no data' : `data of type ${typeof data}`;
	const keys = Object.keys(data);
	return keys.length ? `keys ${keys.join(', ')}` : 'an empty object';
}

function listNotFound(method: string, data: unknown, problem: string): WdtError {
	return new WdtError(`WDT ${method}: ${problem}; the reply's data has ${describeKeys(data)}`, {
		kind: 'badResponse',
		retryable: false,
		fix: 'This reply does not have the shape of a paged query. Check that the method is a paged query (its page lists page_size and page_no), or turn Paged Query off to get the whole reply as one item.',
	});
}

function otherArrays(holder: Record<string, unknown>, except: string): Record<string, unknown[]> {
	const others: Record<string, unknown[]> = {};
	for (const [name, value] of Object.entries(holder))
		if (name !== except && Array.isArray(value) && value.length) others[name] = value;
	return others;
}

/**
 * Finds the records of one page. With a known list path the list must be there. Otherwise:
 * `data` itself when it is an array; else the only array in `data` (or in `data.data` when
 * `data` holds no array but an object `data`); with several arrays, `order_list` or `order`.
 * Anything else is an error naming the method and the keys seen: never an empty success.
 * A reply without `data` (the pages list it as optional) has no records; a missing list inside
 * `data` at a known path is an empty page only when the total is 0.
 */
export function locateRecords(
	method: string,
	data: unknown,
	location: ListLocation = {},
	envelope: Record<string, unknown> = {},
): PageContent {
	const totalOf = (holder: unknown) =>
		toCount(
			location.totalBesideData
				? envelope[location.totalBesideData]
				: location.totalPath
					? valueAt(data, location.totalPath)
					: valueAt(holder, ['total_count']),
		);
	if (data === undefined || data === null) {
		// Query pages list `data` as optional: a reply without it has no records.
		return { list: [], total: totalOf(undefined), path: 'data', otherLists: {} };
	}
	if (location.listPath?.length === 0) {
		// The catalog says `data` itself is the record array.
		if (Array.isArray(data))
			return { list: data, total: totalOf(undefined), path: 'data', otherLists: {} };
		if ((data === undefined || data === null) && totalOf(undefined) === 0)
			return { list: [], total: 0, path: 'data', otherLists: {} };
		throw listNotFound(method, data, 'no record array as data');
	}
	if (location.listPath?.length) {
		const list = valueAt(data, location.listPath);
		const path = `data.${location.listPath.join('.')}`;
		const parent = valueAt(data, location.listPath.slice(0, -1));
		const total = totalOf(parent);
		if ((list === undefined || list === null) && total === 0)
			return { list: [], total, path, otherLists: {} };
		if (!Array.isArray(list)) throw listNotFound(method, data, `no record list at ${path}`);
		const otherLists = isObject(parent)
			? otherArrays(parent, location.listPath[location.listPath.length - 1])
			: {};
		return { list, total, path, otherLists };
	}
	if (Array.isArray(data))
		return { list: data, total: totalOf(undefined), path: 'data', otherLists: {} };
	if (!isObject(data)) throw listNotFound(method, data, 'no record list in the reply');
	let holder = data;
	let prefix = 'data';
	const arraysIn = (object: Record<string, unknown>) =>
		Object.keys(object).filter((name) => Array.isArray(object[name]));
	let names = arraysIn(holder);
	if (names.length === 0 && isObject(data.data)) {
		holder = data.data;
		prefix = 'data.data';
		names = arraysIn(holder);
	}
	const name =
		names.length === 1 ? names[0] : MAIN_LIST_NAMES.find((known) => names.includes(known));
	if (name === undefined) {
		throw listNotFound(
			method,
			data,
			names.length
				? `several lists (${names.join(', ')}) and no known record list among them`
				: 'no record list in the reply',
		);
	}
	return {
		list: holder[name] as unknown[],
		total: totalOf(holder) ?? totalOf(data),
		path: `${prefix}.${name}`,
		otherLists: otherArrays(holder, name),
	};
}
