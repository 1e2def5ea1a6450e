package io.quarkmall.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators (jqwik) of hostile input: wrong types, nulls, huge and fractional numbers, long and
 * odd unicode text, control characters, duplicate keys, deep nesting, broken JSON and oversized
 * bodies, shaped by an operation's OpenAPI schema so that some inputs get past the first check.
 */
final class FuzzInputs {

    private FuzzInputs() {
    }

    /** A raw parameter value (it is percent-encoded when sent). */
    static Arbitrary<String> parameter() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().map(String::valueOf)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("0", "-1", "2147483647", "2147483648", "-2147483649",
                        "9223372036854775807", "99999999999999999999999", "1.5", "1e309", "NaN", "", " ", "null",
                        "true", "../../etc/passwd", "%00", "' OR 1=1--", "<script>alert(1)</script>", "${jndi:x}",
                        "PENDING", "CANCELLED", "TEA-1", "E2E-SKU-1")),
                net.jqwik.api.Tuple.of(2, text()),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(200).ofMaxLength(4000)));
    }

    /** Text of every kind: letters, CJK, emoji, controls, and characters that are not text at all. */
    static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5),
                Arbitraries.of("😀🛒", "\u202Eevil", "\uFEFF", "a\u0000b", "\uD800", "Ｔｅａ", "null"));
    }

    /** A JSON value of any type, nested up to {@code depth}. */
    static Arbitrary<String> anyJson(int depth) {
        var scalar = Arbitraries.oneOf(number(), text().map(FuzzInputs::quote), Arbitraries.of("null", "true", "false"));
        if (depth <= 0) {
            return scalar;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar),
                net.jqwik.api.Tuple.of(1, anyJson(depth - 1).list().ofMaxSize(3).map(xs -> "[" + String.join(",", xs) + "]")),
                net.jqwik.api.Tuple.of(1, Combinators.combine(text(), anyJson(depth - 1))
                        .as((k, v) -> "{" + quote(k) + ":" + v + "}")));
    }

    static Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(19), BigInteger.TEN.pow(40)).map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "1.5"),
                Arbitraries.of("0", "-0", "1.0", "0.5", "1e2", "1E400", "-1", "1.5"));
    }

    /** A body for an operation: mostly its own fields with hostile values, sometimes anything at all. */
    static Arbitrary<String> body(JsonNode schema) {
        List<String> fields = new ArrayList<>();
        if (schema != null) {
            schema.path("properties").fieldNames().forEachRemaining(fields::add);
        }
        var shaped = fields.isEmpty() ? anyJson(2)
                : Arbitraries.of(fields).list().ofMinSize(0).ofMaxSize(fields.size() + 2)
                        .flatMap(keys -> Combinators.combine(keys.stream().map(k -> anyJson(2).map(v -> quote(k) + ":" + v))
                                .toList()).as(members -> "{" + String.join(",", members) + "}"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, shaped),
                net.jqwik.api.Tuple.of(2, anyJson(3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(20, 200).map(FuzzInputs::nested)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "{", "{\"a\":}", "[1,2", "{'single':1}", "nul", "{}}",
                        "\u0000", "<xml/>")),
                net.jqwik.api.Tuple.of(1, shaped.map(json -> json.startsWith("{\"") ? json.replaceFirst("\\{", "{\"dup\":1,\"dup\":2,") : json)));
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    static String quote(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
