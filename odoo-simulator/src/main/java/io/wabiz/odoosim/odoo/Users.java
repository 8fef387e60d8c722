package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.ModelBehaviour;
import io.wabiz.odoosim.orm.RpcMethod;
import io.wabiz.odoosim.orm.Transaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code res.users}: {@code context_get} gives the calling user's language and time zone. */
final class Users implements ModelBehaviour {

    @Override
    public Optional<RpcMethod> method(String name) {
        if (!name.equals("context_get")) {
            return Optional.empty();
        }
        return Optional.of(RpcMethod.readingModel((tx, ids, args, kwargs) -> context(tx)));
    }

    private static Map<String, Object> context(Transaction tx) {
        Map<String, Object> user = tx.row("res.users", tx.env().uid());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("lang", user.getOrDefault("lang", "en_US"));
        context.put("tz", user.getOrDefault("tz", false));
        context.put("uid", tx.env().uid());
        return context;
    }
}
