package dev.parley.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.parley.testing.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The console pages' browser tests: one server for all of them (one application context), whose
 * admin is {@link ConsolePages#ADMIN_EMAIL}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = "parley.identity.admin-email=" + ConsolePages.ADMIN_EMAIL)
@interface ConsolePagesTest {
}
