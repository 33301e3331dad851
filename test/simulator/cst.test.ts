import { describe, expect, it } from 'vitest';

import { formatCst, formatCstDay, parseCst, parseCstDateOrDateTime, toWdtTimestamp } from './cst';

describe('CST helpers', () => {
	it('formats unix ms as Beijing time without DST', () => {
		expect(formatCst(Date.UTC(2024, 10, 22, 2, 3, 4, 999))).toBe('2024-11-22 10:03:04');
		expect(formatCst(Date.UTC(2024, 6, 1, 16, 0, 0))).toBe('2024-07-02 00:00:00');
		expect(formatCstDay(Date.UTC(2024, 10, 21, 16, 0, 0))).toBe('20241122');
	});

	it('parses what it formats, and rejects anything else', () => {
		const ms = Date.UTC(2022, 6, 19, 2, 42, 56);
		expect(parseCst('2022-07-19 10:42:56')).toBe(ms);
		expect(parseCst(formatCst(ms))).toBe(ms);
		expect(parseCst('2022-7-9 1:2:3')).toBe(Date.UTC(2022, 6, 8, 17, 2, 3));
		for (const bad of [
			'2023/02/06 17:59:19',
			'2022-07-19',
			'2022-13-01 00:00:00',
			'2022-02-30 00:00:00',
			'2022-07-19T10:42:56',
			'x',
		]) {
			expect(parseCst(bad), bad).toBeUndefined();
		}
		expect(parseCstDateOrDateTime('2022-01-01')).toBe(Date.UTC(2021, 11, 31, 16));
	});

	it('counts WDT timestamps from 2012-01-01 UTC', () => {
		expect(toWdtTimestamp(1325347200_000)).toBe(0);
		expect(toWdtTimestamp((1325347200 + 454601645) * 1000 + 999)).toBe(454601645);
	});
});
