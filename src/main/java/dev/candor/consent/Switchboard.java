package dev.candor.consent;

import dev.candor.call.CallEvent;
import dev.candor.call.ParticipantId;
import dev.candor.call.Recipient;
import dev.candor.record.EntryDraft;
import dev.candor.record.EntryKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The AI switchboard of one call, as an immutable value. {@link #apply} is a pure function
 * {@code (state, event) -> (new state, effects)}: it never performs anything, so every consent rule
 * is testable without a call. The rules:
 *
 * <ul>
 *   <li>Every switch is off in a new call ({@link #newCall}, and again on every {@code Joined}).
 *   <li>Turning a feature on puts it in {@link SwitchPhase#NOTICE_PENDING} and sends a notice to
 *       everyone; it becomes {@link SwitchPhase#ON} only when that notice (or a later one) is
 *       reported delivered. Turning off is immediate and announced.
 *   <li>Data sharing can be requested only while a feature is on and a destination is configured,
 *       waits for its own notice, and turns off with the last feature.
 *   <li>Someone who joins while AI is on gets a private notice on joining.
 *   <li>Incoming notices and objections are attributed to the sender id the meeting reports.
 * </ul>
 *
 * Which entries each change writes is listed on the {@code Effect.Record}s it returns and in the
 * README section "AI switches and notices".
 */
public record Switchboard(
        CallSettings settings,
        CallPhase phase,
        Optional<ParticipantId> self,
        String selfName,
        String shownName,
        Map<Switch, SwitchPhase> switches,
        Map<Switch, Long> pendingSeq,
        long lastSeq,
        Map<Long, OutgoingNotice> inFlight,
        Map<ParticipantId, String> participants,
        Set<ParticipantId> informed,
        Map<ParticipantId, Long> lastSeqFrom,
        Map<ParticipantId, RemoteAi> remoteAi,
        Map<ParticipantId, ObjectionRequest> objections,
        Map<ParticipantId, RaisedObjection> raisedObjections) {

    public Switchboard {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(selfName, "selfName");
        Objects.requireNonNull(shownName, "shownName");
        EnumMap<Switch, SwitchPhase> all = new EnumMap<>(Switch.class);
        for (Switch s : Switch.values()) {
            all.put(s, switches.getOrDefault(s, SwitchPhase.OFF));
        }
        switches = java.util.Collections.unmodifiableMap(all);
        pendingSeq = Map.copyOf(pendingSeq);
        inFlight = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inFlight));
        participants = Map.copyOf(participants);
        informed = Set.copyOf(informed);
        lastSeqFrom = Map.copyOf(lastSeqFrom);
        remoteAi = Map.copyOf(remoteAi);
        objections = Map.copyOf(objections);
        raisedObjections = Map.copyOf(raisedObjections);
        boolean anyFeature = all.get(Switch.SUMMARY) != SwitchPhase.OFF || all.get(Switch.COMPOSE) != SwitchPhase.OFF;
        if (all.get(Switch.DATA_SHARING) != SwitchPhase.OFF && !anyFeature) {
            throw new IllegalArgumentException("data sharing cannot be on while every feature is off");
        }
        if (all.get(Switch.DATA_SHARING) == SwitchPhase.ON
                && all.get(Switch.SUMMARY) != SwitchPhase.ON
                && all.get(Switch.COMPOSE) != SwitchPhase.ON) {
            throw new IllegalArgumentException("data sharing cannot be active while no feature is active");
        }
        if (phase != CallPhase.IN_CALL && (anyFeature || !inFlight.isEmpty())) {
            throw new IllegalArgumentException("switches can only be on in a call");
        }
    }

    /** A switchboard for a new call: not yet joined, every switch off. */
    public static Switchboard newCall(CallSettings settings) {
        return new Switchboard(
                settings,
                CallPhase.WAITING,
                Optional.empty(),
                "",
                "",
                Map.of(),
                Map.of(),
                0,
                Map.of(),
                Map.of(),
                Set.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of());
    }

    /** Where a switch stands. */
    public SwitchPhase phase(Switch s) {
        return switches.get(s);
    }

    /** Where a feature's switch stands. */
    public SwitchPhase phase(Feature f) {
        return switches.get(Switch.of(f));
    }

    /** Features that are active: their notice went out, the gate admits their inputs. */
    public Set<Feature> activeFeatures() {
        return featuresWhere(p -> p == SwitchPhase.ON);
    }

    /** Features that are on or waiting for their notice: what participants are told. */
    public Set<Feature> announcedFeatures() {
        return featuresWhere(p -> p != SwitchPhase.OFF);
    }

    /** What participants are told now: features on or pending, and whether data sharing is. */
    public NoticeWording.Announced announced() {
        return new NoticeWording.Announced(announcedFeatures(), phase(Switch.DATA_SHARING) != SwitchPhase.OFF);
    }

    /**
     * Whether the AI may process what this participant says or writes: this client itself always,
     * anyone else only once a notice that reached them was delivered (promise 2, also for later joiners).
     */
    public boolean isInformed(ParticipantId participant) {
        return self.filter(participant::equals).isPresent() || informed.contains(participant);
    }

    /**
     * One banner line per other participant who announced AI, e.g. "Bob has AI notes on.", named by
     * the display name the meeting reports for their id (their id if it reported none).
     */
    public List<String> banners() {
        List<String> lines = new ArrayList<>();
        for (RemoteAi ai : remoteAi.values()) {
            String name = participants.getOrDefault(ai.participant(), "");
            lines.add(settings.wording()
                    .banner(name.isBlank() ? ai.participant().value() : name, ai.features(), ai.dataSharing()));
        }
        lines.sort(null);
        return List.copyOf(lines);
    }

    /** Whether data sharing is active (its notice went out): only then may items be enqueued. */
    public boolean sharingActive() {
        return phase(Switch.DATA_SHARING) == SwitchPhase.ON;
    }

    /** The gate's bitmask of active features. */
    int activeMask() {
        int mask = 0;
        for (Feature f : Feature.values()) {
            if (phase(f) == SwitchPhase.ON) {
                mask |= f.bit();
            }
        }
        return mask;
    }

    private Set<Feature> featuresWhere(java.util.function.Predicate<SwitchPhase> test) {
        EnumSet<Feature> result = EnumSet.noneOf(Feature.class);
        for (Feature f : Feature.values()) {
            if (test.test(phase(f))) {
                result.add(f);
            }
        }
        return Set.copyOf(result);
    }

    /** Applies one event: the new state and the effects to perform, in order. Never throws on bad input. */
    public Transition apply(SwitchboardEvent event) {
        Objects.requireNonNull(event, "event");
        Step step = new Step(this, event);
        step.run();
        return step.finish();
    }

    /** The mutable working copy of one transition; never escapes {@link #apply}. */
    private static final class Step {
        private final Switchboard before;
        private final SwitchboardEvent event;
        private final Instant at;
        private final List<Effect> effects = new ArrayList<>();
        private CallSettings settings;
        private CallPhase phase;
        private Optional<ParticipantId> self;
        private String selfName;
        private String shownName;
        private final EnumMap<Switch, SwitchPhase> switches = new EnumMap<>(Switch.class);
        private final Map<Switch, Long> pendingSeq;
        private long lastSeq;
        private final Map<Long, OutgoingNotice> inFlight;
        private final Map<ParticipantId, String> participants;
        private final Set<ParticipantId> informed;
        private final Map<ParticipantId, Long> lastSeqFrom;
        private final Map<ParticipantId, RemoteAi> remoteAi;
        private final Map<ParticipantId, ObjectionRequest> objections;
        private final Map<ParticipantId, RaisedObjection> raised;
        private boolean switchChanged;
        private boolean ended;
        private boolean countsRecorded;
        /** The announced state participants were last told in this call (baseline of the change line). */
        private NoticeWording.Announced told;

        Step(Switchboard s, SwitchboardEvent event) {
            this.before = s;
            this.event = event;
            this.at = event.at();
            this.settings = s.settings;
            this.phase = s.phase;
            this.self = s.self;
            this.selfName = s.selfName;
            this.shownName = s.shownName;
            this.switches.putAll(s.switches);
            this.pendingSeq = new EnumMap<>(Switch.class);
            this.pendingSeq.putAll(s.pendingSeq);
            this.lastSeq = s.lastSeq;
            this.inFlight = new LinkedHashMap<>(s.inFlight);
            this.participants = new LinkedHashMap<>(s.participants);
            this.informed = new java.util.HashSet<>(s.informed);
            this.lastSeqFrom = new LinkedHashMap<>(s.lastSeqFrom);
            this.remoteAi = new LinkedHashMap<>(s.remoteAi);
            this.objections = new LinkedHashMap<>(s.objections);
            this.raised = new LinkedHashMap<>(s.raisedObjections);
            this.told = s.announced();
        }

        void run() {
            if (event instanceof SwitchboardEvent.FromCall c) {
                call(c.event());
            } else if (event instanceof SwitchboardEvent.TurnOn e) {
                turnOn(e.feature());
            } else if (event instanceof SwitchboardEvent.TurnOff e) {
                if (!inCall()) {
                    decline(Effect.DeclineReason.NOT_IN_CALL);
                } else if (switches.get(Switch.of(e.feature())) == SwitchPhase.OFF) {
                    decline(Effect.DeclineReason.ALREADY_OFF);
                } else {
                    featureOff(e.feature(), "user");
                }
            } else if (event instanceof SwitchboardEvent.TurnAllOff) {
                if (!inCall() || announcedFeatures().isEmpty()) {
                    decline(inCall() ? Effect.DeclineReason.ALREADY_OFF : Effect.DeclineReason.NOT_IN_CALL);
                } else {
                    for (Feature f : Feature.values()) {
                        if (switches.get(Switch.of(f)) != SwitchPhase.OFF) {
                            featureOff(f, "user");
                        }
                    }
                }
            } else if (event instanceof SwitchboardEvent.SetDataSharing e) {
                setDataSharing(e.on());
            } else if (event instanceof SwitchboardEvent.NoticeDelivered e) {
                delivered(e.seq());
            } else if (event instanceof SwitchboardEvent.NoticeFailed e) {
                failed(e.seq());
            } else if (event instanceof SwitchboardEvent.AnswerObjection e) {
                answer(e.from(), e.answer());
            } else if (event instanceof SwitchboardEvent.RaiseObjection e) {
                raise(e.to());
            } else if (event instanceof SwitchboardEvent.OfferShare e) {
                offerShare(e.item());
            } else {
                throw new IllegalStateException("unhandled event type " + event.getClass());
            }
        }

        // ---- the call ----------------------------------------------------------------------

        private void call(CallEvent e) {
            if (e instanceof CallEvent.Joined j) {
                if (inCall()) {
                    endCall("rejoined");
                }
                startCall(j);
            } else if (e instanceof CallEvent.Left l) {
                if (inCall()) {
                    endCall(l.reason() == null ? "left" : "left: " + l.reason());
                }
            } else if (e instanceof CallEvent.ConnectionChanged c) {
                if (inCall()
                        && (c.state() == CallEvent.ConnectionState.FAILED
                                || c.state() == CallEvent.ConnectionState.CLOSED)) {
                    endCall("connection " + c.state().name().toLowerCase(java.util.Locale.ROOT));
                }
            } else if (e instanceof CallEvent.ParticipantJoined p) {
                participantJoined(p.id(), p.displayName());
            } else if (e instanceof CallEvent.ParticipantLeft p) {
                participantLeft(p.id());
            } else if (e instanceof CallEvent.DisplayNameChanged d) {
                displayNameChanged(d.id(), d.displayName());
            } else if (e instanceof CallEvent.EndpointMessageReceived m) {
                endpointMessage(m.from(), m.text());
            }
            // Chat, audio, speaker, mute, ready-to-close and errors change no consent state; AI inputs
            // go through the InputGate instead.
        }

        private void startCall(CallEvent.Joined j) {
            // A new call: everything but the settings and our own sequence counter starts afresh.
            phase = CallPhase.IN_CALL;
            ended = false;
            self = Optional.of(j.self());
            selfName = j.displayName() == null ? "" : j.displayName();
            shownName = selfName;
            switches.replaceAll((k, v) -> SwitchPhase.OFF);
            pendingSeq.clear();
            inFlight.clear();
            participants.clear();
            informed.clear();
            lastSeqFrom.clear();
            remoteAi.clear();
            objections.clear();
            raised.clear();
            told = NoticeWording.Announced.OFF;
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("room", j.roomName() == null ? "" : j.roomName());
            fields.put("self", j.self().value());
            record(EntryKind.CALL_STARTED, fields);
        }

        private void endCall(String reason) {
            for (Switch s : Switch.values()) {
                if (switches.get(s) != SwitchPhase.OFF) {
                    set(s, SwitchPhase.OFF, "call_ended");
                }
            }
            inFlight.clear();
            objections.clear();
            raised.clear();
            remoteAi.clear();
            effects.add(new Effect.RecordInputCounts("call_ended"));
            countsRecorded = true;
            record(EntryKind.CALL_ENDED, Map.of("reason", reason));
            phase = CallPhase.ENDED;
            ended = true;
        }

        private void participantJoined(ParticipantId id, String name) {
            if (!inCall() || self.filter(id::equals).isPresent()) {
                return;
            }
            participants.put(id, name == null ? "" : name);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("participant", id.value());
            fields.put("name", name == null ? "" : name);
            record(EntryKind.PARTICIPANT_JOINED, fields);
            NoticeWording.Announced now = announced();
            if (!now.features().isEmpty()) {
                String text = settings.wording()
                        .joiner(
                                selfName,
                                now,
                                settings.processingLocal(),
                                settings.sharingDestination().orElse(null));
                sendNotice(Recipient.one(id), now, text);
            }
        }

        private void participantLeft(ParticipantId id) {
            if (!inCall() || participants.remove(id) == null) {
                return;
            }
            remoteAi.remove(id);
            informed.remove(id);
            lastSeqFrom.remove(id);
            objections.remove(id);
            raised.remove(id);
            record(EntryKind.PARTICIPANT_LEFT, Map.of("participant", id.value()));
        }

        private void displayNameChanged(ParticipantId id, String name) {
            if (!inCall() || name == null) {
                return;
            }
            if (self.filter(id::equals).isPresent()) {
                if (!name.equals(shownName)) {
                    // The user renamed themselves in the meeting; the suffix is re-applied in finish().
                    selfName = name;
                    shownName = name;
                }
            } else if (participants.containsKey(id)) {
                participants.put(id, name);
            }
        }

        // ---- incoming endpoint messages ------------------------------------------------------

        private void endpointMessage(ParticipantId from, String text) {
            if (!inCall()) {
                ignored(from, IgnoreReason.NOT_IN_CALL, "");
                return;
            }
            if (self.filter(from::equals).isPresent()) {
                ignored(from, IgnoreReason.FROM_SELF, "");
                return;
            }
            NoticeCodec.Decoded decoded = CODEC.decode(text);
            if (decoded instanceof NoticeCodec.Decoded.Rejected r) {
                ignored(from, r.reason(), r.detail());
                return;
            }
            ConsentMessage message = ((NoticeCodec.Decoded.Parsed) decoded).message();
            Long last = lastSeqFrom.get(from);
            if (last != null && message.seq() <= last) {
                ignored(
                        from,
                        message.seq() == last ? IgnoreReason.DUPLICATE : IgnoreReason.OUT_OF_ORDER,
                        "seq " + message.seq() + " after " + last);
                return;
            }
            if (message instanceof ConsentMessage.ObjectionReply reply) {
                RaisedObjection mine = raised.get(from);
                if (mine == null || mine.seq() != reply.re() || mine.answer().isPresent()) {
                    ignored(from, IgnoreReason.UNEXPECTED, "no open objection " + reply.re());
                    return;
                }
                lastSeqFrom.put(from, message.seq());
                raised.put(from, new RaisedObjection(from, mine.seq(), Optional.of(reply.answer())));
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("direction", "answer_to_me");
                fields.put("participant", from.value());
                fields.put("re", reply.re());
                fields.put("answer", reply.answer().wireName());
                record(EntryKind.OBJECTION_ANSWERED, fields);
            } else if (message instanceof ConsentMessage.Objection objection) {
                if (objections.containsKey(from)) {
                    ignored(from, IgnoreReason.UNEXPECTED, "objection already open");
                    return;
                }
                lastSeqFrom.put(from, message.seq());
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("participant", from.value());
                fields.put("seq", objection.seq());
                fields.put("features", wireNames(objection.features()));
                record(EntryKind.OBJECTION_RECEIVED, fields);
                objections.put(from, new ObjectionRequest(from, objection.seq(), objection.features(), at));
                // If what they object to is already off, the answer is immediate (see settleObjections).
            } else if (message instanceof ConsentMessage.Notice notice) {
                lastSeqFrom.put(from, message.seq());
                if (notice.features().isEmpty()) {
                    remoteAi.remove(from);
                } else {
                    remoteAi.put(
                            from,
                            new RemoteAi(
                                    from, notice.features(), notice.dataSharing(), notice.local(), notice.at(), at));
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("participant", from.value());
                fields.put("seq", notice.seq());
                fields.put("features", wireNames(notice.features()));
                fields.put("dataSharing", notice.dataSharing());
                fields.put("local", notice.local());
                record(EntryKind.NOTICE_RECEIVED, fields);
            }
            effects.add(new Effect.Received(new Receipt.Accepted(from, message)));
        }

        private void ignored(ParticipantId from, IgnoreReason reason, String detail) {
            effects.add(new Effect.Received(new Receipt.Ignored(from, reason, detail)));
        }

        // ---- switches ------------------------------------------------------------------------

        private void turnOn(Feature f) {
            if (!inCall()) {
                decline(Effect.DeclineReason.NOT_IN_CALL);
            } else if (switches.get(Switch.of(f)) != SwitchPhase.OFF) {
                decline(Effect.DeclineReason.ALREADY_ON);
            } else {
                set(Switch.of(f), SwitchPhase.NOTICE_PENDING, "user");
            }
        }

        private void setDataSharing(boolean on) {
            SwitchPhase current = switches.get(Switch.DATA_SHARING);
            if (!inCall()) {
                decline(Effect.DeclineReason.NOT_IN_CALL);
            } else if (!on) {
                if (current == SwitchPhase.OFF) {
                    decline(Effect.DeclineReason.ALREADY_OFF);
                } else {
                    set(Switch.DATA_SHARING, SwitchPhase.OFF, "user");
                }
            } else if (current != SwitchPhase.OFF) {
                decline(Effect.DeclineReason.ALREADY_ON);
            } else if (settings.sharingDestination().isEmpty()) {
                decline(Effect.DeclineReason.NO_SHARING_DESTINATION);
            } else if (announcedFeatures().isEmpty()) {
                decline(Effect.DeclineReason.NO_FEATURE_ON);
            } else {
                set(Switch.DATA_SHARING, SwitchPhase.NOTICE_PENDING, "user");
            }
        }

        private void featureOff(Feature f, String reason) {
            set(Switch.of(f), SwitchPhase.OFF, reason);
            SwitchPhase sharing = switches.get(Switch.DATA_SHARING);
            // Sharing never outlives the features: off with the last one, and off when the last
            // active one goes while another still waits for its notice.
            if (sharing != SwitchPhase.OFF
                    && (announcedFeatures().isEmpty()
                            || (sharing == SwitchPhase.ON && activeFeatures().isEmpty()))) {
                set(Switch.DATA_SHARING, SwitchPhase.OFF, "last_feature_off");
            }
        }

        private void delivered(long seq) {
            OutgoingNotice notice = inFlight.remove(seq);
            if (notice == null) {
                return; // Not ours, or the call it belonged to is over.
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("seq", seq);
            fields.put("to", notice.to() instanceof Recipient.One one ? one.id().value() : "everyone");
            fields.put("features", wireNames(notice.notice().features()));
            fields.put("dataSharing", notice.notice().dataSharing());
            fields.put("local", notice.notice().local());
            fields.put("text", notice.text());
            record(EntryKind.NOTICE_SENT, fields);
            // Told: who was in the call when it was sent and is still here.
            for (ParticipantId id : notice.audience()) {
                if (participants.containsKey(id)) {
                    informed.add(id);
                }
            }
            if (!(notice.to() instanceof Recipient.Everyone)) {
                return;
            }
            // Features first, so that data sharing only becomes active next to an active feature.
            for (Switch s : List.of(Switch.SUMMARY, Switch.COMPOSE, Switch.DATA_SHARING)) {
                Long pending = pendingSeq.get(s);
                if (switches.get(s) == SwitchPhase.NOTICE_PENDING
                        && pending != null
                        && pending <= seq
                        && (s != Switch.DATA_SHARING || !activeFeatures().isEmpty())) {
                    set(s, SwitchPhase.ON, "notice_delivered");
                }
            }
        }

        private void failed(long seq) {
            OutgoingNotice notice = inFlight.remove(seq);
            if (notice == null) {
                return;
            }
            decline(Effect.DeclineReason.NOTICE_NOT_DELIVERED);
            for (Switch s : Switch.values()) {
                Long pending = pendingSeq.get(s);
                if (switches.get(s) == SwitchPhase.NOTICE_PENDING && pending != null && pending == seq) {
                    if (s == Switch.DATA_SHARING) {
                        set(s, SwitchPhase.OFF, "notice_failed");
                    } else {
                        featureOff(s.feature().orElseThrow(), "notice_failed");
                    }
                }
            }
        }

        private void set(Switch s, SwitchPhase to, String reason) {
            SwitchPhase from = switches.put(s, to);
            if (from == to) {
                return;
            }
            if (to == SwitchPhase.NOTICE_PENDING) {
                pendingSeq.put(s, -1L); // assigned the seq of this step's notice in finish()
            } else {
                pendingSeq.remove(s);
            }
            switchChanged = true;
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("switch", s.wireName());
            fields.put("from", from.wireName());
            fields.put("to", to.wireName());
            fields.put("reason", reason);
            record(EntryKind.SWITCH_CHANGED, fields);
        }

        // ---- objections ----------------------------------------------------------------------

        private void answer(ParticipantId from, ObjectionAnswer answer) {
            ObjectionRequest request = objections.get(from);
            if (!inCall() || request == null) {
                decline(Effect.DeclineReason.NO_SUCH_OBJECTION);
                return;
            }
            answerObjection(request, answer, false);
            if (answer == ObjectionAnswer.TURNED_OFF) {
                for (Feature f : objectedFeatures(request)) {
                    if (switches.get(Switch.of(f)) != SwitchPhase.OFF) {
                        featureOff(f, "objection");
                    }
                }
            }
        }

        private void answerObjection(ObjectionRequest request, ObjectionAnswer answer, boolean automatic) {
            objections.remove(request.from());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("direction", "answer_from_me");
            fields.put("participant", request.from().value());
            fields.put("re", request.seq());
            fields.put("answer", answer.wireName());
            fields.put("automatic", automatic);
            record(EntryKind.OBJECTION_ANSWERED, fields);
            ConsentMessage reply = new ConsentMessage.ObjectionReply(nextSeq(), at, request.seq(), answer);
            sendMessage(request.from(), reply);
        }

        /** Answers, on the user's behalf, every open objection to AI that is now off. */
        private void settleObjections() {
            for (ObjectionRequest request : List.copyOf(objections.values())) {
                boolean allOff =
                        objectedFeatures(request).stream().allMatch(f -> switches.get(Switch.of(f)) == SwitchPhase.OFF);
                if (allOff) {
                    answerObjection(request, ObjectionAnswer.TURNED_OFF, true);
                }
            }
        }

        private static Set<Feature> objectedFeatures(ObjectionRequest request) {
            return request.features().isEmpty() ? EnumSet.allOf(Feature.class) : request.features();
        }

        private void raise(ParticipantId to) {
            if (!inCall()) {
                decline(Effect.DeclineReason.NOT_IN_CALL);
            } else if (!remoteAi.containsKey(to)) {
                decline(Effect.DeclineReason.PARTICIPANT_HAS_NO_AI);
            } else {
                long seq = nextSeq();
                raised.put(to, new RaisedObjection(to, seq, Optional.empty()));
                sendMessage(to, new ConsentMessage.Objection(seq, at, Set.of()));
            }
        }

        // ---- sharing -------------------------------------------------------------------------

        private void offerShare(ShareItem item) {
            if (!inCall()) {
                decline(Effect.DeclineReason.NOT_IN_CALL);
            } else if (switches.get(Switch.DATA_SHARING) != SwitchPhase.ON) {
                decline(Effect.DeclineReason.SHARING_NOT_ACTIVE);
            } else if (switches.get(Switch.of(item.producedBy())) != SwitchPhase.ON) {
                decline(Effect.DeclineReason.FEATURE_NOT_ACTIVE);
            } else {
                String destination = settings.sharingDestination().orElseThrow();
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("item", item.id());
                fields.put("kind", item.kind());
                fields.put("feature", item.producedBy().wireName());
                fields.put("destination", destination);
                // Written before it is handed to the outbox (promise 3).
                record(EntryKind.SHARE_QUEUED, fields);
                effects.add(new Effect.EnqueueShare(item, destination));
            }
        }

        // ---- finishing -----------------------------------------------------------------------

        Transition finish() {
            if (inCall()) {
                settleObjections();
                if (switchChanged && !countsRecorded) {
                    effects.add(new Effect.RecordInputCounts("switch_changed"));
                }
                NoticeWording.Announced now = announced();
                if (!now.equals(told)) {
                    String text = settings.wording()
                            .change(
                                    selfName,
                                    told,
                                    now,
                                    settings.processingLocal(),
                                    settings.sharingDestination().orElse(null));
                    long seq = sendNotice(Recipient.EVERYONE, now, text);
                    pendingSeq.replaceAll((s, p) -> p == -1L ? seq : p);
                }
                String wanted = settings.displayNameSuffix()
                        ? settings.wording().displayName(selfName, now.features())
                        : selfName;
                if (!wanted.equals(shownName)) {
                    shownName = wanted;
                    effects.add(new Effect.SetDisplayName(wanted));
                }
            }
            boolean tapWas = before.phase == CallPhase.IN_CALL && before.phase(Switch.SUMMARY) == SwitchPhase.ON;
            boolean tapIs = inCall() && switches.get(Switch.SUMMARY) == SwitchPhase.ON;
            if (tapWas && !tapIs) {
                effects.add(0, new Effect.StopAudioTap()); // first: stop listening before anything else
            } else if (!tapWas && tapIs) {
                effects.add(new Effect.StartAudioTap());
            }
            Switchboard after = new Switchboard(
                    settings,
                    phase,
                    self,
                    selfName,
                    shownName,
                    switches,
                    pendingSeq,
                    lastSeq,
                    inFlight,
                    participants,
                    informed,
                    lastSeqFrom,
                    remoteAi,
                    objections,
                    raised);
            return new Transition(after, effects);
        }

        private long sendNotice(Recipient to, NoticeWording.Announced what, String text) {
            long seq = nextSeq();
            ConsentMessage.Notice notice =
                    new ConsentMessage.Notice(seq, at, what.features(), what.dataSharing(), settings.processingLocal());
            Set<ParticipantId> audience = to instanceof Recipient.One one ? Set.of(one.id()) : participants.keySet();
            OutgoingNotice outgoing = new OutgoingNotice(to, notice, text, audience);
            inFlight.put(seq, outgoing);
            if (to instanceof Recipient.Everyone) {
                told = what;
            }
            effects.add(new Effect.SendNotice(outgoing, Effect.noticeCommands(to, CODEC.encode(notice), text)));
            return seq;
        }

        private void sendMessage(ParticipantId to, ConsentMessage message) {
            effects.add(new Effect.SendMessage(
                    to,
                    message,
                    List.of(new dev.candor.call.CallCommand.SendEndpointMessage(
                            Recipient.one(to), CODEC.encode(message)))));
        }

        private long nextSeq() {
            return ++lastSeq;
        }

        private boolean inCall() {
            return phase == CallPhase.IN_CALL && !ended;
        }

        private Set<Feature> announcedFeatures() {
            EnumSet<Feature> result = EnumSet.noneOf(Feature.class);
            for (Feature f : Feature.values()) {
                if (switches.get(Switch.of(f)) != SwitchPhase.OFF) {
                    result.add(f);
                }
            }
            return result;
        }

        private Set<Feature> activeFeatures() {
            EnumSet<Feature> result = EnumSet.noneOf(Feature.class);
            for (Feature f : Feature.values()) {
                if (switches.get(Switch.of(f)) == SwitchPhase.ON) {
                    result.add(f);
                }
            }
            return result;
        }

        private NoticeWording.Announced announced() {
            return new NoticeWording.Announced(
                    announcedFeatures(), switches.get(Switch.DATA_SHARING) != SwitchPhase.OFF);
        }

        private void decline(Effect.DeclineReason reason) {
            effects.add(new Effect.Declined(event, reason));
        }

        private void record(EntryKind kind, Map<String, Object> fields) {
            effects.add(new Effect.Record(new EntryDraft(kind, fields)));
        }

        private static List<String> wireNames(Set<Feature> features) {
            List<String> names = new ArrayList<>();
            for (Feature f : Feature.values()) {
                if (features.contains(f)) {
                    names.add(f.wireName());
                }
            }
            return names;
        }
    }

    /** Stateless and thread-safe, so one instance serves every switchboard. */
    private static final NoticeCodec CODEC = new NoticeCodec();
}
