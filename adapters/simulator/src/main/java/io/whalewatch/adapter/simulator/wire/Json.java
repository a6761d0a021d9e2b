package io.whalewatch.adapter.simulator.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/** Compact JSON writing with JavaScript-like number formatting (4.0 prints as 4, no exponents). */
public final class Json {
    static final JsonFactory FACTORY = new JsonFactory();

    /** Writes one JSON value. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private Json() {
    }

    public static String write(Body body) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A double as JSON.stringify would print it: integral values without ".0", no "1.0E-5". */
    public static void number(JsonGenerator g, double d) throws IOException {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            g.writeNumber((long) d);
        } else if (Math.abs(d) < 1e-3 || Math.abs(d) >= 1e7) {
            g.writeNumber(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        } else {
            g.writeNumber(d);
        }
    }

    public static void field(JsonGenerator g, String name, double d) throws IOException {
        g.writeFieldName(name);
        number(g, d);
    }

    public static void array(JsonGenerator g, String name, double[] values) throws IOException {
        g.writeArrayFieldStart(name);
        for (double v : values) {
            number(g, v);
        }
        g.writeEndArray();
    }

    /** Rounds to n decimals (for fee values the server rounds). */
    public static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
