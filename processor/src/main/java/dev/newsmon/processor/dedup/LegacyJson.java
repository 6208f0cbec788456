package dev.newsmon.processor.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsmon.common.json.Json;
import dev.newsmon.processor.TaggedItem;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;
import java.util.List;

/**
 * Reads the JSON of the values whose shape changed when probes and answers were grouped by partition: a probe and
 * an answer were about one band, and a candidate named its shared bands by key. Such a value becomes a probe or an
 * answer of that one band, so the records in flight and the pending decisions of a running deployment carry on
 * after the upgrade (the band of an old probe has the partition it was sent to: see {@link BandRouting}).
 */
final class LegacyJson {
    private static final ObjectMapper MAPPER = Json.mapper();

    private LegacyJson() {
    }

    record CandidateV0(OrderKey order, long timestamp, List<String> sharedBands) {
        Candidate current() {
            return new Candidate(order, timestamp, Bands.ofKeys(sharedBands));
        }
    }

    record BandAnswerV0(OrderKey order, String bandKey, int bandIndex, int totalBands,
                        List<CandidateV0> candidates, TaggedItem tagged, Shingles shingles) {
        BandAnswer current() {
            Bands band = Bands.ofKeys(List.of(bandKey));
            return new BandAnswer(order, band, totalBands,
                    candidates.stream().map(c -> new Found(c.current(), band)).toList(), tagged, shingles);
        }
    }

    record BandProbeV0(String bandKey, OrderKey order, List<String> bandKeys, TaggedItem tagged, Shingles shingles) {
        BandProbe current() {
            return new BandProbe(order, bandKeys, Bands.ofKeys(List.of(bandKey)), tagged, shingles);
        }
    }

    record PendingDecisionV0(OrderKey order, boolean itemArrived, int totalBands, List<BandAnswerV0> answers,
                             long recordTimestamp, long sinceMs, CandidateV0 asking, List<CandidateV0> remaining) {
        PendingDecision current() {
            return new PendingDecision(order, itemArrived, totalBands,
                    answers.stream().map(BandAnswerV0::current).toList(), recordTimestamp, sinceMs,
                    asking == null ? null : asking.current(), remaining.stream().map(CandidateV0::current).toList());
        }
    }

    static BandProbe probe(byte[] json) {
        return read(json, BandProbeV0.class).current();
    }

    static PendingDecision pending(byte[] json) {
        return read(json, PendingDecisionV0.class).current();
    }

    /** A resolve message: its {@code type} says which. */
    static ResolveMessage message(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            String type = node.path("type").asText();
            return switch (type) {
                case "band_answer" -> MAPPER.treeToValue(node, BandAnswerV0.class).current();
                case "lookup_request" -> MAPPER.treeToValue(node, LookupRequest.class);
                case "lookup_reply" -> MAPPER.treeToValue(node, LookupReply.class);
                default -> throw new SerializationException("resolve message of unknown type '" + type + "'");
            };
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("not a resolve message of the JSON version: " + e.getMessage(), e);
        }
    }

    private static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("not a " + type.getSimpleName() + " of the JSON version: "
                    + e.getMessage(), e);
        }
    }
}
