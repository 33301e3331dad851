/**
 * China Standard Time (UTC+8, no DST) helpers for the simulator.
 *
 * WDT reads and writes every date as a zone-less `yyyy-MM-dd HH:mm:ss` string in Beijing time,
 * and its `timestamp` parameter counts seconds since 2012-01-01 00:00:00 UTC.
 * Written here on purpose instead of imported from the node package: the simulator must not
 * share code with the client it tests.
 */

/** 2012-01-01 00:00:00 UTC in unix seconds; WDT timestamps are counted from here. */
export const WDT_EPOCH_SECONDS = 1325347200;

const CST_OFFSET_MS = 8 * 3600 * 1000;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Unix ms → WDT timestamp (whole seconds since 2012-01-01 UTC). */
export function toWdtTimestamp(unixMs: number): number {
	return Math.floor(unixMs / 1000) - WDT_EPOCH_SECONDS;
}

/** Unix ms → `yyyy-MM-dd HH:mm:ss` in CST (fractions of a second are dropped). */
export function formatCst(unixMs: number): string {
	const d = new Date(unixMs + CST_OFFSET_MS);
	return (
		`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
		`${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
	);
}

/** Unix ms → `yyyyMMdd` of the CST calendar day (used in generated document numbers). */
export function formatCstDay(unixMs: number): string {
	return formatCst(unixMs).slice(0, 10).replace(/-/g, '');
}

/** Builds unix ms from CST fields, or undefined when a field is out of range (no roll-over). */
function fromCstFields(
	year: number,
	month: number,
	day: number,
	hour: number,
	minute: number,
	second: number,
): number | undefined {
	const ms = Date.UTC(year, month - 1, day, hour, minute, second) - CST_OFFSET_MS;
	const check = new Date(ms + CST_OFFSET_MS);
	const sameFields =
		check.getUTCFullYear() === year &&
		check.getUTCMonth() === month - 1 &&
		check.getUTCDate() === day &&
		check.getUTCHours() === hour &&
		check.getUTCMinutes() === minute &&
		check.getUTCSeconds() === second;
	return sameFields ? ms : undefined;
}

/**
 * `yyyy-MM-dd HH:mm:ss` (CST) → unix ms; undefined when it does not parse.
 * One-digit month/day/time fields are accepted, as Java's SimpleDateFormat does.
 */
export function parseCst(text: string): number | undefined {
	const match = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})$/.exec(text);
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	return fromCstFields(year, month, day, hour, minute, second);
}

/** Like parseCst, but also accepts a bare date `yyyy-MM-dd` (midnight CST). */
export function parseCstDateOrDateTime(text: string): number | undefined {
	const dateOnly = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
	if (dateOnly) {
		const [year, month, day] = dateOnly.slice(1).map(Number);
		return fromCstFields(year, month, day, 0, 0, 0);
	}
	return parseCst(text);
}
