// Every page of the console. A route: { path ('/chats/:id'), name, title, render(main, params),
// public (reachable signed out), admin (admins only), nav: { label, order, href } (in the menu) }.
// chats: login, sign-up, the chats and a conversation
import { login } from './login.js';
import { signup } from './signup.js';
import { chats } from './chats.js';
import { chat } from './chat.js';
// pages: agents, projects, MCP servers, keys, usage, admin, catalogue
import { agents, agent } from './agents.js';
import { projects } from './projects.js';
import { mcp } from './mcp.js';
import { keys } from './keys.js';
import { usage } from './usage.js';
import { admin } from './admin.js';
import { catalogue } from './catalogue.js';

export const routes = [
  // chats
  login,
  signup,
  chats,
  chat,
  // pages
  agents, agent, projects, mcp, keys, usage, admin, catalogue,
];
