package io.wabiz.odoosim.orm;

import java.util.List;
import java.util.Map;

/**
 * A method callable through {@code execute_kw}.
 *
 * @param onRecords true when {@code args[0]} is the list of record ids (every method but {@code @api.model} ones)
 * @param readOnly  true when it changes nothing: it runs without taking the writer's lock
 */
public record RpcMethod(boolean onRecords, boolean readOnly, Body body) {

    @FunctionalInterface
    public interface Body {
        /** @param ids the records ({@code args[0]}) for record methods, empty for model methods */
        Object call(Transaction tx, List<Long> ids, List<Object> args, Map<String, Object> kwargs);
    }

    public static RpcMethod onRecords(Body body) {
        return new RpcMethod(true, false, body);
    }

    public static RpcMethod onModel(Body body) {
        return new RpcMethod(false, false, body);
    }

    public static RpcMethod readingModel(Body body) {
        return new RpcMethod(false, true, body);
    }

    public static RpcMethod readingRecords(Body body) {
        return new RpcMethod(true, true, body);
    }
}
