package io.wabiz.scenarioengine.texts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The named values a text may quote, each with the most characters it can bring: a value longer than that is
 * cut when the text is rendered, so that a text checked against WhatsApp's limits when it is saved (with every
 * placeholder at its longest) still fits when it runs.
 */
public enum Placeholder {
    CUSTOMER_NAME("customerName", 40),
    ORDER_NUMBER("orderNumber", 24),
    ORDER_TOTAL("orderTotal", 24),
    ORDER_STATE("orderState", 40),
    INVOICE_NUMBER("invoiceNumber", 24),
    INVOICE_TOTAL("invoiceTotal", 24),
    INVOICE_RESIDUAL("invoiceResidual", 24),
    INVOICE_DUE_DATE("invoiceDueDate", 20),
    NEXT_OPENING("nextOpening", 40),
    EXPECTED_WITHIN("expectedWithin", 30),
    COUNT("count", 4),
    SHOWN("shown", 2);

    private static final Map<String, Placeholder> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Placeholder::placeholderName, Function.identity()));

    private final String name;
    private final int maxLength;

    Placeholder(String name, int maxLength) {
        this.name = name;
        this.maxLength = maxLength;
    }

    /** The name written between braces in a text. */
    public String placeholderName() {
        return name;
    }

    public int maxLength() {
        return maxLength;
    }

    public static Optional<Placeholder> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Which placeholders a text may use, by what it is about. */
    public enum Scope {
        GENERAL(EnumSet.of(CUSTOMER_NAME)),
        ORDER(EnumSet.of(CUSTOMER_NAME, ORDER_NUMBER, ORDER_TOTAL, ORDER_STATE)),
        INVOICE(EnumSet.of(CUSTOMER_NAME, INVOICE_NUMBER, INVOICE_TOTAL, INVOICE_RESIDUAL, INVOICE_DUE_DATE)),
        HAND_OFF(EnumSet.of(CUSTOMER_NAME, NEXT_OPENING, EXPECTED_WITHIN)),
        LIST(EnumSet.of(CUSTOMER_NAME, COUNT, SHOWN));

        private final Set<Placeholder> allowed;

        Scope(Set<Placeholder> allowed) {
            this.allowed = Set.copyOf(allowed);
        }

        public Set<Placeholder> allowed() {
            return allowed;
        }
    }
}
