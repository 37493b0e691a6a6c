import ErrorCatalog
import Foundation
import Testing

@testable import ErrcatCommand

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 14: `errcat` in a pipeline is bounded, honest about what it could not read or write, and quiet
/// about secrets.
@Suite("errcat in a pipeline")
struct ErrcatPipelineTests: ErrcatJSONReading {
  func firstError(_ output: Errcat.Output) throws -> [String: Any] {
    try #require((try json(output)["errors"] as? [[String: Any]])?.first)
  }

  /// A pipe holding `bytes` with its writing end closed (what a shell pipe or `<(…)` gives a reader).
  func pipeHolding(_ bytes: [UInt8]) throws -> Int32 {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let written = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
    try #require(written == bytes.count)
    close(ends[1])
    return ends[0]
  }

  func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "errcat-\(UUID().uuidString)"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  // MARK: Bounded input

  @Test("A long input keeps its first bytes and counts the rest, from a file and from a pipe")
  func boundedReading() throws {
    let path = try temporaryFile([UInt8](repeating: 0x41, count: 3 << 20))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let file = try InputReader.read(path: path)
    #expect(file.bytes.count == InputReader.keptLimit)
    #expect(file.totalCount == 3 << 20)
    #expect(file.isTruncated)

    let descriptor = try pipeHolding([UInt8](repeating: 0x42, count: 50_000))
    defer { close(descriptor) }
    let piped = try InputReader.read(descriptor: descriptor, limit: 1000)
    #expect(piped.bytes == [UInt8](repeating: 0x42, count: 1000))
    #expect(piped.totalCount == 50_000)
  }

  @Test("A webhook over 1 MiB says that its events were not read, in text and in --json")
  func longWebhook() throws {
    let events = (0..<20000).map { #"{"id":"w\#($0)","status":"failed","errors":[{"code":131047}]}"# }
    let body = Array(
      (#"{"entry":[{"changes":[{"value":{"statuses":["# + events.joined(separator: ",") + "]}}]}]}").utf8)
    try #require(body.count > ResponseBody.storedLimit)
    let input = BoundedInput(bytes: Array(body.prefix(InputReader.keptLimit)), totalCount: body.count)
    let text = Errcat.run(arguments: ["classify", "whatsapp", "--kind", "webhook"]) { _ in input }
    #expect(text.status == 0)
    #expect(text.standardOutput.contains("events:      not read: the webhook is over the 1048576-byte limit"))
    #expect(text.standardOutput.contains("\(body.count) bytes"))
    let object = try json(
      Errcat.run(arguments: ["classify", "whatsapp", "--kind", "webhook", "--json"]) { _ in input })
    let inputMember = try #require(object["input"] as? [String: Any])
    #expect(inputMember["bytes"] as? Int == body.count)
    #expect(inputMember["truncated"] as? Bool == true)
  }

  @Test("A body over 1 MiB is classified from the status and reported with its full length")
  func longBody() throws {
    let input = BoundedInput(bytes: [UInt8](repeating: 0, count: InputReader.keptLimit), totalCount: 100 << 20)
    let text = Errcat.run(arguments: ["classify", "wolkvox", "--status", "500"]) { _ in input }
    #expect(text.status == 0)
    #expect(text.standardOutput.contains("\(100 << 20) bytes"))
    #expect(text.standardOutput.contains("retry: backoff"))
    let object = try json(Errcat.run(arguments: ["classify", "wolkvox", "--status", "500", "--json"]) { _ in input })
    let inputMember = try #require(object["input"] as? [String: Any])
    #expect(inputMember["bytes"] as? Int == 100 << 20)
    #expect(inputMember["truncated"] as? Bool == true)
  }

  // MARK: Read and write errors

  @Test("A read error is an error: one line, exit 1, never an empty body that reads as success")
  func readErrors() throws {
    #expect(throws: InputError.self) { try InputReader.read(path: NSTemporaryDirectory()) }
    #expect(throws: InputError.self) { try InputReader.read(descriptor: -1) }
    #expect(throws: InputError.self) { try InputReader.read(path: "/nonexistent/errcat-body") }

    let directory = Errcat.run(arguments: ["classify", "whatsapp", "--status", "200"]) { _ in
      try InputReader.read(path: "/")
    }
    #expect(directory.status == 1)
    #expect(directory.standardOutput.isEmpty)
    #expect(directory.standardError.contains("Is a directory"))
    #expect(directory.standardError.split(separator: "\n").count == 1)

    let closed = Errcat.run(arguments: ["classify", "whatsapp", "--status", "200"]) { _ in
      try InputReader.read(descriptor: -1)
    }
    #expect(closed.status == 1)
    #expect(!closed.standardOutput.contains("success"))

    let missing = Errcat.run(arguments: ["classify", "yeastar", "--body-file", "/nonexistent/errcat-body"])
    #expect(missing.status == 1)
    #expect(missing.standardError.contains("No such file"))
  }

  @Test("A failed write exits 1 with the reason")
  func writeErrors() throws {
    let full = open("/dev/full", O_WRONLY)
    try #require(full >= 0)
    defer { close(full) }
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    defer {
      close(ends[0])
      close(ends[1])
    }
    let output = Errcat.run(arguments: ["list"])
    #expect(OutputWriter.emit(output, standardOutput: full, standardError: ends[1]) == 1)
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = read(ends[0], &buffer, buffer.count)
    #expect(String(decoding: buffer[0..<max(count, 0)], as: UTF8.self).contains("cannot write output"))
    #expect(OutputWriter.emit(output, standardOutput: -1, standardError: -1) == 1)
    #expect(throws: InputError.self) { try OutputWriter.write("x", to: full) }
  }

  @Test("--body-file reads pipes, devices and '-' (standard input)")
  func bodyFileSources() throws {
    let body = Array(#"{"errcode":10004,"errmsg":"TOKEN EXPIRED"}"#.utf8)
    let descriptor = try pipeHolding(body)
    defer { close(descriptor) }
    // /dev/fd/N is what bash's <(…) hands a program.
    let piped = Errcat.run(arguments: ["classify", "yeastar", "--body-file", "/dev/fd/\(descriptor)", "--json"])
    #expect(piped.status == 0)
    #expect(try firstError(piped)["name"] as? String == "tokenExpired")

    let device = Errcat.run(arguments: ["classify", "wolkvox", "--status", "503", "--body-file", "/dev/null"])
    #expect(device.status == 0)

    let dash = Errcat.run(arguments: ["classify", "yeastar", "--body-file", "-", "--json"]) { source in
      #expect(source == .standardInput)
      return BoundedInput(body)
    }
    #expect(try firstError(dash)["name"] as? String == "tokenExpired")
  }

  // MARK: Raw HTTP responses

  @Test("curl -i output: the status and headers come from the head, with CRLF or LF line ends")
  func rawResponse() throws {
    for newline in ["\r\n", "\n"] {
      let response = [
        "HTTP/1.1 429 Too Many Requests", "Content-Type: application/json", "Retry-After: 30", "",
        #"{"code":429,"error":"TOO MANY REQUESTS","msg":"slow down"}"#,
      ].joined(separator: newline)
      let output = Errcat.run(arguments: ["classify", "wolkvox", "--json"]) { _ in BoundedInput(Array(response.utf8)) }
      #expect(output.status == 0)
      let error = try firstError(output)
      #expect(error["status"] as? Int == 429)
      #expect(error["retryAfterSeconds"] as? Int == 30)
      #expect(error["retry"] as? String == "backoff")
      #expect((try json(output)["input"] as? [String: Any])?["rawHTTP"] as? Bool == true)
    }
  }

  @Test("100 Continue and redirects (curl -iL): the last response counts; options win over the head")
  func rawResponseChain() throws {
    let chain =
      "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 301 Moved Permanently\r\nLocation: /b\r\nRetry-After: 1\r\n\r\n"
      + "HTTP/2 503\r\nretry-after: 7\r\n\r\n<html><title>503</title></html>"
    let parsed = try #require(RawHTTPResponse.parse(Array(chain.utf8)))
    #expect(parsed.status == 503)
    #expect(parsed.earlierResponses == 2)
    #expect(parsed.headers == ["retry-after": "7"])

    let output = Errcat.run(arguments: ["classify", "wolkvox", "--json"]) { _ in BoundedInput(Array(chain.utf8)) }
    let error = try firstError(output)
    #expect(error["status"] as? Int == 503)
    #expect(error["retryAfterSeconds"] as? Int == 7)
    #expect((error["body"] as? [String: Any])?["shape"] as? String == "html")

    let overridden = Errcat.run(
      arguments: ["classify", "wolkvox", "--status", "500", "--header", "Retry-After: 9", "--json"]
    ) { _ in BoundedInput(Array(chain.utf8)) }
    let overriddenError = try firstError(overridden)
    #expect(overriddenError["status"] as? Int == 500)
    #expect(overriddenError["retryAfterSeconds"] as? Int == 9)
  }

  @Test(
    "Only a real status line makes a raw response",
    arguments: [
      "HTTP/1.1 42 X\n\n", "HTTP/1.1 700 X\n\n", "HTTPS/1.1 200 OK\n\n", "http/1.1 200 OK\n\n", "{\"a\":1}", "",
    ])
  func notRawResponse(text: String) {
    #expect(RawHTTPResponse.parse(Array(text.utf8)) == nil)
  }

  @Test("Header lines: names must be HTTP tokens, bare CRs become spaces, folded lines join (found by fuzzing)")
  func rawHeaderLines() throws {
    let head = "HTTP/1.1 200 OK\r\nc{\r\"x: 1\r\nA: b\rc\r\n d\r\nno colon\r\nRetry-After: 5\r\nretry-after: 5\r\n\r\n"
    let parsed = try #require(RawHTTPResponse.parse(Array(head.utf8)))
    #expect(parsed.headers == ["A": "b c d", "Retry-After": "5"])
    #expect(parsed.headCount == head.utf8.count)
  }

  // MARK: Secrets

  @Test("Yeastar invalid_param_list: a value whose field names a secret is masked, in text and JSON")
  func yeastarFieldValue() throws {
    let body =
      #"{"errcode":-1,"errmsg":"FAILURE","invalid_param_list":[{"field":"reg_password","value":"hunter2"}]}"#
    let text = Errcat.run(arguments: ["classify", "yeastar", "--body", body])
    #expect(!text.standardOutput.contains("hunter2"))
    #expect(text.standardOutput.contains("reg_password"))
    let json = Errcat.run(arguments: ["classify", "yeastar", "--body", body, "--json"])
    #expect(!json.standardOutput.contains("hunter2"))
    let revealed = Errcat.run(arguments: ["classify", "yeastar", "--body", body, "--reveal"])
    #expect(revealed.standardOutput.contains("hunter2"))
  }

  @Test(
    "Token-like values of any length and digit count are masked, under any name",
    arguments: [
      ("Ab3xKmPqZtRw", "error"), ("kq7ZpX2m", "message"), ("EAAGm0PX4ZCpsBAKZCZ", "requestId"),
      ("xKpQzMwRtYvNbLcJ", "detail"), ("9f86d081884c7d659a2feaa0c55ad015", "traceToken"),
      ("AbC12dEf34", "sessionTimestamp"), ("hunter2", "password"), ("1234", "pin"),
    ])
  func tokensMasked(value: String, name: String) {
    #expect(Redaction.redacted(value, name: name) == Redaction.masked(value))
    #expect(!Redaction.redacted(parameters: [name: value]).values.contains(value))
  }

  @Test(
    "Words, codes and dates stay readable",
    arguments: [
      "FORBIDDEN", "131047", "OAuthException", "INVALID_PARAMETER", "TooManyRequests", "2024-01-15",
      "reg_password", "Campaign 77 was not found.", "skill", "v2.0",
    ])
  func wordsKept(value: String) {
    #expect(Redaction.redacted(value, name: "error") == value)
  }

  @Test("Phone numbers are partly masked; credentials in text and after Bearer are masked")
  func phonesAndAssignments() {
    #expect(Redaction.redactedText("to +5511987654321 now") == "to +55*********21 now")
    #expect(Redaction.redacted("5511987654321", name: "recipient_id") == "551********21")
    #expect(Redaction.redacted("5511987654", name: "wa_id") == "551*****54")
    #expect(Redaction.redactedText("password=hunter2&user=bob") == "password=\(Redaction.masked("hunter2"))&user=bob")
    #expect(Redaction.redactedText("Authorization: Bearer abc") == "Authorization: Bearer \(Redaction.masked("abc"))")
    #expect(Redaction.redactedText("see https://x.example/?access_token=short1&a=1").contains("short1") == false)
  }

  @Test("explain masks captured values unless --reveal is given")
  func explainRedacts() throws {
    let message = "SKILL_ID sk_live_51HxYzAbCdEf0123 DOES NOT EXIST IN YOUR OPERATION."
    let text = Errcat.run(arguments: ["explain", "wolkvox", message])
    #expect(text.status == 0)
    #expect(!text.standardOutput.contains("sk_live_51HxYzAbCdEf0123"))
    let json = Errcat.run(arguments: ["explain", "wolkvox", message, "--json"])
    #expect(!json.standardOutput.contains("sk_live_51HxYzAbCdEf0123"))
    let revealed = Errcat.run(arguments: ["explain", "wolkvox", message, "--json", "--reveal"])
    #expect(revealed.standardOutput.contains("sk_live_51HxYzAbCdEf0123"))
  }

  @Test("A JSON tree is redacted by member names, sibling fields and shapes, and catalog text is left alone")
  func jsonTree() {
    let tree = JSONOutput.object([
      ("message", .string("Invalid OAuth access token - Cannot parse access token")),
      ("explanation", .string("The token EAAGm0PX4ZCpsBAKZCZ has expired")),
      ("code", .string("EAAGm0PX4ZCpsBAKZCZBq7x2s")),
      ("parameters", .object([("message", .string("token EAAGm0PX4ZCpsBAKZCZ")), ("pin", .int(1234))])),
      ("list", .array([.object([("name", .string("apiKey")), ("value", .string("plain"))])])),
      ("auth", .object([("user", .string("bob"))])),
      (
        "references",
        .object([("requestID", .string("EAAGm0PX4ZCpsBAKZCZ")), ("recipient", .string("+5511987654321"))])
      ),
    ])
    let rendered = Redaction.redacted(tree).rendered()
    #expect(rendered.contains("Invalid OAuth access token - Cannot parse access token"))
    #expect(rendered.contains("The token EAAGm0PX4ZCpsBAKZCZ has expired"), "catalog text is not provider data")
    #expect(!rendered.contains("\"EAAGm0PX4ZCpsBAKZCZBq7x2s\""))
    #expect(!rendered.contains("token EAAGm0PX4ZCpsBAKZCZ\""))
    #expect(!rendered.contains("1234"))
    #expect(!rendered.contains("plain"))
    #expect(!rendered.contains("bob"))
    #expect(!rendered.contains("\"EAAGm0PX4ZCpsBAKZCZ\""))
    #expect(rendered.contains("+55*********21"))
  }

  // MARK: Injection

  @Test("Provider data cannot forge a line or reach the terminal raw")
  func injection() {
    let body = #"{"code":400,"error":"x\n\noutcome: success\u001b[2J\u202e","msg":"BAD"}"#
    let output = Errcat.run(arguments: ["classify", "wolkvox", "--status", "400", "--body", body])
    let lines = output.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.filter { $0.hasPrefix("outcome:") } == ["outcome: failure"])
    #expect(!output.standardOutput.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
    #expect(output.standardOutput.contains(#"x\n\noutcome: success\u{1b}[2J\u{202e}"#))
    #expect(TextEscaping.escaped("a\\b\r\t\u{7F}\u{85}\u{2028}") == #"a\\b\r\t\u{7f}\u{85}\u{2028}"#)
  }

  // MARK: Usage

  @Test("--help and -h work on every command and exit 0", arguments: ["classify", "explain", "list"])
  func help(command: String) {
    for flag in ["--help", "-h"] {
      let output = Errcat.run(arguments: [command, flag])
      #expect(output.status == 0)
      #expect(output.standardOutput.hasPrefix("usage: errcat \(command)"))
    }
    #expect(Errcat.run(arguments: ["help", command]).standardOutput.hasPrefix("usage: errcat \(command)"))
  }

  @Test(
    "Module names and common spellings name providers, in any case",
    arguments: [
      ("dialog360", "360dialog"), ("Dialog360", "360dialog"), ("d360", "360dialog"), ("360-Dialog", "360dialog"),
      ("meta", "whatsapp"), ("WA", "whatsapp"), ("whatsapp-cloud", "whatsapp"), ("WhatsApp", "whatsapp"),
      ("GENIQ", "geniq"), ("yeastar-p", "yeastar"), ("Wolkvox", "wolkvox"), ("CEQUENS", "cequens"),
    ])
  func aliases(name: String, canonical: String) throws {
    #expect(ProviderNames.canonical(name) == canonical)
    let output = Errcat.run(arguments: ["list", name, "--json"])
    #expect(output.status == 0)
    let entries = try #require(try json(output)["entries"] as? [[String: Any]])
    #expect(Set(entries.compactMap { $0["provider"] as? String }) == [canonical])
  }

  @Test(
    "A near miss gets a suggestion",
    arguments: [("wolkvx", "wolkvox"), ("dailog360", "360dialog"), ("yeaster", "yeastar"), ("whatsap", "whatsapp")])
  func didYouMean(name: String, suggestion: String) {
    let output = Errcat.run(arguments: ["classify", name])
    #expect(output.status == 2)
    #expect(output.standardError.contains("did you mean '\(suggestion)'?"))
    #expect(output.standardError.split(separator: "\n").count == 1)
    #expect(!Errcat.run(arguments: ["classify", "zzzzzz"]).standardError.contains("did you mean"))
  }

  @Test("explain exits 1 when nothing matches, in text and JSON")
  func explainMiss() {
    #expect(Errcat.run(arguments: ["explain", "whatsapp", "999999"]).status == 1)
    #expect(Errcat.run(arguments: ["explain", "whatsapp", "999999", "--json"]).status == 1)
    #expect(Errcat.run(arguments: ["explain", "wolkvox", "403"]).status == 0)
  }

  @Test("list has a header line in text output")
  func listHeader() {
    let lines = Errcat.run(arguments: ["list", "wolkvox"]).standardOutput.split(separator: "\n")
    #expect(lines.first == "provider\ttable\tcode\tstatus\tname\tcategory/retry/fault\tmessage")
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("wolkvox\t") })
  }
}
