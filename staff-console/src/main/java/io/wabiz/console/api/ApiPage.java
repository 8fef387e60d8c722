package io.wabiz.console.api;

import java.util.List;

/** One page of a service's list ({@code {items, page, size, totalElements, totalPages}}). */
public record ApiPage<T>(List<T> items, int page, int size, long totalElements, int totalPages) {

    public ApiPage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean hasNext() {
        return page + 1 < totalPages;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
