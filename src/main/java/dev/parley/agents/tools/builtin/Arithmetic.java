package dev.parley.agents.tools.builtin;

import static dev.parley.agents.tools.builtin.ArithmeticFunctions.finite;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and works out an arithmetic expression with a recursive-descent parser of its own; nothing
 * is ever handed to a script engine, so an expression can only compute.
 * <p>
 * Grammar, loosest first: {@code + -}, then {@code * / %} (remainder, with the sign of the
 * dividend), then unary {@code - +}, then {@code ^} (power, right-associative, so {@code 2^3^2 = 512}
 * and {@code -2^2 = -4}), then numbers ({@code 12}, {@code 0.5}, {@code .5}, {@code 1.5e3}), the
 * constants {@code pi} and {@code e}, function calls and parentheses. Functions: {@code sqrt abs
 * ln exp sin cos tan} (radians) of one argument, {@code log(x)} (base 10) or {@code log(x, base)},
 * {@code round(x)} or {@code round(x, places)} (halves away from zero), {@code min} and {@code max}
 * of one or more. Names are read case-insensitively.
 * <p>
 * The rule for numbers: every step is IEEE 754 double precision, and {@link #format} answers with
 * at most 15 significant digits (so {@code 0.1 + 0.2} is {@code 0.3}). Division or remainder by zero,
 * a result too large for a double (beyond about 1.8e308) and results that are no real number
 * ({@code sqrt(-1)}, {@code ln(0)}) are refused with an {@link ArithmeticProblem}.
 */
final class Arithmetic {

	/** The longest expression read, in characters. */
	static final int MAX_LENGTH = 1_000;

	private static final int MAX_DEPTH = 100;

	private static final MathContext DIGITS = new MathContext(15);

	private final String text;

	private int position;

	private int depth;

	private Arithmetic(String text) {
		this.text = text;
	}

	/** The value of the expression. @throws ArithmeticProblem saying what is wrong, for a person */
	static double evaluate(String expression) {
		if (expression.length() > MAX_LENGTH) {
			throw new ArithmeticProblem("the expression is longer than " + MAX_LENGTH + " characters");
		}
		Arithmetic parser = new Arithmetic(expression);
		parser.skipSpaces();
		if (parser.atEnd()) {
			throw new ArithmeticProblem("the expression is empty");
		}
		double value = parser.sum();
		if (!parser.atEnd()) {
			throw parser.unexpected();
		}
		return value;
	}

	/** A value as the tool answers it: at most 15 significant digits, no exponent for ordinary sizes. */
	static String format(double value) {
		if (value == 0) {
			return "0";
		}
		BigDecimal rounded = new BigDecimal(value).round(DIGITS).stripTrailingZeros();
		int exponent = rounded.precision() - rounded.scale() - 1;
		return exponent >= -6 && exponent < 15 ? rounded.toPlainString() : rounded.toString();
	}

	private double sum() {
		double value = product();
		while (true) {
			if (take('+')) {
				value = finite(value + product(), "+");
			}
			else if (take('-')) {
				value = finite(value - product(), "-");
			}
			else {
				return value;
			}
		}
	}

	private double product() {
		double value = unary();
		while (true) {
			if (take('*')) {
				value = finite(value * unary(), "*");
			}
			else if (take('/')) {
				double divisor = unary();
				if (divisor == 0) {
					throw new ArithmeticProblem("division by zero");
				}
				value = finite(value / divisor, "/");
			}
			else if (take('%')) {
				double divisor = unary();
				if (divisor == 0) {
					throw new ArithmeticProblem("remainder of a division by zero");
				}
				value = value % divisor;
			}
			else {
				return value;
			}
		}
	}

	private double unary() {
		if (take('-')) {
			return nested(() -> -unary());
		}
		if (take('+')) {
			return nested(this::unary);
		}
		return power();
	}

	private double power() {
		double base = primary();
		if (take('^')) {
			double exponent = nested(this::unary);
			return finite(Math.pow(base, exponent), "^");
		}
		return base;
	}

	private double primary() {
		if (atEnd()) {
			throw new ArithmeticProblem("the expression ends where a number was expected");
		}
		char next = text.charAt(position);
		if (take('(')) {
			double value = nested(this::sum);
			expect(')');
			return value;
		}
		if (isDigit(next) || next == '.') {
			return number();
		}
		if (Character.isLetter(next)) {
			return name();
		}
		throw unexpected();
	}

	private double number() {
		int start = position;
		while (position < text.length() && isDigit(text.charAt(position))) {
			position++;
		}
		if (position < text.length() && text.charAt(position) == '.') {
			position++;
			while (position < text.length() && isDigit(text.charAt(position))) {
				position++;
			}
		}
		if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')
				&& exponentFollows()) {
			position++;
			if (text.charAt(position) == '+' || text.charAt(position) == '-') {
				position++;
			}
			while (position < text.length() && isDigit(text.charAt(position))) {
				position++;
			}
		}
		String literal = text.substring(start, position);
		if (literal.equals(".")) {
			position = start;
			throw unexpected();
		}
		skipSpaces();
		return finite(Double.parseDouble(literal), "number " + literal);
	}

	/** Whether the {@code e} at the position starts an exponent ({@code 1e5}) rather than a name. */
	private boolean exponentFollows() {
		int at = position + 1;
		if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
			at++;
		}
		return at < text.length() && isDigit(text.charAt(at));
	}

	private double name() {
		int start = position;
		while (position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
			position++;
		}
		String name = text.substring(start, position).toLowerCase(Locale.ROOT);
		skipSpaces();
		if (!take('(')) {
			return switch (name) {
				case "pi" -> Math.PI;
				case "e" -> Math.E;
				default -> throw new ArithmeticProblem("unknown name '" + name + "' at position " + (start + 1)
						+ " (constants: pi, e)");
			};
		}
		List<Double> arguments = nested(this::arguments);
		return ArithmeticFunctions.call(name, arguments, start);
	}

	private List<Double> arguments() {
		List<Double> arguments = new ArrayList<>();
		if (take(')')) {
			return arguments;
		}
		do {
			arguments.add(sum());
		}
		while (take(','));
		expect(')');
		return arguments;
	}

	/** Guards the parser's recursion, so deep nesting is refused rather than overflowing the stack. */
	private <T> T nested(java.util.function.Supplier<T> step) {
		if (++depth > MAX_DEPTH) {
			throw new ArithmeticProblem("the expression is nested more than " + MAX_DEPTH + " levels deep");
		}
		try {
			return step.get();
		}
		finally {
			depth--;
		}
	}

	private boolean take(char expected) {
		if (position < text.length() && text.charAt(position) == expected) {
			position++;
			skipSpaces();
			return true;
		}
		return false;
	}

	private void expect(char expected) {
		if (!take(expected)) {
			throw atEnd() ? new ArithmeticProblem("the expression ends where '" + expected + "' was expected")
					: new ArithmeticProblem("expected '" + expected + "' at position " + (position + 1) + " but found '"
							+ text.charAt(position) + "'");
		}
	}

	private ArithmeticProblem unexpected() {
		return new ArithmeticProblem("unexpected '" + text.charAt(position) + "' at position " + (position + 1));
	}

	/** ASCII digits only: {@code Double.parseDouble} reads no others. */
	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private boolean atEnd() {
		return position >= text.length();
	}

	private void skipSpaces() {
		while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
			position++;
		}
	}

	/** Why an expression cannot be worked out, in words for the model or a person. */
	static final class ArithmeticProblem extends RuntimeException {

		ArithmeticProblem(String message) {
			super(message, null, false, false);
		}
	}
}
