package io.wabiz.bench.invoices;

import io.wabiz.events.erp.DocumentLine;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.InvoicePosted;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.erp.PaymentState;
import io.wabiz.events.kafka.CloudEventDeserializer;
import io.wabiz.events.kafka.CloudEventSerializer;
import io.wabiz.events.TopicRecord;
import io.wabiz.events.Topics;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.notification.messages.DocumentDates;
import io.wabiz.notification.money.MoneyFormat;
import io.wabiz.notifier.pdf.DocumentFormats;
import io.wabiz.notifier.pdf.InvoicePdfRenderer;
import io.wabiz.notifier.pdf.InvoicePdfRequest;
import io.wabiz.notifier.pdf.Letterhead;
import io.wabiz.notifier.pdf.PdfFonts;
import io.wabiz.testsupport.SharedKafkaBroker;
import io.wabiz.testsupport.SharedMongoServer;
import java.io.File;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Prints, side by side with their anchors:
 * <ol>
 * <li>a one-page invoice PDF with the embedded font, rendered on one thread after warm-up (p50/p95/p99), against
 * Odoo's renderer (wkhtmltopdf, a process per report as Odoo runs it) on an equivalent HTML invoice;</li>
 * <li>1,000 invoices posted at once through the billing-notifier jar (its own process, against a KRaft broker and
 * an embedded MongoDB in this JVM): time until every PDF is rendered and its command published, and the
 * notifier's peak RSS.</li>
 * </ol>
 */
public final class InvoiceBenchmark {

    private static final Letterhead COMPANY = new Letterhead("Sahel Matériaux SARL",
            List.of("Route de Rufisque, km 4", "Dakar, Sénégal"), List.of("NINEA 004567890 2G3",
            "RCCM SN-DKR-2021-B-1234"), "+221 33 800 00 00", "compta@sahel-materiaux.sn", null);
    private static final List<String> PRODUCTS = List.of("Ciment CPJ 45 (sac 50 kg)", "Fer à béton 10 mm",
            "Thiéboudienne — riz brisé parfumé", "Ñambi (manioc) séché", "تمر مجهول", "Ëttu këriñ (charbon) 25 kg");

    public static void main(String[] args) throws Exception {
        System.out.printf("invoices benchmark - %s, %d cores (shared with other work: figures are indicative)%n",
                Instant.now(), Runtime.getRuntime().availableProcessors());
        String parts = System.getProperty("bench.parts", "1,2");
        if (parts.contains("1")) {
            pdfs();
        }
        if (parts.contains("2")) {
            thousandInvoices();
        }
        System.exit(0); // the broker's threads would keep the JVM alive
    }

    private static void pdfs() throws Exception {
        InvoicePdfRenderer renderer = new InvoicePdfRenderer(PdfFonts.dejaVuSans(), new DocumentFormats() {
            @Override
            public String money(BigDecimal amount, String currency, Locale locale) {
                return MoneyFormat.format(amount, currency, locale);
            }

            @Override
            public String date(LocalDate date, Locale locale) {
                return DocumentDates.format(date, locale);
            }
        });
        Invoice invoice = invoice("account.move/5531", 10, "res.partner/42");
        InvoicePdfRequest request = new InvoicePdfRequest(invoice, COMPANY, List.of("Médina, Dakar"),
                "https://pay.wabiz.example/pay/Zm9vYmFyLmJheg.abcdefghijklmnop", Locale.FRENCH);
        int warmUp = Integer.getInteger("bench.warmUp", 3000);
        int measured = Integer.getInteger("bench.renders", 3000);
        byte[] pdf = null;
        for (int i = 0; i < warmUp; i++) {
            pdf = renderer.render(request);
        }
        Histogram openPdf = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        // CPU time is what the render costs whatever else the cores do; wall time includes waiting for a core
        Histogram openPdfCpu = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < measured; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            pdf = renderer.render(request);
            openPdf.recordValue(System.nanoTime() - start);
            openPdfCpu.recordValue(Math.max(1, threads.getCurrentThreadCpuTime() - cpu));
        }
        System.out.printf("%n1. One-page invoice PDF (10 lines, DejaVu Sans embedded, QR code), one thread, after %d"
                + " warm-up renders, %d measured (%d bytes each):%n", warmUp, measured, pdf.length);
        print("   OpenPDF (notifier)", openPdf);
        print("   OpenPDF, CPU time of the thread", openPdfCpu);
        System.out.println("   anchor: p95 < 10 ms");

        Path dir = Files.createTempDirectory("odoo-like");
        Path html = dir.resolve("invoice.html");
        Files.writeString(html, OdooLikeHtml.of(invoice, COMPANY, fontPath(dir)));
        String tool = tool();
        if (tool == null) {
            System.out.println("   Odoo's renderer: neither wkhtmltopdf nor chromium is installed (bench/invoices/"
                    + "install-wkhtmltopdf installs it): no comparison");
            return;
        }
        int runs = Integer.getInteger("bench.odooRuns", 20);
        Histogram odoo = new Histogram(TimeUnit.SECONDS.toNanos(120), 3);
        for (int i = -2; i < runs; i++) {
            Path out = dir.resolve("out-" + i + ".pdf");
            List<String> command = tool.endsWith("wkhtmltopdf")
                    ? List.of(tool, "--quiet", "--encoding", "utf-8", "--enable-local-file-access", html.toString(),
                    out.toString())
                    : List.of(tool, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf=" + out, html.toUri().toString());
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("tool.log").toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || !Files.exists(out)) {
                throw new IllegalStateException(tool + " did not render the HTML invoice; see " + dir);
            }
            if (i >= 0) {
                odoo.recordValue(System.nanoTime() - start);
            }
        }
        print("   " + (tool.endsWith("wkhtmltopdf") ? "wkhtmltopdf (Odoo's renderer)" : "headless Chromium print"),
                odoo);
        System.out.printf("   OpenPDF is %.0fx faster at the median and %.0fx at p95 (anchor: at least 50x)%n",
                (double) odoo.getValueAtPercentile(50) / openPdf.getValueAtPercentile(50),
                (double) odoo.getValueAtPercentile(95) / openPdf.getValueAtPercentile(95));
        System.out.printf("   load average %s at the end of part 1%n", loadAverage());
    }

    private static void thousandInvoices() throws Exception {
        int count = Integer.getInteger("bench.invoices", 1000);
        String kafka = SharedKafkaBroker.bootstrapServers();
        String mongo = SharedMongoServer.connectionString("billing-notifier-bench");
        File log = new File(System.getProperty("bench.logs", "target"), "notifier.log");
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String javaOpts = System.getProperty("bench.notifierJavaOpts",
                "-Xmx160m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m");
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java"));
        command.addAll(List.of(javaOpts.trim().split("\\s+")));
        command.addAll(List.of("-jar", System.getProperty("bench.notifierJar"),
                "--server.port=" + port, "--spring.kafka.bootstrap-servers=" + kafka, "--spring.mongodb.uri=" + mongo,
                "--notifier.default-business-phone-number-id=100000000000001",
                "--notifier.invoices.signing-key=bench-link-signing-key-not-a-secret-0123456789",
                "--notifier.invoices.payments.wave.api-key=bench-not-a-key",
                "--notifier.invoices.payments.wave.webhook-secret=bench-not-a-secret",
                "--logging.level.io.wabiz=WARN", "--logging.structured.format.console="));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        // glibc's per-thread malloc arenas are tens of MB of RSS for a JVM with many threads (as deployed)
        builder.environment().put("MALLOC_ARENA_MAX", System.getProperty("bench.mallocArenaMax", "2"));
        Process notifier = builder.start();
        System.out.printf("%n2. %d invoices posted at once (notifier log: %s)%n", count, log);
        try (KafkaProducer<String, TopicRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new CloudEventSerializer("/bench"));
             KafkaConsumer<String, TopicRecord> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(),
                     new CloudEventDeserializer())) {
            awaitHealthy(port, notifier);
            consumer.subscribe(List.of(Topics.OUTBOUND_COMMANDS));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            String run = Long.toString(System.currentTimeMillis(), 36);
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(Topics.ERP_PARTNERS, "res.partner/" + run + i, partner(run, i)));
            }
            producer.flush();
            // the partner projection catches up first (its consumer group has no lag left): this part measures
            // the invoices, not the partners; on a loaded machine that took minutes, a fixed pause was not enough
            long partnersStart = System.nanoTime();
            awaitNoLag(kafka, "billing-notifier", Topics.ERP_PARTNERS, Duration.ofMinutes(5));
            System.out.printf("   (%d partners projected first, in %.1f s)%n", count,
                    (System.nanoTime() - partnersStart) / 1e9);
            AtomicLong peakRss = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakRss.accumulateAndGet(rss(notifier.pid()), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            // round 1 is the notifier's first invoices since it started (its JIT compiles the renderer meanwhile);
            // round 2 the same number again, on a notifier that has rendered some: a month's end on a running one
            int rounds = Integer.getInteger("bench.invoiceRounds", 2);
            for (int round = 1; round <= rounds; round++) {
                String batch = run + "r" + round + "-";
                double cpuBefore = cpuSeconds(notifier);
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    Invoice invoice = invoice("account.move/" + batch + i, 10, "res.partner/" + run + i);
                    producer.send(new ProducerRecord<>(Topics.ERP_INVOICES, invoice.invoiceId(),
                            new InvoicePosted(UUID.randomUUID().toString(), Instant.now(), invoice)));
                }
                producer.flush();
                Set<String> seen = new HashSet<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (seen.size() < count && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                        if (r.value() instanceof SendMessage sent && sent.idempotencyKey().contains(batch)) {
                            seen.add(sent.idempotencyKey());
                        }
                    });
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = cpuSeconds(notifier) - cpuBefore;
                System.out.printf("   round %d (%s): %d of %d commands (each with its rendered PDF) published in %.1f s"
                        + " (anchor: all within 10 s -> %s); notifier CPU %.1f s (%.1f ms per invoice); load average"
                        + " %s%n", round, round == 1 ? "the first invoices since the notifier started" : "again",
                        seen.size(), count, seconds, seen.size() == count && seconds <= 10 ? "met" : "NOT met", cpu,
                        1000 * cpu / count, loadAverage());
            }
            sampler.interrupt();
            System.out.printf("   notifier peak RSS: %d MB (anchor: under 320 MB -> %s); %s, MALLOC_ARENA_MAX=%s%n",
                    peakRss.get() / 1024, peakRss.get() / 1024 < 320 ? "met" : "NOT met", javaOpts,
                    builder.environment().get("MALLOC_ARENA_MAX"));
        } finally {
            notifier.destroy();
            notifier.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** Waits until {@code group} has committed the end offset of every partition of {@code topic}. */
    private static void awaitNoLag(String bootstrap, String group, String topic, Duration atMost) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                        new java.util.HashMap<>();
                partitions.forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                        org.apache.kafka.clients.admin.OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                boolean caughtUp = ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue().offset());
                if (caughtUp) {
                    return;
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException(group + " did not catch up with " + topic + " in " + atMost);
        }
    }

    private static void awaitHealthy(int port, Process notifier) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && notifier.isAlive()) {
            try {
                var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/actuator/health/readiness")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    Thread.sleep(2000); // listeners joining their groups
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the notifier did not become ready");
    }

    private static double cpuSeconds(Process process) {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0);
    }

    /** The 1, 5 and 15 minute load averages, from /proc: how much else wanted the cores. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException unknown) {
            return "unknown";
        }
    }

    /** Resident set size in KB, from /proc. */
    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException | NumberFormatException gone) {
            return 0;
        }
        return 0;
    }

    private static PartnerUpserted partner(String run, int i) {
        return new PartnerUpserted(UUID.randomUUID().toString(), Instant.now(), "res.partner/" + run + i,
                "Client " + i, "Boutique " + i, List.of("77" + String.format("%07d", i)), null, "fr_FR", "SN",
                OptInState.OPTED_IN, true, "1");
    }

    static Invoice invoice(String id, int lineCount, String partnerId) {
        List<DocumentLine> lines = new ArrayList<>();
        BigDecimal untaxed = BigDecimal.ZERO;
        for (int i = 0; i < lineCount; i++) {
            BigDecimal quantity = BigDecimal.valueOf(1 + i % 7);
            BigDecimal unitPrice = BigDecimal.valueOf(1_500L + 250L * (i % 13));
            BigDecimal subtotal = quantity.multiply(unitPrice);
            untaxed = untaxed.add(subtotal);
            lines.add(new DocumentLine("product.product/" + (100 + i), PRODUCTS.get(i % PRODUCTS.size()), null,
                    quantity, "sac", unitPrice, BigDecimal.ZERO, subtotal));
        }
        BigDecimal tax = untaxed.multiply(new BigDecimal("0.18")).setScale(0, RoundingMode.HALF_UP);
        BigDecimal total = untaxed.add(tax);
        return new Invoice(id, "INV/2026/" + Math.abs(id.hashCode() % 100000), partnerId, "Quincaillerie Ndiaye & Fils",
                LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 24), "XOF", untaxed, tax, total, total,
                PaymentState.NOT_PAID, "INV/2026/00412", "S01207", lines, List.of(), "1", "1", false,
                List.of(new Invoice.TaxAmount("TVA 18%", untaxed, tax)));
    }

    private static void print(String label, Histogram histogram) {
        System.out.printf("%-36s p50 %8.2f ms   p95 %8.2f ms   p99 %8.2f ms   max %8.2f ms%n", label,
                histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(95) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6, histogram.getMaxValue() / 1e6);
    }

    private static String tool() {
        for (String candidate : List.of("/usr/bin/wkhtmltopdf", "/usr/local/bin/wkhtmltopdf", "/usr/bin/chromium")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static Path fontPath(Path dir) throws Exception {
        Path font = dir.resolve("DejaVuSans.ttf");
        try (InputStream in = PdfFonts.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            Files.copy(in, font);
        }
        return font;
    }
}
