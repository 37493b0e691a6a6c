import ErrorCatalog
public import Foundation

/// Reads `Catalogs/*.json` and writes the Swift the provider modules compile in.
public enum Generator {
  /// A problem in a catalog file.
  public struct CatalogError: Error, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
  }

  /// The name of a provider's `ProviderID` member: its catalog's `provider` when that is a Swift identifier
  /// (`wolkvox`), else its module's name with a lower-case first letter (`360dialog` is `dialog360`).
  static func providerMember(_ catalog: CatalogFile) -> String {
    if isIdentifier(catalog.provider) { return catalog.provider }
    return catalog.module.prefix(1).lowercased() + catalog.module.dropFirst()
  }
  static let categories: Set<String> = [
    "authentication", "permission", "rateLimit", "quota", "billing", "account", "configuration",
    "invalidRequest", "notFound", "conflict", "conversationWindow", "template", "recipient", "policy",
    "provider", "unknown",
  ]
  static let retries: Set<String> = ["backoff", "afterReset", "afterReauth", "afterFix", "never", "notNeeded"]
  static let faults: Set<String> = ["caller", "account", "recipient", "provider", "carrier", "unknown"]
  static let outcomes: Set<String> = ["success", "failure", "partial", "pending"]
  static let situations: Set<String> = [
    "credentialsInvalid", "credentialsExpired", "permissionDenied", "ipNotAllowed", "rateLimited",
    "dailyQuotaExhausted", "insufficientFunds", "accountUnavailable", "conversationWindowClosed", "templateMissing",
    "templateParametersInvalid", "requestInvalid", "resourceNotFound", "duplicateRequest", "recipientNotOnWhatsApp",
    "recipientNumberInvalid", "recipientBarred", "recipientUnreachable", "recipientInExperiment",
    "recipientMarketingLimited", "qualityLimited",
    "policyBlocked", "mediaFailed", "providerUnavailable", "messageExpired", "unspecifiedFailure",
  ]
  static let kinds: Set<String> = ["response", "webhook", "report"]
  static let keywords: Set<String> = [
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
    "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
    "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else",
    "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "catch",
    "false", "is", "nil", "super", "self", "Self", "throw", "throws", "true", "try", "Type", "some", "any",
    "table", "entry", "allCases", "rawValue", "description", "index", "sample", "category", "retry", "fault",
  ]

  /// The catalog files in `directory`, decoded and checked, by file name.
  public static func loadCatalogs(in directory: URL) throws -> [(file: String, catalog: CatalogFile)] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".json") && $0 != "catalog.schema.json" }
      .sorted()
    return try names.map { name in
      let data = try Data(contentsOf: directory.appendingPathComponent(name))
      let catalog: CatalogFile
      do {
        catalog = try JSONDecoder().decode(CatalogFile.self, from: data)
      } catch {
        throw CatalogError(file: name, message: "does not decode: \(error)")
      }
      try validate(catalog, file: name)
      return (name, catalog)
    }
  }

  /// Whether `names` are one member's names as the core's walk reads them: one to three, each plain (not
  /// empty, no quote or backslash, so that it can be a Swift string literal as it is).
  static func arePlainNames(_ names: [String]) -> Bool {
    (1...3).contains(names.count) && names.allSatisfy(isPlainName)
  }

  static func isPlainName(_ name: String) -> Bool {
    !name.isEmpty && !name.contains("\"") && !name.contains("\\")
  }

  /// The non-empty ones of a `wire`'s, an `envelope`'s or a `report`'s identifiers and parameters, labelled
  /// as the core's initialisers name them.
  static func fieldLists(
    references: [CatalogFile.Wire.Field]?, parameters: [CatalogFile.Wire.Field]?
  ) -> [(String, [CatalogFile.Wire.Field])] {
    [("references", references ?? []), ("parameters", parameters ?? [])].filter { !$0.1.isEmpty }
  }

  /// Checks the identifiers and parameters of a `wire` or an `envelope`: plain names, each key once, known rules.
  static func validateFields(
    references: [CatalogFile.Wire.Field]?, parameters: [CatalogFile.Wire.Field]?, at place: String, file: String
  ) throws {
    func fail(_ message: String) -> CatalogError { CatalogError(file: file, message: message) }
    for (kind, fields) in fieldLists(references: references, parameters: parameters) {
      guard Set(fields.map(\.key)).count == fields.count else { throw fail("\(place).\(kind) names a key twice") }
      for field in fields {
        let at = "\(place).\(kind) \(field.key)"
        for names in [field.names] + (field.holders ?? []).map({ [$0] }) where !arePlainNames(names) {
          throw fail("\(at): names must be one to three plain member names")
        }
        guard isPlainName(field.key) else {
          throw fail("\(at): the key must be a plain name")
        }
        guard ["scalar", "trimmed", "message"].contains(field.text ?? "scalar") else {
          throw fail("\(at): text is scalar, trimmed or message")
        }
        guard ["first", "all", "several"].contains(field.list ?? "first") else {
          throw fail("\(at): list is first, all or several")
        }
      }
    }
  }

  /// Checks what the schema cannot: unique names, known vocabularies, known sources.
  public static func validate(_ catalog: CatalogFile, file: String) throws {
    func fail(_ message: String) -> CatalogError { CatalogError(file: file, message: message) }
    guard isIdentifier(providerMember(catalog)) else { throw fail("provider \(catalog.provider) has no Swift name") }
    let sourceIDs = Set(catalog.sources.map(\.id))
    for table in catalog.tables {
      guard let wire = table.wire else { continue }
      for names in [wire.code, wire.message] + (wire.alternateMessage.map { [$0] } ?? []) where !arePlainNames(names) {
        throw fail("table \(table.id): wire names must be one to three plain member names")
      }
      guard ["code", "message"].contains(wire.decides) else {
        throw fail("table \(table.id): wire.decides is code or message")
      }
      try validateFields(
        references: wire.references, parameters: wire.parameters, at: "table \(table.id): wire", file: file)
    }
    if let envelope = catalog.envelope {
      try validateFields(references: envelope.references, parameters: envelope.parameters, at: "envelope", file: file)
      let names: [String: [String]] = envelope.names ?? [:]
      let lists: [String: [[String]]] = envelope.lists ?? [:]
      var roles: [String: [[String]]] = lists
      for (role, member) in names {
        guard roles.updateValue([member], forKey: role) == nil else {
          throw fail("envelope: \(role) is in both names and lists")
        }
      }
      for (role, members) in roles {
        guard isIdentifier(role), role.first?.isLowercase == true else {
          throw fail("envelope: \(role) is not a Swift property name")
        }
        for member in members where !arePlainNames(member) {
          throw fail("envelope: \(role): names must be one to three plain member names")
        }
      }
    }
    if let report = catalog.report {
      try validateFields(references: report.references, parameters: report.parameters, at: "report", file: file)
      let fields = (report.references ?? []) + (report.parameters ?? [])
      guard fields.allSatisfy({ $0.holders == nil }) else {
        throw fail("report: a report's fields are read from its top level (a query string has no holders)")
      }
      guard arePlainNames(report.status), arePlainNames(report.reason) else {
        throw fail("report: status and reason names must be one to three plain member names")
      }
    }
    for fallback in catalog.fallbacks ?? [] {
      let at = "fallback \(fallback.name)"
      guard isIdentifier(fallback.name) else { throw fail("\(at): bad name") }
      guard categories.contains(fallback.category), retries.contains(fallback.retry), faults.contains(fallback.fault)
      else { throw fail("\(at): classification outside the vocabularies") }
      guard sourceIDs.contains(fallback.source) else { throw fail("\(at): unknown source \(fallback.source)") }
    }
    if catalog.webhook != nil, catalog.items == nil { throw fail("a webhook shape needs the items' shape") }
    if let lookup = catalog.webhook?.lookup {
      for order in [lookup.cloudAPI, lookup.onPremise] where order.sorted() != ["own", "shared"] {
        throw fail("webhook.lookup: each order lists own and shared once")
      }
    }
    for subcode in catalog.subcodes ?? [] {
      guard sourceIDs.contains(subcode.source) else { throw fail("subcode \(subcode.code): unknown source") }
    }
    var tableIDs: Set<String> = []
    var swiftNames: Set<String> = ["Code", "Error"]
    for table in catalog.tables {
      guard tableIDs.insert(table.id).inserted else { throw fail("duplicate table id \(table.id)") }
      if table.swiftName != "Code" || catalog.tables.count > 1 {
        guard swiftNames.insert(table.swiftName).inserted else { throw fail("duplicate swiftName \(table.swiftName)") }
      }
      var names: Set<String> = []
      for entry in table.entries {
        let at = "\(table.id)/\(entry.name)"
        guard isIdentifier(entry.name), !keywords.contains(entry.name) else { throw fail("\(at): bad case name") }
        guard names.insert(entry.name).inserted else { throw fail("\(at): duplicate name") }
        guard !entry.code.isEmpty, !entry.message.isEmpty else { throw fail("\(at): empty code or message") }
        if let range = entry.codeRange, range.from > range.to { throw fail("\(at): empty code range") }
        guard categories.contains(entry.category) else { throw fail("\(at): category \(entry.category)") }
        guard retries.contains(entry.retry) else { throw fail("\(at): retry \(entry.retry)") }
        guard faults.contains(entry.fault) else { throw fail("\(at): fault \(entry.fault)") }
        guard outcomes.contains(entry.outcome ?? "failure") else { throw fail("\(at): outcome") }
        if let situation = entry.situation, !situations.contains(situation) {
          throw fail("\(at): situation \(situation)")
        }
        if entry.situationNote != nil && entry.situation == nil { throw fail("\(at): situationNote without situation") }
        if entry.noSituation != nil && entry.situation != nil { throw fail("\(at): noSituation with a situation") }
        guard kinds.contains(entry.sample.kind) else { throw fail("\(at): sample kind \(entry.sample.kind)") }
        guard sourceIDs.contains(entry.source) else { throw fail("\(at): unknown source \(entry.source)") }
        if let rule = entry.reasonRule {
          guard reasonRules.contains(rule.rule), !rule.reason.isEmpty else { throw fail("\(at): reasonRule") }
        }
        guard !entry.explanation.isEmpty, !entry.remedy.isEmpty else { throw fail("\(at): empty explanation/remedy") }
        guard catalog.deliveryRule(for: entry, table: table.id) != nil else { throw fail("\(at): no delivery rule") }
      }
    }
    let entryKeys = Set(catalog.tables.flatMap { table in table.entries.map { "\(table.id)/\($0.name)" } })
    for rule in catalog.delivery {
      guard deliveries.contains(rule.fate), !rule.reason.isEmpty else { throw fail("delivery rule: \(rule.fate)") }
      for key in rule.entries ?? [] where !entryKeys.contains(key) { throw fail("delivery rule: no entry \(key)") }
    }
    var waited: Set<String> = []
    for wait in catalog.waits ?? [] {
      let at = "wait \(wait.entry)"
      guard entryKeys.contains(wait.entry), waited.insert(wait.entry).inserted else { throw fail("\(at): entry") }
      guard ["minimum", "window"].contains(wait.kind) else { throw fail("\(at): kind \(wait.kind)") }
      guard wait.seconds != nil || wait.parameter != nil else { throw fail("\(at): neither seconds nor parameter") }
      if let seconds = wait.seconds, seconds <= 0 || seconds > Int(Int32.max) { throw fail("\(at): seconds") }
      guard sourceIDs.contains(wait.source), !wait.reason.isEmpty else { throw fail("\(at): source or reason") }
    }
  }

  static let reasonRules: Set<String> = ["statusDecides", "stricterReasonReplaces"]

  static let deliveries: Set<String> = ["rejected", "unknown", "acceptedThenFailed", "notApplicable"]

  static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
    return name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
    }
  }

  /// The generated files, by path relative to the package root.
  public static func generate(catalogsIn directory: URL) throws -> [String: String] {
    var files: [String: String] = [:]
    let catalogs = try loadCatalogs(in: directory)
    for (file, catalog) in catalogs {
      files["Sources/\(catalog.module)/Generated/\(catalog.module)+Catalog.swift"] = render(catalog, file: file)
      files.merge(documentation(catalog, file: file)) { _, documentation in documentation }
    }
    files[".spi.yml"] = packageIndexManifest(providerModules: catalogs.map(\.catalog.module))
    // The lists that name every provider, in Package.swift's order, and README.md's table of modules.
    let root = directory.deletingLastPathComponent()
    let ordered = packageOrder(
      catalogs.map(\.catalog),
      packageManifest: try? String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8))
    files["Sources/ErrcatCommand/Generated/ProviderAdapter+All.swift"] = errcatAdapters(ordered)
    files["Sources/ErrorCatalogTesting/Generated/CatalogSamples+Providers.swift"] = sampleDispatch(ordered)
    if let readme = try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8),
      let rebuilt = Self.readme(readme, catalogs: ordered)
    {
      files["README.md"] = rebuilt
    }
    return files
  }

  /// The modules that are not a provider's, as `Scripts/modules.py` lists them.
  static let coreModules = ["ErrorCatalog", "ErrorCatalogFoundation", "ErrorCatalogTesting"]

  /// `.spi.yml`: the Swift Package Index builds the documentation of the core modules and every catalog's.
  static func packageIndexManifest(providerModules: [String]) -> String {
    var text = """
      # Generated by generate-catalogs from Catalogs/*.json; do not edit.
      # Swift Package Index: build the DocC documentation of the library modules, the same ones Scripts/docs.sh
      # builds (each has a catalog in Sources/<Module>/<Module>.docc).
      version: 1
      builder:
        configs:
          - documentation_targets:

      """
    for module in coreModules + providerModules { text += "        - \(module)\n" }
    return text
  }

  /// The Swift for one catalog.
  public static func render(_ catalog: CatalogFile, file: String) -> String {
    var out = SwiftWriter()
    out.line("// Automatically generated by generate-catalogs from Catalogs/\(file).")
    out.line("// Do not edit: change the catalog, then run `swift run generate-catalogs`.")
    out.line("")
    out.line("public import ErrorCatalog")
    for share in catalog.shares ?? [] { out.line("public import \(share.module)") }
    out.line("")
    let provider = providerMember(catalog)
    out.line("extension ProviderID {")
    out.indent { out in
      out.doc(
        "\(catalog.displayName): the provider of ``\(catalog.module)``'s catalog (`Catalogs/\(catalog.provider).json`)."
      )
      out.line("public static var \(provider): ProviderID {")
      out.line("  ProviderID(rawValue: \(literal(catalog.provider)), displayName: \(literal(catalog.displayName)))")
      out.line("}")
    }
    out.line("}")
    out.line("")
    let sources = Dictionary(uniqueKeysWithValues: catalog.sources.map { ($0.id, $0) })
    let multi = catalog.tables.count > 1 || !(catalog.shares ?? []).isEmpty
    for table in catalog.tables {
      renderTable(
        table, enumName: enumName(table, multi: multi), catalog: catalog, provider: provider, sources: sources,
        into: &out)
    }
    if multi { renderUnion(catalog, into: &out) }
    out.line("extension \(catalog.module) {")
    out.indent { out in
      out.line("/// Every table this provider's answers are looked up in, in catalog order, followed by the tables")
      out.line("/// of the catalogs it passes through.")
      let own = catalog.tables.map { "\(enumName($0, multi: multi)).table" }
      let shared = (catalog.shares ?? []).map { " + \($0.module).tables" }.joined()
      out.line("public static let tables: [CatalogTable] = [\(own.joined(separator: ", "))]\(shared)")
      out.line("")
      out.line("/// Finds the entries for a wire code or a message in every table of ``tables``: all the entries")
      out.line("/// documented under a code, or the entry whose message it is, with the placeholders' values.")
      out.line("///")
      out.line("/// - Parameter codeOrMessage: A wire code such as `403`, or a message.")
      out.line("/// - Returns: The matches, in table order; empty when nothing matches.")
      out.line("public static func lookup(_ codeOrMessage: String) -> [CatalogMatch] {")
      out.line("  tables.flatMap { $0.lookup(codeOrMessage) }")
      out.line("}")
      if let subcodes = catalog.subcodes, !subcodes.isEmpty {
        out.line("")
        out.line("/// The subcodes this provider documents (Meta's `error_subcode`), in catalog order.")
        out.line("public static let subcodes: [CatalogSubcode] = [")
        out.indent { out in
          for subcode in subcodes {
            let source = sources[subcode.source]
            var sourceArguments = ["title: \(literal(source?.title ?? subcode.source))"]
            if let url = source?.url { sourceArguments.append("url: \(literal(url))") }
            out.line("CatalogSubcode(")
            out.indent { out in
              out.line(
                "provider: .\(provider), code: \(literal(subcode.code)), parentCode: \(subcode.parentCode.map(literal) ?? "nil"),"
              )
              out.line("message: \(literal(subcode.message)),")
              out.line("explanation: \(literal(subcode.explanation)),")
              out.line("source: CatalogSource(\(sourceArguments.joined(separator: ", ")))")
            }
            out.line("),")
          }
        }
        out.line("]")
      }
      renderShapes(catalog, into: &out)
      for fallback in catalog.fallbacks ?? [] {
        out.line("")
        out.doc("How an answer no entry matches is classified when it is \(fallback.name): \(fallback.reason)")
        out.line("package static let \(fallback.name)Fallback = StatusClassification(")
        out.line("  category: .\(fallback.category), retry: .\(fallback.retry), fault: .\(fallback.fault))")
      }
    }
    out.line("}")
    return out.text
  }

  /// A `wire`'s or an `envelope`'s identifiers and parameters as `label: [.init(…), …]` arguments, one field a
  /// line, the last closing the call.
  static func renderFields(_ fields: [(String, [CatalogFile.Wire.Field])], into out: inout SwiftWriter) {
    func names(_ keys: [String]) -> String { ".init(\(keys.map(literal).joined(separator: ", ")))" }
    for (index, (label, list)) in fields.enumerated() {
      out.line("\(label): [")
      out.indent { out in
        for field in list {
          var parts = ["key: \(literal(field.key))", "names: \(names(field.names))"]
          if let holders = field.holders {
            parts.append("holders: [\(holders.map { names([$0]) }.joined(separator: ", "))]")
          }
          if let text = field.text, text != "scalar" { parts.append("text: .\(text)") }
          if let list = field.list { parts.append("list: .\(list)") }
          out.line(".init(\(parts.joined(separator: ", "))),")
        }
      }
      out.line(index == fields.count - 1 ? "])" : "],")
    }
  }

  /// The catalog's `items`, `answer`, `gateway`, `report`, `envelope` and `webhook` as the core's walks and the
  /// provider's rules read them.
  static func renderShapes(_ catalog: CatalogFile, into out: inout SwiftWriter) {
    /// `package static let name = type(member: .init("name", …), …)`, a member a line, then the `last`
    /// arguments, one a line.
    func shape(_ doc: String, _ name: String, _ type: String, _ members: [(String, [String])], last: [String] = []) {
      var lines = members.map { "\($0.0): .init(\($0.1.map(literal).joined(separator: ", ")))," }
      lines += last.map { $0 + "," }
      lines[lines.count - 1].removeLast()
      out.line("")
      out.line("/// \(doc)")
      out.line("package static let \(name) = \(type)(")
      out.indent { out in for line in lines { out.line(line) } }
      out.line(")")
    }
    if let items = catalog.items {
      shape(
        "Where this provider's error items put their fields (the catalog's `items`).", "itemShape", "ErrorItemShape",
        [
          ("code", items.code), ("title", items.title), ("message", items.message), ("errorData", items.errorData),
          ("details", items.details), ("subcode", items.subcode), ("transient", items.transient),
          ("userTitle", items.userTitle), ("userMessage", items.userMessage), ("traceID", items.traceID),
          ("href", items.href), ("type", items.type), ("container", items.container), ("wrapper", items.wrapper),
          ("itemMarkers", items.itemMarkers), ("list", items.list),
        ])
    }
    if let answer = catalog.answer {
      shape(
        "Where this provider's send answers put their identifiers (the catalog's `answer`).", "answerShape",
        "AnswerShape",
        [
          ("messages", answer.messages), ("messageID", answer.messageID), ("messageStatus", answer.messageStatus),
          ("contacts", answer.contacts), ("recipient", answer.recipient), ("recipientInput", answer.recipientInput),
        ])
    }
    if let gateway = catalog.gateway {
      shape(
        "Where this provider's gateway puts its own answer (the catalog's `gateway`).", "gatewayShape",
        "GatewayShape",
        [
          ("container", gateway.container), ("code", gateway.code), ("message", gateway.message),
          ("success", gateway.success),
        ])
    }
    if let report = catalog.report {
      out.line("")
      out.line(
        "/// Where this provider's delivery reports put their status, reason and fields (the catalog's `report`).")
      out.line("package static let reportShape = ReportShape(")
      out.indent { out in
        out.line("status: .init(\(report.status.map(literal).joined(separator: ", "))),")
        out.line("reason: .init(\(report.reason.map(literal).joined(separator: ", "))),")
        let fields = fieldLists(references: report.references, parameters: report.parameters)
        if fields.isEmpty {
          out.line("fields: WireShape.Fields()")
        } else {
          out.line("fields: WireShape.Fields(")
          out.indent { out in renderFields(fields, into: &out) }
        }
      }
      out.line(")")
    }
    if let envelope = catalog.envelope, envelope.names != nil || envelope.lists != nil {
      let names = envelope.names ?? [:]
      let lists = envelope.lists ?? [:]
      // One constant per role, so that a rule that reads a role the catalog does not name does not compile.
      func rendered(_ member: [String]) -> String {
        "WireShape.Names(\(member.map(literal).joined(separator: ", ")))"
      }
      out.line("")
      out.line("/// The member names this provider's own rules read (the catalog's `envelope.names`), by role.")
      out.line("package enum EnvelopeNames {")
      out.indent { out in
        // One member's names are built where they are read (a stored constant cost a lazy initialiser
        // each); a list of members is stored, so that reading it allocates nothing.
        for role in (Array(names.keys) + Array(lists.keys)).sorted() {
          if let member = names[role] {
            out.line("package static var \(role): WireShape.Names { \(rendered(member)) }")
          } else if let members = lists[role] {
            out.line("package static let \(role) = [\(members.map(rendered).joined(separator: ", "))]")
          }
        }
      }
      out.line("}")
    }
    if let envelope = catalog.envelope {
      let fields = fieldLists(references: envelope.references, parameters: envelope.parameters)
      if !fields.isEmpty {
        out.line("")
        out.line("/// The identifiers and parameters of this provider's envelope (the catalog's `envelope`).")
        out.line("package static let envelopeFields = WireShape.Fields(")
        out.indent { out in renderFields(fields, into: &out) }
      }
    }
    if let webhook = catalog.webhook {
      shape(
        "Where this provider's status webhooks put their events (the catalog's `webhook`).", "webhookShape",
        "WebhookShape",
        [
          ("statuses", webhook.statuses), ("errors", webhook.errors), ("contacts", webhook.contacts),
          ("entry", webhook.entry), ("changes", webhook.changes), ("value", webhook.value),
          ("messages", webhook.messages), ("status", webhook.status), ("id", webhook.id),
          ("recipient", webhook.recipient), ("timestamp", webhook.timestamp), ("conversation", webhook.conversation),
          ("sender", webhook.sender),
        ],
        last: [
          "items: itemShape", "cloudAPISharedFirst: \(webhook.lookup.cloudAPI.first == "shared")",
          "onPremiseSharedFirst: \(webhook.lookup.onPremise.first == "shared")",
        ])
    }
  }

  /// The Swift name of a table's enum: `Code` is kept for the union when the provider has several tables
  /// or shares another catalog's codes, so a table named `Code` becomes `CodeTable` then.
  static func enumName(_ table: CatalogFile.Table, multi: Bool) -> String {
    multi && table.swiftName == "Code" ? "CodeTable" : table.swiftName
  }

  static func renderTable(
    _ table: CatalogFile.Table, enumName: String, catalog: CatalogFile, provider: String,
    sources: [String: CatalogFile.Source], into out: inout SwiftWriter
  ) {
    out.line("extension \(catalog.module) {")
    out.indent { out in
      out.doc(table.title)
      out.doc("")
      out.doc(table.description)
      out.line("@nonexhaustive")
      out.line("public enum \(enumName): String, CatalogCode, CaseIterable {")
      out.indent { out in
        for (offset, entry) in table.entries.enumerated() {
          if offset > 0 { out.line("") }
          // The summary opens with the code, so that a documentation search for the number finds the case.
          out.paragraphs("Code `\(entry.code)`: " + entry.explanation)
          out.doc("")
          let status = entry.status.map { " with HTTP \($0)" } ?? ""
          out.doc(
            "\(catalog.displayName) code `\(entry.code)`\(status): \u{201C}\(markdownEscaped(entry.message))\u{201D}")
          out.doc("")
          let situation = entry.situation.map { ", situation `\($0)`" } ?? ""
          out.doc("Category `\(entry.category)`, retry `\(entry.retry)`, fault `\(entry.fault)`\(situation).")
          if let outcome = entry.outcome, outcome != "failure" {
            out.doc(
              "An answer with this code is a \(outcome == "success" ? "success" : "`\(outcome)` outcome"), not an error."
            )
          }
          out.doc("")
          out.paragraphs(entry.remedy, firstPrefix: "> Tip: ", continuationPrefix: "> ")
          if catalog.provider == "whatsapp" {
            // Meta's codes come through resellers too: say what a reseller's user matches, through which call.
            out.doc("")
            out.paragraphs(
              "Through 360dialog, `Dialog360.classify(status:headers:body:)` and `Dialog360.classifyWebhook(body:)` "
                + "give `Dialog360.Code.cloudAPI(.\(entry.name))`; through Cequens, `Cequens.classify` and "
                + "`Cequens.classifyWebhook` give `Cequens.Code.cloudAPI(.\(entry.name))`. "
                + "`WhatsApp.Code.\(entry.name) ~= error` matches the error from any of the three.")
          }
          if entry.deprecated == true {
            out.doc("")
            out.doc("- Note: \(catalog.displayName) marks this code as deprecated.")
          }
          out.line("case \(entry.name)")
        }
      }
      out.line("}")
    }
    out.line("}")
    out.line("")
    let qualified = "\(catalog.module).\(enumName)"
    out.line("extension \(qualified) {")
    out.indent { out in
      let layout = CatalogTable.Messages.layout(
        messages: table.entries.map(\.message), patterns: table.entries.map { $0.patterns ?? [] })
      // The documents and the delivery rules the entries share, each written once; an entry gives indexes.
      var sourceTexts: [String] = []
      var deliveryTexts: [String] = []
      func index(_ text: String, in list: inout [String]) -> Int {
        if let found = list.firstIndex(of: text) { return found }
        list.append(text)
        return list.count - 1
      }
      var entryIndexes: [(source: Int, delivery: Int)] = []
      for entry in table.entries {
        let source = sources[entry.source]
        var sourceArguments = ["title: \(literal(source?.title ?? entry.source))"]
        if let url = source?.url { sourceArguments.append("url: \(literal(url))") }
        if let document = source?.document { sourceArguments.append("document: \(literal(document))") }
        // Every entry has a rule: the validation before rendering rejects a catalog where one has none.
        guard let delivery = catalog.deliveryRule(for: entry, table: table.id) else {
          preconditionFailure("\(table.id)/\(entry.name): no delivery rule, which validation rejects")
        }
        entryIndexes.append(
          (
            index("CatalogSource(\(sourceArguments.joined(separator: ", ")))", in: &sourceTexts),
            index("(.\(delivery.fate), \(literal(delivery.reason)))", in: &deliveryTexts)
          ))
      }
      // Each entry is built through the table's maker, which holds what they share; most call its `entry`,
      // which takes only what such an entry has, and the others its `detailedEntry`.
      out.line("/// What the table's entries share: provider, id, the documents they come from and their delivery")
      out.line("/// rules; an entry gives the index of its document and of its rule.")
      out.line("private static let maker = CatalogEntry.Maker(")
      out.indent { out in
        out.line("provider: .\(provider), table: \(literal(table.id)),")
        out.line("sources: [")
        out.indent { out in
          for text in sourceTexts { out.line(text + ",") }
        }
        out.line("],")
        out.line("deliveries: [")
        out.indent { out in
          for text in deliveryTexts { out.line(text + ",") }
        }
        out.line("]")
      }
      out.line(")")
      out.line("")
      out.line("/// The catalog table these codes come from.")
      out.line("public static let table: CatalogTable = CatalogTable(")
      out.indent { out in
        out.line("provider: .\(provider), id: \(literal(table.id)), title: \(literal(table.title)),")
        // The maker is read once, not at each entry.
        out.line("entries: { (maker: CatalogEntry.Maker) -> [CatalogEntry] in")
        out.indent { out in
          out.line("[")
          out.indent { out in
            for (position, entry) in table.entries.enumerated() {
              renderEntry(
                entry, position: position, sourceIndex: entryIndexes[position].source,
                deliveryIndex: entryIndexes[position].delivery,
                wait: catalog.waits?.first { $0.entry == "\(table.id)/\(entry.name)" },
                waitSource: catalog.waits?.first { $0.entry == "\(table.id)/\(entry.name)" }.flatMap {
                  sources[$0.source]
                },
                into: &out)
            }
          }
          out.line("]")
        }
        out.line("}(maker),")
        renderCodeLayout(CatalogTable.CodeLayout.layout(codes: table.entries.map(\.code)), into: &out)
        out.line("capturing: [\(layout.capturing.map(String.init).joined(separator: ", "))],")
        // Each entry's own message key, for the check a code's one entry needs (no message index built).
        var next = 0
        var ownKeys: [String] = []
        for count in layout.keyCounts {
          ownKeys.append(layout.keys[layout.keyIDs[next]])
          next += count
        }
        out.line("messageKeys: [")
        out.indent { out in
          for key in ownKeys { out.line(literal(key) + ",") }
        }
        out.line("],")
        if let wire = table.wire {
          out.line("messages: { messageIndex }, patterns: { patternIndex },")
          func names(_ keys: [String]) -> String { ".init(\(keys.map(literal).joined(separator: ", ")))" }
          var arguments = ["code: \(names(wire.code))", "message: \(names(wire.message))"]
          if let alternate = wire.alternateMessage { arguments.append("alternateMessage: \(names(alternate))") }
          arguments.append("decides: .\(wire.decides)")
          let fields = fieldLists(references: wire.references, parameters: wire.parameters)
          if fields.isEmpty {
            out.line("wire: WireShape(\(arguments.joined(separator: ", ")))")
          } else {
            // The identifiers and parameters beside the code and message, one field a line.
            out.line("wire: WireShape(")
            out.indent { out in
              out.line(arguments.joined(separator: ", ") + ",")
              renderFields(fields, into: &out)
            }
          }
        } else {
          out.line("messages: { messageIndex }, patterns: { patternIndex }")
        }
      }
      out.line(")")
      out.line("")
      out.line("/// The table's message keys and patterns, built on first need (see `CatalogTable.init`); the keys")
      out.line("/// are laid out here, as the generator computed them.")
      out.line("static let messageIndex: CatalogTable.Messages = CatalogTable.Messages(")
      out.indent { out in
        out.line("table.entries,")
        renderLayout(layout, into: &out)
      }
      out.line(")")
      out.line("static let patternIndex: CatalogTable.Patterns = CatalogTable.Patterns(table.entries)")
      out.line("")
      out.line("/// The catalog entry of this code.")
      out.line("public var entry: CatalogEntry { Self.table.entries[position] }")
      out.line("")
      out.line("private var position: Int {")
      out.indent { out in
        out.line("switch self {")
        for (offset, entry) in table.entries.enumerated() { out.line("case .\(entry.name): \(offset)") }
        out.line("}")
      }
      out.line("}")
      out.line("")
      out.line("/// The code of an entry of this table, or `nil` for any other entry.")
      out.line("public init?(entry: CatalogEntry) {")
      out.indent { out in
        // By position, not `init(rawValue:)`, whose first call builds a dictionary of every case name.
        out.line("guard entry.provider == .\(provider), entry.table == \(literal(table.id)) else { return nil }")
        out.line("switch entry.position {")
        for (offset, entry) in table.entries.enumerated() { out.line("case \(offset): self = .\(entry.name)") }
        out.line("default: self.init(rawValue: entry.name)")
        out.line("}")
        out.line("guard Self.table.entries[position].name == entry.name else { return nil }")
      }
      out.line("}")
      let ruled = table.entries.filter { $0.reasonRule != nil }
      if !ruled.isEmpty {
        out.line("")
        out.line("/// How a failure reason reported with this status combines with it (the catalog's `reasonRule`),")
        out.line("/// or `nil` for an entry the catalog gives no rule.")
        out.line("package var reasonRule: ReasonRule? {")
        out.indent { out in
          out.line("switch self {")
          for entry in ruled { out.line("case .\(entry.name): .\(entry.reasonRule!.rule)") }
          if ruled.count < table.entries.count { out.line("default: nil") }
          out.line("}")
        }
        out.line("}")
      }
    }
    out.line("}")
    out.line("")
  }

  /// An array argument `label: [...]`, its values wrapped a dozen to a line.
  static func renderArgument(
    _ label: String, _ values: [String], last: Bool = false, into out: inout SwiftWriter
  ) {
    out.line("\(label): [")
    out.indent { out in
      for start in stride(from: 0, to: values.count, by: 12) {
        out.line(values[start..<min(start + 12, values.count)].joined(separator: ", ") + ",")
      }
    }
    out.line("]" + (last ? "" : ","))
  }

  static func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }

  /// A code layout as a literal.
  static func renderCodeLayout(_ layout: CatalogTable.CodeLayout, into out: inout SwiftWriter) {
    out.line("codes: CatalogTable.CodeLayout(")
    out.indent { out in
      renderArgument("keys", layout.keys.map(literal), into: &out)
      renderArgument("hashes", layout.hashes.map(hex), into: &out)
      renderArgument("integers", layout.integers.map { $0 == .min ? "Int.min" : String($0) }, into: &out)
      renderArgument("groupOfEntry", layout.groupOfEntry.map(String.init), last: true, into: &out)
    }
    out.line("),")
  }

  /// A message-key layout as a literal.
  static func renderLayout(_ layout: CatalogTable.Messages.Layout, into out: inout SwiftWriter) {
    out.line("layout: CatalogTable.Messages.Layout(")
    out.indent { out in
      out.line("keys: [")
      out.indent { out in
        for key in layout.keys { out.line(literal(key) + ",") }
      }
      out.line("],")
      renderArgument("hashes", layout.hashes.map(hex), into: &out)
      renderArgument("keyIDs", layout.keyIDs.map(String.init), into: &out)
      renderArgument("keyCounts", layout.keyCounts.map(String.init), into: &out)
      renderArgument("keyStarts", layout.keyStarts.map(hex), into: &out)
      renderArgument("capturing", layout.capturing.map(String.init), last: true, into: &out)
    }
    out.line(")")
  }

  static func renderEntry(
    _ entry: CatalogFile.Entry, position: Int, sourceIndex: Int, deliveryIndex: Int, wait: CatalogFile.Wait?,
    waitSource: CatalogFile.Source?,
    into out: inout SwiftWriter
  ) {
    // Header pairs, not a dictionary: building a dictionary type at start-up costs a search of every
    // conformance the program has.
    let headers = (entry.sample.headers ?? [:]).sorted { $0.key < $1.key }
      .map { "\(literal($0.key)), \(literal($0.value))" }
    let detailed =
      entry.codeRange != nil || entry.title != nil || wait != nil || entry.deprecated == true
      || entry.variant == true || !headers.isEmpty || (entry.outcome ?? "failure") != "failure"
      || !(entry.patterns ?? []).isEmpty
    out.line(detailed ? "maker.detailedEntry(" : "maker.entry(")
    out.indent { out in
      out.line("name: \(literal(entry.name)), code: \(literal(entry.code)),")
      if detailed { out.line("codeRange: \(entry.codeRange.map { "\($0.from)...\($0.to)" } ?? "nil"),") }
      out.line("status: \(entry.status.map(String.init) ?? "nil"),")
      out.line("message: \(literal(entry.message)),")
      if detailed { out.line("title: \(entry.title.map(literal) ?? "nil"),") }
      if detailed { out.line("patterns: [\((entry.patterns ?? []).map(literal).joined(separator: ", "))],") }
      out.line("explanation: \(literal(entry.explanation)),")
      out.line("remedy: \(literal(entry.remedy)),")
      out.line("category: .\(entry.category), retry: .\(entry.retry), fault: .\(entry.fault),")
      if detailed {
        out.line("situation: \(entry.situation.map { ".\($0)" } ?? "nil"), outcome: .\(entry.outcome ?? "failure"),")
        out.line("isDeprecated: \(entry.deprecated == true), isVariant: \(entry.variant == true),")
      } else {
        out.line("situation: \(entry.situation.map { ".\($0)" } ?? "nil"),")
      }
      let sampleStatus = entry.sample.status.map(String.init) ?? "nil"
      if detailed {
        let headerText = " headerPairs: [\(headers.joined(separator: ", "))],"
        out.line(
          "sample: SampleResponse(kind: .\(entry.sample.kind), status: \(sampleStatus),\(headerText) body: \(literal(entry.sample.body))),"
        )
      } else {
        out.line("sampleKind: .\(entry.sample.kind), sampleStatus: \(sampleStatus),")
        out.line("sampleBody: \(literal(entry.sample.body)),")
      }
      out.line("source: \(sourceIndex), delivery: \(deliveryIndex),")
      if let wait {
        var arguments = ["kind: .\(wait.kind)"]
        if let seconds = wait.seconds { arguments.append("seconds: \(seconds)") }
        if let parameter = wait.parameter { arguments.append("parameter: \(literal(parameter))") }
        arguments.append("source: \(literal(waitSource?.url ?? waitSource?.title ?? wait.source))")
        out.line("wait: CatalogWait(\(arguments.joined(separator: ", "))),")
      } else if detailed {
        out.line("wait: nil,")
      }
      out.line("position: \(position)")
    }
    out.line("),")
  }

  static func renderUnion(_ catalog: CatalogFile, into out: inout SwiftWriter) {
    struct Member {
      var caseName: String
      var type: String
      var doc: String
    }
    var members = catalog.tables.map { table in
      Member(
        caseName: table.id, type: table.swiftName == "Code" ? "CodeTable" : table.swiftName,
        doc:
          "A code of the table \(table.title) (`\(table.id)`)."
      )
    }
    for share in catalog.shares ?? [] {
      members.append(Member(caseName: share.caseName, type: "\(share.module).Code", doc: share.description))
    }
    out.line("extension \(catalog.module) {")
    out.indent { out in
      out.doc("Any code of \(catalog.displayName), whichever table it belongs to.")
      out.doc("")
      out.doc("The same number can mean different things in different tables, so a code always names its table.")
      out.line("@nonexhaustive")
      out.line("public enum Code: CatalogCode, CaseIterable {")
      out.indent { out in
        for (offset, member) in members.enumerated() {
          if offset > 0 { out.line("") }
          out.doc(member.doc)
          out.line("case \(member.caseName)(\(member.type))")
        }
        out.line("")
        out.line("/// Every code of every table.")
        out.line("public static var allCases: [Code] {")
        out.indent { out in
          out.line(members.map { "\($0.type).allCases.map(Code.\($0.caseName))" }.joined(separator: "\n  + "))
        }
        out.line("}")
        out.line("")
        out.line("/// The catalog entry of this code.")
        out.line("public var entry: CatalogEntry {")
        out.indent { out in
          out.line("switch self {")
          for member in members { out.line("case .\(member.caseName)(let code): code.entry") }
          out.line("}")
        }
        out.line("}")
        out.line("")
        out.line("/// The code of an entry of any of these tables, or `nil`.")
        out.line("public init?(entry: CatalogEntry) {")
        out.indent { out in
          for (offset, member) in members.enumerated() {
            let keyword = offset == 0 ? "if" : "} else if"
            out.line("\(keyword) let code = \(member.type)(entry: entry) {")
            out.line("  self = .\(member.caseName)(code)")
          }
          out.line("} else {")
          out.line("  return nil")
          out.line("}")
        }
        out.line("}")
      }
      out.line("}")
    }
    out.line("}")
    out.line("")
  }

  /// `text` with the characters Markdown would read as markup escaped, so a provider message shows verbatim.
  static func markdownEscaped(_ text: String) -> String {
    var out = ""
    var atWordStart = true
    for character in text {
      // `-` and `+` are markup only where a wrapped line could start with them.
      if "\\`*_[]<>#|~".contains(character) || (atWordStart && "-+".contains(character)) { out.append("\\") }
      out.append(character)
      atWordStart = character == " "
    }
    return out
  }

  /// A Swift string literal for `text`.
  static func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\0": out += "\\0"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

/// Builds indented Swift source text.
struct SwiftWriter {
  var text = ""
  var depth = 0

  mutating func line(_ content: String) {
    for piece in content.split(separator: "\n", omittingEmptySubsequences: false) {
      text += piece.isEmpty ? "\n" : String(repeating: "  ", count: depth) + piece + "\n"
    }
  }

  mutating func indent(_ body: (inout SwiftWriter) -> Void) {
    depth += 1
    body(&self)
    depth -= 1
  }

  /// Text that may hold paragraph breaks (blank lines) as `///` paragraphs, each wrapped; the first line
  /// of the first paragraph starts with `firstPrefix`, every other line of the text with
  /// `continuationPrefix`, and blank lines between paragraphs keep `continuationPrefix` (for `> Tip:`).
  mutating func paragraphs(_ content: String, firstPrefix: String = "", continuationPrefix: String = "") {
    let parts = content.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .filter { !$0.isEmpty }
    for (offset, part) in parts.enumerated() {
      if offset > 0 {
        line(continuationPrefix.isEmpty ? "///" : "/// " + continuationPrefix.trimmingCharacters(in: .whitespaces))
      }
      doc(part, firstPrefix: offset == 0 ? firstPrefix : continuationPrefix, continuationPrefix: continuationPrefix)
    }
  }

  /// A `///` comment, wrapped at 110 columns.
  mutating func doc(_ content: String, firstPrefix: String = "", continuationPrefix: String = "") {
    let words = content.split(whereSeparator: { $0 == " " || $0 == "\n" })
    if words.isEmpty {
      line("///")
      return
    }
    let width = 110 - depth * 2 - 4
    var current = firstPrefix
    var isEmpty = true
    for word in words {
      if !isEmpty && current.count + 1 + word.count > width {
        line("/// " + current)
        current = continuationPrefix
        isEmpty = true
      }
      current += isEmpty ? String(word) : " " + word
      isEmpty = false
    }
    if !isEmpty { line("/// " + current) }
  }
}
