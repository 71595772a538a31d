package com.acme.tiering.security;

import java.beans.PropertyEditorSupport;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Numbers in addresses and parameters are written in decimal digits, nothing else. Spring's own number editor
 * reads {@code 0x10} and {@code #10} as 16 and trims spaces first (and a failed conversion falls back to it), so
 * {@code /api/v1/rulesets/0x10} answered version 16: one resource under many names, which caches, the audit trail
 * and anything that compares addresses do not expect. A number written any other way is a type mismatch, answered
 * 400 naming the parameter, on pages and in the API alike.
 */
@ControllerAdvice
class DecimalNumbers {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

    @InitBinder
    void decimalDigitsOnly(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new Decimal(value -> value, false));
        binder.registerCustomEditor(Long.class, new Decimal(value -> value, true));
        binder.registerCustomEditor(int.class, new Decimal(Math::toIntExact, false));
        binder.registerCustomEditor(Integer.class, new Decimal(Math::toIntExact, true));
    }

    private static final class Decimal extends PropertyEditorSupport {

        private final LongFunction<Object> narrowed;
        private final boolean emptyIsNull;

        Decimal(LongFunction<Object> narrowed, boolean emptyIsNull) {
            this.narrowed = narrowed;
            this.emptyIsNull = emptyIsNull;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty() && emptyIsNull) {
                setValue(null);
                return;
            }
            if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a number written in decimal digits");
            }
            try {
                setValue(narrowed.apply(Long.parseLong(text)));
            }
            catch (ArithmeticException | NumberFormatException outOfRange) {
                throw new IllegalArgumentException("'" + text + "' is out of range", outOfRange);
            }
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
