package io.whalewatch.adapter.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver's unpacked library is removed once loaded, and nothing else is. */
class NativeLibraryCopyTest {
    @TempDir
    Path dir;

    @Test
    void removesOnlyTheDriversMappedCopyInTheTempDirectory() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp")).toRealPath();
        Path copy = Files.writeString(tmp.resolve("libduckdb_java4242.so"), "elf");
        Path notMapped = Files.writeString(tmp.resolve("libduckdb_java77.so"), "another process's copy");
        Path otherLibrary = Files.writeString(tmp.resolve("libother123.so"), "elf");
        Path elsewhere = Files.writeString(Files.createDirectories(dir.resolve("lib")).toRealPath()
                .resolve("libduckdb_java5.so"), "installed on purpose");
        Path maps = Files.write(dir.resolve("maps"), List.of(
                "7f00a0000000-7f00a1000000 r--p 00000000 fe:00 1234 " + copy,
                "7f00a1000000-7f00a2000000 r-xp 01000000 fe:00 1234 " + copy,
                "7f00a3000000-7f00a4000000 r-xp 00000000 fe:00 1235 " + otherLibrary,
                "7f00a5000000-7f00a6000000 r-xp 00000000 fe:00 1236 " + elsewhere,
                "7f00a7000000-7f00a8000000 rw-p 00000000 00:00 0 [heap]"));

        List<Path> deleted = NativeLibraryCopy.unlink(maps, tmp);

        assertThat(deleted).containsExactly(copy);
        assertThat(copy).doesNotExist();
        assertThat(notMapped).as("a copy this process does not map").exists();
        assertThat(otherLibrary).exists();
        assertThat(elsewhere).as("outside the temp directory").exists();
    }

    @Test
    void aCopyAlreadyRemovedOrNoMapsFileIsNotAnError() throws Exception {
        Path maps = Files.write(dir.resolve("maps"),
                List.of("7f00a0000000-7f00a1000000 r-xp 00000000 fe:00 1234 " + dir.toRealPath() + "/libduckdb_java9.so (deleted)"));

        assertThat(NativeLibraryCopy.unlink(maps, dir)).isEmpty();
        assertThat(NativeLibraryCopy.unlink(dir.resolve("absent"), dir)).isEmpty();
    }

    @Test
    void afterOpeningAStoreThisProcessMapsTheLibraryOnlyFromARemovedFile() throws Exception {
        try (DuckDbDatabase db = DuckDbDatabase.open(dir.resolve("real.db"))) {
            List<String> mapped = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(l -> l.contains("libduckdb_java")).toList();
            assertThat(mapped).as("DuckDB's library is mapped in this JVM").isNotEmpty();
            assertThat(mapped).as("every mapping of the unpacked copy is of a deleted file")
                    .allSatisfy(l -> assertThat(l).endsWith(" (deleted)"));
            assertThat(db.file()).exists();
        }
    }
}
