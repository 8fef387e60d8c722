package io.wabiz.events.erp;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

public enum OptInState { OPTED_IN, OPTED_OUT, @JsonEnumDefaultValue UNKNOWN }
