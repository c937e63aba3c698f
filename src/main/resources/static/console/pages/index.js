// Every page of the console. A route: { path ('/chats/:id'), name, title, render(main, params),
// public (reachable signed out), admin (admins only), nav: { label, order, href } (in the menu) }.
import { home } from './home.js';

export const routes = [home];
