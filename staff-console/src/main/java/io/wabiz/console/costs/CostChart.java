package io.wabiz.console.costs;

import io.wabiz.console.costs.CostReport.Line;
import io.wabiz.console.web.Formats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily messages as stacked bars of an SVG drawn on the server (no chart script, nothing inline that a
 * strict content security policy would block): one column per day, one segment per pricing category.
 */
public record CostChart(int width, int height, List<Bar> bars, List<Label> labels, long max) {

    static final int WIDTH = 600;
    static final int HEIGHT = 180;
    private static final int LABEL_SPACE = 20;

    /** @param category the segment's pricing category (its colour comes from the style sheet) */
    public record Bar(double x, double y, double width, double height, String category, String title) {
    }

    public record Label(double x, String text) {
    }

    static CostChart of(CostReport report, Formats formats) {
        List<Line> days = report.days();
        long max = Math.max(1, report.busiestDay());
        double column = (double) WIDTH / Math.max(1, days.size());
        double plot = HEIGHT - LABEL_SPACE;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int labelEvery = Math.max(1, days.size() / 6);
        for (int i = 0; i < days.size(); i++) {
            Line day = days.get(i);
            double x = i * column;
            double top = plot;
            for (String category : report.categories()) {
                long count = day.counts().getOrDefault(category, 0L);
                if (count == 0) {
                    continue;
                }
                double h = plot * count / max;
                top -= h;
                bars.add(new Bar(round(x + column * 0.1), round(top), round(column * 0.8), round(h), category,
                        day.label() + " " + category + ": " + count));
            }
            if (i % labelEvery == 0) {
                labels.add(new Label(round(x + column / 2), formats.day(LocalDate.parse(day.label()))));
            }
        }
        return new CostChart(WIDTH, HEIGHT, bars, labels, max);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
