package io.github.commgate.protocol;

import java.io.IOException;

/** A peer announced a frame longer than it may send; nothing was read or allocated for it. */
public final class FrameTooLargeException extends IOException {

    private final int announcedBytes;

    public FrameTooLargeException(int announcedBytes, int maxBytes) {
        super("announced a frame of " + announcedBytes + " bytes, over the limit of " + maxBytes);
        this.announcedBytes = announcedBytes;
    }

    public int announcedBytes() {
        return announcedBytes;
    }
}
