package dev.parley.agents.tools.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import dev.parley.agents.tools.Tool;
import dev.parley.agents.tools.ToolResult;
import dev.parley.agents.tools.Toolbox;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calculator answers what arithmetic says, and refuses what it cannot work out, in words. */
class CalculatorToolTests {

	private final Tool calculator = new CalculatorTool();

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', value = { "1 + 2 * 3 | 7", "(1 + 2) * 3 | 9", "2^3^2 | 512", "-2^2 | -4",
			"2^-1 | 0.5", "(-2)^2 | 4", "10 % 3 | 1", "-7 % 3 | -1", "--3 | 3", "+-3 | -3", "1.5e3 | 1500",
			"2.5E-3 * 4 | 0.01", ".5 + .5 | 1", "0.1 + 0.2 | 0.3", "1 / 3 | 0.333333333333333", "2^100 | 1.26765060022823E+30",
			"1 / 2^30 | 9.31322574615479E-10", "sqrt(16) | 4", "abs(-2.5) | 2.5", "min(3, 1, 2) | 1",
			"max(3, 1, 2) | 3", "round(2.5) | 3", "round(-2.5) | -3", "round(2.675, 2) | 2.68", "round(1234, -2) | 1200",
			"ln(e) | 1", "log(1000) | 3", "log(8, 2) | 3", "exp(0) | 1", "sin(0) | 0", "cos(pi) | -1", "tan(0) | 0",
			"PI * 2 | 6.28318530717959", "Sqrt(2) ^ 2 | 2", "  7  | 7", "3 - 2 - 1 | 0", "12 / 4 / 3 | 1",
			"-0 | 0", "1e15 | 1E+15", "123456789012345 | 123456789012345" })
	void worksOutArithmetic(String expression, String answer) {
		ToolResult result = call(expression);

		assertThat(result.ok()).as(result.content()).isTrue();
		assertThat(result.content()).isEqualTo(answer);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = { "1 / 0 | division by zero", "5 % 0 | division by zero",
			"1 / (2 - 2) | division by zero", "10^400 | too large", "1e308 * 10 | too large", "exp(1000) | too large",
			"sqrt(-1) | not a real number", "ln(0) | not a real number", "(-8)^(1/3) | not a real number",
			"2 + | ends where a number was expected", "2 3 | unexpected '3' at position 3", "(1 + 2 | ')'",
			"1 + 2) | unexpected ')' at position 6", "foo(1) | unknown function 'foo'", "x + 1 | unknown name 'x'",
			"sqrt(1, 2) | sqrt takes 1 argument, not 2", "min() | at least 1 argument", "2 ** 3 | unexpected '*'",
			"Runtime.getRuntime() | unknown name 'runtime'", "java.lang.System.exit(0) | unknown name 'java'",
			"٣ + 1 | unexpected '٣'", "1e | unexpected 'e' at position 2" })
	void refusesWhatItCannotWorkOut(String expression, String reason) {
		ToolResult result = call(expression);

		assertThat(result.ok()).isFalse();
		assertThat(result.content()).startsWith("Error: ").contains(reason);
	}

	@Test
	void refusesExpressionsPastItsCapsWithoutOverflowingTheStack() {
		assertThat(call("1+".repeat(600) + "1").content()).contains("1000 characters");
		assertThat(call("(".repeat(400) + "1" + ")".repeat(400)).content()).contains("nested more than 100 levels");
		assertThat(call("-".repeat(900) + "1").content()).contains("nested more than 100 levels");
		assertThat(call("2^".repeat(300) + "1").content()).contains("nested more than 100 levels");
	}

	@Test
	void theSchemaKeepsTheExpressionWithinItsCap() {
		ToolResult tooLong = Toolbox.call(calculator, UUID.randomUUID(), "call_1",
				"{\"expression\": \"" + "1".repeat(Arithmetic.MAX_LENGTH + 1) + "\"}", Instant.MAX);
		ToolResult missing = Toolbox.call(calculator, UUID.randomUUID(), "call_1", "{}", Instant.MAX);

		assertThat(tooLong.content()).contains("expression");
		assertThat(missing.content()).contains("expression");
	}

	/**
	 * Property: for random expressions of small integers, the calculator agrees with Java's own
	 * double arithmetic on the same tree, however the tree is spaced and parenthesised.
	 */
	@RepeatedTest(200)
	void agreesWithJavasArithmeticOnRandomExpressions(RepetitionInfo repetition) {
		Random random = new Random(repetition.getCurrentRepetition());
		Node tree = Node.random(random, 4);
		double expected;
		try {
			expected = tree.value();
		}
		catch (ArithmeticException ex) {
			assertThat(call(tree.text(random)).content()).contains("division by zero");
			return;
		}
		ToolResult result = call(tree.text(random));

		assertThat(result.ok()).as(tree.text(random) + " → " + result.content()).isTrue();
		assertThat(Double.parseDouble(result.content())).isCloseTo(expected,
				org.assertj.core.data.Offset.offset(Math.abs(expected) * 1e-13 + 1e-13));
	}

	private ToolResult call(String expression) {
		String arguments = "{\"expression\": \"" + expression.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
		return Toolbox.call(calculator, UUID.randomUUID(), "call_1", arguments, Instant.MAX);
	}

	/** An expression tree of +, -, *, / and unary minus over small integers. */
	private record Node(char operator, double number, Node left, Node right) {

		static Node random(Random random, int depth) {
			if (depth == 0 || random.nextInt(4) == 0) {
				return new Node('n', random.nextInt(20), null, null);
			}
			char operator = "+-*/~".charAt(random.nextInt(5));
			return new Node(operator, 0, random(random, depth - 1), operator == '~' ? null : random(random, depth - 1));
		}

		double value() {
			return switch (operator) {
				case 'n' -> number;
				case '~' -> -left.value();
				case '+' -> left.value() + right.value();
				case '-' -> left.value() - right.value();
				case '*' -> left.value() * right.value();
				default -> {
					double divisor = right.value();
					if (divisor == 0) {
						throw new ArithmeticException("division by zero");
					}
					yield left.value() / divisor;
				}
			};
		}

		/** Fully parenthesised, with random spaces. */
		String text(Random random) {
			String space = random.nextBoolean() ? " " : "";
			return switch (operator) {
				case 'n' -> String.valueOf((long) number);
				case '~' -> "-(" + left.text(random) + ")";
				default -> "(" + left.text(random) + space + operator + space + right.text(random) + ")";
			};
		}
	}
}
