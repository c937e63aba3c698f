/**
 * Users and how they prove who they are: registration, passwords (Argon2id), access tokens (signed
 * JWTs), rotating refresh-token families, API keys, login throttling, roles, profiles and the
 * channels feedback requests reach a user on ({@link dev.parley.identity.UserChannels}). Other
 * modules see the caller as an {@link dev.parley.identity.AuthenticatedUser}.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = { "platform", "platform :: limits" })
@NullMarked
package dev.parley.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
