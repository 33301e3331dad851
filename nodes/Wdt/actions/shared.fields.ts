/**
 * Field builders shared by the read operations. Each builder returns properties without
 * `displayOptions`; an operation file lists its fields and wraps them once with n8n's
 * `updateDisplayOptions` (as n8n's Airtable v2 node does), and reads them back with the
 * matching `read…` function here.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { DAY_MS, HOUR_MS, type TimeWindow } from '../../shared/protocol';
import { invalidInput, readDateParameter } from './parameters';

import { readOptionsField } from './readOptions';

export { readOptions, readOptionsField, readParallelRequests } from './readOptions';

/** Modified After / Modified Before over any range; the read engine splits it into windows. */
export interface TimeRangeSpec {
	/** What the times are of, e.g. 'modification' or 'cancellation (modification)'. */
	what: string;
	/** The range read when both times are empty, ending at Modified Before. */
	defaultSpanMs: number;
	/** Read as words in the interface, e.g. 'one hour'. */
	defaultSpanText: string;
	/** The longest window one WDT call accepts, in words, e.g. 'one-hour'. */
	windowText: string;
	/** A longer range is refused (hundreds of calls in one run); the trigger is the tool for history. */
	maxRangeDays: number;
	/** WDT's names of the two times. */
	wdtFields?: [string, string];
	/** Modified After's hint; default: what both times empty read. */
	hint?: string;
}

export function timeRangeFields(spec: TimeRangeSpec): INodeProperties[] {
	const [startField, endField] = spec.wdtFields ?? ['start_time', 'end_time'];
	return [
		{
			displayName: 'Modified After',
			name: 'startTime',
			type: 'dateTime',
			default: '',
			placeholder: `Empty: ${spec.defaultSpanText} before Modified Before`,
			hint: spec.hint ?? `Leave both times empty to get the last ${spec.defaultSpanText}`,
			description: `Start of the range of ${spec.what} times. Empty: ${spec.defaultSpanText} before the end. Any timezone; WDT is queried in China Standard Time. WDT field: ${startField}.`,
		},
		{
			displayName: 'Modified Before',
			name: 'endTime',
			type: 'dateTime',
			default: '',
			placeholder: 'Empty: now',
			description: `End of the range. Empty: now. Any length up to ${spec.maxRangeDays} days: the node splits it into the ${spec.windowText} windows WDT accepts. WDT field: ${endField}.`,
		},
	];
}

/** The item's range, checked before any call (item numbers 1-based). */
export function readTimeRange(
	ctx: IExecuteFunctions,
	itemIndex: number,
	nowMs: number,
	spec: Pick<TimeRangeSpec, 'defaultSpanMs' | 'maxRangeDays'>,
): TimeWindow {
	const endMs = readDateParameter(ctx, itemIndex, 'endTime', 'Modified Before (endTime)') ?? nowMs;
	const startMs =
		readDateParameter(ctx, itemIndex, 'startTime', 'Modified After (startTime)') ??
		endMs - spec.defaultSpanMs;
	if (endMs < startMs)
		throw invalidInput(
			ctx,
			itemIndex,
			'Modified Before (endTime)',
			'lies before Modified After (startTime).',
		);
	if (endMs - startMs > spec.maxRangeDays * DAY_MS)
		throw invalidInput(
			ctx,
			itemIndex,
			'Modified After (startTime)',
			`and Modified Before (endTime) are more than ${spec.maxRangeDays} days apart; split the range or use the WDT Trigger.`,
		);
	return { startMs, endMs };
}

/** The usual one-hour-window reads (orders, stockouts): last hour by default, up to 31 days. */
export const ONE_HOUR_WINDOWS: Omit<TimeRangeSpec, 'what'> = {
	defaultSpanMs: HOUR_MS,
	defaultSpanText: 'one hour',
	windowText: 'one-hour',
	maxRangeDays: 31,
};

export function returnAllLimitFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** Infinity with Return All. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return Infinity;
	const limit = Number(ctx.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1)
		throw invalidInput(ctx, itemIndex, 'Limit (limit)', 'must be a whole number of at least 1.');
	return limit;
}

/** Output: one item per record (lines nested) or one item per line (parent fields prefixed). */
export interface OutputModeSpec {
	/** e.g. 'Order' */
	record: string;
	/** The record's line list, e.g. 'detail_list'. */
	lineList: string;
	/** Prefix of the parent fields on each line, e.g. 'order_'. */
	prefix: string;
	/** The value of One Item per Record, as saved workflows hold it (default 'records'). */
	recordsValue?: string;
}

const RECORDS_OUTPUT = 'records';
const LINES_OUTPUT = 'lines';

export function outputModeField(spec: OutputModeSpec): INodeProperties {
	const recordsValue = spec.recordsValue ?? RECORDS_OUTPUT;
	return {
		displayName: 'Output',
		name: 'outputMode',
		type: 'options',
		default: recordsValue,
		options: [
			{
				name: `One Item per ${spec.record}`,
				value: recordsValue,
				description: `Each ${spec.record.toLowerCase()} with its lines nested in ${spec.lineList}`,
			},
			{
				name: 'One Item per Line',
				value: LINES_OUTPUT,
				description: `Each line of ${spec.lineList}, with its ${spec.record.toLowerCase()}'s fields prefixed ${spec.prefix} (handy for spreadsheets); a ${spec.record.toLowerCase()} without lines gives one item`,
			},
		],
	};
}

export function readOutputAsLines(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return ctx.getNodeParameter('outputMode', itemIndex, RECORDS_OUTPUT) === LINES_OUTPUT;
}

/** A notice field; `name` must be unique within the node. */
export function noticeField(name: string, text: string): INodeProperties {
	return { displayName: text, name, type: 'notice', default: '' };
}

/** Options of WDT codes with English labels, `Label (code)`; the codes are WDT's. */
export function codeOptions(labels: Readonly<Record<string, string>>) {
	return Object.entries(labels).map(([code, label]) => ({
		name: `${label} (${code})`,
		value: code,
	}));
}

/** A single choice of one WDT code, or Any (''): sent only when chosen. */
export function codeFilterField(
	field: { displayName: string; name: string; description: string },
	labels: Readonly<Record<string, string>>,
): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'options',
		default: '',
		options: [{ name: 'Any', value: '' }, ...codeOptions(labels)],
		description: field.description,
	};
}

/** A multi-select of WDT status codes with English labels (the codes are WDT's). */
export function statusFilterField(
	field: { displayName: string; name: string; wdtField: string },
	labels: Readonly<Record<string, string>>,
): INodeProperties {
	const description = `Return only these statuses; none selected: every status. WDT field: ${field.wdtField}.`;
	return {
		...codeFilterField({ ...field, description }, labels),
		type: 'multiOptions',
		default: [],
		options: codeOptions(labels).sort((a, b) => a.name.localeCompare(b.name)),
	};
}

/** A text filter sent as is; longer than `maxLength` (the page's length) is refused. */
export function readTextFilter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	label: string,
	maxLength: number,
): string | undefined {
	const text = String(value ?? '').trim();
	if (!text) return undefined;
	if ([...text].length > maxLength)
		throw invalidInput(ctx, itemIndex, label, `is longer than ${maxLength} characters.`);
	return text;
}

/** A required text parameter (e.g. the number of a Get), trimmed; empty or too long is refused. */
export function readRequiredText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	maxLength: number,
): string {
	const text = readTextFilter(
		ctx,
		itemIndex,
		ctx.getNodeParameter(name, itemIndex, ''),
		label,
		maxLength,
	);
	if (text === undefined) throw invalidInput(ctx, itemIndex, label, 'is empty.');
	return text;
}

/** The `filters` collection of one item ({} when none is set). */
export function readFilters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return (ctx.getNodeParameter('filters', itemIndex, {}) ?? {}) as IDataObject;
}

/** One operation's fields, shown only for it: `updateDisplayOptions` applied once. */
export function operationFields(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { resource: [resource], operation: [operation] } },
		properties,
	);
}

/** A Get Many's closing fields: Output (for records with lines), Return All/Limit, Options. */
export function getManyFields(
	spec: { output?: OutputModeSpec; options?: INodeProperties[] } = {},
): INodeProperties[] {
	return [
		...(spec.output ? [outputModeField(spec.output)] : []),
		...returnAllLimitFields(),
		readOptionsField(spec.options),
	];
}

/** The usual 30-day-window reads (goods, refunds, stock, purchase applies): up to 366 days. */
export const THIRTY_DAY_WINDOWS: Omit<TimeRangeSpec, 'what'> = {
	defaultSpanMs: 30 * DAY_MS,
	defaultSpanText: '30 days',
	windowText: '30-day',
	maxRangeDays: 366,
};

/** The optional filters of an operation, in one collection named `filters`. */
export function filtersField(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options,
	};
}
