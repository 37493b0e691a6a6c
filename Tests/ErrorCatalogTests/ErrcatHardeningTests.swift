import ErrorCatalog
import Foundation
import Testing

@testable import ErrcatCommand

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 21: what an attack on `errcat` found in its JSON escaping, its raw HTTP reader and its handling of
/// a closed output pipe.
@Suite("errcat hardening")
struct ErrcatHardeningTests {
  func json(_ output: Errcat.Output) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
  }

  // MARK: JSON escaping

  @Test("--json escapes C1 controls, separators and bidirectional controls as \\uXXXX and stays valid JSON")
  func jsonEscapesWhatTextEscapes() throws {
    let hostile =
      "a\u{85}b\u{9B}2Jc\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}d\u{2066}\u{2067}\u{2068}\u{2069}e"
      + "\u{2028}f\u{2029}g\u{200E}\u{200F}\u{61C}h\u{7F}\u{1B}"
    let escapedBody = hostile.unicodeScalars.map { "\\u" + String(format: "%04x", $0.value) }.joined()
    let body = #"{"code":400,"error":"x \#(escapedBody)","msg":"BAD"}"#
    let output = Errcat.run(arguments: ["classify", "wolkvox", "--status", "400", "--body", body, "--json"])
    #expect(output.status == 0)
    let raw = output.standardOutput.unicodeScalars
    for scalar in hostile.unicodeScalars where TextEscaping.needsEscape(scalar) {
      #expect(!raw.contains(scalar), "U+\(String(scalar.value, radix: 16)) printed raw")
      #expect(output.standardOutput.contains("\\u" + String(format: "%04x", scalar.value)))
    }
    // Parsed back, the value is the provider's text again.
    let error = try #require((try json(output)["errors"] as? [[String: Any]])?.first)
    let parameters = try #require(error["parameters"] as? [String: String])
    #expect(parameters.values.contains { $0.contains(hostile) })
  }

  @Test("Every character text output escapes is escaped by JSON output too")
  func jsonAndTextAgree() throws {
    for value in UInt32(0)...0x2100 {
      guard let scalar = Unicode.Scalar(value), TextEscaping.needsEscape(scalar) else { continue }
      let quoted = JSONOutput.quoted(String(Character(scalar)))
      #expect(quoted.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 }, "U+\(String(value, radix: 16))")
      let parsed = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
      #expect(parsed == [String(Character(scalar))])
    }
  }

  // MARK: A closed output pipe

  /// The `errcat` executable this test run built, beside the test bundle.
  static let errcatBinary: URL? = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("errcat")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder.deleteLastPathComponent()
    }
    return nil
  }()

  @Test(
    "errcat writing to a pipe whose reader is gone exits 1 with one line, not 141 (SIGPIPE)",
    .enabled(if: errcatBinary != nil, "the errcat executable was not built beside the tests"))
  func brokenPipe() throws {
    let binary = try #require(Self.errcatBinary)
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    // The reader goes away before errcat writes a byte: every write fails with EPIPE.
    close(ends[0])
    let output = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
    let errors = Pipe()
    let process = Process()
    process.executableURL = binary
    process.arguments = ["list"]
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    try output.close()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 1)
    let text = String(decoding: message, as: UTF8.self)
    #expect(text.contains("cannot write output"))
    #expect(text.split(separator: "\n").count == 1)
  }
}
