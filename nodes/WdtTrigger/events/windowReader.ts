/**
 * What the events over a windowed WDT query share: one window read completely through the read
 * engine (searchWindows, the method's pager and record list from the catalog), without retries,
 * and item JSON with WDT's fields as sent, a `<field>_name` beside each status code the method's
 * page names (from the catalog's status tables: WDT's own words) and a `<field>_iso` beside each
 * WDT time in whichever form it came (protocol/time.ts, readWdtTime).
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { getCatalogMethod } from '../../shared/catalog';
import { ISO_TIME_SUFFIX, toWdtTime, wdtTimeToIso, type TimeWindow } from '../../shared/protocol';
import { catalogPaging, searchWindows } from '../../shared/transport/search';

/** The trigger never waits inside a poll: n8n's poll interval is its retry, rate limits pause it. */
export const NO_RETRY = { retries: 0 };

export interface RecordShape {
	/** Top-level fields holding a status code that gets a `<field>_name`. */
	statusFields: readonly string[];
	/** Top-level fields holding a WDT time (CST string or ms timestamp) that get a `<field>_iso`. */
	timeFields: readonly string[];
}

export interface WindowQuery extends RecordShape {
	method: string;
	/** The query's parameters besides the window (filters); the window fields are added. */
	params: IDataObject;
	/** The window's field names on this method's page; default: the catalog's. */
	windowFields?: readonly [string, string];
	/** The method's longest window; default: the catalog's. */
	maxWindowMs?: number;
	/** What identifies a record, and its modified time: a record read at two times was moving. */
	idField: string;
	modifiedField: string;
}

/** Adds status names and ISO times to one record; everything WDT sent stays as it is. */
export function shapeRecord(method: string, raw: IDataObject, shape: RecordShape): IDataObject {
	const tables = getCatalogMethod(method)?.statusTables ?? {};
	const named: IDataObject = {};
	for (const [field, value] of Object.entries(raw)) {
		named[field] = value;
		const iso = shape.timeFields.includes(field) ? wdtTimeToIso(value) : undefined;
		if (iso !== undefined && !(`${field}${ISO_TIME_SUFFIX}` in raw))
			named[`${field}${ISO_TIME_SUFFIX}`] = iso;
		if (!shape.statusFields.includes(field) || `${field}_name` in raw) continue;
		const name = tables[field]?.[String(value)];
		if (name !== undefined) named[`${field}_name`] = name;
	}
	return named;
}

/**
 * Every record of one window (at most the method's window), each page, deduplicated by id and
 * modified time; a window whose records moved while it was paged is read again (read engine).
 */
export async function readQueryWindow(
	this: IPollFunctions,
	query: WindowQuery,
	window: TimeWindow,
): Promise<IDataObject[]> {
	const [startField, endField] = query.windowFields ??
		getCatalogMethod(query.method)?.windowFields ?? ['start_time', 'end_time'];
	const { records } = await searchWindows.call(this, {
		...catalogPaging(query.method),
		method: query.method,
		args: (part) => [
			{
				...query.params,
				[startField]: toWdtTime(part!.startMs),
				[endField]: toWdtTime(part!.endMs),
			},
		],
		range: window,
		...(query.maxWindowMs !== undefined && { maxWindowMs: query.maxWindowMs }),
		recordKey: (record) => {
			const row = record as IDataObject;
			return `${String(row[query.idField])}@${String(row[query.modifiedField])}`;
		},
		moved: { idField: query.idField, modifiedField: query.modifiedField },
		policy: NO_RETRY,
	});
	return records.map((record) => shapeRecord(query.method, record as IDataObject, query));
}

/** The rows without their line list (Include Lines off); the rows themselves when `keep`. */
export function withLines(rows: IDataObject[], list: string, keep: boolean): IDataObject[] {
	if (keep) return rows;
	return rows.map((row) => {
		const record = { ...row };
		delete record[list];
		return record;
	});
}

/** What the events over one windowed query with a line list and a Statuses option read by. */
export interface QuerySettings {
	query: WindowQuery;
	includeLines: boolean;
	/** Empty: every status. */
	statuses: number[];
}

/** An event's `read`: one window of its query, the line list kept or dropped (Include Lines). */
export function readWithLines(list: string) {
	return async function (
		this: IPollFunctions,
		window: TimeWindow,
		settings: Pick<QuerySettings, 'query' | 'includeLines'>,
	): Promise<IDataObject[]> {
		return withLines(
			await readQueryWindow.call(this, settings.query, window),
			list,
			settings.includeLines,
		);
	};
}

/** An event's `matches` for a Statuses option over the record's status field. */
export const statusIn =
	(field: string) =>
	(row: IDataObject, settings: Pick<QuerySettings, 'statuses'>): boolean =>
		settings.statuses.length === 0 || settings.statuses.includes(Number(row[field]));
