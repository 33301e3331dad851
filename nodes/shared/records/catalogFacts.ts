/**
 * What the generated catalog says about a record's method, read the one way every operation and
 * trigger event reads it: windows, window fields, field lengths, WDT's own status names.
 */
import { getCatalogMethod, type CatalogParam } from '../catalog';
import { DAY_MS, HOUR_MS } from '../protocol';
import type { StatusLabels, WdtRecord } from './types';

type MethodOf = Pick<WdtRecord, 'method'> | string;

const methodName = (of: MethodOf) => (typeof of === 'string' ? of : of.method);

/** The longest range one call accepts, as the page states it (undefined: none stated). */
export function windowMs(of: MethodOf): number | undefined {
	return getCatalogMethod(methodName(of))?.maxWindowMs;
}

/** The range's start and end parameters; the usual names where the page lists none. */
export function windowFields(of: MethodOf): readonly [string, string] {
	return getCatalogMethod(methodName(of))?.windowFields ?? ['start_time', 'end_time'];
}

function findParam(params: readonly CatalogParam[], name: string): CatalogParam | undefined {
	for (const param of params) {
		if (param.name === name) return param;
		const child = param.children ? findParam(param.children, name) : undefined;
		if (child) return child;
	}
	return undefined;
}

/** A request field's length on the page (undefined: none stated). */
export function fieldLength(of: MethodOf, field: string): number | undefined {
	return findParam(getCatalogMethod(methodName(of))?.args ?? [], field)?.length;
}

/** WDT's own names of a reply field's codes (Chinese, WDT data); {} when the page has none. */
export function statusNames(of: MethodOf, field: string): StatusLabels {
	return getCatalogMethod(methodName(of))?.statusTables?.[field] ?? {};
}

/** The record's English labels of a status field (every code of the page's table). */
export function labelsOf(record: WdtRecord, field: string): StatusLabels {
	const labels = record.statusLabels[field];
	if (!labels) throw new Error(`The ${record.noun} record has no labels for ${field}`);
	return labels;
}

/**
 * A window in words for field descriptions: 'one-hour', '30-day'. Derived from the catalog, so
 * a page that changes its limit changes the words too.
 */
export function windowText(ms: number): string {
	if (ms % DAY_MS === 0) return ms === DAY_MS ? 'one-day' : `${ms / DAY_MS}-day`;
	if (ms % HOUR_MS === 0) return ms === HOUR_MS ? 'one-hour' : `${ms / HOUR_MS}-hour`;
	return `${Math.round(ms / 60_000)}-minute`;
}

/** A request field's length on the page, which must state one (a record file's own check). */
export function lengthOf(of: MethodOf, field: string): number {
	const length = fieldLength(of, field);
	if (length === undefined) throw new Error(`${methodName(of)} gives ${field} no length`);
	return length;
}
