/** The checks of the time forms replies send (and what they share with the page-size check). */
import { parseWdtTime, WDT_MAX_PAGE_SIZE } from '../../protocol';
import {
	couldNotTell,
	days,
	METHODS,
	page,
	result,
	sampleLookBack,
	type Check,
	type Row,
	type Run,
	type Sample,
} from './run';

/** Any time form WDT documents → unix ms (CST text, ms, seconds, numeric strings of these). */
export function readAnyTime(value: unknown): number | undefined {
	if (typeof value === 'string') {
		const text = parseWdtTime(value);
		if (text !== undefined) return text;
		if (!/^\d{9,13}$/.test(value.trim())) return undefined;
	}
	if (typeof value !== 'number' && typeof value !== 'string') return undefined;
	const number = Number(value);
	if (!Number.isFinite(number) || number <= 0) return undefined;
	return number < 1e11 ? number * 1000 : number;
}

export type TimeForm = 'text' | 'ms' | 'seconds' | 'msText' | 'secondsText' | 'other';

export const TIME_FORM_NAMES: Record<TimeForm, string> = {
	text: 'text yyyy-MM-dd HH:mm:ss',
	ms: 'milliseconds (a number)',
	seconds: 'seconds (a number)',
	msText: 'milliseconds as a numeric string',
	secondsText: 'seconds as a numeric string',
	other: 'another form',
};

/** The form of one time value; undefined for an empty one. */
export function timeFormOf(value: unknown): TimeForm | undefined {
	if (value === undefined || value === null || value === '' || value === 0 || value === '0')
		return undefined;
	if (typeof value === 'number') return value >= 1e11 ? 'ms' : value >= 1e8 ? 'seconds' : 'other';
	if (typeof value !== 'string') return 'other';
	if (parseWdtTime(value) !== undefined) return 'text';
	if (/^\d{12,13}$/.test(value.trim())) return 'msText';
	if (/^\d{9,10}$/.test(value.trim())) return 'secondsText';
	return 'other';
}

/** A documented time field of a reply: `created`, `modified`, `…_time`, `…_modified`, `…_date`. */
export const TIME_FIELD = /(^|_)(created|modified|time|date)$/;

/** The forms of every time field in the rows (one level of nested lists included). */
export function timeForms(rows: Row[]): Record<string, Partial<Record<TimeForm, number>>> {
	const forms: Record<string, Partial<Record<TimeForm, number>>> = {};
	const note = (field: string, value: unknown) => {
		const form = timeFormOf(value);
		if (!form) return;
		forms[field] ??= {};
		forms[field][form] = (forms[field][form] ?? 0) + 1;
	};
	for (const row of rows) {
		for (const [field, value] of Object.entries(row)) {
			if (Array.isArray(value)) {
				for (const nested of value)
					if (nested && typeof nested === 'object')
						for (const [inner, innerValue] of Object.entries(nested as Row))
							if (TIME_FIELD.test(inner)) note(`${field}.${inner}`, innerValue);
			} else if (TIME_FIELD.test(field)) note(field, value);
		}
	}
	return forms;
}

/** The four replies whose time forms are checked, sampled once (the page-size check reads them too). */
export const TIME_SAMPLES: Array<{ key: keyof typeof METHODS; label: string; affects: string[] }> =
	[
		{
			key: 'refund',
			label: 'Refund (aftersales.refund.Refund.search)',
			affects: ['Refund → Get Many', 'Refund → Get', 'Refund Created or Updated'],
		},
		{
			key: 'goods',
			label: 'Product (goods.Goods.queryWithSpec)',
			affects: ['Product → Get Many', 'Product → Get', 'Goods Created or Updated'],
		},
		{
			key: 'stock',
			label: 'Stock (wms.StockSpec.search2)',
			affects: ['Stock → Get Many'],
		},
		{
			key: 'warehouse',
			label: 'Warehouse (setting.Warehouse.queryWarehouse)',
			affects: ['Warehouse → Get Many'],
		},
	];

export async function timeSample(run: Run, key: keyof typeof METHODS): Promise<Sample> {
	const method = METHODS[key];
	if (key !== 'warehouse') return await sampleLookBack(run, method);
	const cached = run.samples.get(method);
	if (cached) return cached;
	// Warehouses change rarely: every warehouse, without a time range.
	const sample = await page(run, method, {}, WDT_MAX_PAGE_SIZE);
	run.samples.set(method, sample);
	return sample;
}

export const timeFormChecks: Check[] = TIME_SAMPLES.map(({ key, label, affects }) => ({
	assumption: `${label} replies send times as text yyyy-MM-dd HH:mm:ss (China time)`,
	affects,
	async run(run) {
		const sample = await timeSample(run, key);
		if (sample.failure) return couldNotTell(this, sample.failure);
		if (sample.rows.length === 0)
			return couldNotTell(
				this,
				`No record to look at${sample.window ? ` modified in the last ${days(run)}` : ''}.`,
				{ method: METHODS[key], window: sample.window, records: 0 },
			);
		const forms = timeForms(sample.rows);
		const found = new Set(
			Object.values(forms).flatMap((counts) => Object.keys(counts) as TimeForm[]),
		);
		const details = { method: METHODS[key], records: sample.rows.length, forms_by_field: forms };
		if (found.size === 0)
			return couldNotTell(this, 'The records found have no time filled in.', details);
		const reading = `times as ${[...found].map((form) => TIME_FORM_NAMES[form]).join(' and ')}`;
		if (found.size === 1 && found.has('text'))
			return result(this, 'as assumed', reading, 'Every time field sampled is text.', details);
		return result(
			this,
			'differs',
			reading,
			'The package reads every form WDT documents (text, milliseconds, seconds, numeric strings) and normalises it where replies enter, so cursors, windows, sorting and the _iso fields stay right.',
			details,
		);
	},
}));
