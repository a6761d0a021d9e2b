package io.whalewatch.adapter.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.whalewatch.application.port.out.StoreException;
import io.whalewatch.domain.prediction.Prediction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal against a real kill -9 and a real second process. */
class JournalCrashIT {
    @TempDir
    Path dir;

    @Test
    void every_acknowledged_append_survives_a_kill_during_appends_settles_and_compactions() throws Exception {
        Path journalFile = dir.resolve("store.db.journal");
        long acked = 0;
        for (int round = 0; round < 3; round++) { // each round continues the journal the last one left
            long settled = 0;
            long ackedThisRound = 0;
            Process child = ChildJvm.onClassPath(JournalChild.class, dir.resolve("child" + round + ".err"),
                    "append", journalFile.toString());
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                String line;
                int acks = 0;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        ackedThisRound = Long.parseLong(line.substring(4));
                        if (++acks == 400 + 150 * round) {
                            // SIGKILL, in the middle of whatever it is doing; through the handle, because
                            // Process.destroyForcibly also closes our end of its stdout
                            child.toHandle().destroyForcibly();
                        }
                    } else if (line.startsWith("SETTLING ")) {
                        // the highest settle the child may have done: everything acknowledged above it must remain
                        settled = Long.parseLong(line.substring(9));
                    }
                } // lines already in the pipe were acknowledged before the kill: read them all
            }
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ackedThisRound).as("child errors: %s", ChildJvm.errors(dir.resolve("child" + round + ".err")))
                    .isGreaterThan(acked);
            acked = ackedThisRound;

            try (JournalFile journal = JournalFile.open(journalFile, JournalFile.Limits.DEFAULT)) {
                List<Long> ids = journal.unsettled().stream().map(Prediction::alertId).toList();
                assertThat(ids).isSorted().doesNotHaveDuplicates();
                long lastSettled = settled;
                assertThat(ids).containsAll(java.util.stream.LongStream.rangeClosed(lastSettled + 1, acked)
                        .boxed().toList());
                assertThat(journal.lastAlertId()).isGreaterThanOrEqualTo(acked);
                assertThat(journal.corruptEntries()).isZero();
            }
        }
    }

    @Test
    void a_second_process_cannot_open_the_journal_and_the_message_names_it() throws Exception {
        Path journalFile = dir.resolve("store.db.journal");
        Process child = ChildJvm.onClassPath(JournalChild.class, dir.resolve("hold.err"), "hold", journalFile.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            assertThat(out.readLine()).as(() -> ChildJvm.errors(dir.resolve("hold.err"))).isEqualTo("LOCKED");

            assertThatThrownBy(() -> JournalFile.open(journalFile, JournalFile.Limits.DEFAULT))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(journalFile.toString())
                    .hasMessageContaining("in use by another process");
        } finally {
            child.getOutputStream().close();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (JournalFile journal = JournalFile.open(journalFile, JournalFile.Limits.DEFAULT)) {
            assertThat(journal.unsettled()).isEmpty(); // free again once that process let go
        }
    }
}
