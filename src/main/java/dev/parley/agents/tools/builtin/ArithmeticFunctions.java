package dev.parley.agents.tools.builtin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import dev.parley.agents.tools.builtin.Arithmetic.ArithmeticProblem;

/**
 * The functions {@link Arithmetic} knows, and its checks that a step's result is a finite real
 * number. Names arrive lower-cased; {@code start} is where the call begins, for the error.
 */
final class ArithmeticFunctions {

	private ArithmeticFunctions() {
	}

	/** The value of function {@code name} of {@code args}, called at position {@code start}. */
	static double call(String name, List<Double> args, int start) {
		return switch (name) {
			case "sqrt" -> real(Math.sqrt(one(name, args)), name);
			case "abs" -> Math.abs(one(name, args));
			case "ln" -> real(Math.log(one(name, args)), name);
			case "exp" -> finite(Math.exp(one(name, args)), name);
			case "sin" -> Math.sin(one(name, args));
			case "cos" -> Math.cos(one(name, args));
			case "tan" -> real(Math.tan(one(name, args)), name);
			case "log" -> {
				arity(name, args, 1, 2);
				double value = real(Math.log10(args.get(0)), name);
				if (args.size() == 1) {
					yield value;
				}
				double base = real(Math.log10(args.get(1)), name);
				if (base == 0) {
					throw new ArithmeticProblem("log with base 1 is undefined");
				}
				yield value / base;
			}
			case "round" -> {
				arity(name, args, 1, 2);
				int places = args.size() == 1 ? 0 : (int) Math.max(-20, Math.min(20, Math.rint(args.get(1))));
				yield BigDecimal.valueOf(args.get(0)).setScale(places, RoundingMode.HALF_UP).doubleValue();
			}
			case "min" -> {
				arity(name, args, 1, Integer.MAX_VALUE);
				yield args.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
			}
			case "max" -> {
				arity(name, args, 1, Integer.MAX_VALUE);
				yield args.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
			}
			default -> throw new ArithmeticProblem("unknown function '" + name + "' at position " + (start + 1)
					+ " (functions: sqrt, abs, min, max, round, ln, log, exp, sin, cos, tan)");
		};
	}

	private static double one(String name, List<Double> args) {
		arity(name, args, 1, 1);
		return args.getFirst();
	}

	private static void arity(String name, List<Double> args, int least, int most) {
		if (args.size() < least || args.size() > most) {
			String expected = least == most ? least + " argument" + (least == 1 ? "" : "s")
					: most == Integer.MAX_VALUE ? "at least " + least + " argument" + (least == 1 ? "" : "s")
							: least + " or " + most + " arguments";
			throw new ArithmeticProblem(name + " takes " + expected + ", not " + args.size());
		}
	}

	/** {@code value}, refused when it overflowed or is no real number. */
	static double finite(double value, String step) {
		if (Double.isInfinite(value)) {
			throw new ArithmeticProblem("the result is too large (overflow at " + step + ")");
		}
		return real(value, step);
	}

	/** {@code value}, refused when it is no real number. */
	static double real(double value, String step) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			throw new ArithmeticProblem("the result of " + step + " is not a real number");
		}
		return value;
	}

}
