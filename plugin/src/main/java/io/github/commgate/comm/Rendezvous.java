package io.github.commgate.comm;

import java.io.IOException;
import java.util.List;

/**
 * What communicators may ask of the other ranks while they set up: a barrier and an all-gather
 * of opaque blobs (an NCCL unique id, CUDA IPC handles, a shared-memory file name). In a worker
 * it goes through the coordinator; in unit tests threads stand in for ranks.
 */
public interface Rendezvous {

    /** Returns once every rank has called it. */
    void barrier() throws IOException;

    /** Returns every rank's blob, indexed by rank, once every rank has contributed. */
    List<byte[]> allGather(byte[] mine) throws IOException;
}
