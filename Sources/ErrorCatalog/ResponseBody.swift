/// The body a provider sent, kept with the error so nothing is lost.
///
/// At most ``storedLimit`` bytes are kept and read; ``totalCount`` says how long the body really was.
/// Provider error bodies are a few hundred bytes, so the limit only bites on downloads or garbage.
/// A body's text never appears in an error's `description`: bodies can hold phone numbers and tokens.
public struct ResponseBody: Sendable, Hashable, CustomStringConvertible {
  /// How many bytes of a body are kept and read: 1 MiB.
  public static let storedLimit = 1 << 20

  /// The body's first ``storedLimit`` bytes (all of it, unless ``isTruncated``).
  public let bytes: [UInt8]
  /// The body's full length in bytes.
  public let totalCount: Int

  /// Keeps a body, or its first ``storedLimit`` bytes. Nothing is parsed until a classifier reads it.
  public init(_ body: some Collection<UInt8>) {
    totalCount = body.count
    bytes = Array(body.prefix(Self.storedLimit))
  }

  /// Keeps a string's UTF-8.
  public init(_ text: String) {
    self.init(Array(text.utf8))
  }

  /// No body.
  public static let empty = ResponseBody([UInt8]())

  /// Whether only a prefix was kept.
  public var isTruncated: Bool { totalCount > bytes.count }

  /// Whether the body is empty or white space only.
  public var isBlank: Bool { bytes.allSatisfy(MessageNormalization.isSpace) }

  /// The kept bytes as text; invalid UTF-8 is replaced with U+FFFD.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The body parsed as JSON, or `nil` (not JSON, or longer than ``storedLimit``). A JSON string that
  /// itself holds a JSON object or array (a body encoded twice) is unwrapped once.
  package var json: JSONValue? { isTruncated ? nil : Self.parse(bytes) }

  /// The body validated as JSON, to be read in place (``JSONView``), or `nil` (not JSON, or longer than
  /// ``storedLimit``). A body encoded twice is unwrapped once, as in ``json``.
  var document: JSONDocument? { isTruncated ? nil : JSONDocument(body: bytes) }

  /// Whether the body is JSON, as ``json`` reads it.
  package var isJSON: Bool { !isTruncated && ByteView.of(bytes) { JSONDocument.validate($0) } != nil }

  static func parse(_ bytes: [UInt8]) -> JSONValue? {
    guard let value = JSONReader.parse(bytes) else { return nil }
    if case .string(let inner) = value, let unwrapped = JSONReader.parse(inner) {
      switch unwrapped {
      case .object, .array: return unwrapped
      default: return value
      }
    }
    return value
  }

  public static func == (lhs: ResponseBody, rhs: ResponseBody) -> Bool {
    lhs.totalCount == rhs.totalCount && lhs.bytes == rhs.bytes
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(totalCount)
    hasher.combine(bytes)
  }

  /// Whether an answer with this body and `status` reads as a plain success when nothing in the body names
  /// an error: a 2xx status with an empty body or a JSON one (an HTML or binary body is not trusted).
  package func isPlainSuccess(status: Int?) -> Bool {
    isPlainSuccess(status: status, isJSON: isJSON)
  }

  /// ``isPlainSuccess(status:)`` when the caller has already validated the body.
  package func isPlainSuccess(status: Int?, isJSON: Bool) -> Bool {
    guard let status, (200..<300).contains(status) else { return false }
    return isJSON || isBlank
  }

  /// A rough guess of what the body is, for unrecognized errors.
  public var shape: Shape {
    // Validating reads the whole body: counted with the tree reader's work (``JSONReader/parseObserver``).
    JSONReader.parseObserver?(bytes.count)
    if isBlank { return .empty }
    if isJSON { return .json }
    let head = bytes.prefix(512)
    let lowered = head.map(UTF8Text.asciiLowered)
    if ["<html", "<!doctype html", "<title"].contains(where: { UTF8Text.contains(lowered, $0.utf8) }) {
      return .html
    }
    if head.contains(0) || UTF8Text.validated(bytes) == nil { return .binary }
    return .text
  }

  /// What a body looks like.
  @nonexhaustive
  public enum Shape: String, Sendable, Hashable, Codable, CaseIterable {
    case empty, json, html, text, binary
  }

  /// `"<n> bytes"`, never the content.
  public var description: String { "\(totalCount) bytes" }
}

/// An error that may know its body's shape without validating the body again (``ClassifiedError``).
package protocol BodyShapeKnowing {
  /// The body's shape.
  var bodyShape: ResponseBody.Shape { get }
}

extension ProviderError {
  /// The body's shape, from the error when it knows it, else validated from the body.
  package var knownBodyShape: ResponseBody.Shape { (self as? any BodyShapeKnowing)?.bodyShape ?? body.shape }
}
