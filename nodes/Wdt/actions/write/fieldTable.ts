/**
 * A write's document or line fields as a table: each field's WDT name, English label and
 * description; its type, length and required mark come from the catalog (the method's page).
 * The table builds the node's parameters for them and reads and checks their values.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CatalogParam } from '../../../shared/catalog/types';
import { readUserDateTime, toWdtTime } from '../../../shared/protocol';
import { invalidInput } from '../parameters';
import { documentedFields, documentedValue } from './values';

/** One WDT field of a document or a line, as the node shows and checks it. */
export interface WriteField {
	/** WDT's name, as the catalog has it at the table's path. */
	wdt: string;
	displayName: string;
	/** One sentence without the final full stop; limits and the WDT name are added. */
	description: string;
	/** A wall time in the workflow's timezone, sent in China Standard Time (the page says String). */
	time?: boolean;
	/** The page's codes, with our English names: an options list when not mapped. */
	codes?: Array<[number, string]>;
	/** Sent when the field is empty; without it an empty required field is refused. */
	whenEmpty?: unknown;
	/** Empty: filled from other fields by the operation, so never refused as empty. */
	derived?: boolean;
	/** Decimals: the least value (prices and fees are not negative), or more than 0. */
	min?: number;
	positive?: boolean;
}

/** A WriteField's parts after its WDT name, label and description. */
export type WriteFieldMore = Omit<WriteField, 'wdt' | 'displayName' | 'description'>;

/** A WriteField in one line: WDT name, label, description, then the rest. */
export const writeField = (
	wdt: string,
	displayName: string,
	description: string,
	more: WriteFieldMore = {},
): WriteField => ({ wdt, displayName, description, ...more });

/** A wall time in the workflow's timezone (sent in China Standard Time). */
export const timeField = (
	wdt: string,
	displayName: string,
	description: string,
	more: WriteFieldMore = {},
) => writeField(wdt, displayName, description, { time: true, ...more });

/** Fees and amounts: never negative. */
export const amountField = (
	wdt: string,
	displayName: string,
	description: string,
	more: WriteFieldMore = {},
) => writeField(wdt, displayName, description, { min: 0, ...more });

/** The page's codes with our English names, written `{ code: name }`. */
export const codeList = (named: Record<number, string>) =>
	Object.entries(named).map(([code, name]): [number, string] => [Number(code), name]);

/** A field's description: its sentence, its limits, its WDT name. */
const describe = (field: WriteField, limits: string) =>
	`${field.description}.${limits} WDT field: ${field.wdt}.`;

const isEmpty = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export interface FieldTable {
	readonly fields: readonly WriteField[];
	/** The catalog's entries for the fields, by WDT name. */
	readonly documented: ReadonlyMap<string, CatalogParam>;
	/**
	 * A node parameter for one field named `name`; `mapped`: a text field whose default reads the
	 * input column of the field's WDT name (`={{ $json.<wdt> }}`).
	 */
	property(field: WriteField, name: string, mapped: boolean): INodeProperties;
	/**
	 * One field's value as WDT takes it (undefined: leave it out), or an error naming the item and
	 * `<where><label> (<wdt>)`.
	 */
	value(
		ctx: IExecuteFunctions,
		itemIndex: number,
		where: string,
		field: WriteField,
		raw: unknown,
	): unknown;
	/** Every field's value (`valueOf` gives the raw one), checked; empty optional ones left out. */
	read(
		ctx: IExecuteFunctions,
		itemIndex: number,
		where: string,
		valueOf: (field: WriteField) => unknown,
	): IDataObject;
}

/**
 * The table of `fields` at `path` of `method`'s arguments (e.g. ['rawTradeList']). A field the
 * page does not document there fails at load, so no label can name a field WDT lacks.
 */
export function fieldTable(
	method: string,
	path: readonly string[],
	fields: readonly WriteField[],
): FieldTable {
	const documented = documentedFields(method, path);
	for (const field of fields)
		if (!documented.has(field.wdt))
			throw new Error(`${method} documents no field ${field.wdt} at ${path.join('.')}`);
	const paramOf = (field: WriteField) => documented.get(field.wdt) as CatalogParam;
	const isText = (field: WriteField) => !field.time && /^string\b/i.test(paramOf(field).type);

	const table: FieldTable = {
		fields,
		documented,
		property(field, name, mapped) {
			const param = paramOf(field);
			const length = param.length && isText(field) ? ` At most ${param.length} characters.` : '';
			const empty =
				field.whenEmpty !== undefined || field.derived
					? ''
					: param.required
						? ' Required.'
						: ' Optional.';
			const property: INodeProperties = {
				displayName: field.displayName,
				name,
				type: field.time ? 'dateTime' : 'string',
				default: mapped ? `={{ $json.${field.wdt} }}` : '',
				description: describe(field, `${length}${empty}`),
			};
			if (field.codes && !mapped) {
				property.type = 'options';
				property.options = field.codes.map(([code, label]) => ({
					name: `${label} (${code})`,
					value: code,
				}));
				property.default = (field.whenEmpty as number | undefined) ?? field.codes[0][0];
			}
			return property;
		},
		value(ctx, itemIndex, where, field, raw) {
			const label = `${where}${field.displayName} (${field.wdt})`;
			const param = paramOf(field);
			if (isEmpty(raw)) {
				if (field.whenEmpty !== undefined) return field.whenEmpty;
				if (param.required && !field.derived)
					throw invalidInput(ctx, itemIndex, label, 'is empty.');
				return undefined;
			}
			if (field.time) {
				const read = readUserDateTime(raw, ctx.getTimezone());
				if ('problem' in read) throw invalidInput(ctx, itemIndex, label, `${read.problem}.`);
				return toWdtTime(read.ms);
			}
			const read = documentedValue(param, raw, field);
			if ('problem' in read) throw invalidInput(ctx, itemIndex, label, `${read.problem}.`);
			const codes = field.codes?.map(([code]) => code);
			if (codes && !codes.includes(read.value as number))
				throw invalidInput(
					ctx,
					itemIndex,
					label,
					`must be one of ${codes.join(', ')}, got "${String(raw)}".`,
				);
			return read.value;
		},
		read(ctx, itemIndex, where, valueOf) {
			const out: IDataObject = {};
			for (const field of fields) {
				const value = table.value(ctx, itemIndex, where, field, valueOf(field));
				if (value !== undefined) out[field.wdt] = value as IDataObject[string];
			}
			return out;
		},
	};
	return table;
}
