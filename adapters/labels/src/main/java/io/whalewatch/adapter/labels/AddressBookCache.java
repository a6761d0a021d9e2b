package io.whalewatch.adapter.labels;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parsed address book kept in one file ({@code ADDRESS_BOOK_CACHE}), so that a restart with
 * unchanged sources reads the finished table back in milliseconds instead of parsing and
 * validating every address again (about one second for a 300,000-address TagPack: a third of the
 * service's start-up before the cache existed).
 *
 * <p>The file is used only when its fingerprint equals the one the loader computes from what it
 * would read now ({@link AddressBookLoader#fingerprint}: the code that parses, the built-in list,
 * and every source's path, size and content checksum). The file also ends with a CRC-32C of
 * everything before it, so a torn write or a damaged disk block is noticed: such a cache is
 * ignored, the sources are parsed as if there were none, and the cache is written afresh. The
 * cache never decides whether the book loads: every problem with it is logged and the sources
 * are read instead.
 *
 * <p>Layout (big-endian): magic, format, fingerprint, the load's counts, the exchange names, then
 * the {@link AddressTable}'s arrays as they are in memory, then the checksum. Writes go to a
 * temporary file that replaces the cache in one rename, so a reader sees the old file or the new.
 */
final class AddressBookCache {
    static final String PATH_KEY = "ADDRESS_BOOK_CACHE";
    private static final Logger LOG = LoggerFactory.getLogger(AddressBookCache.class);
    private static final int MAGIC = 0x57574142; // "WWAB"
    /** Bump when the layout changes; a parsing change is covered by the code identity in the fingerprint. */
    private static final int FORMAT = 1;
    private static final int CHECKSUM_BYTES = 4;

    private final Path file;

    AddressBookCache(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The table and counts stored under this fingerprint, or empty (no file, another fingerprint, damaged). */
    Optional<AddressBookLoad> read(String fingerprint) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes;
            try (InputStream in = new FileInputStream(file.toFile())) {
                bytes = in.readAllBytes();
            }
            return decode(bytes, fingerprint);
        } catch (IOException e) {
            LOG.warn("address book cache {} cannot be read ({}); reading the sources", file, e.toString());
            return Optional.empty();
        }
    }

    /** Stores the load; a failure is logged (the next start parses the sources again), never thrown. */
    synchronized void write(String fingerprint, AddressBookLoad load) {
        Path temporary = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            byte[] bytes = encode(fingerprint, load);
            temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            // FileOutputStream, not Files.write: a channel write of a heap array would keep a temporary
            // direct buffer of the array's size (13 MB for 300,000 addresses) cached for the thread.
            try (FileOutputStream out = new FileOutputStream(temporary.toFile())) {
                out.write(bytes);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("address book cache {} written ({} KiB); the next start with the same sources reads it", file,
                    bytes.length / 1024);
        } catch (IOException | RuntimeException e) {
            LOG.warn("address book cache {} cannot be written ({}); the next start reads the sources again", file, e.toString());
            try {
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException ignored) {
                // the warning above already says the cache is not usable
            }
        }
    }

    static byte[] encode(String fingerprint, AddressBookLoad load) {
        AddressTable table = load.table();
        AddressTable.Layout arrays = table.layout();
        byte[] print = fingerprint.getBytes(StandardCharsets.UTF_8);
        byte[][] names = new byte[arrays.names().length][];
        int namesBytes = 0;
        for (int i = 0; i < names.length; i++) {
            names[i] = arrays.names()[i].getBytes(StandardCharsets.UTF_8);
            namesBytes += 4 + names[i].length;
        }
        long length = 4L + 4 + 4 + print.length + 3 * 4 + 4 + namesBytes + 3 * 4 + arrays.pool().length
                + 4L * arrays.offsets().length + 2L * arrays.exchangeIds().length + 8L * arrays.slots().length + CHECKSUM_BYTES;
        if (length > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("address book too large to cache: " + length + " bytes");
        }
        ByteBuffer out = ByteBuffer.allocate((int) length);
        out.putInt(MAGIC).putInt(FORMAT).putInt(print.length).put(print);
        out.putInt(load.skipped()).putInt(load.duplicates()).putInt(load.relabelled());
        out.putInt(names.length);
        for (byte[] name : names) {
            out.putInt(name.length).put(name);
        }
        out.putInt(arrays.size()).putInt(arrays.pool().length).putInt(arrays.slots().length);
        out.put(arrays.pool());
        out.asIntBuffer().put(arrays.offsets());
        out.position(out.position() + 4 * arrays.offsets().length);
        out.asCharBuffer().put(arrays.exchangeIds());
        out.position(out.position() + 2 * arrays.exchangeIds().length);
        out.asLongBuffer().put(arrays.slots());
        out.position(out.position() + 8 * arrays.slots().length);
        out.putInt(checksum(out.array(), out.position()));
        return out.array();
    }

    /** The load stored in these bytes if they are whole and carry this fingerprint. */
    Optional<AddressBookLoad> decode(byte[] bytes, String fingerprint) {
        if (bytes.length < 12 + CHECKSUM_BYTES) {
            return rejected("too short to be a cache");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getInt() != MAGIC) {
            return rejected("not an address book cache");
        }
        if (in.getInt() != FORMAT) {
            return rejected("written by another version of the format");
        }
        int end = bytes.length - CHECKSUM_BYTES;
        if (checksum(bytes, end) != ByteBuffer.wrap(bytes, end, CHECKSUM_BYTES).getInt()) {
            return rejected("checksum mismatch: the file is damaged or was cut short");
        }
        try {
            in.limit(end);
            if (!fingerprint.equals(string(in))) {
                LOG.info("address book cache {}: the sources or the code changed since it was written; reading the sources", file);
                return Optional.empty();
            }
            int skipped = in.getInt();
            int duplicates = in.getInt();
            int relabelled = in.getInt();
            String[] names = new String[count(in.getInt(), Character.MAX_VALUE + 1)];
            for (int i = 0; i < names.length; i++) {
                names[i] = string(in);
            }
            int size = count(in.getInt(), Integer.MAX_VALUE);
            byte[] pool = new byte[count(in.getInt(), in.remaining())];
            int slotCount = in.getInt();
            if (Integer.bitCount(slotCount) != 1 || slotCount <= size) {
                return rejected("bad slot table size " + slotCount + " for " + size + " addresses");
            }
            in.get(pool);
            int[] offsets = new int[size + 1];
            in.asIntBuffer().get(offsets);
            in.position(in.position() + 4 * offsets.length);
            char[] exchangeIds = new char[size];
            in.asCharBuffer().get(exchangeIds);
            in.position(in.position() + 2 * exchangeIds.length);
            long[] slots = new long[slotCount];
            in.asLongBuffer().get(slots);
            in.position(in.position() + 8 * slots.length);
            if (in.hasRemaining()) {
                return rejected(in.remaining() + " bytes left over");
            }
            String inconsistency = new AddressTable.Layout(names, pool, offsets, exchangeIds, slots, size).inconsistency();
            if (inconsistency != null) {
                return rejected(inconsistency);
            }
            AddressTable table = new AddressTable(names, pool, offsets, exchangeIds, slots, size);
            return Optional.of(new AddressBookLoad(table, skipped, duplicates, relabelled, true));
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return rejected("inconsistent contents (" + e + ")");
        }
    }

    private Optional<AddressBookLoad> rejected(String why) {
        LOG.warn("address book cache {} ignored: {}; reading the sources", file, why);
        return Optional.empty();
    }

    private static int count(int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("count " + value + " out of range");
        }
        return value;
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = new byte[count(in.getInt(), in.remaining())];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
