package dev.parley.platform.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.parley.platform.Ids;
import org.junit.jupiter.api.Test;

class FlagRuleTests {

	private static FlagRule rule(boolean enabled, int percent, Set<String> roles, Set<UUID> users) {
		return new FlagRule("beta", enabled, percent, roles, users, null, true, null);
	}

	@Test
	void offIsOffForEveryoneEvenListedUsersAndRoles() {
		UUID listed = Ids.next();
		FlagRule off = rule(false, 100, Set.of("admin"), Set.of(listed));
		assertThat(off.evaluate(listed.toString(), List.of("admin")).value()).isFalse();
		assertThat(off.evaluate(listed.toString(), List.of("admin")).reason()).isEqualTo("DISABLED");
	}

	@Test
	void listedUsersAndRolesGetTheFlagOutsideTheRollout() {
		UUID listed = Ids.next();
		FlagRule targeted = rule(true, 0, Set.of("admin"), Set.of(listed));
		assertThat(targeted.evaluate(listed.toString(), List.of("user")).value()).isTrue();
		assertThat(targeted.evaluate(Ids.next().toString(), List.of("admin")).reason()).isEqualTo("TARGETING_MATCH");
		FlagRule.Evaluation other = targeted.evaluate(Ids.next().toString(), List.of("user"));
		assertThat(other.value()).isFalse();
		assertThat(other.variant()).isEqualTo("off");
	}

	@Test
	void anonymousCallersGetAPartialRolloutNever() {
		assertThat(rule(true, 99, Set.of(), Set.of()).evaluate(null, List.of()).value()).isFalse();
		assertThat(rule(true, 100, Set.of(), Set.of()).evaluate(null, List.of()).value()).isTrue();
		assertThat(rule(true, 100, Set.of(), Set.of()).evaluate(null, List.of()).reason()).isEqualTo("STATIC");
	}

	@Test
	void aRolloutReachesItsShareOfUsers() {
		FlagRule thirty = rule(true, 30, Set.of(), Set.of());
		long on = IntStream.range(0, 10_000).filter(i -> thirty.evaluate(Ids.next().toString(), List.of()).value()).count();
		assertThat(on).isBetween(2_800L, 3_200L);
	}

	@Test
	void aUserKeepsTheirAnswerAndRaisingTheShareOnlyAddsUsers() {
		List<String> users = IntStream.range(0, 2_000).mapToObj(i -> Ids.next().toString()).toList();
		FlagRule ten = rule(true, 10, Set.of(), Set.of());
		FlagRule fifty = rule(true, 50, Set.of(), Set.of());
		for (String user : users) {
			boolean first = ten.evaluate(user, List.of()).value();
			assertThat(ten.evaluate(user, List.of()).value()).isEqualTo(first);
			if (first) {
				assertThat(fifty.evaluate(user, List.of()).value()).isTrue();
			}
		}
		assertThat(ten.evaluate(users.getFirst(), List.of()).reason()).isEqualTo("SPLIT");
	}

	@Test
	void bucketsOfOneUserDifferBetweenFlags() {
		List<String> users = IntStream.range(0, 1_000).mapToObj(i -> Ids.next().toString()).toList();
		long same = users.stream().filter(user -> FlagRule.bucket("a", user) == FlagRule.bucket("b", user)).count();
		assertThat(same).isLessThan(50);
	}
}
