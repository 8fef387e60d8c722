package io.wabiz.events.erp;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

public enum PaymentState { NOT_PAID, PARTIAL, IN_PAYMENT, PAID, REVERSED, @JsonEnumDefaultValue UNKNOWN }
