/// Where a reseller's gateway puts its own answer, as its catalog's `gateway` describes it: 360dialog's
/// `{"meta": {"success", "http_code", "developer_message"}}`. The classifier reads the names from here and
/// keeps the rule (a container with none of the members is a success; the message decides before the code,
/// which can disagree with the HTTP status).
package struct GatewayShape: Sendable {
  /// The object that holds the answer.
  package let container: WireShape.Names
  /// The HTTP code the gateway reports.
  package let code: WireShape.Names
  /// The developer's message.
  package let message: WireShape.Names
  /// The success flag.
  package let success: WireShape.Names

  package init(
    container: WireShape.Names, code: WireShape.Names, message: WireShape.Names, success: WireShape.Names
  ) {
    self.container = container
    self.code = code
    self.message = message
    self.success = success
  }
}

/// Where a provider's answers put their code and message, as its catalog describes them (a table's `wire`
/// in `Catalogs/*.json`), read by one walk in this module: ``CatalogTable/readWire(in:status:)``.
///
/// A provider that answers with a flat envelope (Wolkvox's `{"code", "msg"}`, Yeastar's `{"errcode",
/// "errmsg"}`, GENIQ's `{"responseCode", "responseMessage"}`) needs no walk of its own: its member names
/// and which field finds the entry are data. The readers of the fields a classification keeps for later
/// (the raw message, parameters) take the same names from here, so each name is written once, in the catalog.
package struct WireShape: Sendable {
  /// Which field finds the entry.
  package enum Decides: Sendable {
    /// The code finds the entries documented under it; the message chooses among them.
    case code
    /// The message finds the entry; the code (else the HTTP status) chooses among entries that share it.
    case message
  }

  /// One member's names, in order of preference (at most three): an exact name before one equal ignoring
  /// ASCII case, an earlier name before a later one, the last of repeated members.
  package struct Names: @unchecked Sendable {
    /// The names' UTF-8 in the program's constant data (a name that is absent repeats the first, with
    /// length -1), laid out as ``MemberSlot`` reads them so that a walk copies no more than this.
    let names: (StaticBytes, StaticBytes, StaticBytes)
    let lengths: (Int32, Int32, Int32)

    package init(_ first: StaticString, _ second: StaticString? = nil, _ third: StaticString? = nil) {
      names = (StaticBytes(first), StaticBytes(second ?? first), StaticBytes(third ?? first))
      lengths = (
        Int32(first.utf8CodeUnitCount), second.map { Int32($0.utf8CodeUnitCount) } ?? -1,
        third.map { Int32($0.utf8CodeUnitCount) } ?? -1
      )
    }

    /// How many names there are (one to three).
    var count: Int { lengths.2 >= 0 ? 3 : lengths.1 >= 0 ? 2 : 1 }

    /// The name at `index` (below ``count``).
    func view(_ index: Int) -> ByteView {
      switch index {
      case 0: names.0.view(count: Int(lengths.0))
      case 1: names.1.view(count: Int(lengths.1))
      default: names.2.view(count: Int(lengths.2))
      }
    }

    /// Whether `key` is one of the names, ignoring ASCII letter case.
    func named(_ key: String) -> Bool {
      for index in 0..<count where JSONValue.equalFoldingASCIICase(key, view(index)) { return true }
      return false
    }

    /// The names as strings, for the tree reader.
    package var keys: [String] {
      [(names.0, lengths.0), (names.1, lengths.1), (names.2, lengths.2)].compactMap { name, length in
        length < 0 ? nil : name.view(count: Int(length)).string
      }
    }

    /// A slot that finds the member in one walk over an object's members.
    @inline(__always)
    var slot: MemberSlot { MemberSlot(names: names, lengths: lengths) }
  }

  /// One field an answer may carry beside its code and message (an identifier, or a value kept in
  /// `parameters`): the name it is kept under and where the answer puts it.
  package struct Field: Sendable {
    /// How a field that may be a list becomes one text.
    package enum List: Sendable {
      /// The first element (GENIQ's first message id).
      case first
      /// Every element, joined with commas.
      case all
      /// Every element, joined with commas, only when there are several (one is the `first`).
      case several
    }

    /// The name the value is kept under (`requestID`, `submsg`).
    package let key: String
    /// Its member names, in order of preference.
    package let names: Names
    /// Objects below the top level that are searched after it, in order, when the top level has no text
    /// under ``names`` (Wolkvox's `data`).
    package let holders: [Names]
    /// How its value becomes text.
    package let text: MemberText
    /// How a list of values becomes one text; `nil` when the field is one value.
    package let list: List?

    package init(
      key: String, names: Names, holders: [Names] = [], text: MemberText = .scalar, list: List? = nil
    ) {
      self.key = key
      self.names = names
      self.holders = holders
      self.text = text
      self.list = list
    }

    /// The field's text in a top-level object: the first holder (the object itself, then ``holders``)
    /// whose member under ``names`` gives one.
    package func text(in object: JSONValue) -> String? {
      if let found = text(of: object.member(names)) { return found }
      for holder in holders {
        if let found = text(of: object.member(holder)?.member(names)) { return found }
      }
      return nil
    }

    private func text(of value: JSONValue?) -> String? {
      guard let value else { return nil }
      guard let list else { return text.text(of: value) }
      var texts: [String] = []
      if case .array(let elements) = value {
        for element in elements {
          if let found = text.text(of: element) { texts.append(found) }
        }
      } else if let found = text.text(of: value) {
        texts.append(found)
      }
      switch list {
      case .first: return texts.first
      case .all: return texts.isEmpty ? nil : texts.joined(separator: ",")
      case .several: return texts.count > 1 ? texts.joined(separator: ",") : nil
      }
    }
  }

  /// Where the code is.
  package let code: Names
  /// Where the message is.
  package let message: Names
  /// Where the message is when ``message`` is absent or finds nothing (Wolkvox's `error`).
  package let alternateMessage: Names?
  /// Which of the two finds the entry.
  package let decides: Decides
  /// The identifiers and other values the answer carries beside its code and message.
  package let fields: Fields

  package init(
    code: Names, message: Names, alternateMessage: Names? = nil, decides: Decides, references: [Field] = [],
    parameters: [Field] = []
  ) {
    self.code = code
    self.message = message
    self.alternateMessage = alternateMessage
    self.decides = decides
    self.fields = Fields(references: references, parameters: parameters)
  }

  /// The identifiers and other values an answer carries (a table's `wire`, or the `envelope` of a catalog
  /// whose answers are read by its own rules, as Cequens'), read from a top-level object by one reader.
  package struct Fields: Sendable {
    /// The identifiers, by their ``References`` names.
    package let references: [Field]
    /// The other values kept in an error's `parameters`.
    package let parameters: [Field]

    package init(references: [Field] = [], parameters: [Field] = []) {
      self.references = references
      self.parameters = parameters
    }

    /// The identifiers a top-level object carries where ``references`` says.
    package func references(in object: JSONValue) -> References {
      var values: [String: String] = [:]
      Self.read(references, in: object, into: &values)
      return References(values)
    }

    /// The ``parameters`` a top-level object carries, added to `values`.
    package func parameters(in object: JSONValue, into values: inout [String: String]) {
      Self.read(parameters, in: object, into: &values)
    }

    private static func read(_ fields: [Field], in object: JSONValue, into values: inout [String: String]) {
      for field in fields {
        if let text = field.text(in: object) { values[field.key] = text }
      }
    }
  }
}

/// Where a delivery report puts the two fields that decide it and the ones it carries, as its catalog's
/// `report` describes it (GENIQ's): read from a JSON object or from a query string's pairs alike.
package struct ReportShape: Sendable {
  /// The delivery status word.
  package let status: WireShape.Names
  /// The failure reason's code.
  package let reason: WireShape.Names
  /// The identifiers and parameters a report carries (read from its top level: a report has no holders).
  package let fields: WireShape.Fields

  package init(status: WireShape.Names, reason: WireShape.Names, fields: WireShape.Fields) {
    self.status = status
    self.reason = reason
    self.fields = fields
  }

  /// Whether the shape reads a member named `key`, ignoring ASCII letter case: a query string's other pairs
  /// are dropped unread.
  package func reads(_ key: String) -> Bool {
    if status.named(key) || reason.named(key) { return true }
    for field in fields.references where field.names.named(key) { return true }
    for field in fields.parameters where field.names.named(key) { return true }
    return false
  }
}

extension JSONValue {
  /// The member found under `names`, with the same precedence as the walk.
  /// As ``member(_:)-([String])`` with the names' strings, comparing the names' bytes in place: no string or
  /// array is made for the lookup.
  package func member(_ names: WireShape.Names) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    for index in 0..<names.count {
      let name = names.view(index)
      if let found = members.last(where: { $0.key.utf8.count == name.count && $0.key.utf8.elementsEqual(name) }) {
        return found.value
      }
    }
    for index in 0..<names.count {
      let name = names.view(index)
      if let found = members.last(where: { JSONValue.equalFoldingASCIICase($0.key, name) }) {
        return found.value
      }
    }
    return nil
  }
}

/// How a member's value becomes text.
package enum MemberText: Sendable {
  /// ``JSONValue/scalarText``: a string normalised (blank and `"null"` give `nil`), or a number's literal
  /// with an integral fraction dropped (a code).
  case scalar
  /// ``JSONValue/trimmedText``: a string trimmed of surrounding white space, or a number's literal (a short
  /// field such as a status word).
  case trimmed
  /// ``JSONValue/messageText``: a string as it is (blank and `"null"` give `nil`), or a number's literal
  /// (a message).
  case message

  /// A tree value's text under this rule.
  package func text(of value: JSONValue) -> String? {
    switch self {
    case .scalar: value.scalarText
    case .trimmed: value.trimmedText
    case .message: value.messageText
    }
  }
}

extension ResponseBody {
  /// The texts of two members of a top-level object, found in one walk over its members with the names'
  /// precedence; `nil` when the body is not JSON or not an object.
  package func topLevelTexts(
    _ first: WireShape.Names, _ firstText: MemberText, _ second: WireShape.Names, _ secondText: MemberText
  ) -> (String?, String?)? {
    let read = JSONDocument.withRoot(of: self) { root -> (String?, String?)? in
      guard root.isObject else { return nil }
      var firstSlot = first.slot
      var secondSlot = second.slot
      root.forEachMember { key, value in
        firstSlot.offer(key, value)
        secondSlot.offer(key, value)
      }
      func text(_ value: JSONView?, _ rule: MemberText) -> String? {
        switch rule {
        case .scalar: value?.scalarText
        case .trimmed: value?.trimmedText
        case .message: value?.messageText
        }
      }
      return (text(firstSlot.value, firstText), text(secondSlot.value, secondText))
    }
    return read ?? nil
  }
}

extension JSONValue {
  /// A short field's text: a string trimmed of surrounding white space (`nil` when nothing is left), or a
  /// number's literal text; `nil` for other kinds.
  package var trimmedText: String? {
    switch self {
    case .string(let text): Self.trimmed(text)
    case .number(let text): text
    default: nil
    }
  }

  /// `text` without the white space (`Character.isWhitespace`) around it, or `nil` when nothing is left.
  package static func trimmed(_ text: String) -> String? {
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII: what `Character.isWhitespace` says of a byte, without building characters.
      let bytes = text.utf8
      guard let first = bytes.firstIndex(where: { !MessageNormalization.isSpace($0) }),
        let last = bytes.lastIndex(where: { !MessageNormalization.isSpace($0) })
      else { return nil }
      return String(text[first...last])
    }
    guard let first = text.firstIndex(where: { !$0.isWhitespace }),
      let last = text.lastIndex(where: { !$0.isWhitespace })
    else { return nil }
    return String(text[first...last])
  }
}

extension JSONView {
  /// As ``JSONValue/trimmedText``, read in place.
  package var trimmedText: String? {
    switch kind {
    case .number: return messageText
    case .string:
      return withText { text -> String? in
        guard text.allSatisfy({ $0 < 0x80 }) else { return decodedString.flatMap(JSONValue.trimmed) }
        var lower = 0
        var upper = text.count
        while lower < upper, MessageNormalization.isSpace(text[lower]) { lower += 1 }
        while upper > lower, MessageNormalization.isSpace(text[upper - 1]) { upper -= 1 }
        return lower < upper ? text.string(lower..<upper) : nil
      } ?? nil
    default: return nil
    }
  }
}
