package io.whalewatch.adapter.mempoolspace;

import io.whalewatch.adapter.mempoolspace.tyrus.WholeTextFrames;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket session to the upstream. On open it announces the (re)connection to the
 * pipeline and subscribes; each text message is handed to the pipeline as is (the socket thread
 * never parses). {@link #awaitEnd} returns when the session closed or was declared dead.
 */
final class UpstreamEndpoint extends Endpoint {
    static final String WANT =
            "{\"action\":\"want\",\"data\":[\"blocks\",\"stats\",\"mempool-blocks\"],\"track-mempool\":true}";
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamEndpoint.class);

    private final FramePipeline pipeline;
    private final SourceCounters counters;
    private final Liveness liveness;
    private final int maxFrameBytes;
    private final boolean reconnect;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicLong frames = new AtomicLong();

    UpstreamEndpoint(FramePipeline pipeline, SourceCounters counters, Liveness liveness,
                     int maxFrameBytes, boolean reconnect) {
        this.pipeline = pipeline;
        this.counters = counters;
        this.liveness = liveness;
        this.maxFrameBytes = maxFrameBytes;
        this.reconnect = reconnect;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(maxFrameBytes);
        session.setMaxBinaryMessageBufferSize(maxFrameBytes);
        session.setMaxIdleTimeout(0);
        // Text frames arrive as binary (TextAsBinaryClientContainer): their UTF-8 bytes, never decoded.
        // The String handler serves a transport without that rewriting.
        session.addMessageHandler(java.nio.ByteBuffer.class, (MessageHandler.Whole<java.nio.ByteBuffer>) this::onBytes);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
        liveness.activity(System.nanoTime());
        // Counted before the pipeline hears of it, so status() never lags the RECONNECT event.
        if (reconnect) {
            counters.reconnected();
        }
        counters.connected(true);
        // Queued before any frame of this session, so the tracker resets at the right point.
        pipeline.submit(new PipelineItem.Connected(reconnect));
        try {
            session.getBasicRemote().sendText(WANT);
        } catch (IOException e) {
            LOG.info("could not subscribe on {}: {}", session.getRequestURI(), e.toString());
            ended.countDown();
        }
    }

    /**
     * The transport's way to hand over a large whole text frame without Tyrus (its payload, as
     * {@link #onBytes} would receive it); same limit as the session's message limit.
     */
    WholeTextFrames wholeTextFrames() {
        return new WholeTextFrames(maxFrameBytes, this::onFrame);
    }

    private void onText(String text) {
        onFrame(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void onBytes(java.nio.ByteBuffer message) {
        byte[] bytes;
        if (message.hasArray() && message.arrayOffset() == 0 && message.position() == 0
                && message.remaining() == message.array().length) {
            bytes = message.array(); // Tyrus assembled the message into an array of its own: no copy
        } else {
            bytes = new byte[message.remaining()];
            message.get(bytes);
        }
        onFrame(bytes);
    }

    private void onFrame(byte[] frame) {
        long now = System.nanoTime();
        liveness.activity(now);
        counters.frameReceived();
        frames.incrementAndGet();
        // The reader stops reading while it waits for room or handles the frame itself: a slow
        // listener must not look like a dead upstream to the keepalive.
        boolean blocks = pipeline.handlesInline(frame) || !pipeline.hasRoomFor(frame);
        if (blocks) {
            liveness.readerBlocked(true);
        }
        try {
            pipeline.submitFrame(frame);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (blocks) {
                liveness.readerBlocked(false);
            }
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        LOG.info("connection closed: {} {}", reason.getCloseCode().getCode(), reason.getReasonPhrase());
        ended.countDown();
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.info("upstream connection error: {}", error.toString());
    }

    /** Declares the session over without waiting for the upstream (dead connection). */
    void abandon() {
        ended.countDown();
    }

    /** Waits for the end of the session; true when it delivered at least one frame. */
    boolean awaitEnd() throws InterruptedException {
        ended.await();
        return frames.get() > 0;
    }

    boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }
}
