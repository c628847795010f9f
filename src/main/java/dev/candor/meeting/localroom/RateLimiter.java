package dev.candor.meeting.localroom;

/**
 * A token bucket for one connection: {@code burst} messages at once, refilled continuously at
 * {@code perSecond}. Not thread-safe; Jetty delivers one connection's messages one at a time.
 */
final class RateLimiter {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    RateLimiter(int burst, double perSecond, long nowNanos) {
        this.capacity = burst;
        this.perNano = perSecond / 1e9;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Takes one token; false when the connection is over its rate. */
    boolean tryAcquire(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
