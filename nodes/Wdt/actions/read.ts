/**
 * The one read path of the Get and Get Many operations: an operation describes its method and
 * builds a query per item; this file runs it on the read engine (windows, pages, Return All/Limit,
 * deduplication) and shapes the output (status names, ISO times, one item per line on request).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getCatalogMethod } from '../../shared/catalog';
import { toWdtTime, type TimeWindow } from '../../shared/protocol';
import { catalogPaging, searchWindows } from '../../shared/transport/search';
import { runPerItem } from './perItem';
import { flattenLines, recordShaper } from './output';
import { readParallelRequests } from './readOptions';
import { readLimit, readOutputAsLines } from './shared.fields';

/** What one operation reads: the method's facts the catalog does not hold. */
export interface RecordRead {
	method: string;
	/** The record's own id, for deduplication within and across windows. */
	idField: string;
	/**
	 * Re-read a window in which a record moved while its pages were read (by `idField` and
	 * `modified`): for methods whose list is sorted by modified time.
	 */
	detectMoves?: boolean;
	/** The line list nested in each record, and the parent prefix of One Item per Line. */
	lines?: { lineList: string; prefix: string };
	/** How one record is output; default: status names and ISO times (recordShaper). */
	shape?: (record: IDataObject) => IDataObject;
	/** With One Item per Line, a record without lines gives no item (default: one item). */
	skipRecordsWithoutLines?: boolean;
	/**
	 * Keeps only the records that hold for a query's time range, checked on the records' own
	 * fields: for a page that does not say which time its range filters by.
	 */
	keep?: (record: IDataObject, range: TimeWindow) => boolean;
}

/** What one item asks WDT for; every field checked before any call. */
export interface RecordQuery {
	/** Default: the read's method (e.g. the order history instead). */
	method?: string;
	/** Sent in every call: filters or a number. */
	params: IDataObject;
	/** Undefined: one query without a time range (by number, or a method without windows). */
	range?: TimeWindow;
	/**
	 * Keeps only the records WDT returned that hold: a check of our own where WDT may match
	 * loosely (e.g. platform order numbers). Limit counts the records kept.
	 */
	keep?: (record: IDataObject) => boolean;
	limit: number;
	asLines?: boolean;
	parallel?: number;
}

/** An item's Return All/Limit, Output and Parallel Requests (whichever the operation has). */
export function readPaging(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Pick<RecordQuery, 'limit' | 'asLines' | 'parallel'> {
	return {
		limit: readLimit(ctx, itemIndex),
		asLines: readOutputAsLines(ctx, itemIndex),
		parallel: readParallelRequests(ctx, itemIndex),
	};
}

/** A lookup by number: every record it names, in one query without a time range. */
export function lookupQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	params: IDataObject,
	method?: string,
): RecordQuery {
	return {
		...(method ? { method } : {}),
		params,
		limit: Infinity,
		asLines: readOutputAsLines(ctx, itemIndex),
		parallel: readParallelRequests(ctx, itemIndex),
	};
}

/** Every record of one query, shaped, up to its limit (which counts output items). */
export async function readRecords(
	ctx: IExecuteFunctions,
	read: RecordRead,
	query: RecordQuery,
): Promise<IDataObject[]> {
	const method = query.method ?? read.method;
	const [startField, endField] = getCatalogMethod(method)?.windowFields ?? [
		'start_time',
		'end_time',
	];
	const asLines = read.lines !== undefined && query.asLines === true;
	const { records } = await searchWindows.call(ctx, {
		method,
		...catalogPaging(method),
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
		recordKey: (record) => String((record as IDataObject)[read.idField]),
		...(read.detectMoves ? { moved: { idField: read.idField, modifiedField: 'modified' } } : {}),
		// Lines: the limit counts output items, which only the records' lines tell; with a check
		// (`keep`), the records kept, which only the check tells.
		limit: asLines || query.keep || (read.keep && query.range) ? undefined : query.limit,
		parallel: query.parallel,
	});
	const lineLists = read.lines ? [read.lines.lineList] : [];
	const shape = read.shape ?? recordShaper(method, { lineLists });
	const { keep } = read;
	const range = query.range;
	const kept = (records as IDataObject[]).filter(
		(record) => (!query.keep || query.keep(record)) && (!keep || !range || keep(record, range)),
	);
	const shaped = kept.map(shape);
	if (!asLines || !read.lines) return shaped.slice(0, query.limit);
	const { lineList, prefix } = read.lines;
	const items = shaped.flatMap((record) =>
		read.skipRecordsWithoutLines && !(record[lineList] as unknown[] | undefined)?.length
			? []
			: flattenLines(record, lineList, prefix),
	);
	return items.slice(0, query.limit);
}

type Execute = (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;

/** An operation's execute: every item's query checked first, then read, items paired. */
export function readOperation(
	read: RecordRead,
	readQuery: (ctx: IExecuteFunctions, itemIndex: number, nowMs: number) => RecordQuery,
): Execute {
	return async function (this: IExecuteFunctions) {
		const nowMs = Date.now();
		return await runPerItem(
			this,
			(i) => readQuery(this, i, nowMs),
			async (query) => await readRecords(this, read, query),
		);
	};
}

/** A Get by number: like readOperation, but nothing found is an error that says why it may be. */
export function lookupOperation(
	read: RecordRead,
	lookup: (ctx: IExecuteFunctions, itemIndex: number) => { query: RecordQuery; notFound: string },
	notFoundReason: string,
): Execute {
	return async function (this: IExecuteFunctions) {
		return await runPerItem(
			this,
			(i) => lookup(this, i),
			async ({ query, notFound }, i) => {
				const records = await readRecords(this, read, query);
				if (records.length === 0)
					throw new NodeOperationError(this.getNode(), notFound, {
						itemIndex: i,
						description: notFoundReason,
					});
				return records;
			},
		);
	};
}
