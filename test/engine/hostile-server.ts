/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:fs, no process, …) are for node code. */
/**
 * A misbehaving HTTP server on 127.0.0.1 for the transport's tests: it stays silent, trickles a
 * byte at a time, echoes the request URL (with the signed query) into its replies, or answers
 * whatever a test wants. Every request is recorded. Not a WDT: the simulator is that.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
	path: string;
	query: Record<string, string>;
	/** The raw request target, query included (what an echoing server repeats). */
	target: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export type Behaviour =
	/** Reads the request and never answers. */
	| { kind: 'silent' }
	/** Sends headers, then one byte every `everyMs`, forever. */
	| { kind: 'trickle'; everyMs: number }
	/** Answers with this status and body (an object is sent as JSON). */
	| { kind: 'reply'; status?: number; body: unknown; contentType?: string };

export interface HostileServer {
	/** http://127.0.0.1:<port>/openapi */
	url: string;
	/** http://127.0.0.1:<port> */
	origin: string;
	requests: SeenRequest[];
	/** Decides each following request's fate (the request and its 0-based number are given). */
	behave(decide: (request: SeenRequest, index: number) => Behaviour): void;
	close(): Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
	const requests: SeenRequest[] = [];
	let decide: (request: SeenRequest, index: number) => Behaviour = () => ({
		kind: 'reply',
		body: { status: 0, data: { now: 1 } },
	});
	const timers = new Set<NodeJS.Timeout>();

	const answer = (res: ServerResponse, behaviour: Behaviour) => {
		if (behaviour.kind === 'silent') return;
		if (behaviour.kind === 'trickle') {
			res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
			res.write('{');
			const timer = setInterval(() => res.write(' '), behaviour.everyMs);
			timers.add(timer);
			res.on('close', () => {
				clearInterval(timer);
				timers.delete(timer);
			});
			return;
		}
		const { status = 200, body, contentType } = behaviour;
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		res.writeHead(status, {
			'Content-Type':
				contentType ??
				(typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8'),
		});
		res.end(text);
	};

	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const seen: SeenRequest = {
				path: url.pathname,
				query: Object.fromEntries(url.searchParams.entries()),
				target: req.url ?? '/',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(seen);
			answer(res, decide(seen, requests.length - 1));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		url: `${origin}/openapi`,
		origin,
		requests,
		behave(next) {
			decide = next;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				for (const timer of timers) clearInterval(timer);
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}

/** A port on 127.0.0.1 where nothing listens (bound once, then released). */
export async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}
