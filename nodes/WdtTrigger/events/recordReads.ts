/**
 * What the events over a record type's windowed query share: one window read on the one read
 * pipeline (nodes/shared/read: every version of every record, shaped as Get Many shapes it),
 * the line list kept or dropped (Include Lines), and a Statuses option's check.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { TimeWindow } from '../../shared/protocol';
import { readWindow } from '../../shared/read';
import { windowMs, type WdtRecord } from '../../shared/records';

/** The rows without their line list (Include Lines off); the rows themselves when `keep`. */
export function withLines(rows: IDataObject[], list: string, keep: boolean): IDataObject[] {
	if (keep) return rows;
	return rows.map((row) => {
		const record = { ...row };
		delete record[list];
		return record;
	});
}

/** What the events over one record query with a line list and a Statuses option read by. */
export interface QuerySettings {
	/** The query's filters; the window fields are added per window. */
	params: IDataObject;
	includeLines: boolean;
	/** Empty: every status. */
	statuses: number[];
}

/** An event's `read`: one window of the record's query, its lines kept or dropped. */
export function readWithLines(record: WdtRecord) {
	return async function (
		this: IPollFunctions,
		window: TimeWindow,
		settings: Pick<QuerySettings, 'params' | 'includeLines'>,
	): Promise<IDataObject[]> {
		return withLines(
			await readWindow.call(this, record, window, settings.params),
			record.lines?.list ?? '',
			settings.includeLines,
		);
	};
}

/** An event's `matches` for a Statuses option over the record's status field. */
export const statusIn =
	(field: string) =>
	(row: IDataObject, settings: Pick<QuerySettings, 'statuses'>): boolean =>
		settings.statuses.length === 0 || settings.statuses.includes(Number(row[field]));

/** The record's window: the catalog's (every event's record has one). */
export function eventWindowMs(record: WdtRecord): number {
	const window = windowMs(record);
	if (window === undefined) throw new Error(`${record.method} has no window in the catalog`);
	return window;
}
