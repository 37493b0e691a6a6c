/// A provider's answer, classified: the typed code (or `nil` when unrecognized), its catalog entry, and
/// everything the answer carried.
///
/// Each provider module names its own: `Wolkvox.Error` is `ClassifiedError<Wolkvox.Code>`.
/// Switch on ``code`` for the typed cases; read ``category``, ``retry`` and ``fault`` to act generically.
/// ``description`` is one line and never includes the body or the raw message.
///
/// An error is one pointer wide: its copies share one immutable backing, so passing, storing or copying an
/// error is one retain, and the fields read from the body (``rawMessage``, ``parameters``, ``references``)
/// are read once, by whichever copy asks first, and kept for every copy.
public struct ClassifiedError<Code: CatalogCode>: ProviderError, BodyShapeKnowing {
  /// Everything the error is, shared by its copies (so the error is one pointer wide and a copy is one
  /// retain), and the fields read from its body, kept once read.
  @usableFromInline let backing: Shared<Details, DeferredFields.Fields>

  /// Makes the error from its details: the error's one initialiser. Making one allocates once.
  @inlinable
  package init(_ details: consuming Details) {
    backing = Shared(consume details)
  }

  @inlinable var details: Details {
    _read { yield backing.details }
  }

  /// The provider that answered.
  public var provider: ProviderID { details.provider }
  /// The typed code, or `nil` when nothing in the catalog matched.
  public var code: Code? { details.code }
  /// The catalog entry of ``code``.
  public var entry: CatalogEntry? { details.entry }
  /// How the answer ended.
  public var outcome: Outcome { details.outcome }
  /// What went wrong: the entry's, or derived from the HTTP status when unrecognized.
  public var category: ErrorCategory { details.category }
  /// Whether and when to retry: the entry's, or derived from the HTTP status when unrecognized.
  public var retry: Retry { details.retry }
  /// Whose side must act: the entry's, or derived from the HTTP status when unrecognized.
  public var fault: Fault { details.fault }
  /// Whether the body was an API response, a webhook or a delivery report.
  public var kind: ResponseKind { details.kind }
  /// The HTTP status, when there was one.
  public var status: Int? { details.status }
  /// The code as the body gave it.
  public var rawCode: String? { details.rawCode }
  /// The message as the body gave it.
  public var rawMessage: String? { fields.rawMessage }
  /// Values captured from the message and details read from the body.
  public var parameters: [String: String] { fields.parameters }
  /// The `Retry-After` delay in seconds, when the response had one.
  public var retryAfterSeconds: Int? { details.retryAfterSeconds }
  /// How long to wait before acting on the error again, and where that comes from, in this order: the
  /// `Retry-After` delay; the longest wait a documented rate-limit header states (Meta's
  /// `X-Business-Use-Case-Usage`, `X-Ad-Account-Usage`); the wait the body states (a parameter the entry's
  /// ``CatalogWait/parameter`` names, such as 360dialog's "every 5 seconds"); the catalog's documented wait
  /// for the code. `nil` when none says.
  public var wait: RetryWait? { details.wait }
  /// The body (or its first ``ResponseBody/storedLimit`` bytes).
  public var body: ResponseBody { details.body }
  /// The identifiers the answer carried.
  public var references: References { fields.references }
  /// The documented subcode the answer gave beside its code (Meta's `error_subcode`), if the catalog knows it.
  public var subcode: CatalogSubcode? { details.subcode }

  /// The raw message, parameters and references: read from the body on the first request, by whichever
  /// copy asks first, and kept for every later one, so no field access reads the body twice.
  var fields: DeferredFields.Fields {
    switch backing.details.storage {
    case .stored(let fields): return fields
    case .deferred: return backing.kept(orMake: { $0.storage.fields($0.body) })
    }
  }

  /// What an error is: its classification and what the answer carried, before it is shared. Classifiers
  /// build one, and `Classification(details)` makes an error of it only when the outcome is not a
  /// success, so that a success allocates nothing.
  @usableFromInline
  package struct Details: Sendable {
    @usableFromInline let provider: ProviderID
    @usableFromInline let code: Code?
    @usableFromInline let entry: CatalogEntry?
    @usableFromInline let outcome: Outcome
    @usableFromInline let category: ErrorCategory
    @usableFromInline let retry: Retry
    @usableFromInline let fault: Fault
    @usableFromInline let kind: ResponseKind
    @usableFromInline let status: Int?
    @usableFromInline let rawCode: String?
    @usableFromInline let retryAfterSeconds: Int?
    @usableFromInline let wait: RetryWait?
    @usableFromInline let body: ResponseBody
    @usableFromInline let subcode: CatalogSubcode?
    /// The raw message, parameters and references, or how to read them from the body.
    @usableFromInline let storage: FieldStorage

    /// Details from a catalog match, or, when `match` is `nil`, from `fallback` or else from the HTTP
    /// status (`fallbackStatus` when the body named a better one than the response), with the raw message,
    /// parameters and references already read. `outcome` overrides the entry's outcome, for answers whose
    /// state the entry alone does not tell.
    package init(
      provider: ProviderID, match: CatalogMatch?, kind: ResponseKind = .response, status: Int?,
      headers: [String: String] = [:], rawCode: String? = nil, rawMessage: String? = nil,
      parameters: [String: String] = [:], references: References = .none, subcode: CatalogSubcode? = nil,
      body: ResponseBody,
      fallbackStatus: Int? = nil, fallback: StatusClassification? = nil, outcome: Outcome? = nil,
      now: Double = WallClock.now
    ) {
      let typed = match.flatMap { Code(entry: $0.entry) }
      var merged = parameters
      if typed != nil, let captured = match?.captured {
        merged.merge(captured) { _, fromMessage in fromMessage }
      }
      self.init(
        provider: provider, code: typed, match: match, kind: kind, status: status, headers: headers,
        rawCode: rawCode,
        storage: .stored(.init(rawMessage: rawMessage, parameters: merged, references: references)),
        subcode: subcode, body: body, fallbackStatus: fallbackStatus, fallback: fallback, outcome: outcome,
        now: now)
    }

    /// Details whose raw message, parameters and references are read from `body` by `deferred` when asked
    /// for; otherwise as the initialiser with the fields already read. `code` is the match's typed code
    /// when the caller already found it (`Code(entry: match.entry)`, or `nil`).
    @inlinable
    package init(
      provider: ProviderID, code typed: Code?? = nil, match: __owned CatalogMatch?, kind: ResponseKind = .response,
      status: Int?, headers: [String: String] = [:], rawCode: String? = nil, deferred: DeferredFields,
      subcode: CatalogSubcode? = nil, body: ResponseBody, fallbackStatus: Int? = nil,
      fallback: StatusClassification? = nil, outcome: Outcome? = nil, now: Double
    ) {
      let typed = typed ?? match.flatMap { Code(entry: $0.entry) }
      self.init(
        provider: provider, code: typed, match: match, kind: kind, status: status, headers: headers,
        rawCode: rawCode, storage: .deferred(deferred, captured: typed == nil ? nil : match?.captured),
        subcode: subcode, body: body, fallbackStatus: fallbackStatus, fallback: fallback, outcome: outcome,
        now: now)
    }

    /// The one initialiser the others call: the entry is the match's only when `typed` is its code, and
    /// the classification is ``Verdict``'s, the one outcome rule.
    ///
    /// Inlinable so that it is specialised for each provider's code type: classification's hot path then
    /// copies no catalog entry through generic witnesses.
    @inlinable
    init(
      provider: ProviderID, code typed: Code?, match: __owned CatalogMatch?, kind: ResponseKind, status: Int?,
      headers: [String: String], rawCode: String?, storage: FieldStorage, subcode: CatalogSubcode?,
      body: ResponseBody, fallbackStatus: Int?, fallback: StatusClassification?, outcome: Outcome?, now: Double
    ) {
      var code: Code?
      var entry: CatalogEntry?
      var captured: [String: String]?
      if let match, let typed {
        code = typed
        captured = match.captured
        entry = match.entry
      }
      self.provider = provider
      self.code = code
      self.kind = kind
      self.status = status
      self.rawCode = rawCode
      self.body = body
      self.storage = storage
      self.subcode = subcode
      retryAfterSeconds = headers.isEmpty ? nil : ClassifiedError.retryAfter(headers, now: now)
      wait = ClassifiedError.wait(
        retryAfter: retryAfterSeconds, headers: headers, entry: entry, captured: captured)
      let verdict = Verdict(
        entry: entry, outcome: outcome, fallbackStatus: fallbackStatus ?? status, fallback: fallback)
      self.entry = entry
      self.outcome = verdict.outcome
      category = verdict.category
      retry = verdict.retry
      fault = verdict.fault
    }

    /// Where a success made of these details finds its references.
    @usableFromInline var referenceStorage: ProviderSuccess.ReferenceStorage {
      switch storage {
      case .stored(let fields): .stored(fields.references)
      case .deferred(let deferred, _): .deferred(deferred, body)
      }
    }
  }

  /// ``wait``: `Retry-After`, else a rate-limit header, else the body (a parameter captured from the
  /// message), else the catalog.
  @usableFromInline
  static func wait(
    retryAfter: Int?, headers: [String: String], entry: CatalogEntry?, captured: [String: String]?
  ) -> RetryWait? {
    if let retryAfter { return RetryWait(seconds: retryAfter, source: .retryAfter, origin: "Retry-After") }
    if let header = RateLimitHeaders.wait(in: headers) {
      return RetryWait(seconds: header.seconds, source: .header, origin: header.header)
    }
    guard let documented = entry?.wait else { return nil }
    if let parameter = documented.parameter, let text = captured?[parameter], let seconds = Self.seconds(text) {
      return RetryWait(seconds: seconds, source: .body, kind: documented.kind, origin: parameter)
    }
    return documented.seconds.map {
      RetryWait(seconds: $0, source: .catalog, kind: documented.kind, origin: documented.source)
    }
  }

  /// A number of seconds written in a message: digits, perhaps with spaces around; a longer number than
  /// `Int32.max` counts as `Int32.max`.
  private static func seconds(_ text: String) -> Int? {
    let digits = text.utf8.drop { $0 == 0x20 }.prefix { $0 != 0x20 }
    guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return digits.reduce(0) { min(Int(Int32.max), $0 * 10 + Int($1 - 0x30)) }
  }

  @usableFromInline
  static func retryAfter(_ headers: [String: String], now: Double) -> Int? {
    HTTPHeaderLookup.value("Retry-After", in: headers).flatMap { RetryAfter.seconds(from: $0, now: now) }
  }

  /// Whether a catalog entry was found.
  public var isRecognized: Bool { entry != nil }

  /// ``ResponseBody/shape`` of ``body``, without validating the body again when the classifier already
  /// knows it: the events of one webhook share a body, and validating it for each event's description or
  /// encoding would grow with the number of events times the body's length.
  package var bodyShape: ResponseBody.Shape {
    if case .stored(let fields) = backing.details.storage, let shape = fields.bodyShape { return shape }
    if let shape = backing.keptIfKnown()?.bodyShape { return shape }
    return backing.details.body.shape
  }

  /// Keeps `fields` as the error's raw message, parameters and references, which a classifier read from the
  /// body as the error's deferred reader would have (the values captured from the message still take
  /// precedence over the body's parameters). Used where many errors share one body, so that reading each
  /// error's fields does not read the body again. Copies share what is kept: the values are the ones they
  /// would have read.
  package func keep(_ fields: DeferredFields.Fields) {
    guard case .deferred = backing.details.storage else { return }
    backing.keep(backing.details.storage.merging(fields))
  }

  /// Equal when the errors are the same error: the same provider, code, entry and subcode, the same
  /// classification (outcome, category, retry, fault, wait), from the same kind of answer with the same
  /// status and raw code. What the body carried besides (the raw message, parameters, references, the body
  /// itself) is detail, not identity: two failed statuses of one code for two messages are equal, so a
  /// `Set` of errors holds each distinct error once. Compare ``references`` to tell messages apart.
  ///
  /// Neither `==` nor `hash(into:)` reads the body.
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.provider == rhs.provider && lhs.code == rhs.code && lhs.entry == rhs.entry && lhs.outcome == rhs.outcome
      && lhs.category == rhs.category && lhs.retry == rhs.retry && lhs.fault == rhs.fault && lhs.kind == rhs.kind
      && lhs.status == rhs.status && lhs.rawCode == rhs.rawCode && lhs.retryAfterSeconds == rhs.retryAfterSeconds
      && lhs.wait == rhs.wait && lhs.subcode == rhs.subcode
  }

  /// Hashes what `==` compares.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(provider)
    hasher.combine(code)
    hasher.combine(entry)
    hasher.combine(outcome)
    hasher.combine(category)
    hasher.combine(retry)
    hasher.combine(fault)
    hasher.combine(kind)
    hasher.combine(status)
    hasher.combine(rawCode)
    hasher.combine(retryAfterSeconds)
    hasher.combine(wait)
    hasher.combine(subcode)
  }

  /// The provider-independent situation the entry names, if any.
  public var situation: Situation? { entry?.situation }

  /// One line: provider, code and catalog message, and the classification. Never the body, never the raw
  /// message (both can hold phone numbers and tokens).
  public var description: String {
    let verdict = "[\(category.rawValue), retry \(retry.rawValue), fault \(fault.rawValue)]"
    if let entry {
      return
        "\(provider.rawValue) \(entry.table)/\(entry.name) (\(reportedCode ?? entry.code)): \(entry.message) \(verdict)"
    }
    var parts = ["\(provider.rawValue) unrecognized \(kind.rawValue)"]
    if let status { parts.append("HTTP \(status)") }
    if let rawCode, Self.isPlainCode(rawCode) { parts.append("code \(rawCode)") }
    parts.append("\(bodyShape.rawValue) body of \(body.totalCount) bytes")
    if body.isTruncated { parts.append("not read: over the \(ResponseBody.storedLimit)-byte limit") }
    return parts.joined(separator: ", ") + " " + verdict
  }

  /// Short numeric codes are safe to print; anything else might be a token someone put in a code field.
  private static func isPlainCode(_ code: String) -> Bool {
    code.utf8.count <= 12 && code.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
  }

  /// The catalog message, or a note that the error was not recognized.
  public var errorDescription: String? {
    if let entry { return "\(provider.displayName): \(entry.message)" }
    if let status { return "\(provider.displayName): unrecognized error (HTTP \(status))" }
    return "\(provider.displayName): unrecognized error"
  }

  /// What happened.
  public var failureReason: String? { entry?.explanation }

  /// What to do.
  public var recoverySuggestion: String? {
    entry?.remedy ?? Self.genericRemedy(for: retry)
  }

  static func genericRemedy(for retry: Retry) -> String {
    switch retry {
    case .backoff: "Retry with exponential backoff, honouring Retry-After."
    case .afterReset: "Wait until the quota resets before retrying."
    case .afterReauth: "Obtain new credentials, then retry."
    case .afterFix: "Inspect the response and fix the request or account before retrying."
    case .never: "Do not retry this request."
    case .notNeeded: "Nothing needs to be done."
    }
  }
}

extension ClassifiedError: Encodable {
  enum CodingKeys: String, CodingKey {
    case provider, recognized, name, table, code, status, message, category, retry, fault, situation, parameters
    case retryAfterSeconds, explanation, remedy, catalog, outcome, kind, body, references, subcode
    case wait, delivery, deliveryReason
  }

  enum BodyKeys: String, CodingKey {
    case shape, bytes
  }

  /// Encodes the error object of the `errcat classify --json` contract: `recognized`, `name`, `table`,
  /// `code` (``reportedCode``: the entry's, the code sent for an entry that covers a range, else the raw code), `status`, `message` (the catalog's, never the raw one),
  /// `category`, `retry`, `fault`, `parameters`, `retryAfterSeconds`, `explanation`, `remedy`, `catalog`
  /// (when the entry belongs to another provider's catalog), `outcome`, `kind`, `body` (its shape and
  /// length, never its content), `references`, `subcode`, `provider`, `wait` (`{"seconds", "source", "kind",
  /// "origin"}`), `delivery` and `deliveryReason`. Absent values are `null`.
  ///
  /// The fields read from the body (parameters, references) are read once for the whole encoding.
  public func encode(to encoder: any Encoder) throws {
    let fields = fields
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(provider, forKey: .provider)
    try container.encode(entry != nil, forKey: .recognized)
    try container.encode(entry?.name, forKey: .name)
    try container.encode(entry?.table, forKey: .table)
    try container.encode(reportedCode, forKey: .code)
    try container.encode(status, forKey: .status)
    try container.encode(entry?.message, forKey: .message)
    try container.encode(category, forKey: .category)
    try container.encode(retry, forKey: .retry)
    try container.encode(fault, forKey: .fault)
    try container.encode(situation, forKey: .situation)
    try container.encode(fields.parameters, forKey: .parameters)
    try container.encode(retryAfterSeconds, forKey: .retryAfterSeconds)
    try container.encode(entry?.explanation, forKey: .explanation)
    try container.encode(recoverySuggestion, forKey: .remedy)
    if let entry, entry.provider != provider { try container.encode(entry.provider, forKey: .catalog) }
    try container.encode(outcome, forKey: .outcome)
    try container.encode(kind, forKey: .kind)
    var bodyContainer = container.nestedContainer(keyedBy: BodyKeys.self, forKey: .body)
    try bodyContainer.encode(bodyShape.rawValue, forKey: .shape)
    try bodyContainer.encode(body.totalCount, forKey: .bytes)
    try container.encode(fields.references, forKey: .references)
    try container.encode(subcode, forKey: .subcode)
    try container.encode(wait, forKey: .wait)
    try container.encode(delivery, forKey: .delivery)
    try container.encode(deliveryReason, forKey: .deliveryReason)
  }
}

/// How an error is classified: from its entry, else from the HTTP status or a fallback.
@usableFromInline
struct Verdict {
  @usableFromInline let outcome: Outcome
  @usableFromInline let category: ErrorCategory
  @usableFromInline let retry: Retry
  @usableFromInline let fault: Fault

  @usableFromInline
  init(entry: CatalogEntry?, outcome: Outcome?, fallbackStatus: Int?, fallback: StatusClassification?) {
    if let entry {
      self.outcome = outcome ?? entry.outcome
      category = entry.category
      retry = entry.retry
      fault = entry.fault
    } else {
      let fallback = fallback ?? StatusClassification.forHTTPStatus(fallbackStatus)
      self.outcome = outcome ?? .failure
      category = fallback.category
      retry = fallback.retry
      fault = fallback.fault
    }
  }
}
