package dev.candor.ai.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Giving the speech engine's freed native memory back, on glibc (the Linux build machines). */
class NativeHeapTest {
    @Test
    void trimsAtMostOncePerIntervalButAtOnceWhenAskedOutright() {
        AtomicLong clock = new AtomicLong(1_000_000);
        NativeHeap heap = new NativeHeap(20_000, clock::get);
        assumeTrue(heap.available(), "glibc only");

        assertThat(heap.trimSoon()).isTrue();
        clock.addAndGet(5_000);
        assertThat(heap.trimSoon()).as("5 s later").isFalse();
        assertThat(heap.trimNow()).as("after something large was released").isTrue();
        clock.addAndGet(19_000);
        assertThat(heap.trimSoon()).as("19 s after the last trim").isFalse();
        clock.addAndGet(1_000);
        assertThat(heap.trimSoon()).as("20 s after the last trim").isTrue();
    }

    @Test
    void capsMallocArenasOnGlibc() {
        NativeHeap heap = new NativeHeap(20_000);
        assumeTrue(heap.available(), "glibc only");
        assertThat(heap.limitArenas(2)).isTrue();
    }
}
