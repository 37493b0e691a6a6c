/// What became of the request a failure answers, and so whether sending it again can deliver a message (or
/// place a call, or write a record) twice.
///
/// Each catalog entry says which, with a reason (``CatalogEntry/delivery``, ``CatalogEntry/deliveryReason``);
/// an error reported in a webhook or a delivery report is always ``acceptedThenFailed``, whatever its code,
/// because the provider had accepted the message before it failed. ``RetryPolicy`` resends a ``rejected``
/// request by itself, an ``unknown`` one only when the caller says the operation is idempotent, and never an
/// ``acceptedThenFailed`` one.
///
/// New values may be added, so a `switch` needs an `@unknown default`.
@nonexhaustive
public enum Delivery: String, Sendable, Hashable, Codable, CaseIterable {
  /// The provider refused the request and acted on none of it: sending it again is safe.
  case rejected
  /// The provider may have accepted the request (a server error, a timeout, a gateway's page, an answer that
  /// was not recognized): sending it again may deliver it twice. Find out first, from the status webhook of
  /// the message id or the provider's status lookup, or send again only with an idempotency key.
  case unknown
  /// The provider accepted the message and it failed later (reported by a webhook or a delivery report): a
  /// resend is a new message, paid again, and whether it is still worth sending is a decision of its own.
  case acceptedThenFailed
  /// The answer is not a failed request: a success, a partial or pending answer.
  case notApplicable
}

/// Where a wait comes from, most specific first: the order in which an error's ``RetryWait`` is chosen.
@nonexhaustive
public enum WaitSource: String, Sendable, Hashable, Codable, CaseIterable {
  /// The response's `Retry-After` header.
  case retryAfter
  /// A rate-limit header the provider documents (Meta's `X-Business-Use-Case-Usage` and
  /// `X-Ad-Account-Usage`).
  case header
  /// The body stated it (360dialog's "1 request every 5 seconds").
  case body
  /// The catalog's documented wait for the code (``CatalogEntry/wait``).
  case catalog
}

/// How long to wait before acting on an error again, and where that figure comes from.
///
/// An error's ``ProviderError/wait`` is, in this order: the `Retry-After` delay; the wait a documented
/// rate-limit header states; the wait the body states; the catalog's documented wait for the code. The first
/// that is present wins. ``RetryPolicy`` never resends sooner.
public struct RetryWait: Sendable, Hashable, Encodable, CustomStringConvertible {
  /// The wait in seconds, at least 0 and at most `Int32.max`.
  public let seconds: Int
  /// Where the wait comes from.
  public let source: WaitSource
  /// What the wait is: a minimum, or the length of the window a limit is counted over.
  public let kind: CatalogWait.Kind
  /// The header, the parameter of the body or the catalog's source the wait was read from.
  public let origin: String

  package init(seconds: Int, source: WaitSource, kind: CatalogWait.Kind = .minimum, origin: String) {
    self.seconds = min(max(0, seconds), Int(Int32.max))
    self.source = source
    self.kind = kind
    self.origin = origin
  }

  /// The wait as a duration.
  public var duration: Duration { .seconds(seconds) }

  /// `300 s (catalog, minimum)`.
  public var description: String { "\(seconds) s (\(source.rawValue), \(kind.rawValue))" }
}

/// A wait the provider documents for a code: how long at least, or over what window the limit is counted,
/// and where it is written.
public struct CatalogWait: Sendable, Hashable {
  /// What a documented wait is.
  @nonexhaustive
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Wait at least this long before trying again.
    case minimum
    /// The limit is counted over a rolling window this long: without a header that says how much of it is
    /// left, waiting the whole window is the wait that cannot be too short.
    case window
  }

  /// A minimum or a window.
  public let kind: Kind
  /// The documented wait in seconds, when the provider gives a figure.
  public let seconds: Int?
  /// The parameter, captured from the message, that states the wait in seconds (360dialog's `seconds`).
  public let parameter: String?
  /// Where the wait is documented.
  public let source: String

  package init(kind: Kind, seconds: Int? = nil, parameter: String? = nil, source: String) {
    self.kind = kind
    self.seconds = seconds
    self.parameter = parameter
    self.source = source
  }
}

/// Meta's rate-limit headers: JSON inside a header, documented on the Graph API's "Rate Limits" page.
package enum RateLimitHeaders {
  /// The longest wait the headers state, in seconds, with the header's name: `X-Business-Use-Case-Usage`'s
  /// `estimated_time_to_regain_access` (minutes, for each business id and limit type) and
  /// `X-Ad-Account-Usage`'s `reset_time_duration` (seconds). `X-App-Usage` states percentages only, no time.
  /// Zero means not throttled and gives no wait. Meta's own examples are not always strict JSON (single
  /// quotes, repeated keys), so the values are found by name rather than by parsing the header.
  package static func wait(in headers: [String: String]) -> (seconds: Int, header: String)? {
    guard !headers.isEmpty else { return nil }
    var best: (seconds: Int, header: String)?
    for (header, key, scale) in [
      ("X-Business-Use-Case-Usage", "estimated_time_to_regain_access", 60),
      ("X-Ad-Account-Usage", "reset_time_duration", 1),
    ] {
      guard let value = HTTPHeaderLookup.value(header, in: headers),
        let amount = largestNumber(after: key, in: value), amount > 0
      else { continue }
      let seconds = amount > Int(Int32.max) / scale ? Int(Int32.max) : amount * scale
      if seconds > (best?.seconds ?? 0) { best = (seconds, header) }
    }
    return best
  }

  /// The largest whole number that follows `key` (then an optional closing quote, spaces, a colon, spaces
  /// and an optional opening quote) anywhere in the first 16 KB of `text`; a fraction is rounded up, an
  /// exponent counts (`1e3` is 1,000) and a number past `Int32.max` is `Int32.max`.
  static func largestNumber(after key: String, in text: String) -> Int? {
    let bytes = Array(text.utf8.prefix(16_384))
    let wanted = Array(key.utf8)
    guard bytes.count >= wanted.count else { return nil }
    var largest: Int?
    var index = 0
    while index + wanted.count <= bytes.count {
      guard bytes[index..<index + wanted.count].elementsEqual(wanted) else {
        index += 1
        continue
      }
      var cursor = index + wanted.count
      func skip(_ allowed: (UInt8) -> Bool) { while cursor < bytes.count, allowed(bytes[cursor]) { cursor += 1 } }
      let isQuote = { (byte: UInt8) in byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") }
      let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
      skip(isQuote)
      skip(isSpace)
      if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") {
        cursor += 1
        skip(isSpace)
        skip(isQuote)
        // A JSON number: digits, an optional fraction and an optional exponent (`1e3` is a thousand).
        let start = cursor
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        skip(isDigit)
        if cursor > start {
          if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
            cursor += 1
            skip(isDigit)
          }
          if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "e") || bytes[cursor] == UInt8(ascii: "E") {
            let mark = cursor
            cursor += 1
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") {
              cursor += 1
            }
            let exponent = cursor
            skip(isDigit)
            if cursor == exponent { cursor = mark }  // not an exponent after all
          }
          if let number = Double(String(decoding: bytes[start..<cursor], as: UTF8.self)), number >= 0 {
            // A fraction (Meta's percentages may have one) counts as the next whole number; anything past the
            // largest wait is that wait.
            let clamped = min(number, Double(Int32.max)).rounded(.up)
            largest = max(largest ?? 0, Int(clamped))
          }
        }
      }
      index = cursor
    }
    return largest
  }
}
