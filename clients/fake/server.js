// A deterministic fake LLM upstream (OpenAI and Anthropic wire formats) on Node's plain http module.
// What it answers is scripted by the request's content (fake/script.js), so the same test gives the
// same answer directly and through a gateway.
//
//   node fake/server.js [--port N]      N = 0 (default) picks a free port; the first line printed is
//                                       `fake upstream listening on http://127.0.0.1:<port>`
//
// Keys: OpenAI-shaped calls need `Authorization: Bearer $FAKE_API_KEY` (default `fake-key`),
// Anthropic calls `x-api-key: $FAKE_API_KEY` and an `anthropic-version` header.
// `GET /__requests` lists the requests received (method, path, body), for debugging a failed case.
import http from 'node:http';
import { chatCompletions, embeddings, openAiError, responses, CREATED } from './openai.js';
import { anthropicError, messages } from './anthropic.js';

const KEY = process.env.FAKE_API_KEY ?? 'fake-key';
const portArg = process.argv.indexOf('--port');
const PORT = portArg > 0 ? Number(process.argv[portArg + 1]) : Number(process.env.FAKE_PORT ?? 0);
const received = [];

function sendJson(res, { status, body, headers = {} }) {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': bytes.length, ...headers });
  res.end(bytes);
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

const server = http.createServer(async (req, res) => {
  const path = new URL(req.url, 'http://fake').pathname.replace(/\/+$/, '');
  const raw = req.method === 'POST' ? await readBody(req) : '';
  received.push({ method: req.method, path, body: raw.length > 20000 ? `${raw.slice(0, 20000)}…` : raw });
  if (received.length > 500) received.shift();
  const send = (answer) => sendJson(res, answer);
  try {
    if (path === '/__requests') return send({ status: 200, body: received });
    if (path === '/health') return send({ status: 200, body: { status: 'ok' } });
    const anthropic = path.endsWith('/messages');
    if (anthropic) {
      const key = req.headers['x-api-key'] ?? (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (key !== KEY) return send(anthropicError(401, 'invalid x-api-key'));
      if (!req.headers['anthropic-version']) return send(anthropicError(400, 'anthropic-version: header is required'));
    } else if (req.headers.authorization !== `Bearer ${KEY}`) {
      return send(openAiError(401, 'Incorrect API key provided.', { code: 'invalid_api_key' }));
    }
    if (req.method === 'GET' && path.endsWith('/models')) {
      return send({ status: 200, body: { object: 'list', data: ['gpt-fake', 'claude-fake', 'embed-fake'].map((id) => ({ id, object: 'model', created: CREATED, owned_by: 'fake' })) } });
    }
    const model = /\/models\/(.+)$/.exec(path);
    if (req.method === 'GET' && model) {
      return send({ status: 200, body: { id: decodeURIComponent(model[1]), object: 'model', created: CREATED, owned_by: 'fake' } });
    }
    if (req.method !== 'POST') return send(openAiError(404, `Invalid URL (${req.method} ${path})`));
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(anthropic ? anthropicError(400, 'body: invalid JSON') : openAiError(400, 'We could not parse the JSON body of your request.'));
    }
    if (anthropic) return messages(body, res, send);
    if (path.endsWith('/chat/completions')) return await chatCompletions(body, res, send);
    if (path.endsWith('/embeddings')) return embeddings(body, send);
    if (path.endsWith('/responses')) return responses(body, res, send);
    return send(openAiError(404, `Invalid URL (${req.method} ${path})`));
  } catch (e) {
    console.error(e);
    if (!res.headersSent) send(openAiError(500, `fake upstream failed: ${e.message}`));
    else res.end();
  }
});

server.keepAliveTimeout = 60_000;
server.listen(PORT, '127.0.0.1', () => {
  console.log(`fake upstream listening on http://127.0.0.1:${server.address().port}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
