package dev.candor.media;

/** A camera the system offers: a stable id within this run and the name people see. */
public record CameraInfo(String id, String name) {}
