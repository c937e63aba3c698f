/** Parley's root package: the application class that boots every module. */
@NullMarked
package dev.parley;

import org.jspecify.annotations.NullMarked;
