import { WDT_EPOCH_OFFSET_SECONDS } from './sign';
import { parseWdtTime } from './time';

/** Reads system.Core.now's data: WDT seconds, unix seconds or ms, or a CST time string. */
export function parseServerNow(data: unknown): number | undefined {
	const value =
		data && typeof data === 'object' && !Array.isArray(data)
			? (data as { now?: unknown }).now
			: data;
	if (typeof value === 'string') {
		const asTime = parseWdtTime(value);
		if (asTime !== undefined) return asTime;
		if (!/^\d+$/.test(value.trim())) return undefined;
	}
	const number = Number(value);
	if (!Number.isFinite(number) || number <= 0) return undefined;
	if (number < 1e9) return (number + WDT_EPOCH_OFFSET_SECONDS) * 1000; // WDT timestamp: seconds since 2012-01-01
	if (number < 1e11) return number * 1000;
	return number;
}
