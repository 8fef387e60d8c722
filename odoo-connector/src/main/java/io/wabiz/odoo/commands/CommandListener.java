package io.wabiz.odoo.commands;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.erp.CancelSalesOrder;
import io.wabiz.events.erp.ConfirmSalesOrder;
import io.wabiz.events.erp.NotificationRecorded;
import io.wabiz.events.erp.PaymentReceived;
import io.wabiz.odoo.health.PausedException;
import io.wabiz.odoo.rpc.OdooFault;
import io.wabiz.odoo.rpc.OdooUnavailable;
import io.wabiz.platform.kafka.NonRetryableException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The platform's commands to Odoo, one record at a time per partition (a document's commands keep their order).
 * A command is acknowledged only when it is applied, refused on purpose, or clearly impossible; in the last case it
 * goes to {@code <topic>-dlt} with Odoo's own words. Odoo unreachable, a transient database error or a paused
 * connector: {@link NotReady}, delivered again with backoff for as long as it takes.
 */
public class CommandListener {

    private static final Logger log = LoggerFactory.getLogger(CommandListener.class);

    private final OrderCommands orders;
    private final NotificationFlags flags;
    private final PaymentBooking payments;
    private final CommandLog commandLog;
    private final MeterRegistry meters;

    public CommandListener(OrderCommands orders, NotificationFlags flags, PaymentBooking payments,
                           CommandLog commandLog, MeterRegistry meters) {
        this.orders = orders;
        this.flags = flags;
        this.payments = payments;
        this.commandLog = commandLog;
        this.meters = meters;
    }

    @KafkaListener(id = "odoo-commands", idIsGroup = false, topics = Topics.ERP_COMMANDS)
    public void onCommand(ConsumerRecord<String, TopicRecord> record) {
        switch (record.value()) {
            case ConfirmSalesOrder confirm -> run("confirm", OrderCommands.key(true, confirm.id(), confirm.orderId(),
                    confirm.tap()), () -> orders.apply(true, confirm.id(), confirm.orderId(), confirm.tap()));
            case CancelSalesOrder cancel -> run("cancel", OrderCommands.key(false, cancel.id(), cancel.orderId(),
                    cancel.tap()), () -> orders.apply(false, cancel.id(), cancel.orderId(), cancel.tap()));
            case null -> throw new NonRetryableException("a record without a value on " + record.topic());
            default -> throw new NonRetryableException("not a command for Odoo: "
                    + record.value().getClass().getSimpleName());
        }
    }

    @KafkaListener(id = "odoo-notifications", idIsGroup = false, topics = Topics.ERP_NOTIFICATIONS)
    public void onNotification(ConsumerRecord<String, TopicRecord> record) {
        if (!(record.value() instanceof NotificationRecorded notification)) {
            throw new NonRetryableException("expected NotificationRecorded on " + record.topic());
        }
        run("flag", NotificationFlags.key(notification), () -> flags.apply(notification));
    }

    @KafkaListener(id = "odoo-payments", idIsGroup = false, topics = Topics.ERP_PAYMENTS)
    public void onPayment(ConsumerRecord<String, TopicRecord> record) {
        if (!(record.value() instanceof PaymentReceived payment)) {
            throw new NonRetryableException("expected PaymentReceived on " + record.topic());
        }
        run("payment", PaymentBooking.key(payment), () -> payments.apply(payment));
    }

    private void run(String type, String key, Supplier<Outcome> work) {
        try {
            Outcome outcome = work.get();
            meters.counter("odoo.commands", "type", type, "outcome", outcome.status().name()).increment();
            log.info("{} {}: {}", type, key, outcome.detail());
        } catch (OdooUnavailable | PausedException e) {
            meters.counter("odoo.commands", "type", type, "outcome", "WAITING").increment();
            throw new NotReady(type + " " + key + " waits: " + e.getMessage(), e);
        } catch (OdooFault fault) {
            if (fault.kind() == OdooFault.Kind.TRANSIENT || fault.kind() == OdooFault.Kind.AUTHENTICATION
                    || fault.kind() == OdooFault.Kind.AUTHORIZATION) {
                meters.counter("odoo.commands", "type", type, "outcome", "WAITING").increment();
                throw new NotReady(type + " " + key + " waits: " + fault.describe(), fault);
            }
            failed(type, key, fault.describe());
            // no cause: the dead letter's reason header is the root cause's message, and this one names Odoo's
            // exception and the call along with Odoo's own words
            throw new NonRetryableException(fault.describe());
        } catch (IllegalArgumentException e) {
            failed(type, key, e.getMessage());
            throw new NonRetryableException(e.getMessage(), e);
        }
    }

    private void failed(String type, String key, String reason) {
        if (commandLog.find(key) != null) {
            commandLog.finish(key, AppliedCommand.Status.FAILED, reason);
        }
        meters.counter("odoo.commands", "type", type, "outcome", "FAILED").increment();
        log.warn("{} {} cannot be applied: {}", type, key, reason);
    }
}
