/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * The record types (nodes/shared/records) against the generated catalog and the doc pages'
 * reply tables (test/fixtures/wdt-docs): every status label table has exactly the codes of the
 * page's table, and every field a record names exists on its method's page. Also the read
 * pipeline's promises about shapes: One Item per Line never loses a record field, and a field
 * WDT sent is never replaced.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import { beforeAll, describe, expect, it } from 'vitest';

import { getCatalogMethod, type CatalogParam } from '../../nodes/shared/catalog';
import { lineItems, shapeRecord } from '../../nodes/shared/read';
import { SALES_ORDER, type WdtRecord } from '../../nodes/shared/records';

const FIXTURES = join(__dirname, '../fixtures/wdt-docs');
const RECORDS_DIR = join(__dirname, '../../nodes/shared/records');
/** Files of the folder that hold no record type. */
const NOT_RECORDS = ['index.ts', 'types.ts', 'catalogFacts.ts'];

const isRecord = (value: unknown): value is WdtRecord =>
	!!value &&
	typeof value === 'object' &&
	typeof (value as WdtRecord).method === 'string' &&
	typeof (value as WdtRecord).statusLabels === 'object';

/** Every record type, found by reading the folder: a new record file is checked unasked. */
const records: Array<{ file: string; record: WdtRecord }> = [];
beforeAll(async () => {
	for (const file of readdirSync(RECORDS_DIR).filter((name) => name.endsWith('.ts'))) {
		if (NOT_RECORDS.includes(file)) continue;
		const module = (await import(join(RECORDS_DIR, file))) as Record<string, unknown>;
		for (const record of Object.values(module).filter(isRecord)) records.push({ file, record });
	}
});

interface DocFixture {
	response: CatalogParam[];
}

/** The record's reply fields: the children of the record list, as the page's table has them. */
function replyFields(record: WdtRecord): CatalogParam[] {
	const doc = JSON.parse(
		readFileSync(join(FIXTURES, `${record.method}.json`), 'utf8'),
	) as DocFixture;
	let fields = doc.response;
	for (const name of getCatalogMethod(record.method)?.listPath ?? []) {
		fields = fields.find((field) => field.name === name)?.children ?? [];
	}
	return fields;
}

const hasField = (fields: CatalogParam[], name: string) =>
	fields.some((field) => field.name === name);

function requestFields(record: WdtRecord): CatalogParam[] {
	const args = getCatalogMethod(record.method)?.args ?? [];
	return args.flatMap((arg) => [arg, ...(arg.children ?? [])]);
}

describe('record types', () => {
	it('every file of nodes/shared/records exports a record type', () => {
		const files = readdirSync(RECORDS_DIR).filter(
			(name) => name.endsWith('.ts') && !NOT_RECORDS.includes(name),
		);
		expect(files.length).toBeGreaterThanOrEqual(10);
		expect([...new Set(records.map(({ file }) => file))].sort()).toEqual(files.sort());
	});

	it('each reads a documented method of the catalog', () => {
		for (const { record } of records)
			expect(getCatalogMethod(record.method)?.documented, record.method).toBe(true);
	});

	it('each names fields of its page: id, modified, numbers, lines, extra times', () => {
		for (const { record } of records) {
			const reply = replyFields(record);
			const where = `${record.noun} (${record.method})`;
			expect(reply.length, where).toBeGreaterThan(0);
			expect(hasField(reply, record.idField), `${where}: ${record.idField}`).toBe(true);
			if (record.modifiedField)
				expect(hasField(reply, record.modifiedField), `${where}: modified`).toBe(true);
			for (const number of record.numberFields)
				expect(
					hasField(reply, number) || hasField(requestFields(record), number),
					`${where}: ${number}`,
				).toBe(true);
			if (record.lines) {
				const list = reply.find((field) => field.name === record.lines!.list);
				expect(list?.children?.length, `${where}: ${record.lines.list}`).toBeGreaterThan(0);
				expect(record.lines.prefix).toMatch(/^[a-z]+_$/);
			}
			for (const field of record.extraTimeFields ?? [])
				expect(hasField(reply, field), `${where}: ${field}`).toBe(true);
		}
	});

	it('each labels every code of each status table in English, and no other code', () => {
		for (const { record } of records) {
			for (const [field, labels] of Object.entries(record.statusLabels)) {
				const table = getCatalogMethod(record.method)?.statusTables?.[field];
				const where = `${record.method} ${field}`;
				expect(table, `${where}: a table on the page`).toBeDefined();
				expect(Object.keys(labels).sort(), where).toEqual(Object.keys(table!).sort());
				for (const label of Object.values(labels)) expect(label).toMatch(/^[\x20-\x7E]+$/);
			}
		}
	});

	it('fails on a label table that disagrees with the page', () => {
		const table = getCatalogMethod(SALES_ORDER.method)!.statusTables!.trade_status;
		const { '4': _dropped, ...missing } = SALES_ORDER.statusLabels.trade_status;
		expect(Object.keys(missing).sort()).not.toEqual(Object.keys(table).sort());
	});
});

describe('One Item per Line', () => {
	it('never replaces a record field with a line field of the same name', () => {
		const order: IDataObject = {
			purchase_id: 7,
			purchase_no: 'CG001',
			remark: 'order remark',
			detail_list: [
				{ purchase_id: 70, remark: 'line remark', purchase_no: 'line-no' },
				{ purchase_id: 71 },
			],
		};
		const items = lineItems(order, 'detail_list', 'purchase_');
		expect(items).toHaveLength(2);
		for (const item of items) {
			const values = Object.values(item);
			expect(values).toContain(7);
			expect(values).toContain('CG001');
			expect(values).toContain('order remark');
		}
		expect(items[0]).toMatchObject({ purchase_id: 70, remark: 'line remark' });
		expect(items[0].purchase_purchase_id).toBe(7);
		expect(items[1].purchase_purchase_id).toBe(7);
		expect(items[0].purchase_remark).toBe('order remark');
	});

	it('keeps every record field and every line field, whatever the names', () => {
		const names = ['a', 'x_a', 'x_x_a', 'b', 'x_b'];
		for (let mask = 0; mask < 1 << names.length; mask++) {
			const record: IDataObject = {};
			const line: IDataObject = {};
			names.forEach((name, i) => {
				record[name] = `record ${name}`;
				if (mask & (1 << i)) line[name] = `line ${name}`;
			});
			const [item] = lineItems({ ...record, lines: [line] }, 'lines', 'x_');
			const values = Object.values(item);
			for (const name of names) expect(values).toContain(`record ${name}`);
			for (const [name, value] of Object.entries(line)) expect(item[name]).toBe(value);
			expect(Object.keys(item)).toHaveLength(names.length + Object.keys(line).length);
		}
	});

	it('gives a record without lines one item of its own fields', () => {
		expect(lineItems({ trade_no: 'T1', detail_list: [] }, 'detail_list', 'order_')).toEqual([
			{ order_trade_no: 'T1' },
		]);
	});
});

describe('shapeRecord', () => {
	const salesOrder = SALES_ORDER;

	it('adds names and ISO times on the record and its lines, after each field', () => {
		const shaped = shapeRecord(salesOrder, {
			trade_status: 110,
			modified: '2024-07-01 10:00:00',
			detail_list: [{ gift_type: 0, modified: '2024-07-01 11:00:00' }],
		});
		expect(Object.keys(shaped)).toEqual([
			'trade_status',
			'trade_status_name',
			'modified',
			'modified_iso',
			'detail_list',
		]);
		expect(shaped.trade_status_name).toBe('已完成');
		expect((shaped.detail_list as IDataObject[])[0]).toMatchObject({
			gift_type_name: expect.any(String),
			modified_iso: '2024-07-01T11:00:00+08:00',
		});
	});

	it('never replaces a name or ISO time WDT sent itself', () => {
		const shaped = shapeRecord(salesOrder, {
			trade_status: 110,
			trade_status_name: 'from WDT',
			modified: '2024-07-01 10:00:00',
			modified_iso: 'from WDT',
		});
		expect(shaped.trade_status_name).toBe('from WDT');
		expect(shaped.modified_iso).toBe('from WDT');
	});
});
