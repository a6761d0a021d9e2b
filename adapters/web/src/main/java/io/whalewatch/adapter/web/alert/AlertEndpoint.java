package io.whalewatch.adapter.web.alert;

import io.whalewatch.application.port.out.AccessTokens.ClientPrincipal;
import io.whalewatch.support.tyrus.ConnectionWriters;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import org.glassfish.tyrus.spi.Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert WebSocket endpoint; one instance serves every connection (state lives in
 * {@link ClientSession}). Public because Tyrus invokes onOpen/onClose reflectively. Handlers are
 * registered with explicit types because Tyrus cannot read
 * the type argument of a lambda.
 */
public final class AlertEndpoint extends Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(AlertEndpoint.class);
    private final AlertHub hub;
    private final ClientProtocol protocol;
    private final AlertOptions options;

    AlertEndpoint(AlertHub hub, ClientProtocol protocol, AlertOptions options) {
        this.hub = hub;
        this.protocol = protocol;
        this.options = options;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(options.maxMessageBytes());
        session.setMaxBinaryMessageBufferSize(options.maxMessageBytes());
        // Spec: zero or negative means no idle timeout. Tyrus' default, 0, still schedules a no-op
        // idle check on every send and receive; -1 only cancels (there is none), so it costs nothing.
        session.setMaxIdleTimeout(-1);
        // Pre-encoded frames need the connection's writer (captured by ConnectionWriters while Tyrus
        // opens the session on this thread) and no extension that rewrites frames (deflate).
        Writer raw = session.getNegotiatedExtensions().isEmpty() ? ConnectionWriters.opening() : null;
        Outbox outbox = new Outbox(session, raw, hub.threads().sender(), options.sendQueueMax(), hub.sendCounts());
        ClientSession cs = new ClientSession(session, outbox, new RateWindow(options.maxMessagesPerSecond()),
                options.sendQueueMax());
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> protocol.onText(cs, text));
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data ->
                protocol.onText(cs, "binary"));
        var props = session.getUserProperties();
        protocol.opened(cs, (ClientPrincipal) props.get(UpgradeAuthenticator.PRINCIPAL),
                (Long) props.get(UpgradeAuthenticator.RESUME_FROM));
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        hub.unregister(session.getId());
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.debug("alert session {} failed", session.getId(), error);
    }
}
