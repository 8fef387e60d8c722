package io.wabiz.conversations.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items, which page it is (from 0), its size, and how many items there are in all.
 */
public record PageView<T>(List<T> items, int page, int size, long totalElements, int totalPages) {

    public static <T> PageView<T> of(List<T> items, PageRequest request, long total) {
        int pages = (int) ((total + request.size() - 1) / request.size());
        return new PageView<>(items, request.page(), request.size(), total, pages);
    }

    public <R> PageView<R> map(Function<T, R> mapper) {
        return new PageView<>(items.stream().map(mapper).toList(), page, size, totalElements, totalPages);
    }

    /** A page asked for: {@code page} from 0, {@code size} items. */
    public record PageRequest(int page, int size) {

        public PageRequest {
            if (page < 0) {
                throw new IllegalArgumentException("page must be 0 or more, was " + page);
            }
            if (size < 1) {
                throw new IllegalArgumentException("size must be at least 1, was " + size);
            }
        }

        public long offset() {
            return (long) page * size;
        }

        /** Reads the request parameters, with the configured default and maximum size. */
        public static PageRequest of(Integer page, Integer size, int defaultSize, int maxSize) {
            int actualSize = size == null ? defaultSize : size;
            if (actualSize > maxSize) {
                throw new IllegalArgumentException("size must be at most " + maxSize + ", was " + actualSize);
            }
            return new PageRequest(page == null ? 0 : page, actualSize);
        }
    }
}
