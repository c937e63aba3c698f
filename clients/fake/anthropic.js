// Anthropic's Messages API for the fake upstream: whole and streamed answers, tool_use and
// tool_result, structured output (output_config.format json_schema).
import { decide, errorTrigger, idFor, textOf, tokens } from './script.js';
import { streamSse, words } from './openai.js';

export function anthropicError(status, message, type) {
  const types = { 400: 'invalid_request_error', 401: 'authentication_error', 404: 'not_found_error', 429: 'rate_limit_error', 500: 'api_error' };
  return { status, body: { type: 'error', error: { type: type ?? types[status] ?? 'api_error', message } } };
}

function invalidMessages(body) {
  if (!Number.isInteger(body.max_tokens)) return anthropicError(400, 'max_tokens: Field required');
  if (!Array.isArray(body.messages) || body.messages.length === 0) return anthropicError(400, 'messages: Field required');
  let open = new Set();
  for (const [i, m] of body.messages.entries()) {
    if (!['user', 'assistant'].includes(m.role)) return anthropicError(400, `messages.${i}.role: Input should be 'user' or 'assistant'`);
    const blocks = Array.isArray(m.content) ? m.content : [];
    if (m.role === 'user') {
      for (const b of blocks.filter((x) => x.type === 'tool_result')) {
        if (!open.has(b.tool_use_id)) return anthropicError(400, `messages.${i}.content: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${b.tool_use_id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`);
        open.delete(b.tool_use_id);
      }
      if (open.size) return anthropicError(400, `messages.${i}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${[...open].join(', ')}`);
      open = new Set();
    } else {
      open = new Set(blocks.filter((b) => b.type === 'tool_use').map((b) => b.id));
    }
  }
  return null;
}

export function messages(body, res, send) {
  const invalid = invalidMessages(body);
  if (invalid) return send(invalid);
  if (String(body.model).endsWith('no-such-model')) return send(anthropicError(404, `model: ${body.model}`));
  const msgs = body.messages;
  const last = msgs[msgs.length - 1];
  const lastUser = [...msgs].reverse().find((m) => m.role === 'user' && textOf(m.content));
  const lastUserText = textOf(lastUser?.content);
  switch (errorTrigger(lastUserText)) {
    case 400: return send(anthropicError(400, 'temperature: scripted bad request'));
    case 429: return send({ ...anthropicError(429, 'Number of requests has exceeded your rate limit (scripted).'), headers: { 'retry-after': '1' } });
    case 500: return send(anthropicError(500, 'Internal server error (scripted).'));
    default:
  }
  const names = new Map();
  for (const m of msgs) for (const b of Array.isArray(m.content) ? m.content : []) if (b.type === 'tool_use') names.set(b.id, b.name);
  const toolResults = last.role === 'user' && Array.isArray(last.content)
    ? last.content.filter((b) => b.type === 'tool_result').map((b) => ({ name: names.get(b.tool_use_id), content: textOf(b.content) }))
    : [];
  const tools = (body.tools ?? []).filter((t) => t.input_schema).map((t) => ({ name: t.name, schema: t.input_schema }));
  const tc = body.tool_choice ?? { type: 'auto' };
  const choice = tc.type === 'none' ? 'none' : tc.type === 'any' ? 'required' : 'auto';
  const format = body.output_config?.format ?? body.output_format;
  const schema = format?.type === 'json_schema' ? format.schema : null;
  const plan = decide({ lastUserText, tools, toolResults, forced: tc.type === 'tool' ? tc.name : null, choice, schema });
  const seed = JSON.stringify(msgs);
  const content = plan.calls
    ? plan.calls.map((c, i) => ({ type: 'tool_use', id: idFor('toolu_', `${seed}|${i}|${c.name}`), name: c.name, input: c.args }))
    : [{ type: 'text', text: plan.text }];
  const stopReason = plan.calls ? 'tool_use' : 'end_turn';
  const inputTokens = tokens(seed + textOf(body.system ?? ''));
  const outputTokens = tokens(plan.text ?? JSON.stringify(plan.calls));
  const message = (blocks, stop, output) => ({
    id: idFor('msg_', seed), type: 'message', role: 'assistant', model: body.model, content: blocks,
    stop_reason: stop, stop_sequence: null,
    usage: { input_tokens: inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: output },
  });
  if (!body.stream) return send({ status: 200, body: message(content, stopReason, outputTokens) });
  const ev = (type, fields) => ({ event: type, data: { type, ...fields } });
  const events = [ev('message_start', { message: message([], null, 1) })];
  content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push(ev('content_block_start', { index, content_block: { type: 'text', text: '' } }));
      if (index === 0) events.push(ev('ping', {}));
      for (const text of words(block.text)) events.push(ev('content_block_delta', { index, delta: { type: 'text_delta', text } }));
    } else {
      events.push(ev('content_block_start', { index, content_block: { ...block, input: {} } }));
      if (index === 0) events.push(ev('ping', {}));
      const json = JSON.stringify(block.input);
      const half = Math.ceil(json.length / 2);
      for (const partial of [json.slice(0, half), json.slice(half)]) events.push(ev('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: partial } }));
    }
    events.push(ev('content_block_stop', { index }));
  });
  events.push(ev('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: outputTokens } }));
  events.push(ev('message_stop', {}));
  return streamSse(res, events, false);
}
