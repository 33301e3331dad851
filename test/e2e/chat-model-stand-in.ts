/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:http, no process, …) are for node code. */
/**
 * A scripted stand-in for OpenAI's Chat Completions API on 127.0.0.1, for n8n's OpenAI Chat Model
 * node (typeVersion 1.2, or 1.3 with "Use Responses API" off) with its credential's Base URL set to
 * `standIn.url`. n8n's node uses LangChain's ChatOpenAI, which POSTs to `<Base URL>/chat/completions`
 * with `messages` and, when the AI Agent has tools, `tools: [{ type: 'function', function: { name,
 * description, parameters } }]`. The stand-in answers each request with the next scripted turn:
 * tool calls (`finish_reason: 'tool_calls'`) or a final message (`'stop'`), streamed (SSE) when the
 * request says `stream: true`. It records every request body, so a test sees what n8n sent.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedToolCall {
	/** The tool's name as n8n sent it in `tools[].function.name`. */
	name: string;
	arguments: Record<string, unknown>;
}
/** One model reply: tool calls, or the final answer. */
export type ScriptedTurn = { toolCalls: ScriptedToolCall[] } | { content: string };

export interface ChatToolSpec {
	type: string;
	function: { name: string; description?: string; parameters?: Record<string, any> };
}
export interface ChatMessage {
	role: string;
	content?: unknown;
	tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}
export interface RecordedChatRequest {
	path: string;
	body: {
		model?: string;
		messages?: ChatMessage[];
		tools?: ChatToolSpec[];
		stream?: boolean;
		[key: string]: unknown;
	};
}

export interface ChatModelStandIn {
	/** The Base URL for n8n's OpenAI credential, e.g. http://127.0.0.1:41234/v1. */
	url: string;
	requests: RecordedChatRequest[];
	/** Replaces the script: each chat request takes the next turn. */
	script(turns: ScriptedTurn[]): void;
	/** Turns not yet taken. */
	remaining(): number;
	close(): Promise<void>;
}

const MODEL = 'gpt-4o-mini';

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function send(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

export async function startChatModelStandIn(): Promise<ChatModelStandIn> {
	const requests: RecordedChatRequest[] = [];
	let turns: ScriptedTurn[] = [];
	let replies = 0;

	const server: Server = createServer(async (req, res) => {
		const path = (req.url ?? '').split('?')[0];
		const text = await readBody(req);
		if (req.method === 'GET' && path.endsWith('/models')) {
			send(res, 200, {
				object: 'list',
				data: [{ id: MODEL, object: 'model', owned_by: 'stand-in' }],
			});
			return;
		}
		if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
			send(res, 404, {
				error: { message: `stand-in: no ${req.method} ${path}`, type: 'invalid_request_error' },
			});
			return;
		}
		const body = JSON.parse(text || '{}') as RecordedChatRequest['body'];
		requests.push({ path, body });
		const turn = turns.shift();
		if (!turn) {
			// 400, not 5xx: LangChain would retry a 5xx.
			send(res, 400, {
				error: { message: 'stand-in: no scripted turn left', type: 'invalid_request_error' },
			});
			return;
		}
		replies++;
		const id = `chatcmpl-standin-${replies}`;
		const created = Math.floor(Date.now() / 1000);
		const toolCalls =
			'toolCalls' in turn
				? turn.toolCalls.map((call, index) => ({
						index,
						id: `call_standin_${replies}_${index}`,
						type: 'function',
						function: { name: call.name, arguments: JSON.stringify(call.arguments) },
					}))
				: undefined;
		const content = 'content' in turn ? turn.content : null;
		const finish_reason = toolCalls ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 };

		if (body.stream) {
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
			const chunk = (choice: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
				res.write(
					`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: MODEL, choices: [choice], ...extra })}\n\n`,
				);
			chunk({
				index: 0,
				delta: {
					role: 'assistant',
					content: content ?? null,
					...(toolCalls ? { tool_calls: toolCalls } : {}),
				},
				finish_reason: null,
			});
			chunk({ index: 0, delta: {}, finish_reason });
			const options = body.stream_options as { include_usage?: boolean } | undefined;
			if (options?.include_usage)
				res.write(
					`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: MODEL, choices: [], usage })}\n\n`,
				);
			res.end('data: [DONE]\n\n');
			return;
		}
		send(res, 200, {
			id,
			object: 'chat.completion',
			created,
			model: MODEL,
			choices: [
				{
					index: 0,
					message: {
						role: 'assistant',
						content,
						...(toolCalls
							? { tool_calls: toolCalls.map(({ index: _index, ...call }) => call) }
							: {}),
					},
					logprobs: null,
					finish_reason,
				},
			],
			usage,
		});
	});

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		script(next) {
			turns = [...next];
		},
		remaining: () => turns.length,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** The text of a message's content (a string, or OpenAI's content parts). */
export function messageText(message: ChatMessage): string {
	const { content } = message;
	if (typeof content === 'string') return content;
	if (Array.isArray(content))
		return content
			.map((part) => (typeof part === 'string' ? part : String(part?.text ?? '')))
			.join('');
	return '';
}
