/**
 * The one read path of Get, Get Many and the trigger events: a record type, a query, and the
 * read engine (transport/search.ts: windows from the catalog, every page, deduplication, Limit,
 * parallel windows); the records come out shaped (shapeRecord.ts) and, on request, as one item
 * per line (lineItems.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { toWdtTime, type TimeWindow } from '../protocol';
import { windowFields, type WdtRecord } from '../records';
import type { CallPolicy, WdtFunctions } from '../transport';
import { catalogPaging, searchWindows } from '../transport/search';
import { lineItems } from './lineItems';
import { recordShaper } from './shapeRecord';

/** What an operation adds to its record type's read. */
export interface RecordRead {
	record: WdtRecord;
	/**
	 * Keeps only the records that hold for a query's time range, checked on the records' own
	 * fields: for a page that does not say which time its range filters by.
	 */
	keepInRange?: (record: IDataObject, range: TimeWindow) => boolean;
	/** With One Item per Line, a record without lines gives no item (default: one item). */
	skipRecordsWithoutLines?: boolean;
	/** Fields of the operation's own, added after shaping (e.g. a list split from a text). */
	finish?: (record: IDataObject) => IDataObject;
}

/** One query: every field checked before it is read. */
export interface ReadQuery {
	/** Default: the record's method (e.g. the order history instead). */
	method?: string;
	/** Sent in every call: filters or a number; the window fields are added per window. */
	params: IDataObject;
	/** Undefined: one query without a time range (by number, or a method without windows). */
	range?: TimeWindow;
	/**
	 * Keeps only the records WDT returned that hold: a check of our own where WDT may match
	 * loosely (e.g. platform order numbers). Limit counts the records kept.
	 */
	keep?: (record: IDataObject) => boolean;
	/** At most this many output items (default all). */
	limit?: number;
	/** One item per line (for records with lines). */
	asLines?: boolean;
	parallel?: number;
	policy?: Partial<CallPolicy>;
	/** The window for this query, where the page allows another than the catalog's (e.g. by SKU). */
	maxWindowMs?: number;
	/**
	 * Every version of a record read (by id and modified time), as the trigger's cursor wants
	 * them; default: each record once, by id.
	 */
	everyVersion?: boolean;
}

const readOf = (read: RecordRead | WdtRecord): RecordRead =>
	'record' in read ? read : { record: read };

/** Every record of one query, shaped, up to its limit (which counts output items). */
export async function readRecords(
	this: WdtFunctions,
	recordRead: RecordRead | WdtRecord,
	query: ReadQuery,
): Promise<IDataObject[]> {
	const read = readOf(recordRead);
	const { record } = read;
	const method = query.method ?? record.method;
	const [startField, endField] = windowFields(method);
	const lines = record.lines;
	const asLines = lines !== undefined && query.asLines === true;
	const { idField, modifiedField } = record;
	const limit = query.limit ?? Infinity;
	const detectMoves = (record.detectMoves || query.everyVersion) && modifiedField !== undefined;
	const { records } = await searchWindows.call(this, {
		method,
		...catalogPaging(method),
		...(query.maxWindowMs ? { maxWindowMs: query.maxWindowMs } : {}),
		args: (window) => [
			window
				? {
						...query.params,
						[startField]: toWdtTime(window.startMs),
						[endField]: toWdtTime(window.endMs),
					}
				: query.params,
		],
		range: query.range,
		recordKey: (raw) => {
			const row = raw as IDataObject;
			const id = record.keyOf ? record.keyOf(row) : String(row[idField]);
			return query.everyVersion && modifiedField ? `${id}@${String(row[modifiedField])}` : id;
		},
		...(detectMoves ? { moved: { idField, modifiedField: modifiedField! } } : {}),
		// Lines: the limit counts output items, which only the records' lines tell; with a check
		// (`keep`), the records kept, which only the check tells.
		limit:
			asLines || query.keep || (read.keepInRange && query.range) || limit === Infinity
				? undefined
				: limit,
		parallel: query.parallel,
		policy: query.policy,
	});
	const shape = recordShaper(record, method);
	const { keepInRange, finish } = read;
	const range = query.range;
	const shaped = (records as IDataObject[])
		.filter(
			(row) =>
				(!query.keep || query.keep(row)) && (!keepInRange || !range || keepInRange(row, range)),
		)
		.map((row) => (finish ? finish(shape(row)) : shape(row)));
	if (!asLines || !lines) return shaped.slice(0, limit);
	const items = shaped.flatMap((row) =>
		read.skipRecordsWithoutLines && !(row[lines.list] as unknown[] | undefined)?.length
			? []
			: lineItems(row, lines.list, lines.prefix),
	);
	return items.slice(0, limit);
}

/** The trigger never waits inside a poll: n8n's poll interval is its retry, rate limits pause it. */
export const NO_RETRY = { retries: 0 };

/**
 * Every version of every record of one trigger window (at most the method's window), each page,
 * without retries; a window whose records moved while it was paged is read again.
 */
export async function readWindow(
	this: WdtFunctions,
	record: WdtRecord,
	window: TimeWindow,
	params: IDataObject,
): Promise<IDataObject[]> {
	return await readRecords.call(this, record, {
		params,
		range: window,
		everyVersion: true,
		policy: NO_RETRY,
	});
}
