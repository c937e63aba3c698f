// Every page of the console. A route: { path ('/chats/:id'), name, title, render(main, params),
// public (reachable signed out), admin (admins only), nav: { label, order, href } (in the menu) }.
import { home } from './home.js';
// pages: agents, projects, MCP servers, keys, usage, admin, catalogue
import { agents, agent } from './agents.js';
import { projects } from './projects.js';
import { mcp } from './mcp.js';
import { keys } from './keys.js';
import { usage } from './usage.js';
import { admin } from './admin.js';
import { catalogue } from './catalogue.js';

const pages = [agents, agent, projects, mcp, keys, usage, admin, catalogue];

export const routes = [home, ...pages];
