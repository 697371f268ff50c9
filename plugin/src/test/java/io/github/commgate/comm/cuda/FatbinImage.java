package io.github.commgate.comm.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cubins inside our fatbin, read without a GPU: the kernels each one defines and the initial
 * bytes of its device variables, such as the ABI record. A fatbin (as nvcc -fatbin writes it) is
 * a container (magic 0xBA55ED50, a header, then entries: a header and a payload each); entries of
 * kind 2 are cubins, ELF64 files whose symbol table names every kernel (STT_FUNC) and variable
 * (STT_OBJECT). The native build writes it uncompressed (native/pom.xml), so the payloads are
 * plain ELF.
 */
final class FatbinImage {

    private static final int CONTAINER_MAGIC = 0xBA55ED50;
    private static final int KIND_CUBIN = 2;
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_NOBITS = 8;
    static final int STT_OBJECT = 1;
    static final int STT_FUNC = 2;

    /** One symbol of a cubin: its ELF type and, for a variable, its initial bytes. */
    record Symbol(int type, byte[] initialBytes) {
    }

    /** One cubin: the SM architecture it was built for (80, 90, 100) and its symbols by name. */
    record Cubin(int architecture, Map<String, Symbol> symbols) {
    }

    private FatbinImage() {
    }

    /** The fatbin of the commgate-native jar on the class path, or null where it was built without nvcc. */
    static byte[] resource() throws IOException {
        try (InputStream in = FatbinImage.class.getResourceAsStream(KernelLibrary.RESOURCE)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    static List<Cubin> cubins(byte[] fatbin) {
        ByteBuffer data = ByteBuffer.wrap(fatbin).order(ByteOrder.LITTLE_ENDIAN);
        List<Cubin> cubins = new ArrayList<>();
        int container = 0;
        while (container + 16 <= fatbin.length) {
            if (data.getInt(container) != CONTAINER_MAGIC) {
                throw new IllegalArgumentException("no fatbin container at byte " + container);
            }
            int entry = container + Short.toUnsignedInt(data.getShort(container + 6));
            int end = Math.toIntExact(entry + data.getLong(container + 8));
            while (entry < end) {
                int headerBytes = data.getInt(entry + 4);
                int payloadBytes = Math.toIntExact(data.getLong(entry + 8));
                if (Short.toUnsignedInt(data.getShort(entry)) == KIND_CUBIN) {
                    cubins.add(new Cubin(data.getInt(entry + 28), symbols(data.slice(entry + headerBytes, payloadBytes))));
                }
                entry += headerBytes + payloadBytes;
            }
            container = end;
        }
        return cubins;
    }

    private static Map<String, Symbol> symbols(ByteBuffer elf) {
        elf.order(ByteOrder.LITTLE_ENDIAN);
        if (elf.getInt(0) != 0x464C457F || elf.get(4) != 2) {
            throw new IllegalArgumentException("a cubin entry is not a 64-bit ELF file (compressed?)");
        }
        long sectionTable = elf.getLong(0x28);
        int entrySize = Short.toUnsignedInt(elf.getShort(0x3A));
        int sections = Short.toUnsignedInt(elf.getShort(0x3C));
        Map<String, Symbol> symbols = new HashMap<>();
        for (int s = 0; s < sections; s++) {
            int header = Math.toIntExact(sectionTable + (long) s * entrySize);
            if (elf.getInt(header + 4) != SHT_SYMTAB) {
                continue;
            }
            int table = Math.toIntExact(elf.getLong(header + 0x18));
            int count = Math.toIntExact(elf.getLong(header + 0x20) / 24);
            int names = Math.toIntExact(elf.getLong(sectionHeader(elf, sectionTable, entrySize, elf.getInt(header + 0x28)) + 0x18));
            for (int i = 0; i < count; i++) {
                int symbol = table + 24 * i;
                String name = text(elf, names + elf.getInt(symbol));
                int type = elf.get(symbol + 4) & 0xF;
                byte[] bytes = type == STT_OBJECT ? initialBytes(elf, sectionTable, entrySize, symbol) : new byte[0];
                symbols.put(name, new Symbol(type, bytes));
            }
        }
        return symbols;
    }

    private static byte[] initialBytes(ByteBuffer elf, long sectionTable, int entrySize, int symbol) {
        int section = sectionHeader(elf, sectionTable, entrySize, Short.toUnsignedInt(elf.getShort(symbol + 6)));
        byte[] bytes = new byte[Math.toIntExact(elf.getLong(symbol + 16))];
        if (elf.getInt(section + 4) != SHT_NOBITS) {
            long address = elf.getLong(symbol + 8) - elf.getLong(section + 0x10);
            elf.get(Math.toIntExact(elf.getLong(section + 0x18) + address), bytes);
        }
        return bytes;
    }

    private static int sectionHeader(ByteBuffer elf, long sectionTable, int entrySize, int index) {
        return Math.toIntExact(sectionTable + (long) index * entrySize);
    }

    private static String text(ByteBuffer elf, int at) {
        int end = at;
        while (elf.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - at];
        elf.get(at, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
