package io.whalewatch.adapter.labels;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.whalewatch.application.spi.AdapterException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Fuzzes the address-book loaders with whole file contents, through {@link AddressBookLoader}
 * exactly as a configured {@code ADDRESS_BOOK_PATHS} file is read (the file name picks the format;
 * {@code labels} without an extension is sniffed). Property: a file either loads or fails with an
 * {@link AdapterException} naming the file and a line within it ({@code path:line: reason}), or,
 * for bytes that are not UTF-8, naming the file ({@code ADDRESS_BOOK_PATHS: cannot read path: ...});
 * nothing else escapes. For TagPacks, whenever the fast reader accepts a document, the full YAML
 * parser must read the same document (the fast reader's own promise).
 *
 * <p>Seeds: {@code src/test/resources/io/whalewatch/adapter/labels/AddressBookFuzzTestInputs/<method>/}.
 */
class AddressBookFuzzTest {
    private static final String A1 = "12ZbTY9GatRU9XasUwEN4BBSqnxtQFJ21F";
    private static final String A2 = "bc1qzy3rx3z4vemc3xd2h0xdmmhlzqsnys656jltnf";

    @TempDir
    static Path dir;
    private static Level loaderLevel;

    /** The loader logs a summary per load at INFO: millions of loads would flood the report. */
    @BeforeAll
    static void quietLoader() {
        Logger logger = (Logger) LoggerFactory.getLogger(AddressBookLoader.class);
        loaderLevel = logger.getLevel();
        logger.setLevel(Level.WARN);
    }

    @AfterAll
    static void restoreLoader() {
        ((Logger) LoggerFactory.getLogger(AddressBookLoader.class)).setLevel(loaderLevel);
    }

    // Per input (libFuzzer -timeout when fuzzing); generous because the first input of a run also
    // pays for loading and instrumenting the classes on a busy machine. The same on every method.
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"tags:", "\\x0A  - address: ", "\\x0A    currency: ", "currency: BTC", "actor: ", "label: ",
        "category: exchange", "---", "&a ", "*a", "!!str ", "{", "}", "[", "]", "'", "\"", "# ", "|", ">",
        "~", "null", "\\x09", A1, A2})
    @FuzzTest(maxDuration = "10s")
    void tagPack(byte[] content) {
        load("pack.yaml", content);
        readersAgree(new String(content, StandardCharsets.UTF_8));
    }

    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"{\"type\":\"addr\",\"ref\":\"", "\"label\":", "\"type\":", "\"tx\"", "\"origin\":",
        "null", "true", "\\\\u0000", A1, A2})
    @FuzzTest(maxDuration = "10s")
    void bip329(byte[] content) {
        load("labels.jsonl", content);
    }

    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"exchange_name,address,type\\x0A", "exchange_name", "address", "\"", "\"\"", ",", "#", A1, A2})
    @FuzzTest(maxDuration = "10s")
    void csv(byte[] content) {
        load("addresses.csv", content);
    }

    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"{", "---", "tags:", "exchange_name,address\\x0A", "# ", A1, A2})
    @FuzzTest(maxDuration = "10s")
    void sniffed(byte[] content) {
        load("labels", content);
    }

    private static void load(String name, byte[] content) {
        Path file = dir.resolve(name);
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            new AddressBookLoader(new AddressBookSources(List.of(file), false)).load();
        } catch (AdapterException e) {
            checkNamesFileAndLine(e.getMessage(), file.toString(), lines(content));
        }
    }

    private static void checkNamesFileAndLine(String message, String file, int lines) {
        if (message.startsWith(AddressBookSources.PATHS_KEY + ": cannot read " + file + ": ")) {
            return;
        }
        // Plain string handling, not a regex: Jazzer hooks regexes, which would slow every execution.
        int colon = message.indexOf(": ", file.length() + 1);
        String line = message.startsWith(file + ":") && colon > 0 ? message.substring(file.length() + 1, colon) : "";
        boolean named = !line.isEmpty() && line.length() < 10 && line.chars().allMatch(Character::isDigit)
                && Integer.parseInt(line) <= lines + 1 && message.length() > colon + 2;
        if (!named) {
            throw new AssertionError("error does not name file and line (" + lines + " lines): " + message);
        }
    }

    /** An upper bound of the line count, also counting the breaks YAML 1.1 knows beyond CR and LF. */
    private static int lines(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            n += "\n\r\u0085\u2028\u2029".indexOf(text.charAt(i)) >= 0 ? 1 : 0;
        }
        return n;
    }

    /** The fast reader only accepts what it reads exactly as YAML does. */
    private static void readersAgree(String text) {
        TagPackTag.Document fast;
        try {
            fast = TagPackFastReader.parse(new BufferedReader(new StringReader(text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (fast == null) {
            return;
        }
        TagPackTag.Document full;
        try {
            full = TagPackYaml.parse("pack.yaml", new StringReader(text));
        } catch (AdapterException | IOException e) {
            throw new AssertionError("fast reader accepted what YAML rejects: " + e.getMessage(), e);
        }
        if (!fast.equals(full)) {
            throw new AssertionError("readers disagree:\nfast: " + fast + "\nyaml: " + full);
        }
    }
}
