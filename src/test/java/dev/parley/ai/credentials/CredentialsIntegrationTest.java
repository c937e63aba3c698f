package dev.parley.ai.credentials;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.parley.testing.IntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The server of the credentials tests: with the {@link TestProvider} enabled, users allowed to
 * store keys for it and for {@code nowhere} (a provider this server has not enabled), and key checks
 * that give up after half a second. The classes that use it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import(TestProvider.Configuration.class)
@TestPropertySource(properties = { "parley.ai.credentials.providers=openai,anthropic,testprov,nowhere",
		"parley.ai.credentials.test-models.testprov=tiny-1", "parley.ai.credentials.test-timeout=500ms" })
@interface CredentialsIntegrationTest {
}
