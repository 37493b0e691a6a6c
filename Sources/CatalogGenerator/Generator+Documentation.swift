public import Foundation

extension Generator {
  /// The DocC catalog of one provider module, by path relative to the package root: a landing page that
  /// says what the provider sends and where, a page for the provider's namespace that groups its calls, a
  /// page per table grouping its codes by category, and an extension per code with where it arrives and
  /// its sample.
  public static func documentation(_ catalog: CatalogFile, file: String) -> [String: String] {
    let module = catalog.module
    let folder = "Sources/\(module)/\(module).docc"
    let multi = catalog.tables.count > 1 || !(catalog.shares ?? []).isEmpty
    var files: [String: String] = [:]
    files["\(folder)/\(module).md"] = landingPage(catalog, file: file, multi: multi)
    files["\(folder)/\(module)-namespace.md"] = namespacePage(catalog, multi: multi)
    for table in catalog.tables {
      let name = enumName(table, multi: multi)
      files["\(folder)/\(name)/\(name).md"] = tablePage(catalog, table: table, enumName: name)
      for entry in table.entries {
        files["\(folder)/\(name)/\(name)-\(entry.name).md"] = codePage(
          catalog, table: table, enumName: name, entry: entry)
      }
    }
    return files
  }

  /// The category headings, in the vocabulary's order.
  static let categoryTitles: [(id: String, title: String)] = [
    ("authentication", "Authentication"), ("permission", "Permission"), ("rateLimit", "Rate limits"),
    ("quota", "Quotas"), ("billing", "Billing"), ("account", "Account"), ("configuration", "Configuration"),
    ("invalidRequest", "Invalid requests"), ("notFound", "Not found"), ("conflict", "Conflicts"),
    ("conversationWindow", "Conversation window"), ("template", "Templates"), ("recipient", "Recipients"),
    ("policy", "Policy"), ("provider", "Provider-side failures"), ("unknown", "Other codes"),
  ]

  /// A symbol link under the module, spelled from the module down (module and namespace share a name).
  static func link(_ catalog: CatalogFile, _ path: String...) -> String {
    "``\(([catalog.module, catalog.module] + path).joined(separator: "/"))``"
  }

  /// Which kinds of answer the catalog's own tables hold.
  static func kinds(_ catalog: CatalogFile) -> Set<String> {
    Set(catalog.tables.flatMap { $0.entries.map(\.sample.kind) })
  }

  /// The call that classifies an answer of this kind from this table.
  static func call(_ catalog: CatalogFile, table: CatalogFile.Table, kind: String) -> String {
    switch kind {
    case "webhook": return "\(catalog.module).classifyWebhook(body:)"
    case "report": return "\(catalog.module).classifyReport(body:)"
    default:
      // GENIQ's template answers carry Meta's codes in GENIQ's envelope and have a call of their own.
      if catalog.provider == "geniq" && table.id == "template" {
        return "GENIQ.classifyTemplateResponse(status:headers:body:)"
      }
      return "\(catalog.module).classify(status:headers:body:)"
    }
  }

  static func arrival(_ kind: String) -> String {
    switch kind {
    case "webhook": "a status webhook (asynchronous)"
    case "report": "a delivery report (asynchronous)"
    default: "the synchronous answer to an API call"
    }
  }

  /// The landing page's opening example: the calls a user makes, with one of the catalog's own codes. The
  /// tests type-check it as a client would (DocSnippetTests), so it is compiled code.
  static func usageSnippet(_ catalog: CatalogFile, multi: Bool) -> [String] {
    let module = catalog.module
    var lines = ["```swift", "import ErrorCatalog", "import \(module)", ""]
    let responseTables = catalog.tables.filter { table in
      table.entries.contains { $0.sample.kind == "response" }
        && call(catalog, table: table, kind: "response").hasPrefix("\(module).classify(")
    }
    if let table = responseTables.first,
      let entry = table.entries.first(where: { ($0.outcome ?? "failure") == "failure" && $0.sample.kind == "response" })
    {
      let code = "\(module).\(enumName(table, multi: multi)).\(entry.name)"
      lines += [
        "/// One synchronous answer: its status, headers and body, as any HTTP client gives them.",
        "func handle(status: Int, headers: [String: String], body: [UInt8]) {",
        "  switch \(module).classify(status: status, headers: headers, body: body) {",
        "  case .failure(let error) where \(code) ~= error:",
        "    print(error.recoverySuggestion ?? \"\")  // this code's remedy",
        "  case .failure(let error):",
        "    print(error.category, error.retry, error.fault, error.wait?.seconds ?? 0)",
        "  default:",
        "    break  // a success, or a partial or pending outcome",
        "  }",
        "}",
      ]
    }
    let kinds = kinds(catalog).union((catalog.shares ?? []).isEmpty ? [] : ["webhook"])
    if kinds.contains("webhook") {
      lines += [
        "",
        "/// A webhook your endpoint received: one outcome per status or error it reports.",
        "func handleWebhook(body: [UInt8]) {",
        "  for outcome in \(module).classifyWebhook(body: body) {",
        "    guard case .failure(let error) = outcome else { continue }  // delivered, read; sent is .pending",
        "    print(error.references.messageID ?? \"\", error.delivery)  // which message, and whether to resend",
        "  }",
        "}",
      ]
    }
    if kinds.contains("report") {
      lines += [
        "",
        "/// A delivery report: its query string or JSON body.",
        "func handleReport(body: [UInt8]) {",
        "  let outcome = \(module).classifyReport(body: body)",
        "  print(outcome.references.messageID ?? \"\", outcome.progress.map { \"\\($0)\" } ?? \"\")",
        "}",
      ]
    }
    lines += [
      "```",
      "",
      "With `ErrorCatalogFoundation`, `\(module).classify(response, data: data)` takes what `URLSession` returns, and "
        + "`Data` bodies are accepted wherever bytes are.",
    ]
    return lines
  }

  static func landingPage(_ catalog: CatalogFile, file: String, multi: Bool) -> String {
    var out = MarkdownWriter()
    out.line("# ``\(catalog.module)``")
    out.line("")
    out.line("Typed, classified errors of \(catalog.displayName), from Catalogs/\(file).")
    out.line("")
    out.line("## Overview")
    out.line("")
    for line in usageSnippet(catalog, multi: multi) { out.line(line) }
    out.line("")
    out.line(markdownEscaped(catalog.summary))
    out.line("")
    out.line("### Where errors arrive")
    out.line("")
    out.line("| table | Swift type | arrives in | classify with | codes |")
    out.line("| --- | --- | --- | --- | --- |")
    for table in catalog.tables {
      let name = enumName(table, multi: multi)
      let tableKinds = Array(Set(table.entries.map(\.sample.kind))).sorted()
      let arrives = tableKinds.map(arrival).joined(separator: "; ")
      let calls = tableKinds.map { "`\(call(catalog, table: table, kind: $0))`" }.joined(separator: ", ")
      out.line("| `\(table.id)` | \(link(catalog, name)) | \(arrives) | \(calls) | \(table.entries.count) |")
    }
    for share in catalog.shares ?? [] {
      let calls = ["response", "webhook"].filter(kinds(catalog).contains).map {
        "`\(call(catalog, table: catalog.tables[0], kind: $0))`"
      }
      out.line(
        "| `\(share.caseName)` | `\(share.module).Code` | passed through: \(markdownEscaped(share.description)) | \(calls.joined(separator: ", ")) | see `\(share.module)` |"
      )
    }
    out.line("")
    for table in catalog.tables {
      out.line("**\(markdownEscaped(table.title)).** \(markdownEscaped(table.description))")
      out.line("")
    }
    if multi {
      out.line(
        "A code always names its table: \(link(catalog, "Code")) has one case per table (\((catalog.tables.map { "`.\($0.id)`" } + (catalog.shares ?? []).map { "`.\($0.caseName)`" }).joined(separator: ", "))), so the same number in two tables is never confused."
      )
      out.line("")
    }
    out.line(
      "Every error carries its catalog entry: the message verbatim, an explanation, a remedy, a sample wire answer and a classification (category, retry, fault). An answer no entry matches comes back unrecognized, classified from its HTTP status, with the body kept."
    )
    out.line("")
    out.line("### Every code")
    for table in catalog.tables {
      let name = enumName(table, multi: multi)
      out.line("")
      out.line("#### \(markdownEscaped(table.title))")
      out.line("")
      out.line("| code | HTTP | case | message |")
      out.line("| --- | --- | --- | --- |")
      for entry in table.entries {
        let status = entry.status.map(String.init) ?? "-"
        out.line(
          "| `\(entry.code)` | \(status) | \(link(catalog, name, entry.name)) | \(tableCell(entry.message)) |")
      }
    }
    out.line("")
    out.line("## Topics")
    out.line("")
    out.line("### Classifying answers")
    out.line("")
    out.line("- \(link(catalog))")
    return out.text
  }

  static func namespacePage(_ catalog: CatalogFile, multi: Bool) -> String {
    var out = MarkdownWriter()
    out.line("# " + link(catalog))
    out.line("")
    out.line("## Topics")
    out.line("")
    out.line("### Classifying synchronous answers")
    out.line("")
    for overload in headerBodyOverloads {
      out.line("- \(link(catalog, "classify(status:headers:body:)-\(overload)"))")
    }
    out.line("- \(link(catalog, "classify(status:headers:body:now:)"))")
    let kinds = kinds(catalog)
    if kinds.contains("webhook") {
      out.line("")
      out.line("### Classifying webhooks")
      out.line("")
      out.line("- \(link(catalog, "classifyWebhook(body:)-([UInt8])"))")
      out.line("- \(link(catalog, "classifyWebhook(body:)-(String)"))")
    }
    if kinds.contains("report") {
      out.line("")
      out.line("### Classifying delivery reports")
      out.line("")
      out.line("- \(link(catalog, "classifyReport(body:)-([UInt8])"))")
      out.line("- \(link(catalog, "classifyReport(body:)-(String)"))")
    }
    if catalog.provider == "geniq" {
      out.line("")
      out.line("### Classifying template management answers")
      out.line("")
      for overload in headerBodyOverloads {
        out.line("- \(link(catalog, "classifyTemplateResponse(status:headers:body:)-\(overload)"))")
      }
    }
    out.line("")
    out.line("### Codes and errors")
    out.line("")
    out.line("- \(link(catalog, "Error"))")
    if multi { out.line("- \(link(catalog, "Code"))") }
    for table in catalog.tables { out.line("- \(link(catalog, enumName(table, multi: multi)))") }
    out.line("")
    out.line("### Looking codes up")
    out.line("")
    out.line("- \(link(catalog, "lookup(_:)"))")
    out.line("- \(link(catalog, "tables"))")
    return out.text
  }

  /// DocC's disambiguations of the `(status:headers:body:)` overloads: headers as a dictionary or as
  /// name/value pairs, body as bytes or text.
  static let headerBodyOverloads = [
    "(_,[String:String],[UInt8])", "(_,[String:String],String)", "(_,Sequence<(String,String)>,[UInt8])",
    "(_,Sequence<(String,String)>,String)",
  ]

  static func tablePage(_ catalog: CatalogFile, table: CatalogFile.Table, enumName: String) -> String {
    var out = MarkdownWriter()
    out.line("# " + link(catalog, enumName))
    out.line("")
    out.line("## Topics")
    for (category, title) in categoryTitles {
      let entries = table.entries.filter { $0.category == category }
      guard !entries.isEmpty else { continue }
      out.line("")
      out.line("### \(title)")
      out.line("")
      for entry in entries { out.line("- \(link(catalog, enumName, entry.name))") }
    }
    return out.text
  }

  static func codePage(
    _ catalog: CatalogFile, table: CatalogFile.Table, enumName: String, entry: CatalogFile.Entry
  ) -> String {
    var out = MarkdownWriter()
    out.line("# " + link(catalog, enumName, entry.name))
    out.line("")
    out.line("## Where it arrives")
    out.line("")
    let kind = entry.sample.kind
    out.line(
      "In \(arrival(kind)), in the table \(markdownEscaped(table.title)) (`\(table.id)`); `\(call(catalog, table: table, kind: kind))` classifies it."
    )
    out.line("")
    if catalog.provider == "whatsapp" {
      // A 360dialog or Cequens user reaches Meta's codes through their provider's calls, with their own types.
      let reseller = kind == "webhook" ? "classifyWebhook(body:)" : "classify(status:headers:body:)"
      out.line(
        "Through 360dialog, `Dialog360.\(reseller)` gives `Dialog360.Code.cloudAPI(.\(entry.name))`; through Cequens, "
          + "`Cequens.\(reseller)` gives `Cequens.Code.cloudAPI(.\(entry.name))`.")
      out.line("")
    }
    out.line("## Resending")
    out.line("")
    if let rule = catalog.deliveryRule(for: entry, table: table.id) {
      out.line("Delivery `\(rule.fate)`: \(markdownEscaped(rule.reason))")
      out.line("")
    }
    if let wait = catalog.waits?.first(where: { $0.entry == "\(table.id)/\(entry.name)" }) {
      let figure = wait.seconds.map { "\($0) seconds" } ?? "the seconds the message states (`\(wait.parameter ?? "")`)"
      let what = wait.kind == "window" ? "a window of \(figure)" : "at least \(figure)"
      out.line("Documented wait: \(what). \(markdownEscaped(wait.reason))")
      out.line("")
    }
    out.line("## Sample")
    out.line("")
    var head = entry.sample.status.map { "HTTP \($0)" } ?? "No HTTP status (\(kind))"
    let headers = (entry.sample.headers ?? [:]).sorted { $0.key < $1.key }
    if !headers.isEmpty { head += ", with " + headers.map { "`\($0.key): \($0.value)`" }.joined(separator: ", ") }
    out.line(head + ":")
    out.line("")
    let body = entry.sample.body
    let isJSON = body.first == "{" || body.first == "["
    let fence = body.contains("```") ? "~~~" : "```"
    out.line(fence + (isJSON ? "json" : "text"))
    out.line(isJSON ? indentedJSON(body) : body)
    out.line(fence)
    return out.text
  }

  /// JSON laid out two spaces a level, members in the order the provider sent them (a dictionary-based
  /// pretty-printer would reorder them); strings are copied as they are.
  package static func indentedJSON(_ text: String) -> String {
    var out = ""
    var depth = 0
    var inString = false
    var escaped = false
    var characters = Array(text)[...]
    func newline() { out += "\n" + String(repeating: "  ", count: depth) }
    while let character = characters.popFirst() {
      if inString {
        out.append(character)
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          inString = false
        }
        continue
      }
      switch character {
      case "\"":
        inString = true
        out.append(character)
      case "{", "[":
        // An empty object or array stays on one line.
        if let next = characters.first(where: { !$0.isWhitespace }), next == "}" || next == "]" {
          out.append(character)
          continue
        }
        out.append(character)
        depth += 1
        newline()
      case "}", "]":
        if let last = out.last(where: { !$0.isWhitespace }), last == "{" || last == "[" {
          out.append(character)
          continue
        }
        depth = max(0, depth - 1)
        newline()
        out.append(character)
      case ",":
        out.append(character)
        newline()
      case ":":
        out += ": "
      case " ", "\n", "\t", "\r":
        continue
      default:
        out.append(character)
      }
    }
    return out
  }

  /// Text for a Markdown table cell: escaped, with `|` kept out of the cell syntax.
  static func tableCell(_ text: String) -> String {
    markdownEscaped(text).replacingOccurrences(of: "\n", with: " ")
  }
}

/// Builds Markdown text line by line.
struct MarkdownWriter {
  var text = ""

  mutating func line(_ content: String) {
    text += content + "\n"
  }
}

extension Generator {
  /// The files under `root` in the generated DocC catalogs that `generated` no longer holds (pages of codes
  /// that were renamed or removed), by path relative to `root`.
  public static func staleDocumentation(in root: URL, generated: [String: String]) -> [String] {
    let folders = Set(
      generated.keys.compactMap { path -> String? in
        guard let range = path.range(of: ".docc/") else { return nil }
        return String(path[..<range.lowerBound]) + ".docc"
      })
    var stale: [String] = []
    for folder in folders.sorted() {
      let base = root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
      while let relative = walker.nextObject() as? String {
        let path = "\(folder)/\(relative)"
        if relative.hasSuffix(".md"), generated[path] == nil { stale.append(path) }
      }
    }
    return stale.sorted()
  }
}
