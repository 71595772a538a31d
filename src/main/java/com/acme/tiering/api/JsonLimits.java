package com.acme.tiering.api;

import java.math.BigDecimal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * What JSON the service reads beyond Jackson's stream limits (spring.jackson.factory.constraints.read.*): a
 * decimal like 1e999999999 is 11 characters yet a billion digits once written out, and so would stall or
 * overflow whatever formats or rescales it. Decimals with an exponent beyond ±{@value #MAX_DECIMAL_SCALE} are refused.
 * So are decimals of more than {@value #MAX_DIGITS} digits, here rather than by the stream limit, because here the
 * refusal can name the field: the parser's own limit ({@value #MAX_NUMBER_LENGTH} characters) knows no field.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

    /** Kept in line with spring.jackson.factory.constraints.read.max-nesting-depth in application.yml. */
    static final int MAX_NESTING_DEPTH = 64;

    /** Kept in line with spring.jackson.factory.constraints.read.max-number-length in application.yml. */
    static final int MAX_NUMBER_LENGTH = 1000;

    static final int MAX_DECIMAL_SCALE = 100;

    static final int MAX_DIGITS = 100;

    @Bean
    JacksonModule boundedDecimals() {
        return new SimpleModule("bounded-decimals").addDeserializer(BigDecimal.class, new BoundedDecimal());
    }

    /** A decimal longer than {@value #MAX_DIGITS} digits; said as such, not as a malformed number. */
    static final class TooManyDigits extends InvalidFormatException {

        TooManyDigits(JsonParser parser, BigDecimal value) {
            super(parser, "Decimal with more than " + MAX_DIGITS + " digits", value, BigDecimal.class);
        }
    }

    private static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            BigDecimal value = super.deserialize(parser, context);
            if (value != null && Math.abs((long) value.scale()) > MAX_DECIMAL_SCALE) {
                throw InvalidFormatException.from(parser, "Decimal exponent out of range", value, BigDecimal.class);
            }
            if (value != null && value.precision() > MAX_DIGITS) {
                throw new TooManyDigits(parser, value);
            }
            return value;
        }
    }
}
