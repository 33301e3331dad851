/**
 * How every read outputs a record, in Get, Get Many and the trigger alike: WDT's fields as sent,
 * a `<field>_name` after each code the method's page names (its status tables in the catalog:
 * WDT's own words) and a `<field>_iso` after each WDT time, on the record and on its lines. A
 * field WDT sent itself is never replaced.
 */
import type { IDataObject } from 'n8n-workflow';

import { getCatalogMethod } from '../catalog';
import { ISO_TIME_SUFFIX, isWdtTimeName, wdtTimeToIso } from '../protocol';
import type { WdtRecord } from '../records';

const NAME_SUFFIX = '_name';

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
	isTime: (name: string) => boolean,
	tables: StatusTables,
): IDataObject {
	const out: IDataObject = {};
	for (const name of Object.keys(object)) {
		const value = object[name];
		out[name] = value;
		if (name.endsWith(ISO_TIME_SUFFIX)) continue;
		const isoName = `${name}${ISO_TIME_SUFFIX}`;
		if (isTime(name) && !(isoName in object)) {
			const iso = wdtTimeToIso(value);
			if (iso !== undefined) out[isoName] = iso;
		}
		const table = tables.get(name);
		const nameField = `${name}${NAME_SUFFIX}`;
		// Exact codes only: several tables are bit flags, and a combined value has no one name.
		if (
			table &&
			!(nameField in object) &&
			value !== null &&
			value !== undefined &&
			table[String(value)] !== undefined
		)
			out[nameField] = table[String(value)];
	}
	return out;
}

/**
 * The shaper of one record type as read by `method` (default the record's own; e.g. the order
 * history has the same fields). The method's tables are looked up once here, not per record.
 */
export function recordShaper(
	record: Pick<WdtRecord, 'method' | 'lines' | 'extraTimeFields'>,
	method: string = record.method,
): (raw: IDataObject) => IDataObject {
	const extra = record.extraTimeFields ?? [];
	const isTime = (name: string) => isWdtTimeName(name) || extra.includes(name);
	const tables = tablesAt(method, '');
	const lines = record.lines
		? { list: record.lines.list, tables: tablesAt(method, `${record.lines.list}.`) }
		: undefined;
	return (raw) => {
		const out = shapeObject(raw, isTime, tables);
		const list = lines ? out[lines.list] : undefined;
		if (lines && Array.isArray(list))
			out[lines.list] = list.map((line) =>
				typeof line === 'object' && line !== null && !Array.isArray(line)
					? shapeObject(line as IDataObject, isTime, lines.tables)
					: line,
			) as IDataObject[];
		return out;
	};
}

/** One record (recordShaper for many: it looks the tables up once). */
export function shapeRecord(
	record: Pick<WdtRecord, 'method' | 'lines' | 'extraTimeFields'>,
	raw: IDataObject,
	method?: string,
): IDataObject {
	return recordShaper(record, method)(raw);
}
