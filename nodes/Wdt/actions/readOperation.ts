/**
 * The execute functions of the read operations: each item's query built and checked first, then
 * read on the one read pipeline (nodes/shared/read), the output items paired with their input.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { DAY_MS, HOUR_MS } from '../../shared/protocol';
import { readRecords, type ReadQuery, type RecordRead } from '../../shared/read';
import { windowFields, windowMs, windowText, type WdtRecord } from '../../shared/records';
import { runPerItem } from './perItem';
import type { OperationOption } from './resource';
import { readParallelRequests } from './readOptions';
import {
	readLimit,
	readOutputAsLines,
	type OutputModeSpec,
	type TimeRangeSpec,
} from './shared.fields';

export type { ReadQuery, RecordRead };

/** An item's Return All/Limit, Output and Parallel Requests (whichever the operation has). */
export function readPaging(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Pick<ReadQuery, 'limit' | 'asLines' | 'parallel'> {
	return {
		limit: readLimit(ctx, itemIndex),
		asLines: readOutputAsLines(ctx, itemIndex),
		parallel: readParallelRequests(ctx, itemIndex),
	};
}

/** The Output field's words for a record with lines. */
export function outputOf(record: WdtRecord): OutputModeSpec {
	if (!record.lines) throw new Error(`The ${record.noun} record has no lines`);
	const { itemName, list, prefix } = record.lines;
	return { record: itemName, lineList: list, prefix };
}

/**
 * Modified After/Before of a record's Get Many: the window and its field names from the
 * catalog; a range is read as the method's windows, up to a month of one-hour windows or a year
 * of longer ones (hundreds of calls in one run beyond that: the trigger is the tool for history).
 */
export function timeRangeOf(
	record: WdtRecord,
	what: string,
	extra: Pick<TimeRangeSpec, 'hint'> = {},
): TimeRangeSpec {
	const window = windowMs(record) ?? DAY_MS;
	const [start, end] = windowFields(record);
	return {
		what,
		defaultSpanMs: window,
		defaultSpanText: window === HOUR_MS ? 'one hour' : `${Math.round(window / DAY_MS)} days`,
		windowText: windowText(window),
		maxRangeDays: window <= HOUR_MS ? 31 : 366,
		wdtFields: [start, end],
		...extra,
	};
}

/** A Get Many's entry in its resource's Operation field ('getMany' is what saved workflows store). */
export function getManyOption(action: string, description: string): OperationOption {
	return { name: 'Get Many', value: 'getMany', action, description };
}

type Execute = (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;

/** An operation's own read of one checked query (e.g. several queries, or lines by another method). */
export type QueryReader<Query extends ReadQuery> = (
	this: IExecuteFunctions,
	query: Query,
) => Promise<IDataObject[]>;

/** A Get Many's execute: every item's query checked first, then read, items paired. */
export function readOperation<Query extends ReadQuery>(
	read: RecordRead | WdtRecord | QueryReader<Query>,
	readQuery: (ctx: IExecuteFunctions, itemIndex: number, nowMs: number) => Query,
): Execute {
	return async function (this: IExecuteFunctions) {
		const nowMs = Date.now();
		return await runPerItem(
			this,
			(i) => readQuery(this, i, nowMs),
			async (query) =>
				typeof read === 'function'
					? await read.call(this, query)
					: await readRecords.call(this, read, query),
		);
	};
}
