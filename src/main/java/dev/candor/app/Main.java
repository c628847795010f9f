package dev.candor.app;

/** Entry point placeholder during bootstrap; replaced by the composition root. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {}
}
