package dev.candor.consent;

import static dev.candor.consent.Script.BOB;
import static dev.candor.consent.Script.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.candor.record.EntryKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoticeCodecTest {
    private final NoticeCodec codec = new NoticeCodec();

    // ---- round trip --------------------------------------------------------------------------

    @Property(tries = 300)
    void everyMessageSurvivesARoundTrip(@ForAll("messages") ConsentMessage message) {
        NoticeCodec.Decoded decoded = codec.decode(codec.encode(message));
        assertThat(decoded).isEqualTo(new NoticeCodec.Decoded.Parsed(message));
    }

    @Provide
    Arbitrary<ConsentMessage> messages() {
        Arbitrary<Long> seq = Arbitraries.longs().between(0, NoticeCodec.MAX_SEQ);
        Arbitrary<Instant> at =
                Arbitraries.longs().between(0, NoticeCodec.MAX_EPOCH_MILLIS).map(Instant::ofEpochMilli);
        Arbitrary<Set<Feature>> features = Arbitraries.of(Feature.class).set();
        Arbitrary<ConsentMessage> notice = Combinators.combine(
                        seq, at, features, Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((s, t, f, sharing, local) -> new ConsentMessage.Notice(s, t, f, sharing && !f.isEmpty(), local));
        Arbitrary<ConsentMessage> objection =
                Combinators.combine(seq, at, features).as(ConsentMessage.Objection::new);
        Arbitrary<ConsentMessage> reply = Combinators.combine(seq, at, seq, Arbitraries.of(ObjectionAnswer.class))
                .as(ConsentMessage.ObjectionReply::new);
        return Arbitraries.oneOf(notice, objection, reply);
    }

    @Test
    void theWireFormIsTheDocumentedOne() {
        String json = codec.encode(new ConsentMessage.Notice(
                7, Instant.ofEpochMilli(1_764_075_600_000L), Set.of(Feature.COMPOSE, Feature.SUMMARY), false, true));
        assertThat(json)
                .isEqualTo("{\"candor\":1,\"type\":\"notice\",\"seq\":7,\"at\":1764075600000,"
                        + "\"features\":[\"summary\",\"compose\"],\"dataSharing\":false,\"local\":true}");
    }

    @Test
    void aPayloadJustUnderTheCapIsReadAndOneByteOverIsNot() {
        String valid = codec.encode(new ConsentMessage.Notice(1, Script.T0, Set.of(Feature.SUMMARY), false, true));
        String padded = valid + " ".repeat(NoticeCodec.MAX_BYTES - valid.length());
        assertThat(codec.decode(padded)).isInstanceOf(NoticeCodec.Decoded.Parsed.class);
        assertThat(codec.decode(padded + " "))
                .isEqualTo(new NoticeCodec.Decoded.Rejected(IgnoreReason.TOO_LARGE, "over 4096 bytes"));
        // Fewer than 4096 chars but more than 4096 bytes of UTF-8.
        String wide = valid + " ".repeat(10) + "\u00a0".repeat(2100);
        assertThat(wide.length()).isLessThan(NoticeCodec.MAX_BYTES);
        assertThat(reason(codec.decode(wide))).isEqualTo(IgnoreReason.TOO_LARGE);
    }

    @Test
    void versionsAreToldApart() {
        assertThat(reason(codec.decode("{\"candor\":2,\"type\":\"notice\",\"whatever\":[1,2]}")))
                .isEqualTo(IgnoreReason.UNSUPPORTED_VERSION);
        assertThat(reason(codec.decode("{\"jitsi\":\"hello\"}"))).isEqualTo(IgnoreReason.NOT_CANDOR);
        assertThat(reason(codec.decode("{\"candor\":1,\"type\":\"poll\",\"seq\":1,\"at\":1}")))
                .isEqualTo(IgnoreReason.UNKNOWN_TYPE);
    }

    // ---- hostile and malformed payloads --------------------------------------------------------

    private static final Map<String, String> VALID = new LinkedHashMap<>();

    static {
        VALID.put(
                "notice",
                "{\"candor\":1,\"type\":\"notice\",\"seq\":5,\"at\":1764075600000,\"features\":[\"summary\"],"
                        + "\"dataSharing\":false,\"local\":true}");
        VALID.put("objection", "{\"candor\":1,\"type\":\"objection\",\"seq\":5,\"at\":1764075600000,\"features\":[]}");
        VALID.put(
                "objection-reply",
                "{\"candor\":1,\"type\":\"objection-reply\",\"seq\":5,\"at\":1764075600000,\"re\":1,"
                        + "\"answer\":\"kept-on\"}");
    }

    private static final List<String> BAD_VALUES = List.of(
            "null",
            "true",
            "\"1\"",
            "1.5",
            "-1",
            "[]",
            "{}",
            "\"<script>alert(1)</script>\"",
            "1e400",
            "99999999999999999999999",
            "\"\\ud800\"",
            "9007199254740992",
            "\"" + "A".repeat(3000) + "\"",
            "[\"summary\",\"summary\"]",
            "[\"summary\",\"compose\",\"other\"]");

    static Stream<Arguments> hostilePayloads() {
        List<Arguments> cases = new ArrayList<>();
        // Every field of every type replaced by every bad value (where the value is in fact wrong).
        VALID.forEach((type, json) -> {
            for (String field : fieldsOf(json)) {
                for (String bad : BAD_VALUES) {
                    String payload = json.replaceFirst(
                            "\"" + field + "\":(\\[[^\\]]*\\]|\"[^\"]*\"|[^,}]*)",
                            java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + bad));
                    if (!acceptableReplacement(type, field, bad)) {
                        cases.add(Arguments.of(type + "." + field + "=" + abbreviate(bad), payload));
                    }
                }
                cases.add(Arguments.of(type + " without " + field, withoutField(json, field)));
            }
            cases.add(Arguments.of(type + " with a name", json.replace("}", ",\"name\":\"Carol\"}")));
            cases.add(Arguments.of(type + " with from", json.replace("}", ",\"from\":\"carol-3\"}")));
            cases.add(Arguments.of(type + " with a duplicate key", json.replace("}", ",\"seq\":6}")));
            cases.add(Arguments.of(type + " with trailing garbage", json + "{}"));
            cases.add(Arguments.of(type + " cut short", json.substring(0, json.length() / 2)));
            cases.add(Arguments.of(type + " as an array", "[" + json + "]"));
            cases.add(Arguments.of(type + " with a comment", json.replace("{", "{/* hi */")));
            cases.add(Arguments.of(type + " with single quotes", json.replace('"', '\'')));
            cases.add(Arguments.of(type + " version 0", json.replace("\"candor\":1", "\"candor\":0")));
            cases.add(Arguments.of(type + " version 2", json.replace("\"candor\":1", "\"candor\":2")));
            cases.add(Arguments.of(type + " version 1.0", json.replace("\"candor\":1", "\"candor\":1.0")));
            cases.add(Arguments.of(type + " version \"1\"", json.replace("\"candor\":1", "\"candor\":\"1\"")));
            cases.add(Arguments.of(type + " huge version", json.replace("\"candor\":1", "\"candor\":4294967297")));
            cases.add(Arguments.of(type + " with NaN", json.replace("\"seq\":5", "\"seq\":NaN")));
            cases.add(Arguments.of(type + " with a lone surrogate", json.replace("}", ",\"x\":\"\ud800\"}")));
            cases.add(Arguments.of(type + " with a reversed pair", json.replace("}", ",\"x\":\"\udc00\ud800\"}")));
            cases.add(Arguments.of(
                    type + " with U+FFFD (bad UTF-8 decoded)", json.replace("}", ",\"x\":\"\ufffd\ufffd\"}")));
            cases.add(Arguments.of(type + " with NUL", json.replace("}", ",\"x\":\"\u0000\"}")));
            cases.add(Arguments.of(type + " with a raw control char", json.replace("\"seq\"", "\"s\u0001eq\"")));
            cases.add(Arguments.of(type + " with a BOM", "\ufeff" + json));
            cases.add(Arguments.of(type + " padded over the cap", json + " ".repeat(NoticeCodec.MAX_BYTES)));
            cases.add(Arguments.of(type + " type in capitals", json.replace("\"type\":\"", "\"type\":\"X")));
            cases.add(Arguments.of(type + " nested in itself", json.replace("}", ",\"x\":" + json + "}")));
        });
        String deep = "[".repeat(1500) + "]".repeat(1500);
        cases.add(Arguments.of("deeply nested arrays", deep));
        cases.add(Arguments.of("deeply nested objects", "{\"a\":".repeat(800) + "1" + "}".repeat(800)));
        cases.add(Arguments.of(
                "deep inside a notice",
                VALID.get("notice").replace("}", ",\"x\":" + "[".repeat(50) + "]".repeat(50) + "}")));
        cases.add(Arguments.of("a huge string", "\"" + "x".repeat(1_000_000) + "\""));
        cases.add(Arguments.of("a huge number", "1" + "0".repeat(3000)));
        cases.add(Arguments.of("a long key", "{\"" + "k".repeat(4000) + "\":1}"));
        cases.add(Arguments.of("empty", ""));
        cases.add(Arguments.of("blank", "   \n\t "));
        cases.add(Arguments.of("null literal", "null"));
        cases.add(Arguments.of("a number", "42"));
        cases.add(Arguments.of("a string", "\"candor\""));
        cases.add(Arguments.of("plain chat text", "hello everyone"));
        cases.add(Arguments.of("HTML", "<img src=x onerror=alert(1)>"));
        cases.add(Arguments.of(
                "script in JSON", "{\"candor\":1,\"type\":\"<script>alert(1)</script>\",\"seq\":1,\"at\":1}"));
        cases.add(Arguments.of("empty object", "{}"));
        cases.add(Arguments.of("candor only", "{\"candor\":1}"));
        cases.add(Arguments.of("candor null", "{\"candor\":null}"));
        cases.add(Arguments.of("unterminated string", "{\"candor\":1,\"type\":\"notice"));
        cases.add(Arguments.of("only a lone surrogate", "\ud800"));
        cases.add(Arguments.of("at too late", VALID.get("notice").replace("1764075600000", "253402300800000")));
        cases.add(Arguments.of("at negative", VALID.get("notice").replace("1764075600000", "-1764075600000")));
        cases.add(Arguments.of(
                "sharing without feature",
                VALID.get("notice")
                        .replace("[\"summary\"]", "[]")
                        .replace("\"dataSharing\":false", "\"dataSharing\":true")));
        cases.add(Arguments.of("unknown answer", VALID.get("objection-reply").replace("kept-on", "KEPT_ON")));
        cases.add(Arguments.of("re negative", VALID.get("objection-reply").replace("\"re\":1", "\"re\":-1")));
        cases.add(Arguments.of("seq as hex", VALID.get("notice").replace("\"seq\":5", "\"seq\":0x5")));
        cases.add(Arguments.of("seq with leading zero", VALID.get("notice").replace("\"seq\":5", "\"seq\":05")));
        cases.add(Arguments.of("feature in capitals", VALID.get("notice").replace("\"summary\"", "\"SUMMARY\"")));
        cases.add(Arguments.of("feature with a space", VALID.get("notice").replace("\"summary\"", "\"summary \"")));
        cases.add(Arguments.of("feature number", VALID.get("notice").replace("\"summary\"", "0")));
        return cases.stream();
    }

    /** A few replacements are valid values (e.g. an empty feature list); they are not hostile cases. */
    private static boolean acceptableReplacement(String type, String field, String bad) {
        if (field.equals("features") && (bad.equals("[]"))) {
            return true;
        }
        if (field.equals("dataSharing") && bad.equals("true")) {
            return true; // a feature is on in the valid notice
        }
        return field.equals("local") && bad.equals("true");
    }

    @Test
    void thereAreAtLeastTwoHundredHostileCases() {
        assertThat(hostilePayloads().count()).isGreaterThanOrEqualTo(200);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostilePayloads")
    void hostilePayloadsAreRejectedWithoutAnException(String label, String payload) {
        assertThatCode(() -> codec.decode(payload)).doesNotThrowAnyException();
        assertThat(codec.decode(payload)).as(label).isInstanceOf(NoticeCodec.Decoded.Rejected.class);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostilePayloads")
    void hostilePayloadsChangeNothingAndAreAttributedToTheirSender(String label, String payload) {
        Script s = Script.joined();
        s.joins(BOB, "Bob");
        s.joins(CAROL, "Carol");
        Switchboard before = s.state;

        Transition t = s.endpoint(BOB, payload);

        assertThat(t.state()).as(label).isEqualTo(before);
        assertThat(t.entries()).isEmpty();
        assertThat(t.effects()).singleElement().isInstanceOfSatisfying(Effect.Received.class, r -> {
            assertThat(r.receipt().from()).isEqualTo(BOB);
            assertThat(r.receipt()).isInstanceOf(Receipt.Ignored.class);
        });
    }

    @Test
    void repeatedAndOutOfOrderSequenceNumbersAreIgnoredPerSender() {
        Script s = Script.joined();
        s.joins(BOB, "Bob");
        s.joins(CAROL, "Carol");
        List<Long> acceptedFromBob = new ArrayList<>();
        for (long seq : new long[] {3, 3, 2, 5, 5, 4, 0, 6}) {
            Transition t = s.endpoint(BOB, codec.encode(notice(seq)));
            if (!Script.entries(t, EntryKind.NOTICE_RECEIVED).isEmpty()) {
                acceptedFromBob.add(seq);
            }
        }
        // Carol's counter is her own: her seq 1 is fine after Bob's 6.
        Transition carol = s.endpoint(CAROL, codec.encode(notice(1)));

        assertThat(acceptedFromBob).containsExactly(3L, 5L, 6L);
        assertThat(Script.entries(carol, EntryKind.NOTICE_RECEIVED)).hasSize(1);
        assertThat(s.state.remoteAi()).containsOnlyKeys(BOB, CAROL);
        assertThat(s.state.lastSeqFrom()).containsEntry(BOB, 6L).containsEntry(CAROL, 1L);
    }

    @Test
    void aNoticeNamingSomeoneElseCannotSpeakForThem() {
        Script s = Script.joined();
        s.joins(BOB, "Bob");
        s.joins(CAROL, "Carol");
        // Bob's client claims Carol's id inside the payload: rejected (no such field), Carol untouched.
        String forged = codec.encode(notice(1)).replace("}", ",\"participant\":\"carol-3\"}");
        s.endpoint(BOB, forged);
        s.endpoint(BOB, codec.encode(notice(2)));
        assertThat(s.state.remoteAi()).containsOnlyKeys(BOB);
        assertThat(s.state.remoteAi().get(BOB).participant()).isEqualTo(BOB);
    }

    private static ConsentMessage.Notice notice(long seq) {
        return new ConsentMessage.Notice(seq, Script.T0, Set.of(Feature.SUMMARY), false, true);
    }

    private static IgnoreReason reason(NoticeCodec.Decoded d) {
        return ((NoticeCodec.Decoded.Rejected) d).reason();
    }

    private static List<String> fieldsOf(String json) {
        List<String> fields = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"([a-zA-Z]+)\":").matcher(json);
        while (m.find()) {
            fields.add(m.group(1));
        }
        return fields;
    }

    private static String withoutField(String json, String field) {
        String removed = json.replaceFirst(",?\"" + field + "\":(\\[[^\\]]*\\]|\"[^\"]*\"|[^,}]*)", "");
        return removed.replace("{,", "{");
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…(" + s.length() + ")" : s;
    }
}
