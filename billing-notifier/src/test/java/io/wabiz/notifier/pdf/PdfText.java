package io.wabiz.notifier.pdf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a PDF back as a person's PDF reader would, with Debian's {@code pdftotext} and {@code pdftoppm}
 * (poppler-utils; {@code billing-notifier/install-poppler} installs them). Tests that need them skip, saying why,
 * where they are missing.
 */
public final class PdfText {

    private PdfText() {
    }

    public static void assumePopplerInstalled() {
        assumeTrue(available("pdftotext") && available("pdftoppm"),
                "pdftotext/pdftoppm (Debian poppler-utils) not installed: run billing-notifier/install-poppler");
    }

    /** The text of every page, in reading order as pdftotext lays it out, NFKC-normalised (Arabic letter forms). */
    public static String text(byte[] pdf) {
        return run(pdf, List.of("pdftotext", "-layout", "-enc", "UTF-8"));
    }

    /** The text of one page (from 1). */
    public static String page(byte[] pdf, int page) {
        return run(pdf, List.of("pdftotext", "-layout", "-enc", "UTF-8", "-f", String.valueOf(page), "-l",
                String.valueOf(page)));
    }

    /** The number of pages: pdftotext ends each page with a form feed. */
    public static int pages(byte[] pdf) {
        String text = run(pdf, List.of("pdftotext", "-enc", "UTF-8"));
        return (int) text.chars().filter(c -> c == '\f').count();
    }

    /** The first page as a PNG at {@code dpi}. */
    public static byte[] png(byte[] pdf, int dpi) {
        try {
            Path dir = Files.createTempDirectory("pdf-png");
            Path input = dir.resolve("in.pdf");
            Files.write(input, pdf);
            exec(List.of("pdftoppm", "-png", "-r", String.valueOf(dpi), "-f", "1", "-l", "1", "-singlefile",
                    input.toString(), dir.resolve("page").toString()));
            byte[] png = Files.readAllBytes(dir.resolve("page.png"));
            deleteAll(dir);
            return png;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run(byte[] pdf, List<String> command) {
        try {
            Path dir = Files.createTempDirectory("pdf-text");
            Path input = dir.resolve("in.pdf");
            Path output = dir.resolve("out.txt");
            Files.write(input, pdf);
            List<String> full = new ArrayList<>(command);
            full.add(input.toString());
            full.add(output.toString());
            exec(full);
            String text = Files.readString(output, StandardCharsets.UTF_8);
            deleteAll(dir);
            return Normalizer.normalize(text, Normalizer.Form.NFKC);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void exec(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command.getFirst() + " failed: "
                        + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean available(String tool) {
        try {
            Process process = new ProcessBuilder(tool, "-v").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(dir);
    }
}
