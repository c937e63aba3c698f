/**
 * The web console: a browser application served by Parley itself (static files and webjars in the
 * jar, no CDN), which talks to the server only through the public API, as any other front end
 * would. This module serves the files and the headers that confine them (a strict
 * Content-Security-Policy); it calls no other module.
 */
@ApplicationModule(displayName = "Console", allowedDependencies = { "platform" })
@NullMarked
package dev.parley.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
