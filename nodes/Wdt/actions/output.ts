/**
 * Output shaping shared by the read operations: status names from the doc pages' tables (via the
 * method catalog), a `<field>_iso` form of every WDT time, and one item per line on request.
 */
import type { IDataObject } from 'n8n-workflow';

import { getCatalogMethod } from '../../shared/catalog';
import { ISO_TIME_SUFFIX, wdtTimeToIso } from '../../shared/protocol';

/**
 * WDT's names of times: `modified`, `created`, `…_time`, `…_date`, `…_modified`, `…_created`
 * (goods_modified, spec_modified: milliseconds in their page's example). A field so named whose
 * value is no time (e.g. an empty text) gets no `_iso`.
 */
const TIME_FIELD = /^(modified|created)$|_(time|date|modified|created)$/;

export interface RecordShape {
	/** Fields holding WDT times, on the record and on its lines; default: by name (TIME_FIELD). */
	timeFields?: readonly string[];
	/** The line lists to shape too, e.g. ['detail_list']. */
	lineLists?: readonly string[];
}

/** `field` → code → name (WDT's own name for each code). */
type StatusTables = ReadonlyMap<string, Readonly<Record<string, string>>>;

/** The status tables of the record (`prefix` '') or of one of its line lists (`list.`). */
function tablesAt(method: string, prefix: string): StatusTables {
	const tables = getCatalogMethod(method)?.statusTables ?? {};
	return new Map(
		Object.entries(tables)
			.filter(([path]) => path.startsWith(prefix) && !path.slice(prefix.length).includes('.'))
			.map(([path, table]) => [path.slice(prefix.length), table]),
	);
}

function shapeObject(
	object: IDataObject,
	timeFields: readonly string[] | undefined,
	tables: StatusTables,
): IDataObject {
	const out: IDataObject = {};
	for (const name of Object.keys(object)) {
		const value = object[name];
		out[name] = value;
		if (name.endsWith(ISO_TIME_SUFFIX)) continue;
		if (timeFields ? timeFields.includes(name) : TIME_FIELD.test(name)) {
			const iso = wdtTimeToIso(value);
			if (iso !== undefined) out[`${name}${ISO_TIME_SUFFIX}`] = iso;
		}
		const table = tables.get(name);
		// Exact codes only: several tables are bit flags, and a combined value has no one name.
		if (table && value !== null && value !== undefined && table[String(value)] !== undefined)
			out[`${name}_name`] = table[String(value)];
	}
	return out;
}

/**
 * Shapes the records of one method: adds `<field>_name` after each code a status table of the
 * method's page names (WDT's own Chinese name), and `<field>_iso` after each time, on the record
 * and on its lines. The method's tables are looked up once here, not for every record.
 */
export function recordShaper(
	method: string,
	shape: RecordShape,
): (record: IDataObject) => IDataObject {
	const tables = tablesAt(method, '');
	const lineLists = (shape.lineLists ?? []).map((list) => ({
		list,
		tables: tablesAt(method, `${list}.`),
	}));
	return (record) => {
		const out = shapeObject(record, shape.timeFields, tables);
		for (const { list, tables: lineTables } of lineLists) {
			const lines = out[list];
			if (!Array.isArray(lines)) continue;
			out[list] = lines.map((line) =>
				typeof line === 'object' && line !== null
					? shapeObject(line as IDataObject, shape.timeFields, lineTables)
					: line,
			) as IDataObject[];
		}
		return out;
	};
}

/** One record (recordShaper for many: it looks the tables up once). */
export function shapeRecord(method: string, record: IDataObject, shape: RecordShape): IDataObject {
	return recordShaper(method, shape)(record);
}

/**
 * One item per line of `lineList`, each with the record's other fields prefixed (`order_…`),
 * so a sheet gets one row per line. A record without lines gives one item of its own fields.
 */
export function flattenLines(record: IDataObject, lineList: string, prefix: string): IDataObject[] {
	const { [lineList]: lines, ...fields } = record;
	const parent: IDataObject = {};
	for (const [name, value] of Object.entries(fields))
		parent[name.startsWith(prefix) ? name : `${prefix}${name}`] = value;
	if (!Array.isArray(lines) || lines.length === 0) return [parent];
	return lines.map((line) => ({ ...parent, ...(line as IDataObject) }));
}
