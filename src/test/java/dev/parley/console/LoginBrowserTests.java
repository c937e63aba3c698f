package dev.parley.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing up, in and out of the console, and the session surviving a reload by its refresh cookie. */
@IntegrationTest
class LoginBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void signUpReloadLogOutAndSignInAgain() {
		String email = "browser-" + UUID.randomUUID() + "@example.com";
		try (Browser browser = Browser.open(port, Browser.DESKTOP)) {
			browser.signUp(email, ApiClient.Session.PASSWORD);
			assertThat(browser.find("#nav").isDisplayed()).isTrue();
			assertThat(browser.script("return document.cookie")).asString()
				.contains("parley_session=1")
				.doesNotContain("parley_refresh");

			browser.driver().navigate().refresh();
			browser.waitUntil(d -> "true".equals(browser.find("body").getDomAttribute("data-ready")));
			browser.waitFor("main[data-page=chats]");
			assertThat(browser.find("#nav").isDisplayed()).as("signed in again from the cookie").isTrue();

			browser.waitFor("#nav button.link").click();
			browser.waitFor("#login-email");
			assertThat(browser.script("return document.cookie")).asString().doesNotContain("parley_session=1");
			browser.go("/#/chats");
			browser.waitFor("#login-email");

			browser.signIn(email, ApiClient.Session.PASSWORD);
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void aWrongPasswordIsSaidWhereTheFormIs() {
		try (Browser browser = Browser.open(port, Browser.DESKTOP)) {
			browser.go("/#/login");
			browser.waitFor("#login-email").sendKeys("nobody-" + UUID.randomUUID() + "@example.com");
			browser.find("#login-password").sendKeys("not the password at all");
			browser.find("#login-submit").click();
			browser.waitUntil(d -> !browser.find("#login-error").getText().isBlank());
			assertThat(browser.driver().getCurrentUrl()).contains("#/login");
		}
	}

	@Test
	void screenshotsOfTheLoginAndSignUpPages() {
		for (Dimension size : new Dimension[] { Browser.DESKTOP, Browser.PHONE }) {
			try (Browser browser = Browser.open(port, size)) {
				browser.go("/#/login");
				browser.waitFor("#login-email");
				assertThat(browser.find("label[for=login-email]").getText()).isNotBlank();
				assertThat(browser.find("label[for=login-password]").getText()).isNotBlank();
				assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
					.isLessThanOrEqualTo(size.getWidth());
				browser.screenshot("login");
				browser.go("/#/signup");
				browser.waitFor("#signup-email");
				browser.screenshot("signup");
				assertThat(browser.consoleErrors()).isEmpty();
			}
		}
	}
}
