/* eslint-disable -- test code, never shipped: the community-node lint rules (no node:http, no process, …) are for node code. */
/**
 * A scripted stand-in for OpenAI on 127.0.0.1, for n8n's OpenAI Chat Model node with its
 * credential's Base URL set to `standIn.url`. The node uses LangChain's ChatOpenAI:
 * - typeVersion 1.2, or 1.3 with "Use Responses API" off: POST `<Base URL>/chat/completions` with
 *   `messages` and `tools: [{ type: 'function', function: { name, description, parameters } }]`;
 *   tool results come back as messages `{ role: 'tool', tool_call_id, content }`.
 * - typeVersion 1.3 with "Use Responses API" on (its default, what the editor adds in 1.123 and
 *   2.39): POST `<Base URL>/responses` with `input` items and `tools: [{ type: 'function', name,
 *   description, parameters }]`; tool results come back as `{ type: 'function_call_output', call_id,
 *   output }` items.
 * The stand-in answers each request with the next scripted turn: tool calls or a final message,
 * never streamed (n8n did not ask for a stream in these runs). It records every request, so a test
 * sees what n8n sent; `offeredTools`, `toolResults` and `requestText` read a
 * request of either API.
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
/** A Responses API input item: a message, a function call, or a function call's output. */
export interface ResponsesInputItem {
	type?: string;
	role?: string;
	content?: unknown;
	call_id?: string;
	output?: unknown;
	[key: string]: unknown;
}
export interface RecordedChatRequest {
	api: 'chat' | 'responses';
	path: string;
	body: {
		model?: string;
		messages?: ChatMessage[];
		input?: ResponsesInputItem[] | string;
		tools?: Array<
			| ChatToolSpec
			| { type: string; name: string; description?: string; parameters?: Record<string, any> }
		>;
		stream?: boolean;
		[key: string]: unknown;
	};
}
export interface OfferedTool {
	name: string;
	description?: string;
	parameters?: Record<string, any>;
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
		const api = path.endsWith('/chat/completions')
			? 'chat'
			: path.endsWith('/responses')
				? 'responses'
				: undefined;
		if (req.method !== 'POST' || !api) {
			send(res, 404, {
				error: { message: `stand-in: no ${req.method} ${path}`, type: 'invalid_request_error' },
			});
			return;
		}
		const body = JSON.parse(text || '{}') as RecordedChatRequest['body'];
		requests.push({ api, path, body });
		const turn = turns.shift();
		// 400, not 5xx: LangChain would retry a 5xx.
		const refuse = (message: string) =>
			send(res, 400, { error: { message: `stand-in: ${message}`, type: 'invalid_request_error' } });
		if (!turn) return refuse('no scripted turn left');
		// n8n execute's agent runs ask for whole replies; a streamed request fails the run visibly.
		if (body.stream) return refuse('streamed replies are not scripted');
		replies++;
		if (api === 'responses') {
			send(res, 200, responsesReply(turn, replies, Math.floor(Date.now() / 1000)));
			return;
		}
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

/** A Responses API reply: function_call output items, or one assistant message. */
function responsesReply(
	turn: ScriptedTurn,
	reply: number,
	created: number,
): Record<string, unknown> {
	const output =
		'toolCalls' in turn
			? turn.toolCalls.map((call, index) => ({
					type: 'function_call',
					id: `fc_standin_${reply}_${index}`,
					call_id: `call_standin_${reply}_${index}`,
					name: call.name,
					arguments: JSON.stringify(call.arguments),
					status: 'completed',
				}))
			: [
					{
						type: 'message',
						id: `msg_standin_${reply}`,
						role: 'assistant',
						status: 'completed',
						content: [{ type: 'output_text', text: turn.content, annotations: [] }],
					},
				];
	return {
		id: `resp_standin_${reply}`,
		object: 'response',
		created_at: created,
		status: 'completed',
		error: null,
		incomplete_details: null,
		model: MODEL,
		output,
		parallel_tool_calls: true,
		tools: [],
		usage: { input_tokens: 50, output_tokens: 10, total_tokens: 60 },
	};
}

/** The tools a request offered the model, in either API's shape. */
export function offeredTools(request: RecordedChatRequest): OfferedTool[] {
	return (request.body.tools ?? []).map((tool) =>
		'function' in tool
			? tool.function
			: { name: tool.name, description: tool.description, parameters: tool.parameters },
	);
}

/** The tool results a request brought back to the model, as text. */
export function toolResults(request: RecordedChatRequest): string[] {
	if (request.api === 'chat')
		return (request.body.messages ?? []).filter((m) => m.role === 'tool').map(messageText);
	const input = Array.isArray(request.body.input) ? request.body.input : [];
	return input
		.filter((item) => item.type === 'function_call_output')
		.map((item) => (typeof item.output === 'string' ? item.output : JSON.stringify(item.output)));
}

/** Every message text of a request (system, user, assistant, tool), joined. */
export function requestText(request: RecordedChatRequest): string {
	if (request.api === 'chat') return (request.body.messages ?? []).map(messageText).join('\n');
	const input = request.body.input ?? [];
	if (typeof input === 'string') return input;
	return input
		.map((item) => messageText({ role: item.role ?? '', content: item.content ?? item.output }))
		.join('\n');
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
