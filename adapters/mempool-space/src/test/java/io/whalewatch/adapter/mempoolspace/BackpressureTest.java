package io.whalewatch.adapter.mempoolspace;

import static io.whalewatch.adapter.mempoolspace.Sources.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.whalewatch.application.port.out.MempoolSource;
import io.whalewatch.domain.chain.MempoolDelta;
import io.whalewatch.domain.chain.Satoshis;
import jakarta.websocket.Session;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A slow listener makes the socket reader wait (TCP backpressure); nothing is dropped or reconnected. */
class BackpressureTest {

    /** Blocks the pipeline thread on the first delta until released. */
    private static final class SlowListener extends RecordingListener {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void onDelta(MempoolDelta delta) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.onDelta(delta);
        }
    }

    @Test
    void aFullQueueBlocksTheReaderWithoutDroppingOrTrippingTheKeepalive() throws Exception {
        SlowListener listener = new SlowListener();
        try (ScriptedUpstream upstream = ScriptedUpstream.start();
             MempoolSource source = Sources.create(upstream.wsUrl(), "MEMPOOL_FRAME_QUEUE", "2",
                     "MEMPOOL_PING_AFTER_SECONDS", "0.3", "MEMPOOL_PONG_TIMEOUT_SECONDS", "0.3")) {
            source.start(listener, Satoshis.ofBtc(100));
            Session s = upstream.awaitSession(WAIT);
            // The first frame is too large to be handled on the socket thread, so it blocks the pipeline
            // thread and the following ones fill the queue (a small first frame would block the reader itself).
            s.getAsyncRemote().sendText("{\"pad\":\"" + "x".repeat(FramePipeline.INLINE_MAX_BYTES) + "\","
                    + TxJson.addedFrame(1).substring(1));
            for (long seq = 2; seq <= 40; seq++) {
                s.getAsyncRemote().sendText(TxJson.addedFrame(seq));
            }
            Thread.sleep(1_500);
            long receivedWhileBlocked = source.status().framesReceived();
            listener.release.countDown();

            listener.awaitDelta(40, WAIT);
            assertThat(receivedWhileBlocked).as("reader stopped at the queue bound").isBetween(2L, 4L);
            assertThat(listener.all(MempoolDelta.class)).extracting(MempoolDelta::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
            assertThat(source.status().reconnects()).as("a slow pipeline is not a dead upstream").isZero();
            assertThat(upstream.sessions).isEmpty();
        }
    }

    @Test
    void theQueueIsBoundedBySizeTooSoLargeFramesWaitSoonerAndAFrameOverTheBudgetStillPasses() throws Exception {
        SlowListener listener = new SlowListener();
        String pad = "x".repeat(400 * 1024); // each frame about 400 KB: 2 fit a 1 MB budget, not 3
        try (ScriptedUpstream upstream = ScriptedUpstream.start();
             MempoolSource source = Sources.create(upstream.wsUrl(), "MEMPOOL_FRAME_QUEUE", "100",
                     "MEMPOOL_FRAME_QUEUE_MB", "1",
                     "MEMPOOL_PING_AFTER_SECONDS", "0.3", "MEMPOOL_PONG_TIMEOUT_SECONDS", "0.3")) {
            source.start(listener, Satoshis.ofBtc(100));
            Session s = upstream.awaitSession(WAIT);
            for (long seq = 1; seq <= 12; seq++) {
                s.getAsyncRemote().sendText("{\"pad\":\"" + pad + "\"," + TxJson.addedFrame(seq).substring(1));
            }
            s.getAsyncRemote().sendText("{\"pad\":\"" + "y".repeat(1536 * 1024) + "\"," + TxJson.addedFrame(13).substring(1));
            Thread.sleep(1_500);
            long receivedWhileBlocked = source.status().framesReceived();
            listener.release.countDown();

            listener.awaitDelta(13, WAIT);
            // one frame in the (blocked) pipeline thread and two in the budget; the count bound (100) never bit
            assertThat(receivedWhileBlocked).as("reader stopped at the byte budget").isBetween(2L, 4L);
            assertThat(listener.all(MempoolDelta.class)).extracting(MempoolDelta::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 13).boxed().toList());
            assertThat(source.status().reconnects()).isZero();
        }
    }
}
