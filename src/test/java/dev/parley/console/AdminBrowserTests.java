package dev.parley.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Response;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The admin page: the admin's cost view, quotas and flags; other users see neither the link nor the page. */
@ConsolePagesTest
class AdminBrowserTests {

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void theAdminSeesCostsAndSetsAQuotaAndAFlag() {
		Session admin = ConsolePages.admin(api);
		Session user = api.register();
		ConsolePages.turns(api, user.accessToken(), 2);

		try (Browser browser = ConsolePages.signedIn(port, Browser.DESKTOP, admin, "/#/admin")) {
			assertThat(browser.findAll("#nav a[href='#/admin']")).hasSize(1);
			ConsolePages.waitFor(browser, "canvas#admin-cost-chart");
			// The page shows what the API answers for the same query (the top 50 spenders of the last 30
			// days, so the suite's other users may push this test's user out of the table).
			String from = LocalDate.now(ZoneOffset.UTC).minusDays(29).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
			JsonNode view = api.get("/api/v1/admin/usage?group_by=user&top=50&from=" + from, admin.accessToken()).json();
			String page = browser.find("main").getText();
			assertThat(page).contains(String.format(Locale.ENGLISH, "Everyone: %,d requests", view.get("totals").get("requests").asLong()));
			assertThat(view.get("groups")).isNotEmpty();
			for (int i = 0; i < Math.min(5, view.get("groups").size()); i++) {
				assertThat(page).contains(view.get("groups").get(i).get("key").asString());
			}
			assertThat(browser.script("return Chart.getChart(document.getElementById('admin-cost-chart')).data.labels.length"))
				.isNotEqualTo(0L);
			ConsolePages.screenshots(browser, "admin");

			browser.find("#quota-id").sendKeys(user.userId());
			browser.find("#quota-tokens-per-day").sendKeys("5000");
			browser.find("#quota-save").click();
			browser.waitUntil(d -> api.get("/api/v1/admin/quotas/users/" + user.userId(), admin.accessToken()).status() == 200);
			Response quota = api.get("/api/v1/admin/quotas/users/" + user.userId(), admin.accessToken());
			assertThat(quota.json().get("tokens_per_day").asLong()).isEqualTo(5000);
			assertThat(quota.json().get("usd_per_day").isNull()).isTrue();

			browser.find("#flag-key").sendKeys("console_test_flag");
			browser.find("#new-flag-rollout").clear();
			browser.find("#new-flag-rollout").sendKeys("30");
			browser.find("#new-flag-role-admin").click();
			browser.find("#flag-create").click();
			browser.waitUntil(d -> api.get("/api/v1/admin/flags/console_test_flag", admin.accessToken()).status() == 200);
			Response flag = api.get("/api/v1/admin/flags/console_test_flag", admin.accessToken());
			assertThat(flag.json().get("rollout_percent").asInt()).isEqualTo(30);
			assertThat(flag.json().get("roles").toString()).isEqualTo("[\"admin\"]");
			ConsolePages.waitFor(browser, "[data-save-flag='console_test_flag']");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void anotherUserSeesNoAdminPage() {
		ConsolePages.admin(api);
		Session user = api.register();
		try (Browser browser = ConsolePages.signedIn(port, Browser.DESKTOP, user, "/#/admin")) {
			assertThat(ConsolePages.waitFor(browser, "#admin-forbidden").getText()).contains("admins only");
			assertThat(browser.findAll("#nav a[href='#/admin']")).isEmpty();
			assertThat(browser.findAll("#nav a[href='#/usage']")).hasSize(1);
			assertThat(browser.findAll("#quota-save")).isEmpty();
		}
	}
}
