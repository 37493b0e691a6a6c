import ErrorCatalog

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The `errcat` command: classify, explain and list provider errors from a terminal.
public enum Errcat {
  /// What a run printed and how it ended.
  public struct Output: Sendable, Equatable {
    /// 0 when the command ran (whatever the classification), 2 for bad usage, 1 when a file can't be read.
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
  }

  static let usage = """
    usage: errcat classify PROVIDER [--status N] [--header 'Name: value']... [--kind response|webhook|report|template]
                                    [--body TEXT | --body-file PATH | body on standard input] [--json]
           errcat explain PROVIDER CODE-OR-MESSAGE [--json]
           errcat list [PROVIDER] [--json]
    providers: wolkvox, 360dialog, cequens, yeastar, geniq, whatsapp
    kinds: response (default), webhook (status callbacks), report (GENIQ delivery reports),
           template (GENIQ template management answers, whose codes are Meta's)
    """

  struct UsageError: Error {
    var message: String
  }

  /// Runs errcat with `arguments` (without the program name). `standardInput` is read only when
  /// `classify` is given no body.
  public static func run(arguments: [String], standardInput: () -> [UInt8] = { [] }) -> Output {
    do {
      guard let command = arguments.first else { throw UsageError(message: "missing command") }
      let rest = Array(arguments.dropFirst())
      switch command {
      case "classify": return try classify(rest, standardInput: standardInput)
      case "explain": return try explain(rest)
      case "list": return try list(rest)
      case "help", "--help", "-h": return Output(status: 0, standardOutput: usage + "\n", standardError: "")
      default: throw UsageError(message: "unknown command '\(command)'")
      }
    } catch let error as UsageError {
      return Output(status: 2, standardOutput: "", standardError: "errcat: \(error.message) (see errcat --help)\n")
    } catch {
      return Output(status: 1, standardOutput: "", standardError: "errcat: \(error)\n")
    }
  }

  static func provider(_ name: String?) throws -> ProviderAdapter {
    guard let name else { throw UsageError(message: "missing PROVIDER") }
    guard let adapter = ProviderAdapter.named(name) else {
      let known = ProviderAdapter.all.map(\.id.rawValue).joined(separator: ", ")
      throw UsageError(message: "unknown provider '\(name)' (known: \(known))")
    }
    return adapter
  }

  // MARK: classify

  static func classify(_ arguments: [String], standardInput: () -> [UInt8]) throws -> Output {
    var positional: [String] = []
    var status: Int?
    var headers: [String: String] = [:]
    var kind = ProviderAdapter.BodyKind.response
    var body: [UInt8]?
    var json = false
    var index = 0
    func value(_ option: String) throws -> String {
      index += 1
      guard index < arguments.count else { throw UsageError(message: "\(option) needs a value") }
      return arguments[index]
    }
    while index < arguments.count {
      let argument = arguments[index]
      switch argument {
      case "--status":
        let text = try value(argument)
        guard let number = Int(text), (100...599).contains(number) else {
          throw UsageError(message: "--status needs an HTTP status between 100 and 599, not '\(text)'")
        }
        status = number
      case "--header":
        let text = try value(argument)
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else {
          throw UsageError(message: "--header needs 'Name: value'")
        }
        headers[trimmed(text[..<colon])] = trimmed(text[text.index(after: colon)...])
      case "--kind":
        let text = try value(argument)
        guard let parsed = ProviderAdapter.BodyKind(rawValue: text) else {
          throw UsageError(message: "--kind must be response, webhook, report or template, not '\(text)'")
        }
        kind = parsed
      case "--body":
        guard body == nil else { throw UsageError(message: "give the body once") }
        body = Array(try value(argument).utf8)
      case "--body-file":
        guard body == nil else { throw UsageError(message: "give the body once") }
        let path = try value(argument)
        guard let data = FileManager.default.contents(atPath: path) else {
          throw UsageError(message: "cannot read --body-file '\(path)'")
        }
        body = [UInt8](data)
      case "--json": json = true
      default:
        if argument.hasPrefix("--") { throw UsageError(message: "unknown option '\(argument)'") }
        positional.append(argument)
      }
      index += 1
    }
    guard positional.count <= 1 else { throw UsageError(message: "classify takes one PROVIDER") }
    let adapter = try provider(positional.first)
    guard adapter.kinds.contains(kind) else {
      let kinds = adapter.kinds.map(\.rawValue).joined(separator: ", ")
      throw UsageError(message: "\(adapter.id.rawValue) has no \(kind.rawValue) bodies (it has: \(kinds))")
    }
    let result = adapter.classify(kind, status, headers, body ?? standardInput())
    if json {
      return Output(status: 0, standardOutput: try JSONOutput.encoding(result.encodable) + "\n", standardError: "")
    }
    var lines = ["outcome: \(result.outcome.rawValue)"]
    for (name, value) in result.references.values.sorted(by: { $0.key < $1.key }) {
      lines.append("reference \(name): \(Redaction.redacted(value, key: name))")
    }
    for (offset, error) in result.errors.enumerated() {
      lines.append("")
      lines.append(contentsOf: errorText(error, number: offset + 1, of: result.errors.count))
    }
    return Output(status: 0, standardOutput: lines.joined(separator: "\n") + "\n", standardError: "")
  }

  static func errorText(_ error: any ProviderError, number: Int, of count: Int) -> [String] {
    var lines: [String] = []
    let heading = count > 1 ? "error \(number) of \(count)" : "error"
    let status = error.status.map { ", HTTP \($0)" } ?? ""
    if let entry = error.entry {
      lines.append("\(heading): \(entry.provider.rawValue) \(entry.table)/\(entry.name), code \(entry.code)\(status)")
      lines.append("  message:     \(entry.message)")
    } else {
      let code = error.rawCode.map { ", code \(Redaction.redacted($0))" } ?? ""
      lines.append("\(heading): unrecognized \(error.kind.rawValue)\(code)\(status)")
      lines.append("  body:        \(error.body.shape.rawValue), \(error.body.totalCount) bytes")
    }
    lines.append(
      "  category:    \(error.category.rawValue)   retry: \(error.retry.rawValue)   fault: \(error.fault.rawValue)")
    if let situation = error.situation { lines.append("  situation:   \(situation.rawValue)") }
    if let seconds = error.retryAfterSeconds { lines.append("  retry after: \(seconds) s") }
    for (name, value) in error.parameters.sorted(by: { $0.key < $1.key }) {
      lines.append("  \(name): \(Redaction.redacted(value, key: name))")
    }
    if let explanation = error.entry?.explanation { lines.append("  explanation: \(explanation)") }
    if let remedy = error.recoverySuggestion { lines.append("  remedy:      \(remedy)") }
    return lines
  }

  static func trimmed(_ text: Substring) -> String {
    String(text.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
  }

  // MARK: explain and list

  static func explain(_ arguments: [String]) throws -> Output {
    let json = arguments.contains("--json")
    let positional = arguments.filter { $0 != "--json" }
    if let option = positional.first(where: { $0.hasPrefix("--") }) {
      throw UsageError(message: "unknown option '\(option)'")
    }
    guard positional.count >= 2 else { throw UsageError(message: "explain needs PROVIDER and CODE-OR-MESSAGE") }
    let adapter = try provider(positional[0])
    let query = positional.dropFirst().joined(separator: " ")
    let found = adapter.lookup(query)
    guard !found.isEmpty else {
      if json { return Output(status: 0, standardOutput: "{\"entries\": []}\n", standardError: "") }
      return Output(
        status: 0, standardOutput: "no \(adapter.id.rawValue) code or message matches '\(query)'\n", standardError: "")
    }
    return try entriesOutput(found, json: json)
  }

  static func list(_ arguments: [String]) throws -> Output {
    let json = arguments.contains("--json")
    let positional = arguments.filter { $0 != "--json" }
    if let option = positional.first(where: { $0.hasPrefix("--") }) {
      throw UsageError(message: "unknown option '\(option)'")
    }
    guard positional.count <= 1 else { throw UsageError(message: "list takes at most one PROVIDER") }
    let adapters = try positional.first.map { [try provider($0)] } ?? ProviderAdapter.all
    let entries = adapters.flatMap { $0.ownTables.flatMap(\.entries) }
    if json { return try entriesOutput(entries.map { CatalogMatch(entry: $0) }, json: true) }
    let lines = entries.map { entry in
      let status = entry.status.map(String.init) ?? "-"
      return [
        entry.provider.rawValue, entry.table, entry.code, status, entry.name,
        "\(entry.category.rawValue)/\(entry.retry.rawValue)/\(entry.fault.rawValue)", entry.message,
      ].joined(separator: "\t")
    }
    return Output(status: 0, standardOutput: lines.joined(separator: "\n") + "\n", standardError: "")
  }

  static func entriesOutput(_ entries: [CatalogMatch], json: Bool) throws -> Output {
    if json {
      return Output(
        status: 0, standardOutput: try JSONOutput.encoding(["entries": entries]) + "\n", standardError: "")
    }
    var lines: [String] = []
    for match in entries {
      let entry = match.entry
      let parameters = match.parameters
      if !lines.isEmpty { lines.append("") }
      let status = entry.status.map { ", HTTP \($0)" } ?? ""
      lines.append("\(entry.provider.rawValue) \(entry.table)/\(entry.name), code \(entry.code)\(status)")
      lines.append("  message:     \(entry.message)")
      lines.append(
        "  category:    \(entry.category.rawValue)   retry: \(entry.retry.rawValue)   fault: \(entry.fault.rawValue)")
      if let situation = entry.situation { lines.append("  situation:   \(situation.rawValue)") }
      for (name, value) in parameters.sorted(by: { $0.key < $1.key }) { lines.append("  \(name): \(value)") }
      lines.append("  explanation: \(entry.explanation)")
      lines.append("  remedy:      \(entry.remedy)")
      if entry.isDeprecated { lines.append("  deprecated by the provider") }
    }
    return Output(status: 0, standardOutput: lines.joined(separator: "\n") + "\n", standardError: "")
  }
}
