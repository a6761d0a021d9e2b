package io.whalewatch.adapter.simulator.server;

import java.time.Duration;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.server.Request;

/**
 * The admin API under /sim: state, exchanges, mining and whale injection, and fault injection
 * ({@code POST /sim/faults/{name}}). Faults take effect before the answer is sent.
 */
final class AdminRoutes {
    static final String GARBAGE = "<<garbage>> this is not JSON {\"mempool-transactions\": [";
    static final String WRONG_SHAPE = "{\"mempool-transactions\": {\"sequence\": \"seven\", \"added\": {\"txid\": 42}, "
            + "\"removed\": null, \"mined\": \"none\", \"replaced\": 0}}";
    private final Control control;
    private final Hub hub;
    private final Faults faults;
    private final ConnectionTracker tracker;

    AdminRoutes(Control control, Hub hub, Faults faults, ConnectionTracker tracker) {
        this.control = control;
        this.hub = hub;
        this.faults = faults;
        this.tracker = tracker;
    }

    Reply handle(Request req, String path, boolean post) {
        if (!post) {
            return switch (path) {
                case "/sim/state" -> Reply.json(control.stateJson());
                case "/sim/exchanges" -> Reply.json(control.exchangesJson());
                case "/sim/replay" -> control.replayStatus() == null ? Reply.text(409, "not in replay mode")
                        : Reply.json(control.replayStatus());
                default -> Reply.text(404, "Not Found");
            };
        }
        if (path.equals("/sim/block")) {
            return Reply.json(control.mineBlock(txids(req.getParameter("include"))));
        }
        if (path.equals("/sim/evict")) {
            String txid = req.getParameter("txid");
            return txid != null && control.evict(txid.trim()) ? Reply.json("{\"evicted\":\"" + txid.trim() + "\"}")
                    : Reply.text(404, "not pending: " + txid);
        }
        if (path.equals("/sim/replay/start")) {
            String answer = control.startReplay();
            return answer == null ? Reply.text(409, "not in replay mode") : Reply.json(answer);
        }
        if (path.equals("/sim/whale")) {
            return Reply.json(control.injectWhale(req.getParameter("flow"), number(req, "btc", 0)));
        }
        if (path.startsWith("/sim/faults/")) {
            return fault(req, path.substring("/sim/faults/".length()));
        }
        return Reply.text(404, "Not Found");
    }

    private Reply fault(Request req, String name) {
        Connection<?> own = req.getContext() == null ? null : req.getContext().getConnection();
        return switch (name) {
            case "drop-connections" -> done(name, "connections", tracker.terminateAllExcept(own));
            case "restart" -> {
                control.resetSequence();
                yield done(name, "connections", tracker.terminateAllExcept(own));
            }
            case "skip-sequence" -> {
                int n = (int) number(req, "n", 5);
                control.skipSequence(n);
                yield done(name, "skipped", n);
            }
            case "garbage-frame" -> done(name, "clients", hub.sendRaw(GARBAGE));
            case "truncated-frame" -> {
                yield done(name, "clients", hub.sendRaw(truncated(control.sampleFrame())));
            }
            case "wrong-shape-frame" -> done(name, "clients", hub.sendRaw(WRONG_SHAPE));
            case "giant-frame" -> done(name, "bytes", control.giantFrame((int) number(req, "n", 50_000)));
            case "stall" -> stall(name, number(req, "seconds", 10));
            case "rest-errors" -> {
                int n = (int) number(req, "n", 3);
                faults.failRest((int) number(req, "status", 429), n);
                yield done(name, "requests", n);
            }
            case "freeze-sequence" -> {
                faults.freezeSequence(Duration.ofMillis((long) (number(req, "seconds", 10) * 1000)));
                yield done(name, "seconds", (long) number(req, "seconds", 10));
            }
            case "clear" -> {
                faults.clear();
                yield done(name, "cleared", 1);
            }
            default -> Reply.text(404, "Unknown fault " + name + "; allowed: drop-connections, restart, "
                    + "skip-sequence, garbage-frame, truncated-frame, wrong-shape-frame, giant-frame, stall, "
                    + "rest-errors, freeze-sequence, clear");
        };
    }

    /** The first half of a real frame, never ending on a closing brace (so it never parses). */
    static String truncated(String frame) {
        String cut = frame.substring(0, Math.max(1, frame.length() / 2));
        while (cut.length() > 1 && cut.endsWith("}")) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut;
    }

    private Reply stall(String name, double seconds) {
        faults.stall(Duration.ofMillis((long) (seconds * 1000)));
        return done(name, "seconds", (long) seconds);
    }

    private static Reply done(String fault, String what, long count) {
        return Reply.json("{\"fault\":\"" + fault + "\",\"" + what + "\":" + count + "}");
    }

    private static java.util.List<String> txids(String csv) {
        return csv == null || csv.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static double number(Request req, String name, double dflt) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + v + " is not a number");
        }
    }
}
