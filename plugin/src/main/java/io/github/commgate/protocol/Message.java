package io.github.commgate.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.commgate.plan.BenchmarkPlan;
import io.github.commgate.result.RankPointResult;
import java.util.List;
import java.util.Map;

/**
 * The typed messages between the coordinator (in the Maven JVM) and a worker. A worker speaks
 * first and the coordinator only answers, so each side needs no more than one reader.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Message.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = Message.Challenge.class, name = "challenge"),
        @JsonSubTypes.Type(value = Message.Proof.class, name = "proof"),
        @JsonSubTypes.Type(value = Message.PlanReply.class, name = "plan"),
        @JsonSubTypes.Type(value = Message.Barrier.class, name = "barrier"),
        @JsonSubTypes.Type(value = Message.BarrierRelease.class, name = "barrier-release"),
        @JsonSubTypes.Type(value = Message.AllGather.class, name = "all-gather"),
        @JsonSubTypes.Type(value = Message.AllGathered.class, name = "all-gathered"),
        @JsonSubTypes.Type(value = Message.RankEnvironment.class, name = "environment"),
        @JsonSubTypes.Type(value = Message.PointReport.class, name = "point"),
        @JsonSubTypes.Type(value = Message.RankTiming.class, name = "timing"),
        @JsonSubTypes.Type(value = Message.WorkerFailure.class, name = "failure"),
        @JsonSubTypes.Type(value = Message.Finished.class, name = "finished"),
        @JsonSubTypes.Type(value = Message.Goodbye.class, name = "goodbye"),
        @JsonSubTypes.Type(value = Message.Refused.class, name = "refused"),
})
public sealed interface Message {

    /**
     * First message of a worker: who it is, and a random nonce that the coordinator must answer
     * with the run's secret ({@link SecretProof}) before the worker tells it anything more.
     */
    record Hello(int rank, long pid, String nonce) implements Message {
    }

    /** The coordinator proves the secret ({@code answer} to the worker's nonce) and asks the worker to prove it. */
    record Challenge(String nonce, String answer) implements Message {
    }

    /** The worker's answer to the coordinator's nonce. */
    record Proof(String answer) implements Message {
    }

    /** The coordinator's answer to a proven worker: what to measure. */
    record PlanReply(BenchmarkPlan plan) implements Message {
    }

    /** A rank arrived at barrier number {@code sequence}. */
    record Barrier(long sequence) implements Message {
    }

    record BarrierRelease(long sequence) implements Message {
    }

    /** A rank's blob for all-gather number {@code sequence}. */
    record AllGather(long sequence, byte[] blob) implements Message {
    }

    /** Every rank's blob of all-gather number {@code sequence}, indexed by rank. */
    record AllGathered(long sequence, List<byte[]> blobs) implements Message {
    }

    /** What a rank found out about its hardware (GPU model, driver, library versions). */
    record RankEnvironment(Map<String, String> facts) implements Message {
    }

    record PointReport(RankPointResult result) implements Message {
    }

    /**
     * Where the rank's time went, in seconds per phase (comm.WorkerPhase's keys), sent after its
     * last point and the teardown, before it says it has finished.
     */
    record RankTiming(Map<String, Double> seconds) implements Message {
    }

    /** The worker gives up: a one-line description, and the details (stack trace) for its log. */
    record WorkerFailure(String message, String detail) implements Message {
    }

    /** The worker measured every point and waits for leave to exit. */
    record Finished() implements Message {
    }

    record Goodbye() implements Message {
    }

    /**
     * The coordinator turns a connection away before admitting it. {@code tryAgain} when only
     * the moment was wrong (too many strangers were waiting, or the hello came late), so that a
     * real worker caught in a flood of other connections joins on its next attempt.
     */
    record Refused(String reason, boolean tryAgain) implements Message {
    }
}
