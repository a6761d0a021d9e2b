package io.whalewatch.adapter.simulator.server;

import io.whalewatch.support.tyrus.ConnectionWriters;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The programmatic WebSocket endpoint at /api/v1/ws; one instance serves all sessions. */
public final class MempoolEndpoint extends Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(MempoolEndpoint.class);
    private final Hub hub;
    private final Inbound inbound;

    MempoolEndpoint(Hub hub, Inbound inbound) {
        this.hub = hub;
        this.inbound = inbound;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        // No extension is configured; if one were negotiated (e.g. permessage-deflate), Tyrus would
        // have to transform each frame, so such a session only gets sendText.
        ClientSession client = hub.open(session,
                session.getNegotiatedExtensions().isEmpty() ? ConnectionWriters.opening() : null);
        session.setMaxIdleTimeout(0);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> inbound.onText(client, text));
        LOG.debug("client {} connected", session.getId());
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        hub.closed(session);
        LOG.debug("client {} closed: {}", session.getId(), reason);
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.debug("client {} error: {}", session.getId(), error.toString());
    }
}
