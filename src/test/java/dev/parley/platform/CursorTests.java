package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class CursorTests {

	@Test
	void survivesARoundTripToMicroseconds() {
		Cursor cursor = new Cursor(Instant.parse("2026-11-22T01:02:03.123456Z"), Ids.next());
		assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
	}

	@Test
	void treatsBlankAsTheFirstPage() {
		assertThat(Cursor.decode(null)).isNull();
		assertThat(Cursor.decode(" ")).isNull();
	}

	@Test
	void refusesCursorsItDidNotIssue() {
		assertThatThrownBy(() -> Cursor.decode("%%%")).isInstanceOf(Cursor.InvalidCursor.class);
		assertThatThrownBy(() -> Cursor.decode("c2hvcnQ")).isInstanceOf(Cursor.InvalidCursor.class);
	}

	@Test
	void pagesKnowWhetherMoreFollow() {
		CursorPage<Integer> last = CursorPage.of(List.of(1, 2), 2, String::valueOf);
		CursorPage<Integer> more = CursorPage.of(List.of(1, 2, 3), 2, String::valueOf);
		assertThat(last.nextCursor()).isNull();
		assertThat(more.items()).containsExactly(1, 2);
		assertThat(more.nextCursor()).isEqualTo("2");
	}

	@Test
	void clampsLimits() {
		assertThat(PageLimit.clamp(null)).isEqualTo(20);
		assertThat(PageLimit.clamp(0)).isEqualTo(1);
		assertThat(PageLimit.clamp(1000)).isEqualTo(100);
	}
}
