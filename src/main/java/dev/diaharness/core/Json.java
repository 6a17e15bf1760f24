package dev.diaharness.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URL;

/** The one configured Jackson mapper of the project. */
public final class Json {
  /**
   * Compact, tolerant of unknown fields (users' files carry extra keys), ISO dates, absent Optionals omitted. Only
   * reading, writing and tree operations are exposed, never the mapper's setters: a component that changed the
   * shared configuration would change every file the project writes. Need another configuration? {@link
   * Mapper#copy()} it.
   */
  public static final Mapper MAPPER = new Mapper(new ObjectMapper()
      .registerModule(new Jdk8Module())
      .registerModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .setSerializationInclusion(JsonInclude.Include.NON_ABSENT));

  private Json() {}

  /**
   * The read and write operations of a configured {@link ObjectMapper}, with the same signatures, and none of its
   * configuration methods. Readers and writers it hands out are immutable. Thread-safe.
   */
  public static final class Mapper {
    private final ObjectMapper mapper;

    private Mapper(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    /** An independent mapper with this configuration, to configure further. */
    public ObjectMapper copy() {
      return mapper.copy();
    }

    public ObjectNode createObjectNode() {
      return mapper.createObjectNode();
    }

    public ArrayNode createArrayNode() {
      return mapper.createArrayNode();
    }

    public JsonNode nullNode() {
      return mapper.nullNode();
    }

    public JsonNodeFactory getNodeFactory() {
      return mapper.getNodeFactory();
    }

    /** A streaming parser over a file; the caller closes it. */
    public JsonParser createParser(File file) throws IOException {
      return mapper.createParser(file);
    }

    /** A streaming parser over a stream; the caller closes it. */
    public JsonParser createParser(InputStream in) throws IOException {
      return mapper.createParser(in);
    }

    public JsonNode readTree(String content) throws JsonProcessingException {
      return mapper.readTree(content);
    }

    public JsonNode readTree(byte[] content) throws IOException {
      return mapper.readTree(content);
    }

    public JsonNode readTree(InputStream in) throws IOException {
      return mapper.readTree(in);
    }

    public JsonNode readTree(Reader reader) throws IOException {
      return mapper.readTree(reader);
    }

    public JsonNode readTree(File file) throws IOException {
      return mapper.readTree(file);
    }

    public JsonNode readTree(URL url) throws IOException {
      return mapper.readTree(url);
    }

    public <T> T readValue(String content, Class<T> type) throws JsonProcessingException {
      return mapper.readValue(content, type);
    }

    public <T> T readValue(String content, TypeReference<T> type) throws JsonProcessingException {
      return mapper.readValue(content, type);
    }

    public <T> T readValue(String content, JavaType type) throws JsonProcessingException {
      return mapper.readValue(content, type);
    }

    public <T> T readValue(File file, Class<T> type) throws IOException {
      return mapper.readValue(file, type);
    }

    public <T> T readValue(File file, TypeReference<T> type) throws IOException {
      return mapper.readValue(file, type);
    }

    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
      return mapper.readValue(content, type);
    }

    public <T> T readValue(InputStream in, Class<T> type) throws IOException {
      return mapper.readValue(in, type);
    }

    public <T> T treeToValue(TreeNode tree, Class<T> type) throws JsonProcessingException {
      return mapper.treeToValue(tree, type);
    }

    public <T extends JsonNode> T valueToTree(Object value) {
      return mapper.valueToTree(value);
    }

    public <T> T convertValue(Object value, Class<T> type) {
      return mapper.convertValue(value, type);
    }

    public <T> T convertValue(Object value, TypeReference<T> type) {
      return mapper.convertValue(value, type);
    }

    public String writeValueAsString(Object value) throws JsonProcessingException {
      return mapper.writeValueAsString(value);
    }

    public byte[] writeValueAsBytes(Object value) throws JsonProcessingException {
      return mapper.writeValueAsBytes(value);
    }

    public void writeValue(File file, Object value) throws IOException {
      mapper.writeValue(file, value);
    }

    public void writeValue(OutputStream out, Object value) throws IOException {
      mapper.writeValue(out, value);
    }

    public void writeValue(Writer writer, Object value) throws IOException {
      mapper.writeValue(writer, value);
    }

    public ObjectReader reader() {
      return mapper.reader();
    }

    public ObjectReader readerFor(Class<?> type) {
      return mapper.readerFor(type);
    }

    public ObjectReader readerFor(TypeReference<?> type) {
      return mapper.readerFor(type);
    }

    public ObjectWriter writer() {
      return mapper.writer();
    }

    public ObjectWriter writerFor(Class<?> type) {
      return mapper.writerFor(type);
    }

    public ObjectWriter writerWithDefaultPrettyPrinter() {
      return mapper.writerWithDefaultPrettyPrinter();
    }

    public com.fasterxml.jackson.databind.type.TypeFactory getTypeFactory() {
      return mapper.getTypeFactory();
    }
  }
}
