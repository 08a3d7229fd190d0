package org.warmstation.protocol.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * JSON encoding of every MQTT payload of the sync ({@code docs/mqtt.md}, schemas in
 * {@code docs/schemas/}): UTF-8 JSON, instants as ISO-8601 UTC text, absent optional fields left
 * out. Unknown fields are ignored (a newer sender may add fields within one schema version);
 * a different {@code schema} value is rejected. A payload may instead be that JSON compressed as
 * one gzip member (RFC 1952; its first two bytes {@code 1f 8b} can never start JSON text), as the
 * stations send their uplink batches ({@link #encodeCompressed}, decision 0240); every
 * {@code decode} accepts both, and the size limits hold for the compressed and the inflated bytes.
 *
 * <p>Thread-safe; no I/O beyond the byte arrays given.
 */
public final class Wire {
    /** Largest payload of any kind accepted or produced: 1 MiB. */
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;
    /** Largest downlink accepted: 512 KiB (a deny list of ~20,000 cards fits). */
    public static final int MAX_DOWNLINK_BYTES = 512 * 1024;
    /** MQTT 5 content type property of every payload. */
    public static final String CONTENT_TYPE = "application/json";
    /** Name of the MQTT 5 user property carrying the payload's schema, e.g. {@code ws.visits/1}. */
    public static final String SCHEMA_PROPERTY = "schema";

    /** Payloads whose JSON has at least this many bytes are gzip-compressed by {@link #encodeCompressed}. */
    public static final int COMPRESS_FROM_BYTES = 1024;
    /** Value of the MQTT 5 user property {@code content-encoding} of a gzip-compressed payload. */
    public static final String GZIP = "gzip";
    /** Name of the MQTT 5 user property naming a payload's compression (HTTP's term, RFC 9110 §8.4). */
    public static final String ENCODING_PROPERTY = "content-encoding";

    /** The wire's mapper; package-private for tests of its configuration. */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32).maxStringLength(MAX_PAYLOAD_BYTES).maxNumberLength(40).build())
                    .build())
            .addModule(new JavaTimeModule())
            // registered after jsr310's module, so it takes precedence for Instant (decision 0315)
            .addModule(new SimpleModule("wire-instants").addDeserializer(java.time.Instant.class, new WireInstants.Deserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Wire() {
    }

    /**
     * Encodes a wire record.
     *
     * @param message one of this package's records
     * @return UTF-8 JSON
     * @throws WireFormatException when the record cannot be encoded or exceeds {@link #MAX_PAYLOAD_BYTES}
     */
    public static byte[] encode(Object message) {
        Objects.requireNonNull(message, "message");
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(message);
        } catch (Exception e) { // JsonProcessingException; caught broadly so protocol stays free of java.io
            throw new WireFormatException("cannot encode " + message.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_PAYLOAD_BYTES) {
            throw new WireFormatException(message.getClass().getSimpleName() + " of " + bytes.length
                    + " bytes exceeds " + MAX_PAYLOAD_BYTES);
        }
        return bytes;
    }

    /**
     * Encodes a wire record as {@link #encode} does, then compresses it with gzip (fastest level)
     * when the JSON has at least {@link #COMPRESS_FROM_BYTES} bytes. For the uplink batches: a
     * batch of 100 visits shrinks to about a fifth (28.7 to 5.9 KB), which the station's 4G data plan and the
     * district's MQTT client (Paho copies a received payload byte by byte) both feel.
     *
     * @param message one of this package's records
     * @return UTF-8 JSON, or that JSON as one gzip member
     * @throws WireFormatException when the record cannot be encoded or its JSON exceeds {@link #MAX_PAYLOAD_BYTES}
     */
    public static byte[] encodeCompressed(Object message) {
        byte[] json = encode(message);
        if (json.length < COMPRESS_FROM_BYTES) {
            return json;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
        try (GZIPOutputStream gz = new FastGzip(out)) {
            gz.write(json);
        } catch (IOException e) { // a byte array stream does not fail
            throw new WireFormatException("cannot compress " + message.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * @param bytes a payload
     * @return whether it is gzip-compressed (starts with the gzip magic {@code 1f 8b})
     */
    public static boolean isCompressed(byte[] bytes) {
        return bytes != null && bytes.length >= 2 && bytes[0] == (byte) 0x1f && bytes[1] == (byte) 0x8b;
    }

    /**
     * The JSON of a payload: the bytes as given, or inflated when they are gzip-compressed.
     *
     * @param bytes    any bytes, possibly hostile
     * @param maxBytes the largest JSON accepted; inflating stops one byte beyond it
     * @return the JSON bytes (not yet parsed)
     * @throws WireFormatException for bad gzip data or JSON larger than {@code maxBytes}
     */
    public static byte[] json(byte[] bytes, int maxBytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (!isCompressed(bytes)) {
            return bytes;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 8192)) {
            byte[] json = in.readNBytes(maxBytes + 1);
            if (json.length > maxBytes) {
                throw new WireFormatException("gzip payload inflates beyond " + maxBytes + " bytes");
            }
            return json;
        } catch (IOException | RuntimeException e) { // ZipException, EOFException: damaged or truncated
            if (e instanceof WireFormatException w) {
                throw w;
            }
            throw new WireFormatException("bad gzip payload: " + rootMessage(e), e);
        }
    }

    /** gzip at {@link Deflater#BEST_SPEED}: the station's CPU is a Raspberry Pi's. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /**
     * Decodes and validates a payload, with the {@link #MAX_PAYLOAD_BYTES} limit.
     *
     * @param bytes any bytes, possibly hostile
     * @param type  the expected record type
     * @param <T>   the record type
     * @return the valid record
     * @throws WireFormatException for anything but a valid payload of that type; never another exception
     */
    public static <T> T decode(byte[] bytes, Class<T> type) {
        return decode(bytes, type, MAX_PAYLOAD_BYTES);
    }

    /**
     * Decodes and validates a payload.
     *
     * @param bytes    any bytes (JSON or gzip-compressed JSON), possibly hostile
     * @param type     the expected record type
     * @param maxBytes size limit of the bytes given and of the JSON they inflate to, checked before parsing
     * @param <T>      the record type
     * @return the valid record
     * @throws WireFormatException for anything but a valid payload of that type; never another exception
     */
    public static <T> T decode(byte[] bytes, Class<T> type, int maxBytes) {
        String name = type.getSimpleName();
        if (bytes == null || bytes.length == 0) {
            throw new WireFormatException(name + ": empty payload");
        }
        if (bytes.length > maxBytes) {
            throw new WireFormatException(name + ": payload of " + bytes.length + " bytes exceeds " + maxBytes);
        }
        try {
            T value = MAPPER.readValue(json(bytes, maxBytes), type);
            if (value == null) {
                throw new WireFormatException(name + ": payload is JSON null");
            }
            return value;
        } catch (WireFormatException e) {
            throw e;
        } catch (Exception | StackOverflowError e) { // any parser, binding or validation error
            throw new WireFormatException(name + ": " + rootMessage(e), e);
        }
    }

    /**
     * @param value a record (e.g. a {@link RecordBody})
     * @return its JSON tree, by the rules of {@link #encode}
     * @throws WireFormatException when it cannot be encoded
     */
    static com.fasterxml.jackson.databind.JsonNode toTree(Object value) {
        try {
            return MAPPER.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("cannot encode " + value.getClass().getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    /**
     * @param tree any JSON tree, possibly hostile
     * @param type the record type
     * @param <T>  the record type
     * @return the valid record
     * @throws WireFormatException for anything but a valid value of that type; never another exception
     */
    static <T> T fromTree(com.fasterxml.jackson.databind.JsonNode tree, Class<T> type) {
        try {
            T value = MAPPER.treeToValue(tree, type);
            if (value == null) {
                throw new WireFormatException(type.getSimpleName() + ": JSON null");
            }
            return value;
        } catch (WireFormatException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw new WireFormatException(type.getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    /**
     * @param json compact JSON text of an object, as stored by a station or district
     * @return the tree
     * @throws WireFormatException when it is not JSON
     */
    public static com.fasterxml.jackson.databind.JsonNode parseTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new WireFormatException("not JSON: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }
}
