import type {
	IDataObject,
	INodeProperties,
	INodePropertyOptions,
	IPollFunctions,
} from 'n8n-workflow';

import type { TimeWindow } from '../../shared/protocol';
import type { RowIdentity } from '../cursor';

/**
 * One trigger event: everything the generic poll needs to know about it. Rows are what the
 * reader returns; settings are the event's own options, read once per poll.
 */
export interface TriggerEvent<Row extends IDataObject = IDataObject, Settings = unknown> {
	/** The entry in the Event list; its name is also the node's subtitle. */
	option: INodePropertyOptions & { value: string };
	/** The event's own entries in the Options collection, beside the common ones. */
	options: INodeProperties[];
	/** The longest time range one read may cover (the method's window limit). */
	maxWindowMs: number;
	/** What counts as the same thing (key) and when it last changed (WDT time). */
	identity: RowIdentity<Row>;
	/** Reads and checks the event's options; throws a NodeOperationError naming the option. */
	settings(this: IPollFunctions, options: IDataObject): Settings;
	/** Reads every row of one window completely, without retries (the next poll is the retry). */
	read(this: IPollFunctions, window: TimeWindow, settings: Settings): Promise<Row[]>;
	/** Whether a row is an event under the settings (e.g. a status filter). */
	matches(row: Row, settings: Settings): boolean;
	/** Turns the rows to emit into item JSON (e.g. merging details); default: the rows as they are. */
	toItems?(this: IPollFunctions, rows: Row[], settings: Settings): Promise<IDataObject[]>;
	/** Said when "Fetch Test Event" finds nothing, after "No … in the last 24 hours". */
	testEventHint: string;
}

/** A registry entry; settings stay opaque to the generic poll. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTriggerEvent = TriggerEvent<IDataObject, any>;
