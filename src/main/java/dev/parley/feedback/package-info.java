/**
 * People in the loop: feedback requests an agent (or an approval policy, or a program) puts to a
 * person, the channels that deliver them (in-app, email, Slack), the answers, deadlines,
 * escalation and the audit trail of each request. Channels implement
 * {@link dev.parley.feedback.FeedbackChannel} and hand answers to
 * {@link dev.parley.feedback.FeedbackInbox}.
 */
@ApplicationModule(displayName = "Feedback",
		allowedDependencies = { "realtime", "identity", "platform", "platform :: limits", "platform :: outbound" })
@NullMarked
package dev.parley.feedback;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
