/**
 * Values checked against a method's documented arguments (the generated catalog): types,
 * lengths and required marks are the page's, never retyped.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { getCatalogMethod } from '../../../shared/catalog';
import type { CatalogParam } from '../../../shared/catalog/types';
import {
	decimalBounds,
	MAX_QUANTITY,
	parseDecimal,
	textProblem,
} from '../../../shared/protocol/validate';
import { invalidInput } from '../parameters';

export function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

/** The documented fields at `path` of a method's arguments (e.g. ['goodsInfo', 'spec_list']). */
export function documentedFields(
	method: string,
	path: readonly string[],
): Map<string, CatalogParam> {
	let params = getCatalogMethod(method)?.args ?? [];
	for (const name of path) params = params.find((param) => param.name === name)?.children ?? [];
	if (params.length === 0)
		throw new Error(`The catalog documents no fields at ${method} ${path.join('.')}`);
	return new Map(params.map((param) => [param.name, param]));
}

/** The page's length of `field` at `path` of `method`'s arguments; a field without one fails at load. */
export function documentedLength(method: string, path: readonly string[], field: string): number {
	const length = documentedFields(method, path).get(field)?.length;
	if (!length)
		throw new Error(`The catalog gives no length for ${method} ${[...path, field].join('.')}`);
	return length;
}

/** "at most N characters", N the page's length of the field (documentedLength). */
export const atMost = (method: string, path: readonly string[], field: string) =>
	`at most ${documentedLength(method, path, field)} characters`;

const INT = /^(int|integer|long)\b/i;
const DECIMAL = /^decimal\b/i;
const BOOL = /^bool(ean)?\b/i;

/**
 * One value as its documented type wants it, or what is wrong with it: text of WDT-storable
 * characters within the documented length, a whole number for Int, a Decimal(19,4) amount
 * (parseDecimal, within `bounds`; a price never negative: decimalBounds) for Decimal, true/false
 * for boolean.
 */
export function documentedValue(
	param: CatalogParam,
	value: unknown,
	bounds: { min?: number; positive?: boolean } = {},
): { value: string | number | boolean } | { problem: string } {
	const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	if (BOOL.test(param.type)) {
		if (typeof value === 'boolean') return { value };
		const word = text(value).toLowerCase();
		if (['true', '1'].includes(word)) return { value: true };
		if (['false', '0'].includes(word)) return { value: false };
		return { problem: `must be true or false, got ${shown}` };
	}
	if (DECIMAL.test(param.type))
		return parseDecimal(value, { ...decimalBounds(param.name), ...bounds });
	if (INT.test(param.type)) {
		const written = typeof value === 'number' ? String(value) : text(value);
		if (!/^-?\d+$/.test(written) || Math.abs(Number(written)) > MAX_QUANTITY)
			return { problem: `must be a whole number, got ${shown}` };
		return { value: Number(written) };
	}
	const written = text(value);
	const problem = textProblem(written, param.length ?? Number.MAX_SAFE_INTEGER);
	return problem ? { problem } : { value: written };
}

/**
 * The non-empty values of `values` checked against the documented fields (names are WDT's),
 * ready to send. A required field left empty, an undocumented name or a bad value throws,
 * naming the item and `${where}<label> (<field>)`.
 */
export function checkedFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	where: string,
	fields: ReadonlyMap<string, CatalogParam>,
	values: IDataObject,
	required: readonly string[] = [],
	labels: Readonly<Record<string, string>> = {},
): IDataObject {
	const named = (name: string) => `${where}${labels[name] ? `${labels[name]} (${name})` : name}`;
	const checked: IDataObject = {};
	for (const name of required)
		if (text(values[name]) === '' && typeof values[name] !== 'number')
			throw invalidInput(ctx, itemIndex, named(name), 'is empty; WDT requires it.');
	for (const [name, value] of Object.entries(values)) {
		if (value === undefined || value === null || value === '') continue;
		const param = fields.get(name);
		if (!param)
			throw invalidInput(ctx, itemIndex, named(name), 'is not a field WDT documents here.');
		const read = documentedValue(param, value);
		if ('problem' in read) throw invalidInput(ctx, itemIndex, named(name), `${read.problem}.`);
		checked[name] = read.value;
	}
	return checked;
}

/** A collection entry with its keys as WDT names them: specNo → spec_no. */
export function snakeCaseKeys(entry: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(entry).map(([key, value]) => [
			key.replace(/[A-Z]/g, (upper) => `_${upper.toLowerCase()}`),
			value,
		]),
	);
}

/**
 * `data.status` and `data.message` of a create's reply (upload pages: 0 = created, and the
 * message is the new number; otherwise the message says why): the status as a number when WDT
 * sends it as text, else as sent.
 */
export function createReplyData(data: unknown): { status: unknown; message: string } {
	const { status, message } = (data ?? {}) as { status?: unknown; message?: unknown };
	return {
		status: typeof status === 'string' && /^-?\d+$/.test(status.trim()) ? Number(status) : status,
		message: text(message),
	};
}
