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
    /// 0 when the command ran (whatever the classification), 1 when `explain` finds nothing or the input
    /// cannot be read, 2 for bad usage. (A failed write of this output exits 1 as well: see `OutputWriter`.)
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
  }

  static let usage = """
    usage: errcat classify PROVIDER [--status N] [--header 'Name: value']... [--kind response|webhook|report|template]
                                    [--body TEXT | --body-file PATH | body on standard input] [--json] [--reveal]
           errcat explain PROVIDER CODE-OR-MESSAGE [--json] [--reveal]
           errcat list [PROVIDER] [--json]
           errcat COMMAND --help
    providers: \(ProviderAdapter.all.map(\.id.rawValue).joined(separator: ", "))
               (also dialog360, d360, meta, wa, whatsapp-cloud, yeastar-p; any case)
    kinds: response (default), webhook (status callbacks), report (GENIQ delivery reports),
           template (GENIQ template management answers, whose codes are Meta's)
    exit status: 0 classified, explained or listed; 1 no match, unreadable input or failed output; 2 bad usage
    """

  static let classifyUsage = """
    usage: errcat classify PROVIDER [options] [< body]
    Classifies one answer from PROVIDER and prints what went wrong, whose side must act and whether to retry.
      --status N             the HTTP status (100-599)
      --header 'Name: value' a response header, e.g. 'Retry-After: 30' (repeatable)
      --kind KIND            response (default), webhook, report or template
      --body TEXT            the body; else --body-file PATH (any readable file: /dev/stdin, a FIFO,
                             <(...); '-' is standard input); else standard input
      --json                 print the JSON contract instead of text
      --reveal               print tokens, credentials and phone numbers unmasked
    The input may be a raw HTTP response (curl -i, curl -iL): a leading status line such as
    'HTTP/1.1 429 Too Many Requests' gives the status and the headers (the last response after redirects
    or '100 Continue'); --status and --header given as well win. At most 1 MiB of the body is read; the rest
    is counted.
    exit status: 0 classified (whatever the outcome); 1 the input cannot be read or the output written; 2 bad usage
    """

  static let explainUsage = """
    usage: errcat explain PROVIDER CODE-OR-MESSAGE [--json] [--reveal]
    Looks a wire code or a provider message up in every table of PROVIDER's catalog.
      --json     print {"entries": [...]}
      --reveal   print values captured from the message unmasked
    exit status: 0 found; 1 nothing matches; 2 bad usage
    """

  static let listUsage = """
    usage: errcat list [PROVIDER] [--json]
    Lists every catalog entry (of one provider, or all), one per line after a header line, separated by tabs.
      --json   print {"entries": [...]}
    exit status: 0 listed; 1 the output cannot be written; 2 bad usage
    """

  struct UsageError: Error {
    var message: String
  }

  /// Runs errcat with `arguments` (without the program name). `standardInput` is read only when
  /// `classify` is given no body; `--body-file` paths are read from the file system.
  public static func run(arguments: [String], standardInput: () -> [UInt8] = { [] }) -> Output {
    run(arguments: arguments) { source in
      switch source {
      case .standardInput: BoundedInput(standardInput())
      case .file(let path): try InputReader.read(path: path)
      }
    }
  }

  /// Runs errcat with `arguments` (without the program name), reading a body, when `classify` needs one,
  /// from `input`: the real tool passes ``InputReader/system(_:)``; tests pass anything, including a
  /// closure that throws an ``InputError`` (which ends the run with status 1 and its one line).
  public static func run(arguments: [String], input: (InputSource) throws -> BoundedInput) -> Output {
    // The reader travels in a struct, so that the commands are compiled once for every caller, not once per
    // closure given here (the tool's reader and the tests' convenience made two copies of `classify`).
    withoutActuallyEscaping(input) { input in run(arguments: arguments, reader: BodyReader(read: input)) }
  }

  /// How `classify` reads a body it was not given on the command line.
  struct BodyReader {
    let read: (InputSource) throws -> BoundedInput
  }

  private static func run(arguments: [String], reader input: BodyReader) -> Output {
    do {
      guard let command = arguments.first else { throw UsageError(message: "missing command") }
      let rest = Array(arguments.dropFirst())
      switch command {
      case "classify": return try classify(rest, input: input)
      case "explain": return try explain(rest)
      case "list": return try list(rest)
      case "help", "--help", "-h":
        let help = [
          "classify": classifyUsage, "explain": explainUsage, "list": listUsage,
        ][rest.first ?? "", default: usage]
        return Output(status: 0, standardOutput: help + "\n", standardError: "")
      default: throw UsageError(message: "unknown command '\(TextEscaping.escaped(command))'")
      }
    } catch let error as UsageError {
      return Output(status: 2, standardOutput: "", standardError: "errcat: \(error.message) (see errcat --help)\n")
    } catch let error as InputError {
      return Output(status: 1, standardOutput: "", standardError: "errcat: \(error.message)\n")
    } catch {
      return Output(status: 1, standardOutput: "", standardError: "errcat: \(error)\n")
    }
  }

  static func help(_ text: String) -> Output {
    Output(status: 0, standardOutput: text + "\n", standardError: "")
  }

  static func provider(_ name: String?) throws -> ProviderAdapter {
    guard let name else { throw UsageError(message: "missing PROVIDER") }
    guard let canonical = ProviderNames.canonical(name), let adapter = ProviderAdapter.named(canonical) else {
      let known = ProviderAdapter.all.map(\.id.rawValue).joined(separator: ", ")
      let suggestion = ProviderNames.suggestion(for: name).map { "; did you mean '\($0)'?" } ?? ""
      throw UsageError(message: "unknown provider '\(TextEscaping.escaped(name))'\(suggestion) (known: \(known))")
    }
    return adapter
  }

  // MARK: classify

  static func classify(_ arguments: [String], input: BodyReader) throws -> Output {
    var positional: [String] = []
    var status: Int?
    var headers: [String: String] = [:]
    var kind = ProviderAdapter.BodyKind.response
    var body: [UInt8]?
    var bodySource = InputSource.standardInput
    var bodyGiven = false
    var json = false
    var reveal = false
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
        let name = trimmed(text[..<colon])
        for key in headers.keys where key.lowercased() == name.lowercased() { headers[key] = nil }
        headers[name] = trimmed(text[text.index(after: colon)...])
      case "--kind":
        let text = try value(argument)
        guard let parsed = ProviderAdapter.BodyKind(rawValue: text) else {
          throw UsageError(message: "--kind must be response, webhook, report or template, not '\(text)'")
        }
        kind = parsed
      case "--body":
        guard !bodyGiven else { throw UsageError(message: "give the body once") }
        body = Array(try value(argument).utf8)
        bodyGiven = true
      case "--body-file":
        guard !bodyGiven else { throw UsageError(message: "give the body once") }
        let path = try value(argument)
        bodySource = path == "-" ? .standardInput : .file(path)
        bodyGiven = true
      case "--json": json = true
      case "--reveal": reveal = true
      case "--help", "-h": return help(classifyUsage)
      default:
        if argument.hasPrefix("-"), argument != "-" {
          throw UsageError(message: "unknown option '\(TextEscaping.escaped(argument))'")
        }
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
    let request = ClassifyInput(
      try body.map { BoundedInput($0) } ?? input.read(bodySource), status: status, headers: headers)
    let result = adapter.classify(kind, request.status, request.headers, request.body)
    if json {
      var object = try JSONOutput.encoded(result.encodable)
      object = request.addingInputMember(to: object)
      if !reveal { object = Redaction.redacted(object) }
      return Output(status: 0, standardOutput: object.rendered(indent: 2) + "\n", standardError: "")
    }
    var lines = ["outcome: \(result.outcome.rawValue)"]
    lines.append(contentsOf: request.textLines)
    let references = reveal ? result.references.values : Redaction.redacted(parameters: result.references.values)
    for (name, value) in references.sorted(by: { $0.key < $1.key }) {
      lines.append("reference \(TextEscaping.escaped(name)): \(TextEscaping.escaped(value))")
    }
    for (offset, error) in result.errors.enumerated() {
      lines.append("")
      lines.append(
        contentsOf: errorText(
          error, number: offset + 1, of: result.errors.count, reveal: reveal, bodyCount: request.bodyCount))
    }
    return Output(status: 0, standardOutput: lines.joined(separator: "\n") + "\n", standardError: "")
  }

  static func errorText(
    _ error: any ProviderError, number: Int, of count: Int, reveal: Bool = false, bodyCount: Int? = nil
  ) -> [String] {
    var lines: [String] = []
    let heading = count > 1 ? "error \(number) of \(count)" : "error"
    let status = error.status.map { ", HTTP \($0)" } ?? ""
    if let entry = error.entry {
      let code = error.reportedCode ?? entry.code
      lines.append("\(heading): \(entry.provider.rawValue) \(entry.table)/\(entry.name), code \(code)\(status)")
      lines.append("  message:     \(entry.message)")
    } else {
      let code =
        error.rawCode.map { ", code \(TextEscaping.escaped(reveal ? $0 : Redaction.redacted($0, name: "code")))" } ?? ""
      lines.append("\(heading): unrecognized \(error.kind.rawValue)\(code)\(status)")
      // A body over the limit reached the classifier cut short: say how long it really was.
      let total = error.body.isTruncated ? max(bodyCount ?? 0, error.body.totalCount) : error.body.totalCount
      let over = total > ResponseBody.storedLimit
      let read = over ? " (the first \(ResponseBody.storedLimit) kept, none of it parsed)" : ""
      lines.append("  body:        \(error.knownBodyShape.rawValue), \(total) bytes\(read)")
      if over, error.kind == .webhook {
        lines.append("  events:      not read: the webhook is over the \(ResponseBody.storedLimit)-byte limit")
      }
    }
    lines.append(
      "  category:    \(error.category.rawValue)   retry: \(error.retry.rawValue)   fault: \(error.fault.rawValue)")
    if let situation = error.situation { lines.append("  situation:   \(situation.rawValue)") }
    if let seconds = error.retryAfterSeconds { lines.append("  retry after: \(seconds) s") }
    if let wait = error.wait {
      lines.append(
        "  wait:        \(wait.seconds) s, \(wait.kind.rawValue), from \(wait.source.rawValue) (\(wait.origin))")
    }
    lines.append("  delivery:    \(error.delivery.rawValue): \(error.deliveryReason)")
    let parameters = reveal ? error.parameters : Redaction.redacted(parameters: error.parameters)
    for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
      lines.append("  \(TextEscaping.escaped(name)): \(TextEscaping.escaped(value))")
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
    if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) { return help(explainUsage) }
    let json = arguments.contains("--json")
    let reveal = arguments.contains("--reveal")
    let positional = arguments.filter { $0 != "--json" && $0 != "--reveal" }
    if let option = positional.first(where: { $0.hasPrefix("--") }) {
      throw UsageError(message: "unknown option '\(TextEscaping.escaped(option))'")
    }
    guard positional.count >= 2 else { throw UsageError(message: "explain needs PROVIDER and CODE-OR-MESSAGE") }
    let adapter = try provider(positional[0])
    let query = positional.dropFirst().joined(separator: " ")
    let found = adapter.lookup(query)
    guard !found.isEmpty else {
      if json { return Output(status: 1, standardOutput: "{\"entries\": []}\n", standardError: "") }
      let shown = TextEscaping.escaped(reveal ? query : Redaction.redactedText(query))
      return Output(
        status: 1, standardOutput: "no \(adapter.id.rawValue) code or message matches '\(shown)'\n", standardError: "")
    }
    return try entriesOutput(found, json: json, reveal: reveal)
  }

  static func list(_ arguments: [String]) throws -> Output {
    if arguments.contains(where: { $0 == "--help" || $0 == "-h" }) { return help(listUsage) }
    let json = arguments.contains("--json")
    let positional = arguments.filter { $0 != "--json" }
    if let option = positional.first(where: { $0.hasPrefix("--") }) {
      throw UsageError(message: "unknown option '\(option)'")
    }
    if let option = positional.first(where: { $0.hasPrefix("-") }) {
      throw UsageError(message: "unknown option '\(TextEscaping.escaped(option))'")
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
      ].map(TextEscaping.escaped).joined(separator: "\t")
    }
    let header = ["provider", "table", "code", "status", "name", "category/retry/fault", "message"]
      .joined(separator: "\t")
    return Output(status: 0, standardOutput: ([header] + lines).joined(separator: "\n") + "\n", standardError: "")
  }

  static func entriesOutput(_ entries: [CatalogMatch], json: Bool, reveal: Bool = true) throws -> Output {
    if json {
      var object = try JSONOutput.encoded(["entries": entries])
      if !reveal { object = Redaction.redacted(object) }
      return Output(status: 0, standardOutput: object.rendered(indent: 2) + "\n", standardError: "")
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
      let shown = reveal ? parameters : Redaction.redacted(parameters: parameters)
      for (name, value) in shown.sorted(by: { $0.key < $1.key }) {
        lines.append("  \(TextEscaping.escaped(name)): \(TextEscaping.escaped(value))")
      }
      lines.append("  explanation: \(entry.explanation)")
      lines.append("  remedy:      \(entry.remedy)")
      if entry.isDeprecated { lines.append("  deprecated by the provider") }
    }
    return Output(status: 0, standardOutput: lines.joined(separator: "\n") + "\n", standardError: "")
  }
}

/// The names `errcat` accepts for a provider: the canonical ones, the Swift module names and common
/// spellings, in any case and with or without `-`, `_`, `.` or spaces.
enum ProviderNames {
  /// Other spellings, by their folded form (lower case, separators removed), and the provider they name.
  static let aliases: [String: String] = [
    "dialog360": "360dialog", "d360": "360dialog", "three60dialog": "360dialog", "360dialogcloud": "360dialog",
    "meta": "whatsapp", "wa": "whatsapp", "whatsappcloud": "whatsapp", "whatsappcloudapi": "whatsapp",
    "whatsappbusiness": "whatsapp", "cloudapi": "whatsapp", "metacloudapi": "whatsapp",
    "yeastarp": "yeastar", "yeastarpseries": "yeastar", "pbx": "yeastar",
    "geniqsms": "geniq",
    "wolkvoxapi": "wolkvox",
    "cequenssms": "cequens",
  ]

  static var canonicalNames: [String] { ProviderAdapter.all.map(\.id.rawValue) }

  /// Lower case without separators: `WhatsApp-Cloud` gives `whatsappcloud`.
  static func folded(_ name: String) -> String {
    String(name.lowercased().filter { !["-", "_", ".", " "].contains($0) })
  }

  /// The canonical name `name` stands for, or `nil`.
  static func canonical(_ name: String) -> String? {
    let key = folded(name)
    if let exact = canonicalNames.first(where: { folded($0) == key }) { return exact }
    return aliases[key]
  }

  /// The provider a near miss was probably meant to name: the canonical name or alias nearest by edit
  /// distance (insertions, deletions, substitutions and swaps of neighbours), within 1 edit for names up to 4
  /// characters and 2 for longer ones.
  static func suggestion(for name: String) -> String? {
    let key = folded(name)
    guard !key.isEmpty else { return nil }
    let limit = key.count <= 4 ? 1 : 2
    let candidates = canonicalNames.map { (folded($0), $0) } + aliases.map { ($0.key, $0.value) }
    let scored = candidates.map { (distance: editDistance(key, $0.0), name: $0.1) }.filter { $0.distance <= limit }
    return scored.min { ($0.distance, $0.name) < ($1.distance, $1.name) }?.name
  }

  /// Optimal string alignment distance between `a` and `b`.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }
}
