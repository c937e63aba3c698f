package dev.parley.console;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.Browser;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

/** What the console pages' browser tests share: the admin, signed-in browsers, turns, screenshots. */
final class ConsolePages {

	static final String ADMIN_EMAIL = "console-admin@example.com";

	/** The elements sticking out of the screen on the right (tables scroll inside their own box). */
	private static final String WIDER_THAN_THE_SCREEN = """
			if (document.documentElement.scrollWidth <= window.innerWidth) return '';
			return [...document.querySelectorAll('body *')]
				.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.parentElement.closest('.table-wrap'))
				.slice(0, 5).map((e) => e.tagName + '.' + e.className + '#' + e.id).join(' ') || 'the page';
			""";

	private ConsolePages() {
	}

	/** The admin's session, registering the account on first use. */
	static Session admin(ApiClient api) {
		Response registered = api.post("/api/v1/auth/register", null, map("email", ADMIN_EMAIL, "password", Session.PASSWORD));
		Response session = registered.status() == 201 ? registered
				: api.post("/api/v1/auth/login", null, map("email", ADMIN_EMAIL, "password", Session.PASSWORD));
		assertThat(session.json().get("user").get("role").asString()).as(session.body()).isEqualTo("admin");
		return new Session(ADMIN_EMAIL, session.json().get("access_token").asString(),
				session.json().get("refresh_token").asString(), session.json().get("user").get("id").asString());
	}

	/** A browser of the given size, signed in as the user, showing the page at path (e.g. "/#/keys"). */
	static Browser signedIn(int port, Dimension size, Session user, String path) {
		Browser browser = Browser.open(port, size);
		browser.signIn(user.email(), Session.PASSWORD);
		// The chats page mounts itself once its lists are read: then it is done with the main element.
		browser.waitFor("main[data-page=chats] h1");
		open(browser, path.substring(path.indexOf('#')));
		return browser;
	}

	/** Opens another page of the console without reloading it (e.g. "#/keys"), once the last one is gone. */
	static void open(Browser browser, String hash) {
		browser.script("document.getElementById('main').dataset.page = ''; location.hash = arguments[0]", hash);
		browser.waitUntil(d -> hash.equals(browser.script("return location.hash"))
				&& !"".equals(browser.script("return document.getElementById('main').dataset.page")));
	}

	/** A few non-streamed turns with local/echo in a new chat; returns the chat's id. */
	static String turns(ApiClient api, String token, int count) {
		Response chat = api.post("/api/v1/chats", token, map("title", "Usage", "model", "local/echo"));
		assertThat(chat.status()).as(chat.body()).isEqualTo(201);
		String id = chat.json().get("id").asString();
		for (int i = 0; i < count; i++) {
			Response turn = api.post("/api/v1/chats/" + id + "/completions", token, map("content", "Hello number " + i));
			assertThat(turn.status()).as(turn.body()).isIn(200, 201);
		}
		return id;
	}

	/** The element once visible; when it does not come, says what the page shows and logged instead. */
	static WebElement waitFor(Browser browser, String css) {
		try {
			return browser.waitFor(css);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("no " + css + " at " + browser.driver().getCurrentUrl() + "; the page shows: "
					+ browser.script("return document.getElementById('main').innerHTML") + "; console: " + browser.consoleErrors(), ex);
		}
	}

	/** Screenshots of what the browser shows, at the desktop and the phone size. */
	static void screenshots(Browser browser, String name) {
		browser.driver().manage().window().setSize(Browser.DESKTOP);
		browser.waitUntil(d -> (Boolean) browser.script("return window.innerWidth >= 1000"));
		browser.screenshot(name);
		browser.driver().manage().window().setSize(Browser.PHONE);
		browser.waitUntil(d -> (Boolean) browser.script("return window.innerWidth <= 400"));
		browser.screenshot(name);
		assertThat(browser.script(WIDER_THAN_THE_SCREEN)).as("%s is wider than a phone's screen", name).asString().isEmpty();
		browser.driver().manage().window().setSize(Browser.DESKTOP);
	}
}
