/**
 * Exports of everything a user owns (the right of access): a durable job per request that asks
 * every module's {@link dev.parley.platform.PersonalData} for its part and writes one zip of JSON
 * lines and files.
 */
@NullMarked
package dev.parley.analytics.exports;

import org.jspecify.annotations.NullMarked;
