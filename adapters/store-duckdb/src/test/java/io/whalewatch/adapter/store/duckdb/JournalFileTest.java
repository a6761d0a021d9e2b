package io.whalewatch.adapter.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.domain.prediction.Prediction;
import io.whalewatch.testkit.Predictions;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalFileTest {
    private static final JournalFile.Limits SMALL = new JournalFile.Limits(4096, 16384);
    private static final JournalFile.Limits NEVER = new JournalFile.Limits(Long.MAX_VALUE, Long.MAX_VALUE);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("store.db.journal");
    }

    private JournalFile open(JournalFile.Limits limits) {
        return JournalFile.open(file(), limits);
    }

    private static List<Prediction> inflows(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(id -> Predictions.inflow(id, 100 + id)).toList();
    }

    @Test
    void appended_predictions_come_back_in_order_and_exactly_after_a_reopen() {
        List<Prediction> all = new RandomPredictions(99).next(1, 120);
        try (JournalFile journal = open(NEVER)) {
            journal.append(all.subList(0, 1));
            journal.append(all.subList(1, 100));
            journal.append(List.of());
            journal.append(all.subList(100, 120));
            assertThat(journal.unsettled()).containsExactlyElementsOf(all);
        }
        try (JournalFile journal = open(NEVER)) {
            assertThat(journal.unsettled()).containsExactlyElementsOf(all);
            assertThat(journal.lastAlertId()).isEqualTo(120);
            assertThat(journal.corruptEntries()).isZero();
        }
    }

    @Test
    void a_new_journal_is_empty() {
        try (JournalFile journal = open(NEVER)) {
            assertThat(journal.unsettled()).isEmpty();
            assertThat(journal.lastAlertId()).isZero();
        }
        assertThat(file()).isRegularFile().isEmptyFile();
    }

    @Test
    void settled_entries_are_gone_also_after_a_reopen() {
        try (JournalFile journal = open(NEVER)) {
            journal.append(inflows(1, 10));
            journal.settle(4);
            journal.settle(2); // going back changes nothing
            assertThat(journal.unsettled()).containsExactlyElementsOf(inflows(5, 10));
        }
        try (JournalFile journal = open(NEVER)) {
            assertThat(journal.unsettled()).containsExactlyElementsOf(inflows(5, 10));
            journal.settle(10);
            assertThat(journal.unsettled()).isEmpty();
        }
        try (JournalFile journal = open(NEVER)) {
            assertThat(journal.unsettled()).isEmpty();
            assertThat(journal.lastAlertId()).isEqualTo(10);
        }
    }

    @Test
    void when_everything_is_settled_the_file_is_truncated_and_the_last_alert_id_kept() throws Exception {
        try (JournalFile journal = open(SMALL)) {
            journal.append(inflows(1, 20)); // > 4 KiB
            long full = Files.size(file());
            assertThat(full).isGreaterThan(4096);

            journal.settle(20);

            assertThat(Files.size(file())).isLessThan(100); // a watermark only
            assertThat(journal.lastAlertId()).isEqualTo(20);
            journal.append(inflows(21, 22));
            assertThat(journal.unsettled()).containsExactlyElementsOf(inflows(21, 22));
        }
        try (JournalFile journal = open(SMALL)) {
            assertThat(journal.unsettled()).containsExactlyElementsOf(inflows(21, 22));
            journal.settle(22);
            assertThat(journal.unsettled()).isEmpty();
        }
        try (JournalFile journal = open(SMALL)) {
            assertThat(journal.lastAlertId()).isEqualTo(22);
            assertThat(journal.unsettled()).isEmpty();
        }
    }

    @Test
    void a_long_settled_prefix_is_compacted_away_keeping_the_unsettled_tail() throws Exception {
        try (JournalFile journal = open(SMALL)) {
            journal.append(inflows(1, 60)); // ~25 KiB
            long before = Files.size(file());

            journal.settle(50); // ~21 KiB settled prefix: rewritten

            assertThat(Files.size(file())).isLessThan(before / 4);
            assertThat(journal.unsettled()).containsExactlyElementsOf(inflows(51, 60));
            journal.append(inflows(61, 65)); // appends continue on the new file
            journal.settle(55); // and offsets stay right after the rewrite
            assertThat(journal.unsettled()).containsExactlyElementsOf(inflows(56, 65));
        }
        assertThat(dir.resolve("store.db.journal.compact")).doesNotExist();
        try (JournalFile journal = open(SMALL)) {
            assertThat(journal.unsettled()).containsExactlyElementsOf(inflows(56, 65));
            assertThat(journal.lastAlertId()).isEqualTo(65);
            assertThat(journal.corruptEntries()).isZero();
        }
    }

    @Test
    void a_torn_last_entry_is_ignored_and_cut_off_so_later_appends_read_back() throws Exception {
        try (JournalFile journal = open(NEVER)) {
            journal.append(inflows(1, 3));
        }
        long size = Files.size(file());
        try (FileChannel ch = FileChannel.open(file(), java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(size - 100); // a crash in the middle of writing entry 3
        }
        try (JournalFile journal = open(NEVER)) {
            assertThat(journal.unsettled()).containsExactlyElementsOf(inflows(1, 2));
            assertThat(journal.corruptEntries()).isZero();
            journal.append(inflows(4, 5));
        }
        try (JournalFile journal = open(NEVER)) {
            assertThat(journal.unsettled()).containsExactly(Predictions.inflow(1, 101), Predictions.inflow(2, 102),
                    Predictions.inflow(4, 104), Predictions.inflow(5, 105));
            assertThat(journal.corruptEntries()).isZero();
            assertThat(journal.lastAlertId()).isEqualTo(5);
        }
    }

    @Test
    void a_zero_filled_tail_after_a_power_cut_is_a_torn_tail_too() throws Exception {
        try (JournalFile journal = open(NEVER)) {
            journal.append(inflows(1, 2));
        }
        Files.write(file(), new byte[4096], java.nio.file.StandardOpenOption.APPEND);
        try (JournalFile journal = open(NEVER)) {
            assertThat(journal.unsettled()).containsExactlyElementsOf(inflows(1, 2));
            assertThat(journal.corruptEntries()).isZero();
        }
    }

    @Test
    void a_corrupt_entry_in_the_middle_is_skipped_and_counted() throws Exception {
        try (JournalFile journal = open(NEVER)) {
            journal.append(inflows(1, 3));
        }
        byte[] bytes = Files.readAllBytes(file());
        int secondLine = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).indexOf('\n') + 1;
        bytes[secondLine + 60] ^= 0x04;
        Files.write(file(), bytes);
        try (JournalFile journal = open(NEVER)) {
            assertThat(journal.unsettled()).containsExactly(Predictions.inflow(1, 101), Predictions.inflow(3, 103));
            assertThat(journal.corruptEntries()).isEqualTo(1);
        }
    }

    @Test
    void a_write_failing_half_way_throws_and_leaves_nothing_behind() throws Exception {
        AtomicReference<FaultyChannel> channel = new AtomicReference<>();
        try (JournalFile journal = JournalFile.open(file(), NEVER, p -> {
            FaultyChannel c = new FaultyChannel(JournalFile.Opener.FILES.open(p));
            channel.set(c);
            return c;
        })) {
            journal.append(inflows(1, 2));
            long size = Files.size(file());
            channel.get().tearWrites = true;

            assertThatThrownBy(() -> journal.append(inflows(3, 6))).isInstanceOf(StoreException.class)
                    .hasMessageContaining(file().toString()).hasMessageContaining("half-way");

            assertThat(Files.size(file())).isEqualTo(size);
            channel.get().tearWrites = false;
            channel.get().failForce = true;
            assertThatThrownBy(() -> journal.append(inflows(7, 7))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("fsync failed");
            assertThat(Files.size(file())).isEqualTo(size);
            channel.get().failForce = false;
            journal.append(inflows(8, 8));
            assertThat(journal.unsettled()).containsExactly(Predictions.inflow(1, 101), Predictions.inflow(2, 102),
                    Predictions.inflow(8, 108));
        }
        try (JournalFile journal = open(NEVER)) {
            assertThat(journal.unsettled()).containsExactly(Predictions.inflow(1, 101), Predictions.inflow(2, 102),
                    Predictions.inflow(8, 108));
            assertThat(journal.corruptEntries()).isZero();
        }
    }

    @Test
    void a_closed_channel_fails_the_append_and_the_journal_refuses_more_until_reopened() throws Exception {
        AtomicReference<FileChannel> channel = new AtomicReference<>();
        try (JournalFile journal = JournalFile.open(file(), NEVER, p -> {
            FileChannel c = JournalFile.Opener.FILES.open(p);
            channel.set(c);
            return c;
        })) {
            journal.append(inflows(1, 1));
            channel.get().close(); // e.g. an interrupt closed it under us

            assertThatThrownBy(() -> journal.append(inflows(2, 2))).isInstanceOf(StoreException.class)
                    .hasMessageContaining(file().toString());
            assertThatThrownBy(() -> journal.append(inflows(3, 3))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("unusable until a restart");
        }
        try (JournalFile journal = open(NEVER)) {
            assertThat(journal.unsettled()).containsExactly(Predictions.inflow(1, 101));
        }
    }

    @Test
    void a_closed_journal_refuses_appends() {
        JournalFile journal = open(NEVER);
        journal.close();
        journal.close(); // idempotent

        assertThatThrownBy(() -> journal.append(inflows(1, 1))).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void a_second_opener_in_this_process_is_refused_naming_the_file() {
        try (JournalFile journal = open(NEVER)) {
            assertThatThrownBy(() -> open(NEVER)).isInstanceOf(StoreException.class)
                    .hasMessageContaining(file().toString()).hasMessageContaining("in use");
            journal.append(inflows(1, 1)); // the first one is unharmed
        }
        try (JournalFile journal = open(NEVER)) { // and released by close
            assertThat(journal.unsettled()).hasSize(1);
        }
    }

    @Test
    void a_file_of_a_newer_format_is_refused_rather_than_skipped() throws Exception {
        JournalFrames.Batch batch = new JournalFrames.Batch(64);
        batch.add(out -> out.write("{\"v\":2,\"t\":\"w\",\"settled\":1,\"last\":1}".getBytes()));
        Files.write(file(), batch.toByteArray());

        assertThatThrownBy(() -> open(NEVER)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file().toString()).hasMessageContaining("newer release");
        assertThat(file()).hasSize(batch.size()); // left as it was, for a newer release to read
        Files.delete(file());
        try (JournalFile journal = open(NEVER)) { // the lock was released by the failed open
            assertThat(journal.lastAlertId()).isZero();
        }
    }

    @Test
    void settling_from_another_thread_while_appending_loses_nothing() throws Exception {
        int total = 3000; // appended three at a time: 1..3000
        List<Throwable> failures = new ArrayList<>();
        try (JournalFile journal = open(new JournalFile.Limits(8192, 32768))) {
            java.util.concurrent.atomic.AtomicLong appended = new java.util.concurrent.atomic.AtomicLong();
            Thread settler = new Thread(() -> {
                try {
                    while (appended.get() < total) {
                        // the store lags a little behind, and never settles past what the test expects unsettled
                        long upTo = Math.min(appended.get() - 5, total - 10);
                        if (upTo > 0) {
                            journal.settle(upTo);
                        }
                        journal.unsettled();
                    }
                } catch (Throwable t) {
                    synchronized (failures) {
                        failures.add(t);
                    }
                }
            });
            settler.start();
            for (long id = 1; id <= total; id += 3) {
                journal.append(inflows(id, id + 2));
                appended.set(id + 2);
            }
            settler.join();
            assertThat(failures).isEmpty();
            journal.settle(total - 10);
            assertThat(journal.unsettled()).containsExactlyElementsOf(inflows(total - 9, total));
        }
        try (JournalFile journal = open(NEVER)) {
            assertThat(journal.unsettled()).containsExactlyElementsOf(inflows(total - 9, total));
            assertThat(journal.corruptEntries()).isZero();
            assertThat(journal.lastAlertId()).isEqualTo(total);
        }
    }
}
