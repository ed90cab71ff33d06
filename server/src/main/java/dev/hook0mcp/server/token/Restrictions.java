package dev.hook0mcp.server.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Folds the meanings of every block's checks into the token's restrictions. */
final class Restrictions {

    private final List<UUID> applicationIds = new ArrayList<>();
    private Instant expiresAt;
    private Set<String> actionAllowList;
    private int unrecognized;

    static Restrictions of(List<Datalog.Block> blocks) {
        Restrictions restrictions = new Restrictions();
        for (int i = 0; i < blocks.size(); i++) {
            Datalog.Block block = blocks.get(i);
            for (Datalog.Check check : block.checks()) {
                restrictions.add(CheckRecognizer.classify(check));
            }
            // A rule anywhere, or a fact in an attenuation block, can change what the checks see.
            restrictions.unrecognized += block.ruleCount();
            if (i > 0) {
                restrictions.unrecognized += block.facts().size();
            }
        }
        return restrictions;
    }

    private void add(CheckRecognizer.Meaning meaning) {
        if (meaning instanceof CheckRecognizer.ApplicationRestriction app) {
            if (!applicationIds.contains(app.applicationId())) {
                applicationIds.add(app.applicationId());
            }
        } else if (meaning instanceof CheckRecognizer.Expiry expiry) {
            if (expiresAt == null || expiry.rejectedFrom().isBefore(expiresAt)) {
                expiresAt = expiry.rejectedFrom();
            }
        } else if (meaning instanceof CheckRecognizer.ActionAllowList list) {
            if (actionAllowList == null) {
                actionAllowList = new LinkedHashSet<>(list.actions());
            } else {
                actionAllowList.retainAll(list.actions());
            }
        } else {
            unrecognized++;
        }
    }

    List<UUID> applicationIds() {
        return applicationIds;
    }

    Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    Optional<Set<String>> actionAllowList() {
        return Optional.ofNullable(actionAllowList);
    }

    int unrecognized() {
        return unrecognized;
    }
}
