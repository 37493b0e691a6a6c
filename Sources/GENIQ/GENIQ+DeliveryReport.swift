public import ErrorCatalog

extension GENIQ {
  /// Classifies one GENIQ delivery report (one report is about one message), for SMS and WhatsApp alike.
  ///
  /// Accepts the JSON callback (`{"messageId", "channel", "recipient", "status", "reasonCode", …}`) and the
  /// query-string form GENIQ sends to GET callbacks (`messageId=…&channel=sms&status=undeliverable&
  /// reasonCode=8`), alone, after a `?`, or as a whole URL; it is percent-decoded with `+` as a space.
  ///
  /// The `status` decides first, through its entry in ``ReportStatus`` (case and `_`/`-` separators do not
  /// matter), whose outcome gives the case:
  /// - `delivered` and `read` are successes, whatever the reason code says.
  /// - `processed` and `sent` mean the message is under way: `.pending`, with an error carrying the status
  ///   entry (retry `notNeeded`), so the report's fields stay readable.
  /// - A failure (`expired`, `deleted`, `undeliverable`, `rejected`, `unknown`, `failed`,
  ///   `exceeded_retry`) is classified from its non-zero `reasonCode`, looked up in the reason table only
  ///   (``ReasonCode``), never in the API response table, where the same numbers mean other things, when
  ///   the reason is at least as strict about retrying as the status (`never`, then `afterFix`,
  ///   `afterReset`, `afterReauth`, `backoff`, `notNeeded`). A reason refines a failure status but never
  ///   loosens it: `status=expired&reasonCode=8` stays ``ReportStatus/expired`` (retry `never`), since the
  ///   expiry is final whatever the reason. Without a reason (or reason `0`), the status entry decides.
  ///   How each status combines with a reason is catalog data (each status entry's `reasonRule` in
  ///   `Catalogs/geniq.json`), tested for every status and reason.
  /// - A report without a status is classified from its `reasonCode` alone: `0`
  ///   (``ReasonCode/notApplicable``) is a success. A status the table does not know is classified from a
  ///   non-zero reason, else unrecognized, as is a body that is not a report; the body is kept.
  ///
  /// Errors have kind `.report` and no HTTP status. `messageId`, `recipient`, `status`, `channel`,
  /// `reasonCode`, `messageTimestamp`, `operatorTimestamp` and `providerTimestamp` come back in
  /// `parameters` when the report has them, and in the references (as `messageID`, `recipient`, `status`,
  /// `channel`, `timestamp`, `operatorTimestamp`, `providerTimestamp`) on every outcome.
  ///
  /// - Parameter body: The callback's body, or its query string.
  public static func classifyReport(body: [UInt8]) -> Classification<Error> {
    classifyReport(body: ResponseBody(body))
  }

  /// Classifies one GENIQ delivery report whose body is any collection of bytes, such as Foundation's
  /// `Data` or a server framework's buffer view, as the `[UInt8]` overload does (at most
  /// `ResponseBody.storedLimit` bytes are kept).
  public static func classifyReport<Bytes: Collection<UInt8>>(body: Bytes) -> Classification<Error> {
    classifyReport(body: ResponseBody(body))
  }

  /// Classifies one GENIQ delivery report whose body is text (JSON or a query string), as the byte overload
  /// does.
  public static func classifyReport(body: String) -> Classification<Error> {
    classifyReport(body: ResponseBody(body))
  }

  static func classifyReport(body: ResponseBody) -> Classification<Error> {
    // Only the status and the reason decide; the other fields are read from the body by `reportFields`
    // when asked for.
    let (statusText, rawReason) = ReportKey.read(body)
    let reason = rawReason.flatMap { ReasonCode.table.match(codeKey: CodeText.canonical($0)) }
    // A reason that names a failure says more than a failure status; reason 0 says nothing more.
    let failureReason = reason.flatMap { $0.entry.outcome == .failure ? $0 : nil }
    let match: CatalogMatch?
    if let status = statusText {
      if let state = ReportStatus.table.match(codeKey: ReportKey.statusKey(status)) {
        match = combined(state, with: failureReason)
      } else {
        // A status word the table does not know: a failure reason still tells, reason 0 cannot make it a success.
        match = failureReason
      }
    } else {
      match = reason
    }
    let error = Error.Details(
      provider: .geniq, match: match, kind: .report, status: nil, rawCode: rawReason,
      deferred: DeferredFields(reader: reportFields), body: body, now: 0)
    return Classification(error)
  }

  /// A status's match combined with a failure reason by the status's rule in the catalog (each
  /// ``ReportStatus`` entry's `reasonRule`): a success or a step under way stays; a failure is replaced by
  /// a reason at least as strict about retrying, so that a reason never loosens a status.
  static func combined(_ status: CatalogMatch, with reason: CatalogMatch?) -> CatalogMatch {
    let rule = ReportStatus(entry: status.entry)?.reasonRule ?? .statusDecides
    return rule.combine(status: status, reason: reason)
  }

  /// A report's parameters and references, read from the body when asked for.
  @Sendable static func reportFields(_ body: ResponseBody, _: Int, _: [String: String]) -> DeferredFields.Fields {
    let report = DeliveryReport(body)
    return DeferredFields.Fields(parameters: report.parameters, references: report.references)
  }

  /// The fields of one delivery report, from JSON or from a query string, where the catalog's `report`
  /// (``reportShape``) says.
  struct DeliveryReport {
    var rawReason: String?
    var parameters: [String: String] = [:]
    /// The report's identifiers, under the names every provider uses.
    var references = References.none

    init(_ body: ResponseBody) {
      let json = body.json
      guard let fields = json?.isObject == true ? json : Self.queryFields(body) else { return }
      let shape = GENIQ.reportShape
      shape.fields.parameters(in: fields, into: &parameters)
      references = shape.fields.references(in: fields)
      rawReason = fields.member(shape.reason)?.scalarText
    }

    /// A status word as the status table writes it: lower case, with `-` and spaces as `_`
    /// (`Exceeded-Retry` gives `exceeded_retry`).
    static func statusCode(_ status: String) -> String {
      String(status.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    }

    /// The report's pairs of a query string as a JSON object of strings, or `nil` when there is none.
    static func queryFields(_ body: ResponseBody) -> JSONValue? {
      guard !body.isTruncated, UTF8Text.validated(body.bytes) != nil else { return nil }
      var members: [(key: String, value: JSONValue)] = []
      var positions: [String: Int] = [:]
      QueryString.forEachPair(in: body.bytes) { key, value in
        let key = key.filter { !$0.isWhitespace }
        let folded = key.lowercased()
        // Only the keys the shape reads are kept; other pairs and repeats are dropped while parsing, so a
        // huge query string cannot make the lookups slow.
        guard GENIQ.reportShape.reads(key) else { return true }
        let member = (key: key, value: JSONValue.string(value()))
        // A repeated key keeps its last value, as JSON lookups do, and the object stays small.
        if let position = positions[folded] {
          members[position] = member
        } else {
          positions[folded] = members.count
          members.append(member)
        }
        return true
      }
      return members.isEmpty ? nil : .object(members)
    }
  }
}
