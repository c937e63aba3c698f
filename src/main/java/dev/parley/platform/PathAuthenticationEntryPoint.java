package dev.parley.platform;

import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How to answer an unauthenticated request to the paths a module serves, when the RFC 9457 problem
 * the platform writes everywhere else would not do: an API that mimics another's wire format (the
 * OpenAI-compatible {@code /v1}) must fail in that format too. Modules declare beans of this type;
 * the platform's security filter chain uses the first whose pattern matches the request.
 *
 * @param pathPattern a Spring path pattern such as {@code /v1/**}
 * @param entryPoint writes the 401 response for matching requests
 */
public record PathAuthenticationEntryPoint(String pathPattern, AuthenticationEntryPoint entryPoint) {
}
