import type { IHttpRequestOptions } from 'n8n-workflow';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { WdtApi } from '../../credentials/WdtApi.credentials';
import { credentialProblem, toWdtTime } from '../../nodes/shared/protocol';
import { DEFAULT_SELLER } from '../simulator';
import { startRig, type Rig } from './rig';

let rig: Rig;
beforeAll(async () => {
	rig = await startRig();
});
afterAll(async () => await rig.close());
beforeEach(() => {
	rig.sim.clearRequests();
	rig.sim.faults.clear();
	rig.sim.clock.useRealTime();
	const seller = rig.sim.sellers.get(DEFAULT_SELLER.sid)!;
	delete seller.ipWhitelist;
	delete seller.grantedMethods;
});

const test = async (overrides: Record<string, string> = {}) =>
	await rig.engine.testCredential('wdtApi', { ...rig.credentials.wdtApi, ...overrides });

describe("Test credential, through n8n's credential-test path against the simulator", () => {
	it('succeeds for correct credentials and signs the call', async () => {
		expect(await test()).toEqual({ status: 'OK', message: expect.any(String) });
		const [call] = rig.sim.requestsFor('system.Core.now');
		expect(call.status).toBe(0);
		expect(call.hasSign).toBe(true);
	});

	it('accepts the whole appsecret "secret:salt" pasted into Secret', async () => {
		expect(
			(await test({ secret: `${DEFAULT_SELLER.secret}:${DEFAULT_SELLER.salt}`, salt: '' })).status,
		).toBe('OK');
	});

	it.each([
		['a wrong secret', { secret: 'not-the-secret' }, 'wrongKeyOrSecret'],
		['a wrong salt', { salt: 'not-the-salt' }, 'wrongKeyOrSecret'],
		['a wrong key', { key: 'someone-else' }, 'wrongKeyOrSecret'],
		['a wrong sid', { sid: 'no-such-seller' }, 'wrongSidOrEnvironment'],
	] as const)('explains %s in plain words', async (_what, overrides, kind) => {
		expect(await test(overrides)).toEqual({ status: 'Error', message: credentialProblem(kind) });
	});

	it('explains clock skew', async () => {
		rig.sim.clock.advance(10 * 60_000);
		const result = await test();
		expect(result).toEqual({ status: 'Error', message: credentialProblem('clockSkew') });
		expect(result.message).toMatch(/more than 120 seconds/);
	});

	it('explains an IP whitelist', async () => {
		rig.sim.sellers.get(DEFAULT_SELLER.sid)!.ipWhitelist = ['203.0.113.7'];
		expect(await test()).toEqual({ status: 'Error', message: credentialProblem('ipWhitelist') });
	});

	it('explains a rate limit', async () => {
		rig.sim.faults.next('rateLimit', 1);
		expect(await test()).toEqual({ status: 'Error', message: credentialProblem('rateLimit') });
	});

	it('explains a method that is not granted', async () => {
		rig.sim.sellers.get(DEFAULT_SELLER.sid)!.grantedMethods = ['purchase.PurchaseApply.upload'];
		expect(await test()).toEqual({
			status: 'Error',
			message: credentialProblem('methodNotGranted'),
		});
	});
});

describe("authenticate signs requests built the way n8n's HTTP Request node builds them", () => {
	it('an absolute URL, an object body and a pager in the query', async () => {
		const base = rig.sim.clock.now() - 30 * 60_000;
		rig.sim.addStockout({ modifiedMs: base });
		const asHttpRequestNode: IHttpRequestOptions = {
			method: 'POST',
			url: rig.sim.url,
			qs: { method: 'wms.stockout.Sales.searchCancel', page_size: 100, page_no: 0, calc_total: 1 },
			body: [{ start_time: toWdtTime(base - 1000), end_time: toWdtTime(base + 1000) }],
			json: true,
		};
		const signed = await new WdtApi().authenticate(rig.credentials.wdtApi, asHttpRequestNode);
		const url = new URL(signed.url);
		for (const [name, value] of Object.entries(signed.qs ?? {}))
			url.searchParams.set(name, String(value));
		const reply = await request(url, {
			method: 'POST',
			body: signed.body as string,
			headers: signed.headers as Record<string, string>,
		});
		const json = (await reply.body.json()) as {
			status: number;
			data: { order_list: unknown[]; total_count: number };
		};
		expect(json.status).toBe(0);
		expect(json.data.total_count).toBe(1);
	});
});
