import { request } from 'undici';
import { beforeEach, describe, expect, it } from 'vitest';

import { clientSign } from './client';
import { DEFAULT_SELLER } from './sellers';
import { NOW, startRig, useRig } from './testkit';

const SEARCH_CANCEL = 'wms.stockout.Sales.searchCancel';
const window = [{ start_time: '2024-11-22 09:00:00', end_time: '2024-11-22 10:00:00' }];
const pager = { pageNo: 0, pageSize: 20 };

const rig = useRig();
beforeEach(() => {
	rig.sim.clearRequests();
	rig.sim.clock.set(NOW);
});

describe('request checks, in order', () => {
	it('accepts a well-formed call', async () => {
		const { json, httpStatus, headers } = await rig.client.call({ method: 'system.Core.now' });
		expect(httpStatus).toBe(200);
		expect(headers['content-type']).toBe('application/json; charset=utf-8');
		expect(json).toEqual({ status: 0, data: { now: Math.floor(NOW / 1000) - 1325347200 } });
	});

	it.each(['sid', 'key', 'salt', 'method', 'v', 'timestamp'])(
		'1. missing %s → 1 参数错误',
		async (name) => {
			const { json } = await rig.client.call({
				method: 'system.Core.now',
				params: { [name]: undefined },
			});
			expect(json).toEqual({ status: 1, message: '参数错误' });
		},
	);

	it('1. missing sign → 1 参数错误', async () => {
		const { json } = await rig.client.call({ method: 'system.Core.now', sign: '' });
		expect(json).toEqual({ status: 1, message: '参数错误' });
	});

	it('2. unknown sid → sid is not exists', async () => {
		const { json } = await rig.client.call({
			method: 'system.Core.now',
			credentials: { sid: 'nobody' },
		});
		expect(json).toEqual({ status: 1, message: 'sid is not exists' });
	});

	it('3. key not registered for the sid → app auth fail', async () => {
		const { json } = await rig.client.call({
			method: 'system.Core.now',
			credentials: { key: 'other' },
		});
		expect(json).toEqual({ status: 1, message: 'app auth fail' });
	});

	it('4. wrong secret, wrong salt or a changed body → 验证失败', async () => {
		const wrongSecret = await rig.client.call({
			method: 'system.Core.now',
			credentials: { secret: 'nope' },
		});
		expect(wrongSecret.json).toEqual({ status: 1, message: '验证失败' });
		const wrongSalt = await rig.client.call({
			method: 'system.Core.now',
			credentials: { salt: 'nope' },
		});
		expect(wrongSalt.json).toEqual({ status: 1, message: '验证失败' });
		const badSign = await rig.client.call({ method: 'system.Core.now', sign: '0'.repeat(32) });
		expect(badSign.json).toEqual({ status: 1, message: '验证失败' });
	});

	it('4. the sign covers the exact body bytes and every query parameter', async () => {
		const timestamp = String(Math.floor(NOW / 1000) - 1325347200);
		const query = {
			sid: 'wdtapi3',
			key: 'wdt_test',
			salt: 'testsalt',
			method: 'system.Core.now',
			v: '1.0',
			timestamp,
		};
		const sign = clientSign({ ...query, body: '[]' }, DEFAULT_SELLER.secret);
		const post = async (extra: Record<string, string>, body: string) => {
			const search = new URLSearchParams({ ...query, ...extra, sign });
			const response = await request(`${rig.sim.url}?${search.toString()}`, {
				method: 'POST',
				body,
			});
			return response.body.json();
		};
		expect(await post({}, '[]')).toMatchObject({ status: 0 });
		expect(await post({}, '[ ]')).toEqual({ status: 1, message: '验证失败' });
		expect(await post({ extra: '1' }, '[]')).toEqual({ status: 1, message: '验证失败' });
	});

	it('5. v other than 1.0 → 8 版本错误', async () => {
		const { json } = await rig.client.call({ method: 'system.Core.now', params: { v: '2.0' } });
		expect(json).toEqual({ status: 8, message: '版本错误' });
	});

	it('6. a timestamp that is not an int → 1 For input string', async () => {
		const ms = await rig.client.call({ method: 'system.Core.now', timestamp: '1665947116495' });
		expect(ms.json).toEqual({ status: 1, message: 'For input string: "1665947116495"' });
		const text = await rig.client.call({ method: 'system.Core.now', timestamp: '12.5' });
		expect(text.json).toEqual({ status: 1, message: 'For input string: "12.5"' });
	});

	it('6. timestamp more than 120 s off the simulated clock → 7 时间戳错误', async () => {
		const now = Math.floor(NOW / 1000) - 1325347200;
		for (const skew of [-120, 120]) {
			const { json } = await rig.client.call({ method: 'system.Core.now', timestamp: now + skew });
			expect(json?.status, `skew ${skew}`).toBe(0);
		}
		for (const skew of [-121, 121]) {
			const { json } = await rig.client.call({ method: 'system.Core.now', timestamp: now + skew });
			expect(json, `skew ${skew}`).toEqual({ status: 7, message: '时间戳错误' });
		}
		// A client on real time is rejected once the simulated clock is moved away.
		rig.sim.clock.advance(10 * 60_000);
		const { json } = await rig.client.call({ method: 'system.Core.now', timestamp: now });
		expect(json).toEqual({ status: 7, message: '时间戳错误' });
	});

	it('7. IP whitelist → 6 ip限制 unless the client address is listed', async () => {
		const seller = rig.sim.sellers.get('wdtapi3')!;
		try {
			seller.ipWhitelist = ['10.1.2.3'];
			expect((await rig.client.call({ method: 'system.Core.now' })).json).toEqual({
				status: 6,
				message: 'ip限制',
			});
			seller.ipWhitelist = ['10.1.2.3', '127.0.0.1'];
			expect((await rig.client.call({ method: 'system.Core.now' })).json?.status).toBe(0);
		} finally {
			seller.ipWhitelist = undefined;
		}
		expect(rig.sim.requests[0].clientAddress).toBe('127.0.0.1');
	});

	it('8. a body that is not a JSON array → 1 参数错误', async () => {
		for (const body of ['{"a":1}', 'not json', '', '"x"']) {
			const { json } = await rig.client.call({ method: 'system.Core.now', body });
			expect(json, body).toEqual({ status: 1, message: '参数错误' });
		}
	});

	it('9. unknown method → 100 接口不存在; method not granted → 100 权限不足', async () => {
		// A write without a hand-written handler (documented reads have the generic fallback).
		const unknown = await rig.client.call({
			method: 'sales.TradeEdit.modifyRemark',
			args: [{}],
		});
		expect(unknown.json).toEqual({
			status: 100,
			message: '接口不存在:sales.TradeEdit.modifyRemark',
		});
		const seller = rig.sim.sellers.get('wdtapi3')!;
		try {
			seller.grantedMethods = ['system.Core.now'];
			const denied = await rig.client.call({ method: SEARCH_CANCEL, args: window, pager });
			expect(denied.json).toEqual({ status: 100, message: '权限不足' });
			expect((await rig.client.call({ method: 'system.Core.now' })).json?.status).toBe(0);
		} finally {
			seller.grantedMethods = undefined;
		}
	});

	it('10. paged method without page_size or page_no → 此方法仅支持分页查询', async () => {
		const expected = { status: 100, message: `此方法仅支持分页查询：${SEARCH_CANCEL}` };
		expect((await rig.client.call({ method: SEARCH_CANCEL, args: window })).json).toEqual(expected);
		const noPageNo = await rig.client.call({
			method: SEARCH_CANCEL,
			args: window,
			pager,
			params: { page_no: undefined },
		});
		expect(noPageNo.json).toEqual(expected);
		const noSize = await rig.client.call({
			method: SEARCH_CANCEL,
			args: window,
			pager,
			params: { page_size: undefined },
		});
		expect(noSize.json).toEqual(expected);
	});

	it('10. page_size outside 1..100 → page_size超出范围(1-100)', async () => {
		const expected = { status: 100, message: 'page_size超出范围(1-100)' };
		for (const pageSize of [0, 101, 1000]) {
			const { json } = await rig.client.call({
				method: SEARCH_CANCEL,
				args: window,
				pager: { pageNo: 0, pageSize },
			});
			expect(json, String(pageSize)).toEqual(expected);
		}
		for (const pageSize of [1, 100]) {
			const { json } = await rig.client.call({
				method: SEARCH_CANCEL,
				args: window,
				pager: { pageNo: 0, pageSize },
			});
			expect(json?.status, String(pageSize)).toBe(0);
		}
	});

	it('checks run in order: a bad sign wins over a bad version, a bad version over the timestamp', async () => {
		const both = await rig.client.call({
			method: 'system.Core.now',
			params: { v: '2' },
			sign: 'f'.repeat(32),
		});
		expect(both.json?.message).toBe('验证失败');
		const versionAndTime = await rig.client.call({
			method: 'system.Core.now',
			params: { v: '2' },
			timestamp: 1,
		});
		expect(versionAndTime.json?.message).toBe('版本错误');
	});

	it('a wrong argument count is answered by the method layer', async () => {
		const { json } = await rig.client.call({ method: SEARCH_CANCEL, args: [], pager });
		expect(json).toEqual({ status: 1, message: 'invalid argument count' });
	});
});

describe('HTTP details', () => {
	it('sets the Date header from the simulated clock', async () => {
		rig.sim.clock.set(Date.parse('2030-01-02T03:04:05Z'));
		const { headers, json } = await rig.client.call({ method: 'system.Core.now' });
		expect(headers.date).toBe('Wed, 02 Jan 2030 03:04:05 GMT');
		expect(json?.data.now).toBe(Math.floor(Date.parse('2030-01-02T03:04:05Z') / 1000) - 1325347200);
	});

	it('answers 404 outside /openapi', async () => {
		const response = await request(`${rig.sim.baseUrl}/other`, { method: 'POST', body: '[]' });
		expect(response.statusCode).toBe(404);
		await response.body.text();
		expect(rig.sim.requests.at(-1)?.status).toBe('notFound');
	});

	it('logs requests without the sign or salt', async () => {
		await rig.client.call({
			method: SEARCH_CANCEL,
			args: window,
			pager: { pageNo: 2, pageSize: 7, calcTotal: true },
		});
		await rig.client.call({ method: 'system.Core.now', credentials: { secret: 'nope' } });
		const [search, bad] = rig.sim.requests;
		expect(search).toMatchObject({
			seq: 1,
			at: NOW,
			method: SEARCH_CANCEL,
			sid: 'wdtapi3',
			hasSign: true,
			hasSalt: true,
			args: window,
			bodyText: JSON.stringify(window),
			status: 0,
			httpStatus: 200,
			pageNo: 2,
			pageSize: 7,
			calcTotal: true,
			reachedMethod: true,
		});
		expect(search.query).not.toHaveProperty('sign');
		expect(search.query).not.toHaveProperty('salt');
		expect(JSON.stringify(rig.sim.requests)).not.toContain('testsalt');
		expect(bad).toMatchObject({ status: 1, message: '验证失败', reachedMethod: false });
		expect(rig.sim.requestsFor(SEARCH_CANCEL)).toEqual([search]);
	});

	it('reports every sign it sees to onSignSeen', async () => {
		const seen: string[] = [];
		const other = await startRig({ onSignSeen: (sign) => seen.push(sign) });
		try {
			await other.client.call({ method: 'system.Core.now' });
			expect(seen).toHaveLength(1);
			expect(seen[0]).toMatch(/^[0-9a-f]{32}$/);
		} finally {
			await other.close();
		}
	});
});
