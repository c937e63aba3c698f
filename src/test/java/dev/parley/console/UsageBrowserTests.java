package dev.parley.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.testing.ApiClient;
import dev.parley.testing.ApiClient.Session;
import dev.parley.testing.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The usage page draws the caller's tokens by day and by model with Chart.js, from real usage. */
@ConsolePagesTest
class UsageBrowserTests {

	private static final String DATASET_SUMS = """
			const chart = Chart.getChart(document.getElementById(arguments[0]));
			return chart ? chart.data.datasets.map((set) => set.data.reduce((sum, value) => sum + Number(value), 0)) : null;
			""";

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void theUsageChartsRenderTheCallersTurns() {
		Session user = api.register();
		ConsolePages.turns(api, user.accessToken(), 3);

		try (Browser browser = ConsolePages.signedIn(port, Browser.DESKTOP, user, "/#/usage")) {
			ConsolePages.waitFor(browser, "canvas#usage-by-day");
			ConsolePages.waitFor(browser, "canvas#usage-by-model");

			@SuppressWarnings("unchecked")
			List<Number> byDay = (List<Number>) browser.script(DATASET_SUMS, "usage-by-day");
			assertThat(byDay).hasSize(3);
			assertThat(byDay.get(0).doubleValue()).as("prompt tokens").isPositive();
			assertThat(byDay.get(1).doubleValue()).as("completion tokens").isPositive();
			@SuppressWarnings("unchecked")
			List<Number> byModel = (List<Number>) browser.script(DATASET_SUMS, "usage-by-model");
			assertThat(byModel.getFirst().doubleValue()).isPositive();
			assertThat(browser.script("return Chart.getChart(document.getElementById('usage-by-model')).data.labels"))
				.asString()
				.contains("local/echo");
			assertThat(browser.find(".stat-value").getText()).as("requests").isEqualTo("3");
			assertThat(ConsolePages.waitFor(browser, "#quota-none").getText()).contains("No quota");

			ConsolePages.screenshots(browser, "usage");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void aNewUserSeesEmptyChartsWithoutErrors() {
		Session user = api.register();
		try (Browser browser = ConsolePages.signedIn(port, Browser.DESKTOP, user, "/#/usage?days=7")) {
			ConsolePages.waitFor(browser, "canvas#usage-by-day");

			@SuppressWarnings("unchecked")
			List<Number> byDay = (List<Number>) browser.script(DATASET_SUMS, "usage-by-day");
			assertThat(byDay).allSatisfy(sum -> assertThat(sum.doubleValue()).isZero());
			assertThat(browser.findAll("canvas#usage-by-model")).isEmpty();
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}
}
