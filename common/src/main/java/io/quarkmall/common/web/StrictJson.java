package io.quarkmall.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * JSON is read strictly, so that what a client sends is what we act on: a key sent twice, a
 * fraction where a whole number belongs, trailing garbage, a document nested deeper than any of
 * ours, and text with control characters (PostgreSQL refuses NUL) are all refused with 400 instead
 * of being guessed at, truncated or failing later in the database. A missing or null plain number
 * stays 0, as consumers read only the fields they need of an event: requests mark what they
 * require with {@code @NotNull} on boxed types.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** No request or event of ours nests deeper than a handful of levels. */
    static final int MAX_NESTING = 32;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxStringLength(1_000_000).maxNumberLength(64).build());
        mapper.registerModule(new SimpleModule("quarkmall-strict-text").addDeserializer(String.class, new PrintableText()));
    }

    /** Text without C0 control characters other than tab, line feed and carriage return. */
    static final class PrintableText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = super.deserialize(p, ctxt);
            if (text != null && hasControlCharacter(text)) {
                throw InvalidFormatException.from(p, "Text must not contain control characters", text, String.class);
            }
            return text;
        }

        static boolean hasControlCharacter(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                    return true;
                }
            }
            return false;
        }
    }
}
