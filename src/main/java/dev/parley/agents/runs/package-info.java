/**
 * Runs and their ledger: every turn is a run; each model call and each tool call is a step recorded
 * before it happens and finished with what it cost and returned; tool calls that need a person's
 * approval pause the run durably, and every decision is kept.
 */
@NullMarked
package dev.parley.agents.runs;

import org.jspecify.annotations.NullMarked;
