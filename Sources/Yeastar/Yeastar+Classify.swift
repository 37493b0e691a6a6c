public import ErrorCatalog

extension Yeastar: ResponseClassifier {
  /// Classifies one P-Series API answer.
  ///
  /// The body's `errcode` (a number or a numeric string) decides, whatever the HTTP status, because the PBX
  /// reports errors inside HTTP 200, and its catalog entry's outcome gives the case: `0` SUCCESS
  /// (``Code/success``) is `Classification/success(_:)`, `1` PARTIAL SUCCESS is
  /// `Classification/partial(_:)`, `2` PROCESSING is `Classification/pending(_:)`, every other code a
  /// `Classification/failure(_:)`. An `errcode` the catalog does not know gives an unrecognized error.
  /// `call_id` and `id` in the answer are kept in the references as `callID` and `id`.
  ///
  /// A body without a top-level `errcode` is never success, even with HTTP 200: a recording download
  /// (binary), a proxy's HTML page, an empty body, JSON without `errcode` (including the S-Series
  /// `{"status": "Failed", "errno": …}` shape, whose codes mean something else) all give an unrecognized
  /// error classified from the HTTP status (a 200 tells nothing, so its category is `unknown`).
  ///
  /// `parameters` keeps, as strings, the details the PBX sends beside the code:
  /// - `errmsg` and `submsg`;
  /// - for each element *i* (from 0) of `invalid_param_list`: `invalidParam.i.field`, `invalidParam.i.value`
  ///   and `invalidParam.i.validationType` (from `validation_type`), each only when present;
  ///   and `invalidParams`, a summary such as `name (required); email (format)` that leaves the values out;
  /// - for each element *i* of `duplicate_field_list`: `duplicateField.i.field`, `duplicateField.i.value`,
  ///   `duplicateField.i.externalSource` and `duplicateField.i.externalSourceName`; and `duplicateFields`,
  ///   a summary such as `email_addr (extension 1011)` that leaves the values out.
  ///
  /// - Parameters:
  ///   - status: The HTTP status, if the response had one.
  ///   - headers: The response headers (`Retry-After` is read from them).
  ///   - body: The response body.
  ///   - now: The current time, for a `Retry-After` date.
  public static func classify(
    status: Int?, headers: [String: String], body: ResponseBody, now: WallClockTime
  ) -> Classification<Error> {
    let seconds = now.secondsSince1970
    // One pass over the top-level members finds the code and message where the catalog's `wire` says
    // (`errcode`, `errmsg`); the rest is read from the body by `fields` only when asked for.
    let (rawCode, match, _) = Code.table.readWire(in: body, status: status)
    let error = Error.Details(
      provider: .yeastar, code: match.flatMap { Code.code(of: $0.entry) }, match: match, status: status,
      headers: headers, rawCode: rawCode,
      deferred: DeferredFields(reader: fields), body: body, now: seconds)
    return Classification(error)
  }

  /// The raw message, parameters and references, read from the body when asked for.
  @Sendable static func fields(_ body: ResponseBody, _: Int, _: [String: String]) -> DeferredFields.Fields {
    let envelope = Envelope(body.json)
    return DeferredFields.Fields(
      rawMessage: envelope.errmsg, parameters: envelope.parameters, references: envelope.references)
  }

  /// The fields of the P-Series `{"errcode", "errmsg", …}` envelope.
  struct Envelope {
    /// The code as the body wrote it, trimmed.
    var rawCode: String?
    var errmsg: String?
    var parameters: [String: String] = [:]
    var references = References.none

    init(_ json: JSONValue?) {
      // Only a top-level errcode counts: the P-Series documents no other place, and `errno` belongs to
      // other Yeastar product lines whose numbers mean something else.
      guard let json, json.isObject, let wire = Code.table.wire, let code = json.member(wire.code) else { return }
      rawCode = code.scalarText
      errmsg = json.member(wire.message)?.messageText
      if let errmsg { parameters["errmsg"] = errmsg }
      wire.fields.parameters(in: json, into: &parameters)
      references = wire.fields.references(in: json)
      // The two detail lists' names are the catalog's `envelope`; the rule stays here: each is a list of
      // objects flattened into numbered parameters and a summary that leaves the values out (they can be
      // e-mail addresses or phone numbers), which a field's names in the catalog cannot say.
      let names = Yeastar.EnvelopeNames.self
      readList(
        json.member(names.invalidParams), prefix: "invalidParam", summaryKey: "invalidParams",
        fields: [(names.itemField, "field"), (names.itemValue, "value"), (names.validationType, "validationType")],
        detail: ["validationType"])
      readList(
        json.member(names.duplicateFields), prefix: "duplicateField", summaryKey: "duplicateFields",
        fields: [
          (names.itemField, "field"), (names.itemValue, "value"), (names.externalSource, "externalSource"),
          (names.externalSourceName, "externalSourceName"),
        ],
        detail: ["externalSource", "externalSourceName"])
    }

    /// Flattens a list of objects into `prefix.index.name` parameters plus a one-line summary of the field
    /// names; the summary leaves values out because they can be e-mail addresses or phone numbers.
    private mutating func readList(
      _ list: JSONValue?, prefix: String, summaryKey: String, fields: [(wire: WireShape.Names, name: String)],
      detail: [String]
    ) {
      guard let items = list?.arrayValue else { return }
      var summary: [String] = []
      for (index, item) in items.enumerated() where item.isObject {
        var read: [String: String] = [:]
        for (wire, name) in fields {
          if let text = item.member(wire).flatMap(Self.text) { read[name] = text }
        }
        for (name, text) in read { parameters["\(prefix).\(index).\(name)"] = text }
        if let field = read["field"] {
          // The summary names the field and, in brackets, the values of `detail` that are there.
          let details = detail.compactMap { read[$0] }
          summary.append(details.isEmpty ? field : "\(field) (\(details.joined(separator: " ")))")
        }
      }
      if !summary.isEmpty { parameters[summaryKey] = summary.joined(separator: "; ") }
    }

    /// A list element's value as text: strings as sent, numbers and booleans spelt out.
    private static func text(_ value: JSONValue) -> String? {
      switch value {
      case .string(let text): text
      case .number(let text): text
      case .bool(let flag): flag ? "true" : "false"
      case .null, .array, .object: nil
      }
    }
  }
}
