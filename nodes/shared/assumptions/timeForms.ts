/** The time forms WDT documents, read and named (Check Assumptions' time-form checks). */
import { isWdtTimeName, parseWdtTime } from '../protocol';
import type { Row } from './sampling';

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
							if (isWdtTimeName(inner)) note(`${field}.${inner}`, innerValue);
			} else if (isWdtTimeName(field)) note(field, value);
		}
	}
	return forms;
}
