/**
 * WDT speaks China Standard Time (UTC+8, no daylight saving since 1991) as
 * `yyyy-MM-dd HH:mm:ss`. Fixed-offset arithmetic keeps these helpers independent of the
 * timezone n8n or the host runs in.
 */

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
/** China Standard Time as a timezone name, for wall times written as WDT writes them. */
export const WDT_TIME_ZONE = 'Etc/GMT-8';
const WDT_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Any instant (unix ms) → `yyyy-MM-dd HH:mm:ss` in China Standard Time, seconds truncated. */
export function toWdtTime(unixMs: number): string {
	if (!Number.isFinite(unixMs)) throw new RangeError(`Not a valid instant: ${unixMs}`);
	const cst = new Date(Math.floor(unixMs / 1000) * 1000 + CST_OFFSET_MS);
	return (
		`${pad(cst.getUTCFullYear(), 4)}-${pad(cst.getUTCMonth() + 1)}-${pad(cst.getUTCDate())} ` +
		`${pad(cst.getUTCHours())}:${pad(cst.getUTCMinutes())}:${pad(cst.getUTCSeconds())}`
	);
}

/** `yyyy-MM-dd HH:mm:ss` in China Standard Time → unix ms; undefined when it is not that format. */
export function parseWdtTime(text: string): number | undefined {
	const match = WDT_TIME_PATTERN.exec(text.trim());
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const utc = Date.UTC(year, month - 1, day, hour, minute, second);
	const back = new Date(utc);
	// Reject 2024-02-31 and the like instead of rolling over.
	if (
		back.getUTCMonth() !== month - 1 ||
		back.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		return undefined;
	}
	return utc - CST_OFFSET_MS;
}

export function fromWdtTime(text: string): number {
	const unixMs = parseWdtTime(text);
	if (unixMs === undefined) throw new RangeError(`Not a WDT time (yyyy-MM-dd HH:mm:ss): "${text}"`);
	return unixMs;
}

export interface TimeWindow {
	startMs: number;
	endMs: number;
}

/**
 * Splits [startMs, endMs] into consecutive windows of at most maxMs each. Adjacent windows
 * share their boundary instant: WDT compares inclusively at whole seconds, so a record modified
 * exactly at a boundary can appear in both windows and callers deduplicate; none is missed.
 */
export function splitIntoWindows(startMs: number, endMs: number, maxMs: number): TimeWindow[] {
	if (!(maxMs > 0)) throw new RangeError('The window length must be positive');
	if (endMs < startMs) throw new RangeError('The end lies before the start');
	const windows: TimeWindow[] = [];
	let cursor = startMs;
	do {
		const windowEnd = Math.min(cursor + maxMs, endMs);
		windows.push({ startMs: cursor, endMs: windowEnd });
		cursor = windowEnd;
	} while (cursor < endMs);
	return windows;
}

/** The offset (ms) of an IANA zone from UTC at a given instant, from Intl alone. */
function zoneOffsetMs(timeZone: string, unixMs: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(unixMs));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second'),
	);
	return asUtc - Math.floor(unixMs / 1000) * 1000;
}

const USER_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(?:\s*(Z|[+-]\d{2}(?::?\d{2})?))?$/i;

const DATE_FORMATS =
	'use yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss, optionally followed by Z or an offset such as +08:00';

const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/**
 * Reads a date a user gave n8n: a Date, a Luxon DateTime, unix ms, or text in ISO 8601 form.
 * Text without an offset (n8n's date picker writes none) is wall time in the workflow's
 * timezone. Impossible dates and times (2024-02-31, month 13, 25:61) are refused rather than
 * rolled over, and so is any other text: JavaScript's own parser reads "next week 2" as
 * 2001-02-01 and "2024-02-31" as 2024-03-02.
 */
export function readUserDateTime(
	value: unknown,
	timeZone: string,
): { ms: number } | { problem: string } {
	const notADate = { problem: `is not a date: "${String(value)}"; ${DATE_FORMATS}` };
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? notADate : { ms: value.getTime() };
	if (typeof value === 'number') return Number.isFinite(value) ? { ms: value } : notADate;
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	) {
		const ms = (value as { toMillis: () => number }).toMillis();
		return Number.isFinite(ms) ? { ms } : notADate;
	}
	if (typeof value !== 'string') return notADate;
	const match = USER_DATE_TIME.exec(value.trim());
	if (!match) return notADate;
	const [year, month, day, hour = 0, minute = 0, second = 0] = match
		.slice(1, 7)
		.map((part) => Number(part ?? 0));
	const millis = Number((match[7] ?? '0').padEnd(3, '0'));
	const daysInMonth =
		month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
	if (month < 1 || month > 12)
		return { problem: `is not a date: "${value}" has month ${month}; months run from 01 to 12` };
	if (day < 1 || day > daysInMonth)
		return {
			problem: `is not a date: "${value}" has day ${day}, but ${MONTH_NAMES[month - 1]} ${year} has ${daysInMonth} days`,
		};
	if (hour > 23 || minute > 59 || second > 59)
		return {
			problem: `is not a time: "${value}" has ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}; hours run to 23, minutes and seconds to 59`,
		};
	const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
	const offset = match[8];
	if (offset !== undefined) {
		if (offset.toUpperCase() === 'Z') return { ms: wallAsUtc };
		const [, sign, hours, minutes = '0'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset) ?? [];
		if (Number(hours) > 14 || Number(minutes) > 59)
			return {
				problem: `is not a date: "${value}" has the offset ${offset}, which no timezone has`,
			};
		const offsetMs = (Number(hours) * 60 + Number(minutes)) * 60_000 * (sign === '-' ? -1 : 1);
		return { ms: wallAsUtc - offsetMs };
	}
	// Two passes settle the offset also next to a daylight-saving change.
	let guess = wallAsUtc - zoneOffsetMs(timeZone, wallAsUtc);
	guess = wallAsUtc - zoneOffsetMs(timeZone, guess);
	return { ms: guess };
}

/** readUserDateTime as unix ms, or undefined when the value is not a possible date. */
export function parseUserDateTime(value: unknown, timeZone: string): number | undefined {
	const read = readUserDateTime(value, timeZone);
	return 'ms' in read ? read.ms : undefined;
}

/**
 * The forms in which WDT sends a time. Most tables say `yyyy-MM-dd HH:mm:ss` (CST), but several
 * pages' own reply examples send unix milliseconds (refunds, goods, stock, warehouses, orders),
 * and unix seconds are the other common form. Each is read, also as a numeric string:
 * - text `yyyy-MM-dd HH:mm:ss` (or with `T`), and a date alone `yyyy-MM-dd` (midnight CST);
 * - 12 or 13 digits: milliseconds; 9 or 10 digits: seconds (years 1973 to 5138 either way).
 * Anything else (empty, 0, other text, other lengths) is not a time: undefined, never a guess.
 */
const DATE_ONLY_PATTERN = /^(\d{4}-\d{2}-\d{2})$/;
const MS_DIGITS = /^\d{12,13}$/;
const SECONDS_DIGITS = /^\d{9,10}$/;

export type WdtTimeForm = 'text' | 'ms' | 'seconds';

/** A time in any form WDT sends → unix ms and its form; undefined when it is none of them. */
export function readWdtTime(value: unknown): { ms: number; form: WdtTimeForm } | undefined {
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value <= 0) return undefined;
		return readWdtTime(String(Math.trunc(value)));
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (MS_DIGITS.test(text)) return { ms: Number(text), form: 'ms' };
	if (SECONDS_DIGITS.test(text)) return { ms: Number(text) * 1000, form: 'seconds' };
	const dateOnly = DATE_ONLY_PATTERN.exec(text);
	const ms = parseWdtTime(dateOnly ? `${dateOnly[1]} 00:00:00` : text);
	return ms === undefined ? undefined : { ms, form: 'text' };
}

/**
 * A time in any form WDT sends → `yyyy-MM-dd HH:mm:ss` CST (whole seconds), the one form the
 * trigger's cursor compares and remembers; undefined when it is not a time.
 */
export function wdtTimeText(value: unknown): string | undefined {
	const read = readWdtTime(value);
	if (!read) return undefined;
	return read.form === 'text' && !DATE_ONLY_PATTERN.test(String(value).trim())
		? String(value).trim().replace('T', ' ')
		: toWdtTime(read.ms);
}

/**
 * Output times: the field stays as WDT sent it (text, ms or seconds, number or string), and the
 * same instant is added as ISO 8601 with its +08:00 offset in a sibling field named
 * `<field>_iso` (e.g. `modified` → `modified_iso`), so that a sheet or an n8n date expression
 * in any timezone reads the right instant, whatever form WDT used. Whole seconds; a millisecond
 * value with a fraction keeps it (`.123`). A value that is not a time gets no `_iso`.
 */
export const ISO_TIME_SUFFIX = '_iso';

/**
 * A WDT time in any form → ISO 8601 in +08:00: `2025-05-09 11:04:07` →
 * `2025-05-09T11:04:07+08:00`, 1686712380000 → `2023-06-14T11:13:00+08:00`; undefined when not a
 * time.
 */
export function wdtTimeToIso(value: unknown): string | undefined {
	const read = readWdtTime(value);
	if (!read) return undefined;
	const fraction = read.ms % 1000;
	const base = toWdtTime(read.ms).replace(' ', 'T');
	return `${base}${fraction ? `.${String(fraction).padStart(3, '0')}` : ''}+08:00`;
}

/**
 * WDT's names of times: `modified`, `created`, `…_time`, `…_date`, `…_modified`, `…_created`
 * (goods_modified, spec_modified: milliseconds in their page's example). The one rule every read
 * uses to tell which fields get an `_iso` sibling.
 */
export const isWdtTimeName = (name: string): boolean =>
	/^(modified|created)$|_(time|date|modified|created)$/.test(name);

/**
 * Adds `<field>_iso` after each field named as a WDT time (isWdtTimeName) that holds one; empty
 * or non-time values (e.g. an unset expected_time) get no sibling. Other fields keep their order
 * and values.
 */
export function withIsoTimes<T extends Record<string, unknown>>(record: T): T {
	const out: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(record)) {
		out[name] = value;
		if (!isWdtTimeName(name) || name.endsWith(ISO_TIME_SUFFIX)) continue;
		const iso = wdtTimeToIso(value);
		if (iso !== undefined) out[`${name}${ISO_TIME_SUFFIX}`] = iso;
	}
	return out as T;
}
