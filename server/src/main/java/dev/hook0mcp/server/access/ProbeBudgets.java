package dev.hook0mcp.server.access;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many probes Hook0 gets from us. Anyone holding a Biscuit token can attenuate it offline into as many distinct
 * tokens as they like, so limits per token alone would let one token cost Hook0 without bound. Probes are
 * therefore bounded three ways:
 * <ul>
 *   <li>per inspection of one token: at most {@link #PER_TOKEN} probes, and at most {@link #WAIT} spent waiting
 *       for the budgets below;</li>
 *   <li>per token family (the root token and all its attenuations, named by the authority block's revocation id):
 *       one shared rate ({@link #FAMILY_BURST}, {@link #FAMILY_PER_SECOND}/s, inside Hook0's own limit for that
 *       family) and a quota of {@link #FAMILY_QUOTA} probes refilled over {@link #FAMILY_QUOTA_PERIOD};</li>
 *   <li>for the whole server: {@link #GLOBAL_BURST} at once, {@link #GLOBAL_PER_SECOND}/s.</li>
 * </ul>
 * A probe refused by a budget is not sent: its action is decided from the token's own text (UNKNOWN), and Hook0
 * still enforces every call. Unpaced budgets ({@code HOOK0_UNPACED_PROBES}, for a Hook0 without rate limiting)
 * drop the two rates and keep the per-token allowance and the family quota.
 */
public final class ProbeBudgets {

    static final int PER_TOKEN = 30;
    static final Duration WAIT = Duration.ofSeconds(5);
    static final int FAMILY_BURST = 15;
    static final double FAMILY_PER_SECOND = 8;
    static final int FAMILY_QUOTA = 100;
    static final Duration FAMILY_QUOTA_PERIOD = Duration.ofMinutes(10);
    static final int GLOBAL_BURST = 40;
    static final double GLOBAL_PER_SECOND = 20;
    /** Families remembered; the least recently probed one is forgotten beyond this. */
    static final int MAX_FAMILIES = 10_000;

    private final boolean paced;
    private final Ticker ticker;
    private final RateBudget global;
    private final Map<String, Family> families = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Family> eldest) {
            return size() > MAX_FAMILIES;
        }
    };

    /** Paced by the system clock: the server's budgets. */
    public ProbeBudgets() {
        this(true, Ticker.SYSTEM);
    }

    /** {@code paced} false sends probes without waiting for a rate (the allowance and the quota still count). */
    public ProbeBudgets(boolean paced, Ticker ticker) {
        this.paced = paced;
        this.ticker = ticker;
        this.global = new RateBudget(GLOBAL_BURST, GLOBAL_PER_SECOND, ticker);
    }

    /** The probes of one token family: its shared rate and its quota. */
    private static final class Family {
        final RateBudget rate;
        final RateBudget quota;

        Family(Ticker ticker) {
            rate = new RateBudget(FAMILY_BURST, FAMILY_PER_SECOND, ticker);
            quota = new RateBudget(FAMILY_QUOTA, FAMILY_QUOTA / (double) FAMILY_QUOTA_PERIOD.toSeconds(), ticker);
        }
    }

    /** The allowance of one inspection of a token of family {@code rootId}. */
    Allowance forToken(String rootId) {
        Family family;
        synchronized (families) {
            family = families.computeIfAbsent(rootId, k -> new Family(ticker));
        }
        return new Allowance(family, ticker.nanoTime() + WAIT.toNanos());
    }

    /** Why a probe was not sent, as evidence of its UNKNOWN verdict. */
    enum Refusal {
        TOKEN_USED_UP("this token's probe allowance (" + PER_TOKEN + ") is used up"),
        FAMILY_USED_UP("the probe quota of this token's family (" + FAMILY_QUOTA + " per "
                + FAMILY_QUOTA_PERIOD.toMinutes() + " min for a root token and all its attenuations) is used up"),
        RATE_BUSY("Hook0's rate budget for probes was busy for " + WAIT.toSeconds() + " s");

        final String text;

        Refusal(String text) {
            this.text = text;
        }
    }

    /** One inspection's share: counts its probes and takes each from the family's and the global budgets. */
    final class Allowance {
        private final Family family;
        private final long deadline;
        private int used;

        private Allowance(Family family, long deadline) {
            this.family = family;
            this.deadline = deadline;
        }

        /** Null when the probe may be sent now; otherwise why not (nothing was sent). */
        Refusal take() throws InterruptedException {
            synchronized (this) {
                if (used >= PER_TOKEN) {
                    return Refusal.TOKEN_USED_UP;
                }
                used++;
            }
            if (!family.quota.tryAcquire(ticker.nanoTime())) {
                return Refusal.FAMILY_USED_UP;
            }
            if (paced && (!family.rate.tryAcquire(deadline) || !global.tryAcquire(deadline))) {
                return Refusal.RATE_BUSY;
            }
            return null;
        }
    }
}
