package dev.candor.ai;

/** Receives progress of a long summary (parts done out of parts in all); called on the engine's thread. */
@FunctionalInterface
public interface SummaryProgress {
    SummaryProgress NONE = (done, total, what) -> {};

    void update(int done, int total, String what);
}
