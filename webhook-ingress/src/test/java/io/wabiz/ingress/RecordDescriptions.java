package io.wabiz.ingress;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.whatsapp.AccountNoticeReceived;
import io.wabiz.events.whatsapp.BusinessMessageEchoed;
import io.wabiz.events.whatsapp.InboundContent;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.MetaError;
import io.wabiz.events.whatsapp.WebhookReceived;
import java.util.stream.Collectors;

/** One line per record with what a test wants to see of it: its key and its distinguishing content. */
final class RecordDescriptions {

    private RecordDescriptions() {
    }

    static String describe(TopicRecord record) {
        return switch (record) {
            case InboundMessageReceived m -> "message " + m.key() + " " + m.wamid() + " " + content(m.content())
                    + (m.context() == null ? "" : " re:" + m.context().wamid());
            case MessageStatusChanged s -> "status " + s.key() + " " + s.wamid() + " " + s.status()
                    + (s.errors().isEmpty() ? "" : " " + errors(s.errors()));
            case AccountNoticeReceived n -> "notice " + n.key() + " " + n.field() + " " + n.event()
                    + (n.template() == null ? "" : " template:" + n.template().name())
                    + (n.errors().isEmpty() ? "" : " " + errors(n.errors()));
            case WebhookReceived w -> "raw " + w.key() + (w.problem() == null ? "" : " problem");
            case BusinessMessageEchoed e -> "echo " + e.key() + " " + e.wamid() + " " + content(e.content());
            default -> record.toString();
        };
    }

    private static String errors(java.util.List<MetaError> errors) {
        return errors.stream().map(e -> String.valueOf(e.code())).collect(Collectors.joining(",", "errors:", ""));
    }

    private static String content(InboundContent content) {
        return switch (content) {
            case InboundContent.Text t -> "text:" + t.body();
            case InboundContent.ButtonReply b -> "button:" + b.buttonId();
            case InboundContent.ListReply l -> "list:" + l.rowId();
            case InboundContent.QuickReply q -> "quick:" + q.payload();
            case InboundContent.Media m -> m.mediaKind().name().toLowerCase() + ":" + m.mediaId();
            case InboundContent.Location l -> "location:" + l.latitude() + "," + l.longitude();
            case InboundContent.Contacts c -> "contacts:" + c.contacts().getFirst().formattedName();
            case InboundContent.Reaction r -> "reaction:" + r.emoji();
            case InboundContent.Order o -> "order:" + o.items().stream().map(i -> i.productRetailerId() + "x" + i.quantity())
                    .collect(Collectors.joining(","));
            case InboundContent.FlowReply f -> "flow:" + f.name() + ":" + f.body();
            case InboundContent.SystemEvent e -> "system:" + e.event() + (e.newWaId() == null ? "" : ":" + e.newWaId());
            case InboundContent.Edit e -> "edit:" + e.originalWamid() + "->" + content(e.content());
            case InboundContent.Revoke r -> "revoke:" + r.originalWamid();
            case InboundContent.Unsupported u -> "unsupported:" + u.metaType() + " " + errors(u.errors());
        };
    }
}
