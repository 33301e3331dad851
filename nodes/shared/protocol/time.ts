/**
 * WDT speaks China Standard Time (UTC+8, no daylight saving since 1991) as
 * `yyyy-MM-dd HH:mm:ss`. Fixed-offset arithmetic keeps these helpers independent of the
 * timezone n8n or the host runs in.
 */

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
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

const LOCAL_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

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

/**
 * Reads a date a user gave n8n: a Date, a Luxon DateTime, unix ms, an ISO string with an
 * offset, or n8n's date-picker format without one (which means wall time in the workflow's
 * timezone). Returns unix ms, or undefined when the value is not a date.
 */
export function parseUserDateTime(value: unknown, timeZone: string): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toMillis?: unknown }).toMillis === 'function'
	) {
		const ms = (value as { toMillis: () => number }).toMillis();
		return Number.isFinite(ms) ? ms : undefined;
	}
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim();
	const local = LOCAL_DATE_TIME.exec(text);
	if (!local) {
		const ms = Date.parse(text);
		return Number.isNaN(ms) ? undefined : ms;
	}
	const [year, month, day, hour = 0, minute = 0, second = 0] = local
		.slice(1, 7)
		.map((part) => Number(part ?? 0));
	const millis = Number((local[7] ?? '0').padEnd(3, '0'));
	const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
	if (Number.isNaN(wallAsUtc)) return undefined;
	// Two passes settle the offset also next to a daylight-saving change.
	let guess = wallAsUtc - zoneOffsetMs(timeZone, wallAsUtc);
	guess = wallAsUtc - zoneOffsetMs(timeZone, guess);
	return guess;
}

/**
 * Output times: WDT's zone-less China Standard Time string stays as WDT sent it, and the same
 * instant is added as ISO 8601 with its +08:00 offset in a sibling field named
 * `<field>_iso` (e.g. `modified` → `modified_iso`), so that a sheet or an n8n date expression
 * in any timezone reads the right instant.
 */
export const ISO_TIME_SUFFIX = '_iso';

/** `2025-05-09 11:04:07` (CST) → `2025-05-09T11:04:07+08:00`; undefined when not a WDT time. */
export function wdtTimeToIso(text: unknown): string | undefined {
	if (typeof text !== 'string' || parseWdtTime(text) === undefined) return undefined;
	return `${text.trim().replace(' ', 'T')}+08:00`;
}

/**
 * Adds `<field>_iso` after each named field that holds a WDT time; empty or non-time values
 * (e.g. an unset expected_time) get no sibling. Other fields keep their order and values.
 */
export function withIsoTimes<T extends Record<string, unknown>>(
	record: T,
	fields: readonly string[],
): T {
	const out: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(record)) {
		out[name] = value;
		if (!fields.includes(name) || name.endsWith(ISO_TIME_SUFFIX)) continue;
		const iso = wdtTimeToIso(value);
		if (iso !== undefined) out[`${name}${ISO_TIME_SUFFIX}`] = iso;
	}
	return out as T;
}
