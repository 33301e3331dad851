/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';

import { clientSign } from './client';
import { WDT_EPOCH_SECONDS } from './cst';
import { startSimulator, type WdtSimulator } from './server';
import { expectedSign, isValidSign } from './signature';

interface SignVector {
	name: string;
	secret: string;
	salt: string;
	params: Record<string, string>;
	sign: string;
}

// The committed copy of the shared reference's sign vectors (test/unit/catalog.test.ts checks it
// against the reference when that is present).
const vectors = (
	JSON.parse(readFileSync(join(__dirname, '../fixtures/wdt-docs/sign-vectors.json'), 'utf8')) as {
		cases: SignVector[];
	}
).cases;

describe('signature vectors', () => {
	it('has the five published cases', () => {
		expect(vectors).toHaveLength(5);
	});

	it.each(vectors.map((v) => [v.name, v] as const))(
		'server verifier accepts: %s',
		(_name, vector) => {
			expect(expectedSign(vector.params, vector.secret)).toBe(vector.sign);
			expect(isValidSign(vector.params, vector.secret, vector.sign)).toBe(true);
			expect(isValidSign(vector.params, vector.secret, vector.sign.toUpperCase())).toBe(false);
			expect(
				isValidSign(
					{ ...vector.params, body: `${vector.params.body} ` },
					vector.secret,
					vector.sign,
				),
			).toBe(false);
			expect(isValidSign(vector.params, `${vector.secret}x`, vector.sign)).toBe(false);
		},
	);

	it.each(vectors.map((v) => [v.name, v] as const))(
		'test client signer agrees: %s',
		(_name, vector) => {
			expect(clientSign(vector.params, vector.secret)).toBe(vector.sign);
		},
	);

	it('ignores a sign parameter inside the signed set', () => {
		const vector = vectors[0];
		expect(expectedSign({ ...vector.params, sign: 'whatever' }, vector.secret)).toBe(vector.sign);
	});

	describe('over HTTP, with the exact published query and body', () => {
		let sim: WdtSimulator | undefined;
		afterEach(async () => {
			await sim?.close();
			sim = undefined;
		});

		it.each(vectors.map((v) => [v.name, v] as const))(
			'passes the signature check: %s',
			async (_name, vector) => {
				const { body, ...query } = vector.params;
				sim = await startSimulator({
					seed: 'empty',
					sellers: [{ sid: query.sid, key: query.key, secret: vector.secret, salt: vector.salt }],
					now: (Number(query.timestamp) + WDT_EPOCH_SECONDS) * 1000,
					freezeClock: true,
				});
				const search = new URLSearchParams({ ...query, sign: vector.sign });
				const response = await request(`${sim.url}?${search.toString()}`, {
					method: 'POST',
					body,
					headers: { 'content-type': 'application/json' },
				});
				const reply = (await response.body.json()) as { status: number; message?: string };
				// weighingExt is not simulated: reaching "接口不存在" proves the sign and timestamp passed.
				if (query.method === 'wms.stockout.Sales.weighingExt') {
					expect(reply).toEqual({
						status: 100,
						message: '接口不存在:wms.stockout.Sales.weighingExt',
					});
				} else {
					expect(reply.status, JSON.stringify(reply)).toBe(0);
				}

				const tampered = new URLSearchParams({
					...query,
					sign: vector.sign.replace(/^./, (c) => (c === '0' ? '1' : '0')),
				});
				const rejected = await request(`${sim.url}?${tampered.toString()}`, {
					method: 'POST',
					body,
				});
				expect(await rejected.body.json()).toEqual({ status: 1, message: '验证失败' });
			},
		);
	});
});
