/// The fields of an answer that classifiers read from the body only when someone asks for them: the raw
/// message, the parameters and the references.
///
/// Classification needs two or three fields of a body; everything else an error carries is read later, by
/// the same code that reads it eagerly, from the stored body, once: the error keeps what the first request
/// read. So a lazily built field has exactly the value an eager one would have had, and a classification that
/// nobody inspects costs no strings.
@usableFromInline
package struct DeferredFields: Sendable {
  /// What a reader gives.
  @usableFromInline
  package struct Fields: Sendable {
    package var rawMessage: String?
    package var parameters: [String: String]
    package var references: References
    /// The body's shape, when the reader already knows it (a webhook's events share a body that was
    /// validated once), so that describing or encoding each event does not validate the whole body again.
    package var bodyShape: ResponseBody.Shape?

    package init(
      rawMessage: String? = nil, parameters: [String: String] = [:], references: References = .none,
      bodyShape: ResponseBody.Shape? = nil
    ) {
      self.rawMessage = rawMessage
      self.parameters = parameters
      self.references = references
      self.bodyShape = bodyShape
    }
  }

  /// Reads the fields from the body; `anchor` says which part of it (an event's position in a webhook),
  /// `context` carries the headers where a reader needs them. Readers capture nothing, so keeping one
  /// allocates nothing.
  package typealias Reader = @Sendable (_ body: ResponseBody, _ anchor: Int, _ context: [String: String]) -> Fields

  let reader: Reader
  let anchor: Int
  /// `nil` for none, so that the many readers without context keep no dictionary.
  let context: [String: String]?

  package init(anchor: Int = 0, context: [String: String]? = nil, reader: @escaping Reader) {
    self.reader = reader
    self.anchor = anchor
    self.context = context
  }

  func read(_ body: ResponseBody) -> Fields { reader(body, anchor, context ?? [:]) }
}

/// Where an error or a success keeps its message, parameters and references: as values, or as a reader of
/// the body.
@usableFromInline
package enum FieldStorage: Sendable {
  case stored(DeferredFields.Fields)
  /// Read on demand; `captured` holds the values captured from the message by the catalog match, which
  /// take precedence over the body's parameters.
  case deferred(DeferredFields, captured: [String: String]?)

  func fields(_ body: ResponseBody) -> DeferredFields.Fields {
    switch self {
    case .stored(let fields): return fields
    case .deferred(let deferred, _): return merging(deferred.read(body))
    }
  }

  /// `read`, the fields a deferred reader gives, with the values captured from the message on top.
  func merging(_ read: DeferredFields.Fields) -> DeferredFields.Fields {
    guard case .deferred(_, let captured?) = self else { return read }
    var fields = read
    fields.parameters.merge(captured) { _, fromMessage in fromMessage }
    return fields
  }
}
