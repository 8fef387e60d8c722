package io.wabiz.console.api;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.springframework.web.util.UriBuilder;

/** Query parameters as URI variables, so that a '+' in a phone number or a ':' in an id arrive as typed. */
final class QueryUris {

    private QueryUris() {
    }

    /** The URI with every non-blank filter as a query parameter. */
    static URI of(UriBuilder builder, Map<String, String> filters) {
        Map<String, String> values = new HashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                builder.queryParam(name, "{" + name + "}");
                values.put(name, value);
            }
        });
        return builder.build(values);
    }
}
