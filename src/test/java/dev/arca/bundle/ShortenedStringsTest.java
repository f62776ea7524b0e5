package dev.arca.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** String values are cut after a number of bytes, never inside an escape or a character; names stay; the JSON stays valid. */
class ShortenedStringsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read(String json, int max) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return JSON.readTree(new ShortenedStrings(new ByteArrayInputStream(bytes), max).readAllBytes());
    }

    @ParameterizedTest(name = "{0} cut to {1} bytes: {2}")
    @CsvSource(delimiter = '|', value = {
            "abcdefgh|4|abcd",
            "abc|4|abc",
            "ab\\\"cdef|3|ab\"",
            "ab\\\"cdef|2|ab",
            "a\\u00e9bcdef|3|aé",
            "a\\u00e9bcdef|7|aé",
            "aé€𝄞xyz|2|aé",
            "aé€𝄞xyz|4|aé€",
            "aé€𝄞xyz|7|aé€𝄞",
            "aé€𝄞xyz|10|aé€𝄞",
            "\\\\\\\\\\\\|2|\\"})
    void cutsAValueAfterTheCharacterThatReachesTheLimit(String value, int max, String kept) throws IOException {
        JsonNode node = read("{\"text\":\"" + value + "\",\"after\":\"x\"}", max);

        assertThat(node.get("text").asText()).isEqualTo(kept);
        assertThat(node.get("after").asText()).isEqualTo("x");
    }

    @Test
    void leavesNamesNumbersAndStructureAlone() throws IOException {
        JsonNode node = read("{\"a long field name\": [1, 2.5, true, null, {\"k\": \"vvvvvvvv\"}, \"ssss\"], \"n\": -3e2}", 2);

        assertThat(node.toString()).isEqualTo("{\"a long field name\":[1,2.5,true,null,{\"k\":\"vv\"},\"ss\"],\"n\":-300.0}");
    }

    @Test
    void readsAStringOfAHundredMegabytesAsItsFirstKilobyte() throws IOException {
        int size = 100 << 20;
        byte[] json = new byte[size + 20];
        byte[] head = "{\"text\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, json, 0, head.length);
        java.util.Arrays.fill(json, head.length, head.length + size, (byte) 'w');
        byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tail, 0, json, head.length + size, tail.length);
        int end = head.length + size + tail.length;

        JsonNode node = JSON.readTree(new ShortenedStrings(new ByteArrayInputStream(json, 0, end), 1024));

        assertThat(node.get("text").asText()).hasSize(1024);
    }
}
