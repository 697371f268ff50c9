package io.github.commgate.comm.cuda;

import org.bytedeco.javacpp.Pointer;

/** Addresses inside device buffers, for the rotating offsets of the cache-cold mode. */
final class DevicePointers {

    private DevicePointers() {
    }

    /**
     * {@code base + bytes} as a plain address at position 0: a JavaCPP position would count in
     * elements of the pointer's type, an address in bytes leaves no doubt. The result owns no
     * memory; {@code base} stays the one to free.
     */
    static Pointer plus(Pointer base, long bytes) {
        if (bytes == 0) {
            return base;
        }
        return new Pointer() {
            {
                address = base.address() + bytes;
            }
        };
    }
}
