package io.github.commgate.baseline;

import java.time.Instant;

/**
 * Where a baseline came from.
 *
 * @param gitCommit the commit of the user's project when the caller knows it, else null
 */
public record Provenance(String toolVersion, Instant recordedAt, String gitCommit) {

    public Provenance {
        gitCommit = gitCommit == null || gitCommit.isBlank() ? null : gitCommit.trim();
    }
}
