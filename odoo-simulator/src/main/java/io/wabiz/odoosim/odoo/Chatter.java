package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.OdooError;
import io.wabiz.odoosim.orm.PythonArgs;
import io.wabiz.odoosim.orm.RpcMethod;
import io.wabiz.odoosim.orm.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mail.thread.message_post}: a note or comment in a document's chatter, returning the new
 * {@code mail.message} id. 17 and 18 escape a plain-text body unless {@code body_is_html} is given; 16 keeps it.
 */
public final class Chatter {

    static final long SUBTYPE_DISCUSSIONS = 1;
    static final long SUBTYPE_NOTE = 2;

    private static final List<String> PARAMETERS = List.of("body", "subject", "message_type", "email_from",
            "author_id", "parent_id", "subtype_xmlid", "subtype_id", "partner_ids", "attachments", "attachment_ids",
            "body_is_html");

    private Chatter() {
    }

    static RpcMethod messagePost(String model) {
        return RpcMethod.onRecords((tx, ids, args, kwargs) -> {
            if (!args.isEmpty()) {
                throw OdooError.typeError("MailThread.message_post() takes 1 positional argument but "
                        + (args.size() + 1) + " were given");
            }
            long id = Rows.single(model, ids);
            Rows.require(tx, model, id);
            PythonArgs a = PythonArgs.bind("message_post", PARAMETERS, 0, List.of(), kwargs);
            String body = a.string("body", "");
            boolean html = a.has("body_is_html") && Boolean.TRUE.equals(a.get("body_is_html"));
            if (tx.database().odooVersion().atLeast(17) && !html) {
                body = escape(body).replace("\n", "<br>");
            }
            String subtypeXmlId = a.string("subtype_xmlid", "mail.mt_note");
            long subtype = "mail.mt_comment".equals(subtypeXmlId) ? SUBTYPE_DISCUSSIONS : SUBTYPE_NOTE;
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("model", model);
            message.put("res_id", id);
            message.put("body", "<p>" + body + "</p>");
            message.put("subject", a.string("subject", null));
            message.put("message_type", a.string("message_type", "notification"));
            message.put("subtype_id", subtype);
            message.put("author_id", tx.get("res.users", tx.env().uid(), "partner_id"));
            message.put("date", tx.now());
            return tx.insert("mail.message", message);
        });
    }

    /** A line the ORM writes itself (state changes), like Odoo's tracking messages. */
    static void log(Transaction tx, String model, long id, String text) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("model", model);
        message.put("res_id", id);
        message.put("body", "<p>" + escape(text) + "</p>");
        message.put("message_type", "notification");
        message.put("subtype_id", SUBTYPE_NOTE);
        message.put("author_id", tx.get("res.users", tx.env().uid(), "partner_id"));
        message.put("date", tx.now());
        tx.insert("mail.message", message);
    }

    /** The messages of a document, newest first, for the page. */
    public static List<Map<String, Object>> of(Transaction tx, String model, long id) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (Long messageId : tx.ids("mail.message")) {
            Map<String, Object> row = tx.row("mail.message", messageId);
            if (model.equals(row.get("model")) && Long.valueOf(id).equals(row.get("res_id"))) {
                messages.add(row);
            }
        }
        return messages.reversed();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }
}
