/**
 * The time fields a page's table types String (or int) while its own reply example sends a
 * number (unix ms, or seconds), and the form the simulator sends them in: `replies.timeForm`.
 * 'text' `yyyy-MM-dd HH:mm:ss` CST (default), 'ms' and 'seconds' as numbers, 'msText' and
 * 'secondsText' as numeric strings. Fields whose example is text stay text.
 *
 * The fields are derived, not listed: at load, for every read method of the catalog, from its
 * committed page fixture (test/fixtures/wdt-docs/<method>.json, its `replyExample`): a field
 * named or typed as a time whose example value is 12–13 digits (ms) or 9–10 (seconds), number
 * or numeric string. A page added or regenerated is covered without an edit here. Paths are relative to one record of the
 * method's list (the catalog's `listPath`), lines as `list.field`.
 */
import { getCatalogMethod, listCatalogMethods } from '../../nodes/shared/catalog';
import type { CatalogParam } from '../../nodes/shared/catalog/types';
import { formatCst, parseCst } from './cst';
import { readDocFixture } from './doc-examples';
import type { MethodSpec, WdtReply } from './methods';

export type TimeForm = 'text' | 'ms' | 'seconds' | 'msText' | 'secondsText';

export const TIME_FORMS: readonly TimeForm[] = ['text', 'ms', 'seconds', 'msText', 'secondsText'];

/** A field named as a time: `modified`, `created`, `…_time`, `…_date`, `st_created`, … */
const TIME_NAME = /(^|_)(time|timestamp|date|modified|created)($|_)/i;
/** A field typed as a time by its page's table. */
const TIME_TYPE = /^\s*(date|datetime|timestamp)\b/i;

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A number (or digits) that reads as an instant: 12–13 digits as ms, 9–10 as seconds. */
export function numericInstant(value: unknown): number | undefined {
	if (typeof value === 'number' ? !Number.isInteger(value) : typeof value !== 'string')
		return undefined;
	const text = String(value).trim();
	if (/^\d{12,13}$/.test(text)) return Number(text);
	return /^\d{9,10}$/.test(text) ? Number(text) * 1000 : undefined;
}

/** Every leaf of `value` as [dotted path, value], through nested objects and lists. */
function leaves(value: unknown, path: string[] = []): Array<[string[], unknown]> {
	if (Array.isArray(value)) return value.flatMap((entry) => leaves(entry, path));
	if (!isObject(value)) return path.length ? [[path, value]] : [];
	return Object.entries(value).flatMap(([name, inner]) => leaves(inner, [...path, name]));
}

/** The documented type of a record field (path relative to the record). */
function documentedType(fields: readonly CatalogParam[], path: string[]): string | undefined {
	let current: readonly CatalogParam[] | undefined = fields;
	let type: string | undefined;
	for (const name of path) {
		const field: CatalogParam | undefined = current?.find((entry) => entry.name === name);
		if (!field) return undefined;
		type = field.type;
		current = field.children;
	}
	return type;
}

/** A read method's record fields its page's reply example sends as a numeric time. */
export function numericTimeFieldsOf(method: string): string[] {
	const entry = getCatalogMethod(method);
	const fixture = readDocFixture(method);
	if (!entry || entry.write || !entry.listPath || !fixture) return [];
	let records: unknown = isObject(fixture.replyExample) ? fixture.replyExample.data : undefined;
	let fields: readonly CatalogParam[] = fixture.response;
	for (const name of entry.listPath) {
		records = isObject(records) ? records[name] : undefined;
		fields = fields.find((field) => field.name === name)?.children ?? [];
	}
	if (!Array.isArray(records)) return [];
	const found = new Set<string>();
	for (const [path, value] of leaves(records)) {
		const name = path[path.length - 1];
		const timeLike = TIME_NAME.test(name) || TIME_TYPE.test(documentedType(fields, path) ?? '');
		if (timeLike && numericInstant(value) !== undefined) found.add(path.join('.'));
	}
	return [...found].sort();
}

/**
 * Fields a page's table describes as milliseconds whose committed fixture has no reply example
 * to derive them from (the catalog generator could not read it): the invoice search's table,
 * `created` "创建时间（毫秒级时间戳，例如：1631861379000）", its example `"created": 1549943699000`.
 */
const DESCRIBED_AS_MS: Readonly<Record<string, readonly string[]>> = {
	'finance.invoice.InvoiceOrder.search': ['created'],
};

/** Method → the record fields its page sends as a numeric time (see above). */
export const TIME_FORM_FIELDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
	listCatalogMethods()
		.map(({ method }) => {
			const fields = new Set([...numericTimeFieldsOf(method), ...(DESCRIBED_AS_MS[method] ?? [])]);
			return [method, [...fields].sort()] as const;
		})
		.filter(([, fields]) => fields.length > 0),
);

/** A stored time (CST text, or ms or seconds as number or digits) → unix ms; undefined when none. */
function instantOf(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? numericInstant(value) : undefined;
	if (typeof value !== 'string') return undefined;
	return numericInstant(value) ?? parseCst(value);
}

/** One instant in the chosen form. */
export function timeInForm(unixMs: number, form: TimeForm): string | number {
	const seconds = Math.floor(unixMs / 1000);
	switch (form) {
		case 'ms':
			return unixMs;
		case 'seconds':
			return seconds;
		case 'msText':
			return String(unixMs);
		case 'secondsText':
			return String(seconds);
		default:
			return formatCst(unixMs);
	}
}

function convert(record: Record<string, unknown>, path: string[], form: TimeForm): void {
	const [head, ...rest] = path;
	if (!(head in record)) return;
	const value = record[head];
	if (rest.length === 0) {
		const ms = instantOf(value);
		if (ms !== undefined) record[head] = timeInForm(ms, form);
		return;
	}
	const inner = (entry: unknown) => {
		if (!isObject(entry)) return entry;
		const copy = { ...entry };
		convert(copy, rest, form);
		return copy;
	};
	record[head] = Array.isArray(value) ? value.map(inner) : inner(value);
}

/** A copy of `record` with the method's numeric-example time fields in `form`. */
export function withTimeForm<T extends Record<string, unknown>>(
	method: string,
	record: T,
	form: TimeForm,
): T {
	const paths = TIME_FORM_FIELDS[method];
	if (!paths) return record;
	const copy: Record<string, unknown> = { ...record };
	for (const path of paths) convert(copy, path.split('.'), form);
	return copy as T;
}

/** A reply with each record of the method's list (the catalog's listPath) in `form`. */
export function replyInTimeForm(method: string, reply: WdtReply, form: TimeForm): WdtReply {
	const listPath = getCatalogMethod(method)?.listPath;
	if (!TIME_FORM_FIELDS[method] || !listPath || reply.status !== 0) return reply;
	const inList = (data: unknown, path: readonly string[]): unknown => {
		if (path.length === 0)
			return Array.isArray(data)
				? data.map((row) => (isObject(row) ? withTimeForm(method, row, form) : row))
				: data;
		if (!isObject(data) || !(path[0] in data)) return data;
		return { ...data, [path[0]]: inList(data[path[0]], path.slice(1)) };
	};
	return { ...reply, data: inList(reply.data, listPath) };
}

/**
 * The spec with its replies' numeric-example time fields in the store's `replies.timeForm`:
 * every served read goes through this one place, whichever handler answers it.
 */
export function inTimeForm(spec: MethodSpec): MethodSpec {
	if (spec.write || !TIME_FORM_FIELDS[spec.name]) return spec;
	return {
		...spec,
		run: (call) => replyInTimeForm(spec.name, spec.run(call), call.store.replies.timeForm),
	};
}
