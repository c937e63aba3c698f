/**
 * Users' own provider keys ("bring your own key"): stored encrypted with AES-256-GCM under the
 * server's key-encryption key, managed under {@code /api/v1/integrations}, checked against the
 * provider on request, and resolved for each generation by {@link dev.parley.ai.credentials.CredentialResolver}.
 */
@NullMarked
package dev.parley.ai.credentials;

import org.jspecify.annotations.NullMarked;
