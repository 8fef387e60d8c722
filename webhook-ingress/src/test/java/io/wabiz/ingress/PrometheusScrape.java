package io.wabiz.ingress;

import java.util.Arrays;

/** Reads one sample of the ingress' Prometheus scrape. */
final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /** The value of the first sample of {@code metric} whose labels contain {@code labelFragment}; 0 if none. */
    static double value(IngressHttpTest test, String metric, String labelFragment) {
        String scrape = test.get("/actuator/prometheus").body();
        return Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> line.contains(labelFragment))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
