/**
 * The filters of the Get Many operations, read in one way: an operation lists its filters (each
 * a parameter and the WDT field it is sent as) and `readFilterParams` turns an item's values into
 * the query's params, in that order, refusing a bad value with the item and parameter named.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { lengthOf, type WdtRecord } from '../../shared/records';
import { readLocatorFilter, type LocatorRead } from './locators';
import { invalidInput } from './parameters';
import { readPaging, type ReadQuery } from './readOperation';
import { readFilters, readTextFilter, readTimeRange, type TimeRangeSpec } from './shared.fields';

/** One filter: the WDT field it is sent as, and its checked value of an item (undefined: not set). */
export interface FilterRead {
	wdtField: string;
	read: (ctx: IExecuteFunctions, itemIndex: number, filters: IDataObject) => unknown;
}

/** An item's filters as WDT params, in the order listed, added to `params`. */
export function readFilterParams(
	ctx: IExecuteFunctions,
	itemIndex: number,
	reads: readonly FilterRead[],
	params: IDataObject = {},
): IDataObject {
	const filters = readFilters(ctx, itemIndex);
	for (const { wdtField, read } of reads) {
		const value = read(ctx, itemIndex, filters);
		if (value !== undefined) params[wdtField] = value;
	}
	return params;
}

/**
 * A text filter of the Filters collection, trimmed, sent as is; longer than the WDT field's
 * length on the record's page is refused. `label` is its name in messages.
 */
export function textFilter(
	record: WdtRecord,
	name: string,
	label: string,
	wdtField: string,
): FilterRead {
	const maxLength = lengthOf(record, wdtField);
	return {
		wdtField,
		read: (ctx, itemIndex, filters) =>
			readTextFilter(ctx, itemIndex, filters[name], `${label} (filters.${name})`, maxLength),
	};
}

/** The field of a plain text filter, its length the page's: the field `textFilter` reads. */
export function textFilterField(
	record: WdtRecord,
	name: string,
	displayName: string,
	wdtField: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		description: `At most ${lengthOf(record, wdtField)} characters. WDT field: ${wdtField}.`,
	};
}

/**
 * Several codes of a multi-options filter, sent comma-separated (for pages that take several).
 * An expression may give a list or a comma-separated text.
 */
export function codesFilter(name: string, wdtField: string): FilterRead {
	return {
		wdtField,
		read: (_ctx, _itemIndex, filters) => {
			const value = filters[name];
			const codes = (Array.isArray(value) ? value : String(value ?? '').split(/[,，]/))
				.map((code) => String(code ?? '').trim())
				.filter(Boolean);
			return codes.length ? codes.join(',') : undefined;
		},
	};
}

/**
 * One code of an options filter (Any is ''), sent as a number. A value that is no whole number
 * (an expression giving a label, say) is refused: sent as it is, WDT would not filter at all.
 */
export function codeFilter(name: string, wdtField: string): FilterRead {
	return {
		wdtField,
		read: (ctx, itemIndex, filters) => {
			const code = filters[name];
			if (code === undefined || code === null || code === '') return undefined;
			const number = typeof code === 'string' ? Number(code.trim()) : Number(code);
			if (typeof code === 'boolean' || !Number.isInteger(number))
				throw invalidInput(
					ctx,
					itemIndex,
					`filters.${name} (${wdtField})`,
					`is ${JSON.stringify(code)}; choose one of its listed values or give its code (a whole number).`,
				);
			return number;
		},
	};
}

/** A shop, warehouse or supplier chosen in a resource locator (top level or in Filters). */
export function locatorFilter(locator: LocatorRead, where: 'top' | 'filters' = 'top'): FilterRead {
	return {
		wdtField: locator.wdtField,
		read: (ctx, itemIndex) => readLocatorFilter(ctx, itemIndex, locator, where),
	};
}

/**
 * A Get Many's query of an item: its params (`first`, fixed or read from the item, then its
 * filters), its time range and its paging, read and checked in that order.
 */
export function filteredQuery(
	timeRange: TimeRangeSpec,
	reads: readonly FilterRead[],
	first: IDataObject | ((ctx: IExecuteFunctions, itemIndex: number) => IDataObject) = {},
): (ctx: IExecuteFunctions, itemIndex: number, nowMs: number) => ReadQuery {
	return (ctx, itemIndex, nowMs) => ({
		params: readFilterParams(
			ctx,
			itemIndex,
			reads,
			typeof first === 'function' ? first(ctx, itemIndex) : { ...first },
		),
		range: readTimeRange(ctx, itemIndex, nowMs, timeRange),
		...readPaging(ctx, itemIndex),
	});
}

/**
 * The SKU Codes parameter (`specNos`): comma-separated (also the full-width comma) or one a line,
 * or an array; trimmed, each once; more than `maxCodes` or a code too long for the page is refused.
 */
export function readSkuCodes(
	ctx: IExecuteFunctions,
	itemIndex: number,
	spec: { wdtField: string; maxLength: number; maxCodes: number },
): string[] {
	const label = `SKU Codes (${spec.wdtField})`;
	const raw = ctx.getNodeParameter('specNos', itemIndex, '') as unknown;
	const codes = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[,，\n]/))
		.map((code) => code.trim())
		.filter(Boolean);
	const unique = [...new Set(codes)];
	if (unique.length > spec.maxCodes)
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			`holds ${unique.length} codes; at most ${spec.maxCodes}.`,
		);
	const tooLong = unique.find((code) => [...code].length > spec.maxLength);
	if (tooLong)
		throw invalidInput(
			ctx,
			itemIndex,
			label,
			`holds "${tooLong}", which is longer than ${spec.maxLength} characters.`,
		);
	return unique;
}
