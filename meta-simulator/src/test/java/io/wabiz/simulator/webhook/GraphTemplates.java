package io.wabiz.simulator.webhook;

/** Template sends as the outbound-sender builds them. */
final class GraphTemplates {

    private GraphTemplates() {
    }

    static String orderCreated(String to, String confirmPayload) {
        return """
                {"messaging_product":"whatsapp","to":"%s","type":"template","biz_opaque_callback_data":"cmd-%s",
                 "template":{"name":"order_created","language":{"code":"fr"},"components":[
                  {"type":"body","parameters":[{"type":"text","text":"Awa"},{"type":"text","text":"S00042"},
                   {"type":"currency","currency":{"fallback_value":"125 000 XOF","code":"XOF","amount_1000":125000000}}]},
                  {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"%s"}]}]}}"""
                .formatted(to, to, confirmPayload);
    }
}
