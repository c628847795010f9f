package dev.candor.consent;

import dev.candor.call.ParticipantId;
import java.util.Optional;

/** This client's request to another participant to stop their AI, and their answer once it came. */
public record RaisedObjection(ParticipantId to, long seq, Optional<ObjectionAnswer> answer) {}
