package io.whalewatch.adapter.mempoolspace.tyrus;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer;
import org.glassfish.tyrus.spi.ClientContainer;
import org.glassfish.tyrus.spi.ClientEngine;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.Writer;

/**
 * Tyrus' Grizzly client transport with these changes (see {@link IncomingFrames}): the server's text
 * frames reach Tyrus marked as binary, so the endpoint receives each message as its UTF-8 bytes, and
 * a large frame arriving in pieces is collected in one buffer of its size before Tyrus sees it, or,
 * when the endpoint's config names a {@link WholeTextFrames} sink and the frame is a whole text
 * message, handed to that sink as its payload without Tyrus.
 *
 * <p>Why: Tyrus decodes every text message into a String (a per-character UTF-8 decoder), and the
 * source's JSON parser then needs the bytes back. For a resync burst that is 1.1 GB decoded and
 * re-encoded for nothing; the parser reads UTF-8 itself and rejects (and counts) a frame that is
 * not valid JSON in UTF-8. Everything else (handshake, TLS, pings, close, size limits) is Tyrus'
 * own, through its public SPI. Named by class in {@code ClientManager.createClient}, hence public.
 */
public final class TextAsBinaryClientContainer implements ClientContainer {
    /** Text frames handed over as binary, by every connection of this process (tests check the rewriting is in use). */
    private static final java.util.concurrent.atomic.LongAdder TEXT_FRAMES = new java.util.concurrent.atomic.LongAdder();
    /** Tyrus' own default when no incoming buffer size is configured. */
    private static final long DEFAULT_INCOMING_BUFFER = 4_194_315;
    private final ClientContainer transport = new GrizzlyClientContainer();

    /** Whole text frames handed to a {@link WholeTextFrames} sink past Tyrus, by every connection of this process. */
    private static final java.util.concurrent.atomic.LongAdder WHOLE_FRAMES = new java.util.concurrent.atomic.LongAdder();

    /** How many whole text frames all connections made through this container have delivered past Tyrus. */
    public static long wholeTextFramesDelivered() {
        return WHOLE_FRAMES.sum();
    }

    /** How many text frames all connections made through this container have handed over as binary. */
    public static long textFramesRewritten() {
        return TEXT_FRAMES.sum();
    }

    @Override
    public void openClientSocket(ClientEndpointConfig config, Map<String, Object> properties, ClientEngine engine)
            throws DeploymentException, IOException {
        Object size = properties == null ? null : properties.get(ClientProperties.INCOMING_BUFFER_SIZE);
        long limit = size instanceof Number n ? n.longValue() : DEFAULT_INCOMING_BUFFER;
        Object direct = config == null ? null : config.getUserProperties().get(WholeTextFrames.USER_PROPERTY);
        transport.openClientSocket(config, properties,
                new Engine(engine, limit, direct instanceof WholeTextFrames w ? w : null));
    }

    private record Engine(ClientEngine delegate, long limit, WholeTextFrames direct) implements ClientEngine {
        @Override
        public UpgradeRequest createUpgradeRequest(TimeoutHandler timeoutHandler) {
            return delegate.createUpgradeRequest(timeoutHandler);
        }

        @Override
        public ClientUpgradeInfo processResponse(UpgradeResponse response, Writer writer, Connection.CloseListener closeListener) {
            return new UpgradeInfo(delegate.processResponse(response, writer, closeListener), limit, direct);
        }

        @Override
        public void processError(Throwable t) {
            delegate.processError(t);
        }
    }

    private record UpgradeInfo(ClientEngine.ClientUpgradeInfo delegate, long limit, WholeTextFrames direct) implements ClientEngine.ClientUpgradeInfo {
        @Override
        public ClientEngine.ClientUpgradeStatus getUpgradeStatus() {
            return delegate.getUpgradeStatus();
        }

        @Override
        public Connection createConnection() {
            Connection c = delegate.createConnection();
            return c == null ? null : new RewritingConnection(c, limit, direct);
        }
    }

    private static final class RewritingConnection implements Connection {
        private final Connection delegate;
        private final ReadHandler reader;

        RewritingConnection(Connection delegate, long limit, WholeTextFrames direct) {
            this.delegate = delegate;
            ReadHandler inner = delegate.getReadHandler();
            WholeTextFrames counted = direct == null ? null : new WholeTextFrames(direct.maxPayloadBytes(), payload -> {
                WHOLE_FRAMES.increment(); // before the sink, so whoever sees the frame sees it counted
                direct.sink().accept(payload);
            });
            IncomingFrames frames = new IncomingFrames(limit, TEXT_FRAMES, counted);
            this.reader = data -> frames.accept(data.isReadOnly() ? copy(data) : data, inner::handle);
        }

        private static ByteBuffer copy(ByteBuffer data) {
            ByteBuffer c = ByteBuffer.allocate(data.remaining());
            c.put(data.duplicate()).flip();
            return c;
        }

        @Override
        public ReadHandler getReadHandler() {
            return reader;
        }

        @Override
        public Writer getWriter() {
            return delegate.getWriter();
        }

        @Override
        public CloseListener getCloseListener() {
            return delegate.getCloseListener();
        }

        @Override
        public void close(CloseReason reason) {
            delegate.close(reason);
        }
    }
}
