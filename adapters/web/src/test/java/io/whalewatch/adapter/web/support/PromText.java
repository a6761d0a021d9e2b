package io.whalewatch.adapter.web.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4 (no Java parser of it is published on
 * Maven Central besides an unmaintained 2017 scraper, so the test carries its own). It rejects what
 * Prometheus would: bad metric or label names, bad escapes, unparsable values, samples of a family
 * whose TYPE came after them, duplicate TYPE lines, samples with names that do not belong to the
 * declared type (e.g. a histogram's _bucket/_sum/_count), and histograms without a +Inf bucket.
 */
public final class PromText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"(,|$)");

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public final Map<String, String> types = new LinkedHashMap<>();
    public final List<Sample> samples = new ArrayList<>();

    public static PromText parse(String text) {
        PromText p = new PromText();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                p.line(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + n + ": " + e.getMessage() + ": " + line, e);
            }
        }
        p.checkHistograms();
        return p;
    }

    private void line(String line) {
        if (line.startsWith("# TYPE ")) {
            Matcher m = matchOrFail(TYPE, line);
            if (types.put(m.group(1), m.group(2)) != null) {
                throw new IllegalArgumentException("second TYPE for " + m.group(1));
            }
            if (samples.stream().anyMatch(s -> family(s.name()).equals(m.group(1)))) {
                throw new IllegalArgumentException("TYPE after samples of " + m.group(1));
            }
        } else if (line.startsWith("# HELP ")) {
            matchOrFail(HELP, line);
        } else if (line.startsWith("#")) {
            return; // a comment
        } else {
            Matcher m = matchOrFail(SAMPLE, line);
            String name = m.group(1);
            String type = types.get(family(name));
            if (type != null && !allowed(type, family(name), name)) {
                throw new IllegalArgumentException(name + " does not belong to a " + type);
            }
            samples.add(new Sample(name, labels(m.group(3)), number(m.group(4))));
        }
    }

    private static Matcher matchOrFail(Pattern p, String line) {
        Matcher m = p.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("malformed");
        }
        return m;
    }

    private String family(String sample) {
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            String base = sample.endsWith(suffix) ? sample.substring(0, sample.length() - suffix.length()) : null;
            if (base != null && ("histogram".equals(types.get(base)) || "summary".equals(types.get(base)))) {
                return base;
            }
        }
        return sample;
    }

    private static boolean allowed(String type, String family, String name) {
        return switch (type) {
            case "histogram" -> name.equals(family + "_bucket") || name.equals(family + "_sum") || name.equals(family + "_count");
            case "summary" -> name.equals(family) || name.equals(family + "_sum") || name.equals(family + "_count");
            default -> name.equals(family);
        };
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("malformed labels");
            }
            String value = m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
            if (labels.put(m.group(1), value) != null) {
                throw new IllegalArgumentException("duplicate label " + m.group(1));
            }
            at = m.end();
        }
        return labels;
    }

    private static double number(String v) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    private void checkHistograms() {
        types.forEach((family, type) -> {
            if (type.equals("histogram") && samples.stream().noneMatch(s -> s.name().equals(family + "_bucket")
                    && "+Inf".equals(s.labels().get("le")))) {
                throw new IllegalArgumentException("histogram " + family + " has no +Inf bucket");
            }
        });
    }

    /** The value of the only sample named {@code name} with these labels (a subset match). */
    public double value(String name, Map<String, String> labels) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name)
                && s.labels().entrySet().containsAll(labels.entrySet())).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples named " + name + " with " + labels);
        }
        return found.get(0).value();
    }

    public double value(String name) {
        return value(name, Map.of());
    }
}
