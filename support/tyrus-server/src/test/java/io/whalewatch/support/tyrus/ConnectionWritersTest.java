package io.whalewatch.support.tyrus;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.server.ServerEndpointConfig;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;
import org.junit.jupiter.api.Test;

/** The Writer is visible exactly while the wrapped engine opens the session, on that thread only. */
class ConnectionWritersTest {

    @Test
    void theWriterIsVisibleWhileTheSessionOpensAndOnlyThen() {
        AtomicReference<Writer> seenWhileOpening = new AtomicReference<>();
        WebSocketEngine capturing = ConnectionWriters.capturing(engine(WebSocketEngine.UpgradeStatus.SUCCESS,
                () -> seenWhileOpening.set(ConnectionWriters.opening())));
        Writer writer = new NoWriter();
        WebSocketEngine.UpgradeInfo info = capturing.upgrade(null, null);
        assertThat(ConnectionWriters.opening()).isNull();
        info.createConnection(writer, null);
        assertThat(seenWhileOpening.get()).isSameAs(writer);
        assertThat(ConnectionWriters.opening()).as("cleared after the session opened").isNull();
    }

    @Test
    void aFailedUpgradeIsPassedOnUntouched() {
        WebSocketEngine inner = engine(WebSocketEngine.UpgradeStatus.HANDSHAKE_FAILED, () -> { });
        WebSocketEngine.UpgradeInfo failed = inner.upgrade(null, null);
        WebSocketEngine capturing = new WebSocketEngine() {
            @Override
            public UpgradeInfo upgrade(UpgradeRequest request, UpgradeResponse response) {
                return failed;
            }

            @Override
            public void register(Class<?> endpointClass, String contextPath) {
            }

            @Override
            public void register(ServerEndpointConfig serverConfig, String contextPath) {
            }
        };
        assertThat(ConnectionWriters.capturing(capturing).upgrade(null, null)).isSameAs(failed);
    }

    @Test
    void registrationsReachTheWrappedEngine() throws Exception {
        List<String> registered = new ArrayList<>();
        WebSocketEngine inner = new WebSocketEngine() {
            @Override
            public UpgradeInfo upgrade(UpgradeRequest request, UpgradeResponse response) {
                throw new AssertionError("not called");
            }

            @Override
            public void register(Class<?> endpointClass, String contextPath) {
                registered.add(endpointClass.getSimpleName() + "@" + contextPath);
            }

            @Override
            public void register(ServerEndpointConfig serverConfig, String contextPath) {
                registered.add(serverConfig.getPath() + "@" + contextPath);
            }
        };
        WebSocketEngine capturing = ConnectionWriters.capturing(inner);
        capturing.register(String.class, "/a");
        capturing.register(ServerEndpointConfig.Builder.create(Object.class, "/ws").build(), "/b");
        assertThat(registered).containsExactly("String@/a", "/ws@/b");
    }

    /** An engine whose upgrade has the given status and whose connection runs {@code onOpen} when created. */
    private static WebSocketEngine engine(WebSocketEngine.UpgradeStatus status, Runnable onOpen) {
        return new WebSocketEngine() {
            @Override
            public UpgradeInfo upgrade(UpgradeRequest request, UpgradeResponse response) {
                return new UpgradeInfo() {
                    @Override
                    public UpgradeStatus getStatus() {
                        return status;
                    }

                    @Override
                    public Connection createConnection(Writer writer, Connection.CloseListener closeListener) {
                        onOpen.run();
                        return new NoConnection();
                    }
                };
            }

            @Override
            public void register(Class<?> endpointClass, String contextPath) {
            }

            @Override
            public void register(ServerEndpointConfig serverConfig, String contextPath) {
            }
        };
    }

    private static final class NoWriter extends Writer {
        @Override
        public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
        }

        @Override
        public void close() {
        }
    }

    private static final class NoConnection implements Connection {
        @Override
        public ReadHandler getReadHandler() {
            return null;
        }

        @Override
        public Writer getWriter() {
            return null;
        }

        @Override
        public CloseListener getCloseListener() {
            return null;
        }

        @Override
        public void close(jakarta.websocket.CloseReason reason) {
        }
    }
}
