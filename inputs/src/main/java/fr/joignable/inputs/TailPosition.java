package fr.joignable.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Where a follower stands in a file: the file's identity (device and inode as the file system gives
 * them, so a rotated file is recognised under its new name), the byte offset just after the last
 * complete line consumed, and that line's number.
 */
public record TailPosition(String path, String fileKey, long offset, long line) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static TailPosition start(String path) {
        return new TailPosition(path, null, 0, 0);
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("path", path);
        n.put("fileKey", fileKey);
        n.put("offset", offset);
        n.put("line", line);
        return n.toString();
    }

    public static TailPosition fromJson(String json) throws IOException {
        JsonNode n = JSON.readTree(json);
        if (n == null || !n.has("path") || !n.has("offset")) {
            throw new IOException("not a follower position");
        }
        return new TailPosition(
                n.get("path").asText(),
                n.hasNonNull("fileKey") ? n.get("fileKey").asText() : null,
                n.get("offset").asLong(),
                n.path("line").asLong());
    }
}
