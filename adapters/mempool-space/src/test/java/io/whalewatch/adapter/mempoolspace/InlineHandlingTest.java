package io.whalewatch.adapter.mempoolspace;

import static io.whalewatch.adapter.mempoolspace.Sources.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.adapter.mempoolspace.tyrus.TextAsBinaryClientContainer;
import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.Satoshis;
import jakarta.websocket.Session;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Frames reach the pipeline as their bytes. Small frames that find the pipeline idle are handled on the socket thread (no hand-off); anything
 * else goes through the pipeline thread, and either way the listener sees every frame once, in order,
 * one call at a time.
 */
class InlineHandlingTest {
    private static final String PIPELINE = "mempool-space-pipeline";

    private static String large(long sequence) {
        return "{\"pad\":\"" + "x".repeat(FramePipeline.INLINE_MAX_BYTES) + "\"," + TxJson.addedFrame(sequence).substring(1);
    }

    @Test
    void aSmallFrameFindingThePipelineIdleIsHandledOnTheSocketThreadALargeOneOnThePipelineThread() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (ScriptedUpstream upstream = ScriptedUpstream.start();
             MempoolSource source = Sources.create(upstream.wsUrl())) {
            source.start(listener, Satoshis.ofBtc(100));
            Session s = upstream.awaitSession(WAIT);
            Thread.sleep(200); // the pipeline thread handles the connection's own item first
            long rewritten = TextAsBinaryClientContainer.textFramesRewritten();
            s.getBasicRemote().sendText(TxJson.addedFrame(1));
            listener.awaitDelta(1, WAIT);
            s.getBasicRemote().sendText(large(2));
            listener.awaitDelta(2, WAIT);
            // The pipeline thread counts frame 2 done just after the listener returned; a frame arriving
            // in between would (rightly) queue behind it. Give it that moment.
            Thread.sleep(200);
            s.getBasicRemote().sendText(TxJson.addedFrame(3));
            listener.awaitDelta(3, WAIT);

            java.util.List<String> threads = listener.threads();
            java.util.List<Object> events = listener.events();
            assertThat(threadOf(events, threads, 1)).as("small frame, idle pipeline").isNotEqualTo(PIPELINE);
            assertThat(threadOf(events, threads, 2)).as("large frame").isEqualTo(PIPELINE);
            assertThat(threadOf(events, threads, 3)).as("small frame, idle again").isNotEqualTo(PIPELINE);
            assertThat(listener.calledConcurrently).isFalse();
            assertThat(TextAsBinaryClientContainer.textFramesRewritten() - rewritten)
                    .as("text frames reached the endpoint as their bytes, not decoded Strings").isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreARejectedFrameNotALostConnection() throws Exception {
        // Tyrus no longer checks UTF-8 (it sees binary frames); the parser does, and the frame is counted.
        RecordingListener listener = new RecordingListener();
        try (ScriptedUpstream upstream = ScriptedUpstream.start();
             MempoolSource source = Sources.create(upstream.wsUrl())) {
            source.start(listener, Satoshis.ofBtc(100));
            Session s = upstream.awaitSession(WAIT);
            byte[] frame = TxJson.addedFrame(1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int quote = new String(frame, java.nio.charset.StandardCharsets.UTF_8).indexOf("\"txid\":\"") + 9;
            frame[quote] = (byte) 0xFF; // not UTF-8 anywhere
            s.getBasicRemote().sendBinary(java.nio.ByteBuffer.wrap(frame));
            s.getBasicRemote().sendText(TxJson.addedFrame(2));
            listener.awaitDelta(2, WAIT);
            assertThat(listener.all(MempoolDelta.class)).extracting(MempoolDelta::sequence).containsExactly(2L);
            assertThat(source.status().framesRejected()).isEqualTo(1);
            assertThat(source.status().reconnects()).isZero();
            assertThat(source.status().connected()).isTrue();
        }
    }

    @Test
    void smallFramesArrivingWhileTheQueueIsBusyWaitTheirTurnOnThePipelineThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingListener listener = new RecordingListener() {
            @Override
            public void onDelta(MempoolDelta delta) {
                entering();
                try {
                    if (delta.sequence() == 1) {
                        release.await(30, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    leaving();
                }
                super.onDelta(delta);
            }
        };
        try (ScriptedUpstream upstream = ScriptedUpstream.start();
             MempoolSource source = Sources.create(upstream.wsUrl(), "MEMPOOL_FRAME_QUEUE", "100")) {
            source.start(listener, Satoshis.ofBtc(100));
            Session s = upstream.awaitSession(WAIT);
            s.getBasicRemote().sendText(large(1)); // blocks the pipeline thread until released
            for (long seq = 2; seq <= 6; seq++) {
                s.getBasicRemote().sendText(TxJson.addedFrame(seq));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (source.status().framesReceived() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(source.status().framesReceived()).as("the reader went on while the pipeline was busy").isEqualTo(6);
            assertThat(listener.all(MempoolDelta.class)).as("nothing overtook the busy frame").isEmpty();
            release.countDown();

            listener.awaitDelta(6, WAIT);
            assertThat(listener.all(MempoolDelta.class)).extracting(MempoolDelta::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 6).boxed().toList());
            assertThat(listener.threads().subList(listener.threads().size() - 6, listener.threads().size()))
                    .as("queued behind a busy pipeline, handled by it").containsOnly(PIPELINE);
            assertThat(listener.calledConcurrently).isFalse();
        }
    }

    /** The thread the delta with this sequence was delivered on. */
    private static String threadOf(java.util.List<Object> events, java.util.List<String> threads, long sequence) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof MempoolDelta d && d.sequence() == sequence) {
                return threads.get(i);
            }
        }
        throw new AssertionError("no delta " + sequence + " in " + events);
    }
}
