package dev.parley.ai.credentials;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.parley.testing.IntegrationTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A server that lends no keys of its own ({@code PARLEY_ALLOW_SERVER_KEYS=false}). The classes that
 * use it share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import(TestProvider.Configuration.class)
@TestPropertySource(properties = { "parley.ai.credentials.allow-server-keys=false",
		"parley.ai.credentials.providers=openai,testprov" })
@interface WithheldServerKeysIntegrationTest {
}
