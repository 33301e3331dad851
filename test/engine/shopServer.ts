/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:http, …) are for node code. */
/** A local stand-in for the user's shop API, for the examples that send to "my shop". */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export interface ShopRequest {
	method: string;
	url: string;
	body: IDataObject;
}
/** What the shop does with one upload: answers with a status and a JSON body, or drops the connection. */
export type ShopAnswer = { status: number; body: IDataObject } | 'drop';

/** A local stand-in for the user's shop API: records each upload and answers as told. */
export function useShop() {
	const shop = {
		url: '',
		requests: [] as ShopRequest[],
		answer: (_body: IDataObject): ShopAnswer => ({ status: 200, body: { ok: true } }),
	};
	let server: Server;
	const readBody = async (request: IncomingMessage) => {
		let text = '';
		for await (const chunk of request) text += String(chunk);
		return JSON.parse(text || '{}') as IDataObject;
	};
	beforeAll(async () => {
		server = createServer(async (request, response) => {
			const body = await readBody(request);
			shop.requests.push({ method: request.method ?? '', url: request.url ?? '', body });
			const answer = shop.answer(body);
			if (answer === 'drop') {
				request.socket.destroy();
				return;
			}
			response.writeHead(answer.status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(answer.body));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		shop.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise((resolve) => server.close(resolve)));
	beforeEach(() => {
		shop.requests.length = 0;
		shop.answer = () => ({ status: 200, body: { ok: true } });
	});
	return shop;
}
