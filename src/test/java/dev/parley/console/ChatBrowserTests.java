package dev.parley.console;

import static dev.parley.testing.ApiClient.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.parley.testing.ApiClient;
import dev.parley.testing.Browser;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The console's chat journeys in Chromium: a reply streamed word by word ({@code local/echo}, slowed
 * down so that a reply takes seconds), an agent's tool call approved in place, two windows of one
 * user, a reload in the middle of a reply, and a reply full of HTML that must stay inert.
 */
@IntegrationTest
@TestPropertySource(properties = "parley.ai.echo.delay=120ms")
class ChatBrowserTests {

	private static final String REPLY_ARTICLE = "article.message.assistant";

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void signUpChatWithEchoSeeTheReplyGrowThenApproveAnAgentsToolCall() {
		String email = "journey-" + UUID.randomUUID() + "@example.com";
		try (Browser browser = Browser.open(port, Browser.DESKTOP)) {
			browser.signUp(email, ApiClient.Session.PASSWORD);
			browser.waitFor("#new-chat").click();
			new Select(browser.waitFor("#new-chat-model")).selectByValue("local/echo");
			browser.find("#new-chat-title").sendKeys("First steps");
			browser.find("#new-chat-create").click();
			browser.waitFor("#composer-input");
			browser.waitUntil(d -> "socket".equals(browser.find("#live-mode").getDomAttribute("data-mode")));

			send(browser, words(30));

			List<Integer> lengths = watchReplyGrow(browser);
			assertThat(lengths).as("lengths of the reply seen while it streamed").hasSizeGreaterThanOrEqualTo(2);
			assertThat(lastReply(browser).findElement(By.cssSelector(".content")).getText()).contains("word29");
			assertThat(lastReply(browser).findElement(By.cssSelector(".model")).getText()).isEqualTo("local/echo");
			browser.screenshot("conversation");

			String token = api.post("/api/v1/auth/login", null, map("email", email, "password", ApiClient.Session.PASSWORD))
				.json().get("access_token").asString();
			String agent = api.post("/api/v1/agents", token, map("name", "Maths", "model", "local/echo", "instructions",
					"Be exact.", "tools", List.of("calculator"), "tool_policies", map("calculator", "ask")))
				.json().get("id").asString();
			String chat = api.post("/api/v1/chats", token, map("title", "Sums", "agent_id", agent)).json().get("id").asString();
			browser.go("/#/chats/" + chat);
			browser.waitFor("#composer-input");
			send(browser, "/tool calculator {\"expression\": \"6*7\"}");

			WebElement approve = browser.waitFor(REPLY_ARTICLE + " .approval button.approve");
			assertThat(browser.find(REPLY_ARTICLE + " details.step summary").getText()).contains("calculator");
			new Select(browser.find(REPLY_ARTICLE + " .approval select")).selectByValue("once");
			browser.script("arguments[0].scrollIntoView({block: 'center'})", approve);
			approve.click();

			browser.wait(Duration.ofSeconds(20))
				.until(d -> "completed".equals(replyStatus(browser)));
			assertThat(lastReply(browser).findElement(By.cssSelector(".content")).getText()).contains("42");
			assertThat(browser.find(REPLY_ARTICLE + " details.step").getDomAttribute("data-ok")).isEqualTo("true");
			WebElement summary = browser.find(REPLY_ARTICLE + " details.step summary");
			browser.script("arguments[0].scrollIntoView({block: 'center'})", summary);
			summary.click();
			assertThat(browser.find(REPLY_ARTICLE + " details.step .step-result").getText()).contains("42");
			assertThat(browser.findAll(".approval button.approve")).isEmpty();
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void aQuestionOfTheAgentIsAnsweredInPlace() {
		ApiClient.Session user = api.register();
		String agent = api.post("/api/v1/agents", user.accessToken(),
				map("name", "Curious", "model", "local/echo", "tools", List.of("ask_human")))
			.json().get("id").asString();
		String chat = api.post("/api/v1/chats", user.accessToken(), map("agent_id", agent)).json().get("id").asString();
		try (Browser browser = Browser.open(port, Browser.DESKTOP)) {
			browser.signIn(user.email(), ApiClient.Session.PASSWORD);
			browser.go("/#/chats/" + chat);
			browser.waitFor("#composer-input");

			send(browser, "/tool ask_human {\"question\": \"Which colour?\", \"options\": [\"red\", \"blue\"]}");

			browser.wait(Duration.ofSeconds(20)).until(d -> !browser.findAll(REPLY_ARTICLE + " .question").isEmpty());
			assertThat(browser.find(REPLY_ARTICLE + " .question").getText()).contains("Which colour?");
			WebElement blue = browser.findAll(REPLY_ARTICLE + " .question button.answer-option")
				.stream()
				.filter(button -> button.getText().equals("blue"))
				.findFirst()
				.orElseThrow();
			browser.script("arguments[0].scrollIntoView({block: 'center'})", blue);
			blue.click();

			browser.wait(Duration.ofSeconds(20)).until(d -> "completed".equals(replyStatus(browser)));
			assertThat(replyText(browser)).contains("ask_human", "blue");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void twoWindowsOfOneUserSeeTheSameReplyLive() {
		ApiClient.Session user = api.register();
		String chat = newChat(user);
		try (Browser first = Browser.open(port, Browser.DESKTOP); Browser second = Browser.open(port, Browser.DESKTOP)) {
			for (Browser browser : List.of(first, second)) {
				browser.signIn(user.email(), ApiClient.Session.PASSWORD);
				browser.go("/#/chats/" + chat);
				browser.waitUntil(d -> "socket".equals(browser.find("#live-mode").getDomAttribute("data-mode")));
			}

			send(first, words(25));

			List<Integer> seenInSecond = watchReplyGrow(second);
			assertThat(seenInSecond).hasSizeGreaterThanOrEqualTo(2);
			first.wait(Duration.ofSeconds(20)).until(d -> "completed".equals(replyStatus(first)));
			assertThat(lastReply(second).getText()).isEqualTo(lastReply(first).getText());
			assertThat(second.find("article.message.user").getText()).contains("word24");
			assertThat(first.consoleErrors()).isEmpty();
			assertThat(second.consoleErrors()).isEmpty();
		}
	}

	@Test
	void aReplyInterruptedByAReloadResumes() {
		ApiClient.Session user = api.register();
		String chat = newChat(user);
		try (Browser browser = Browser.open(port, Browser.DESKTOP)) {
			browser.signIn(user.email(), ApiClient.Session.PASSWORD);
			browser.go("/#/chats/" + chat);
			browser.waitFor("#composer-input");
			send(browser, words(80));
			browser.waitUntil(d -> replyText(browser).contains("word2"));
			browser.script("window.beforeReload = true");

			browser.driver().navigate().refresh();
			browser.waitUntil(d -> browser.script("return window.beforeReload === undefined && document.body.dataset.ready === 'true'")
				.equals(Boolean.TRUE));

			browser.waitUntil(d -> !browser.findAll(REPLY_ARTICLE).isEmpty());
			List<Integer> lengths = watchReplyGrow(browser);
			assertThat(lengths).as("the reply kept growing after the reload").hasSizeGreaterThanOrEqualTo(2);
			String text = lastReply(browser).findElement(By.cssSelector(".content")).getText();
			assertThat(text).startsWith("Echo: word0 word1 word2 ").endsWith("word79");
			assertThat(text.split(" ")).hasSize(81);
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void htmlInAReplyIsShownAsTextAndNeverRuns() {
		ApiClient.Session user = api.register();
		String chat = newChat(user);
		try (Browser browser = Browser.open(port, Browser.DESKTOP)) {
			browser.signIn(user.email(), ApiClient.Session.PASSWORD);
			browser.go("/#/chats/" + chat);
			browser.waitFor("#composer-input");

			send(browser, "look <img src=x onerror=alert(1)> and <script>window.pwned=1</script> done");

			browser.wait(Duration.ofSeconds(20))
				.until(d -> "completed".equals(replyStatus(browser)));
			assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
			assertThat(browser.findAll("img[src=x]")).isEmpty();
			assertThat(browser.findAll("#messages script")).isEmpty();
			assertThat(browser.find("article.message.user").getText()).contains("<img src=x onerror=alert(1)>",
					"<script>window.pwned=1</script>");
			assertThat(lastReply(browser).findElement(By.cssSelector(".content")).getText())
				.isEqualTo("Echo: look <img src=x onerror=alert(1)> and <script>window.pwned=1</script> done");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void withoutAWebSocketTheReplyStreamsOverServerSentEvents() {
		ApiClient.Session user = api.register();
		String chat = newChat(user);
		try (Browser browser = Browser.open(port, Browser.DESKTOP)) {
			browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
					Map.of("source", "delete window.WebSocket;"));
			browser.signIn(user.email(), ApiClient.Session.PASSWORD);
			browser.go("/#/chats/" + chat);
			browser.waitUntil(d -> "sse".equals(browser.find("#live-mode").getDomAttribute("data-mode")));

			send(browser, words(20));

			assertThat(watchReplyGrow(browser)).hasSizeGreaterThanOrEqualTo(2);
			assertThat(lastReply(browser).findElement(By.cssSelector(".content")).getText()).endsWith("word19");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void theChatsListSearchesBookmarksArchivesAndShowsFolders() {
		ApiClient.Session user = api.register();
		String project = api.post("/api/v1/projects", user.accessToken(), map("name", "Travel")).json().get("id").asString();
		String lisbon = api.post("/api/v1/chats", user.accessToken(), map("title", "Lisbon trams", "project_id", project))
			.json().get("id").asString();
		String porto = api.post("/api/v1/chats", user.accessToken(), map("title", "Porto wine")).json().get("id").asString();
		try (Browser browser = Browser.open(port, Browser.DESKTOP)) {
			browser.signIn(user.email(), ApiClient.Session.PASSWORD);
			browser.waitUntil(d -> browser.findAll("#chat-list li").size() == 2);

			browser.find("#chat-search").sendKeys("lisbon", Keys.ENTER);
			browser.waitUntil(d -> ids(browser).equals(List.of(lisbon)));

			browser.go("/#/chats");
			browser.waitUntil(d -> browser.findAll("#chat-list li").size() == 2);
			browser.find("li[data-id='" + porto + "'] button.bookmark").click();
			browser.waitUntil(d -> "true".equals(browser.find("li[data-id='" + porto + "'] button.bookmark").getDomAttribute("aria-pressed")));
			browser.find("li[data-id='" + lisbon + "'] button.archive").click();
			browser.waitUntil(d -> ids(browser).equals(List.of(porto)));

			browser.find("button.tab[data-view=archived]").click();
			browser.waitUntil(d -> ids(browser).equals(List.of(lisbon)));
			browser.find("button.tab[data-view=bookmarked]").click();
			browser.waitUntil(d -> ids(browser).equals(List.of(porto)));

			browser.find("li[data-id='" + porto + "'] button.archive").click();
			browser.waitUntil(d -> ids(browser).isEmpty());
			browser.find("button.tab[data-view=archived]").click();
			browser.waitUntil(d -> ids(browser).size() == 2);
			browser.find("li[data-id='" + lisbon + "'] button.archive").click();
			browser.waitUntil(d -> ids(browser).equals(List.of(porto)));
			browser.find("button.tab[data-view=active]").click();
			browser.waitUntil(d -> ids(browser).size() == 1 && ids(browser).contains(lisbon));
			browser.find("li[data-id='" + lisbon + "'] button.archive").click();
			browser.waitUntil(d -> ids(browser).isEmpty());
			browser.find("button.tab[data-view=archived]").click();
			browser.waitUntil(d -> ids(browser).size() == 2);
			browser.find("button.folder[data-project='" + project + "']").click();
			browser.waitUntil(d -> ids(browser).equals(List.of(lisbon)));
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void loadMoreFetchesTheNextPage() {
		ApiClient.Session user = api.register();
		IntStream.range(0, 23).forEach(i -> api.post("/api/v1/chats", user.accessToken(), map("title", "Chat " + i)));
		try (Browser browser = Browser.open(port, Browser.DESKTOP)) {
			browser.signIn(user.email(), ApiClient.Session.PASSWORD);
			browser.waitUntil(d -> browser.findAll("#chat-list li").size() == 20);
			browser.waitFor("#chats-more").click();
			browser.waitUntil(d -> browser.findAll("#chat-list li").size() == 23);
			assertThat(browser.find("#chats-more").isDisplayed()).isFalse();
		}
	}

	@Test
	void screenshotsOfTheChatsAndAConversationFitAPhone() {
		ApiClient.Session user = api.register();
		String chat = newChat(user);
		api.post("/api/v1/chats/" + chat + "/completions", user.accessToken(),
				map("content", "Tell me about **Markdown**, `code` and\n\n- lists\n- of things"));
		api.post("/api/v1/chats", user.accessToken(), map("title", "Ideas for the weekend"));
		for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
			try (Browser browser = Browser.open(port, size)) {
				browser.signIn(user.email(), ApiClient.Session.PASSWORD);
				browser.waitUntil(d -> browser.findAll("#chat-list li").size() == 2);
				assertThat(fits(browser, size.getWidth())).isTrue();
				browser.screenshot("chats");
				browser.go("/#/chats/" + chat);
				browser.waitUntil(d -> "completed".equals(replyStatus(browser)));
				assertThat(fits(browser, size.getWidth())).isTrue();
				assertThat(browser.find("label[for=composer-input]").getText()).isEqualTo("Message");
				if (size.equals(Browser.PHONE)) {
					browser.screenshot("conversation");
				}
				assertThat(browser.consoleErrors()).isEmpty();
			}
		}
	}

	private String newChat(ApiClient.Session user) {
		return api.post("/api/v1/chats", user.accessToken(), map("title", "Echoes", "model", "local/echo"))
			.json().get("id").asString();
	}

	private static boolean fits(Browser browser, int width) {
		return (Long) browser.script("return document.documentElement.scrollWidth") <= width;
	}

	@SuppressWarnings("unchecked")
	private static List<String> ids(Browser browser) {
		return (List<String>) browser.script("return [...document.querySelectorAll('#chat-list li')].map(li => li.dataset.id)");
	}

	private static void send(Browser browser, String text) {
		WebElement input = browser.find("#composer-input");
		input.sendKeys(text);
		browser.find("#composer-send").click();
	}

	/** The newest reply on the page, once there is one. */
	private static WebElement lastReply(Browser browser) {
		browser.waitUntil(d -> !browser.findAll(REPLY_ARTICLE).isEmpty());
		return browser.findAll(REPLY_ARTICLE).getLast();
	}

	/** The newest reply's status, or null before there is one (for conditions polled while the page changes). */
	private static String replyStatus(Browser browser) {
		return (String) browser.script("const r = [...document.querySelectorAll(arguments[0])].pop(); return r ? r.dataset.status : null;",
				REPLY_ARTICLE);
	}

	/** The newest reply's text, or "" before there is one. */
	private static String replyText(Browser browser) {
		return (String) browser.script("const r = [...document.querySelectorAll(arguments[0])].pop(); return r ? r.querySelector('.content').innerText : '';",
				REPLY_ARTICLE);
	}

	/** The distinct lengths of the newest reply's text seen while it streamed, until it completed. */
	private static List<Integer> watchReplyGrow(Browser browser) {
		List<Integer> lengths = new ArrayList<>();
		browser.wait(Duration.ofSeconds(30)).until(d -> {
			List<WebElement> replies = browser.findAll(REPLY_ARTICLE);
			if (replies.isEmpty()) {
				return false;
			}
			Object state = browser.script("const r = [...document.querySelectorAll(arguments[0])].pop();"
					+ "return [r.dataset.status, r.querySelector('.content').textContent.length];", REPLY_ARTICLE);
			List<?> pair = (List<?>) state;
			int length = ((Long) pair.get(1)).intValue();
			if ("streaming".equals(pair.get(0)) && length > 0 && (lengths.isEmpty() || lengths.getLast() != length)) {
				lengths.add(length);
			}
			return "completed".equals(pair.get(0));
		});
		return lengths;
	}

	private static String words(int count) {
		return IntStream.range(0, count).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
	}
}
