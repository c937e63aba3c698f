package dev.parley.identity;

/** What a successful login, registration or refresh hands the client. */
record TokenPair(User user, String accessToken, String refreshToken, long expiresInSeconds) {
}
