package io.whalewatch.adapter.simulator.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;

/**
 * Tracks accepted TCP connections so that a fault can cut them abruptly (no close frame), as the
 * real server's {@code terminate()} or a crash would.
 */
final class ConnectionTracker extends ConnectionProbe.Adapter {
    private final Set<Connection<?>> open = ConcurrentHashMap.newKeySet();

    @Override
    public void onAcceptEvent(Connection serverConnection, Connection clientConnection) {
        open.add(clientConnection);
    }

    @Override
    public void onCloseEvent(Connection connection) {
        open.remove(connection);
    }

    /** Terminates every connection except {@code keep} (the admin request's own). */
    int terminateAllExcept(Connection<?> keep) {
        int n = 0;
        for (Connection<?> c : open) {
            if (c != keep) {
                c.terminateSilently();
                open.remove(c);
                n++;
            }
        }
        return n;
    }
}
