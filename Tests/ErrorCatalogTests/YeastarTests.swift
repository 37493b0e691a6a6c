import ErrorCatalog
import Foundation
import Testing
import Yeastar

@Suite("Yeastar")
struct YeastarTests {
  func failure(_ status: Int?, _ body: String, headers: [String: String] = [:]) -> Yeastar.Error? {
    Yeastar.classify(status: status, headers: headers, body: body).error
  }

  @Test("Every catalog sample classifies back to its own code and outcome", arguments: Yeastar.Code.allCases)
  func sampleClassifiesToItsCode(code: Yeastar.Code) throws {
    let sample = code.sample
    #expect(sample.kind == .response)
    let result = Yeastar.classify(status: sample.status, headers: sample.headers, body: sample.body)
    #expect(result.outcome == code.entry.outcome)
    if code == .success {
      #expect(result.outcome == .success)
      return
    }
    let error = try #require(result.error)
    #expect(error.code == code)
    #expect(error.rawCode == code.entry.code)
  }

  @Test(
    "Success is errcode 0, as a number or a string",
    arguments: [
      #"{"errcode":0,"errmsg":"SUCCESS"}"#,
      #"{"errcode":"0","errmsg":"SUCCESS","data":[]}"#,
      #"{"errCode":0,"errMsg":"SUCCESS"}"#,
    ])
  func successIsNotAnError(body: String) {
    #expect(Yeastar.classify(status: 200, body: body).outcome == .success)
  }

  @Test("TOKEN EXPIRED means log in again, then retry; the code may arrive as a string")
  func tokenExpiredNeedsReauth() throws {
    for body in [#"{"errcode":10004,"errmsg":"TOKEN EXPIRED"}"#, #"{"errcode":"10004","errmsg":"TOKEN EXPIRED"}"#] {
      let error = try #require(failure(200, body))
      #expect(error.code == .tokenExpired)
      #expect(error.retry == .afterReauth)
      #expect(error.category == .authentication)
      #expect(error.rawCode == "10004")
      #expect(error.rawMessage == "TOKEN EXPIRED")
    }
  }

  @Test("The errcode decides even when the message is missing or different")
  func codeDecidesOverMessage() throws {
    let bare = try #require(failure(200, #"{"errcode":"10004"}"#))
    #expect(bare.code == .tokenExpired)
    let odd = try #require(failure(200, #"{"errcode":10004,"errmsg":"FAILURE"}"#))
    #expect(odd.code == .tokenExpired)
    #expect(odd.rawMessage == "FAILURE")
  }

  @Test(
    "Internal errors, overload and the recording download limit back off",
    arguments: [
      ("-2", Yeastar.Code.internalServerError),
      ("70082", .overloadTaskRunning),
      ("70651", .recordingDownloadLimitReached),
    ])
  func transientCodesBackOff(code: String, expected: Yeastar.Code) throws {
    let error = try #require(failure(200, #"{"errcode":\#(code),"errmsg":"\#(expected.entry.message)"}"#))
    #expect(error.code == expected)
    #expect(error.retry == .backoff)
  }

  @Test("10003 is an unsupported API version: configuration, not authentication")
  func apiVersionUnsupportedIsConfiguration() throws {
    let error = try #require(failure(200, #"{"errcode":10003,"errmsg":"API VERSION UNSUPPORTED"}"#))
    #expect(error.code == .apiVersionUnsupported)
    #expect(error.category == .configuration)
    #expect(error.retry == .afterFix)
    #expect(error.category != .authentication)
  }

  @Test(
    "The failed-login and IP-block remedies warn that the PBX blocks an IP after failed logins",
    arguments: [Yeastar.Code.failure, .accountIPBlocked])
  func ipBlockRemedies(code: Yeastar.Code) throws {
    let error = try #require(failure(code.sample.status, code.sample.body))
    #expect(error.code == code)
    #expect(code.entry.remedy.lowercased().contains("block"))
    #expect((error.recoverySuggestion ?? "").lowercased().contains("block"))
  }

  @Test(
    "ACCESS DENIED and IP FORBIDDEN are not the failed-login block and do not send the reader to unblock an IP",
    arguments: [Yeastar.Code.accessDenied, .ipForbidden])
  func notTheIPBlock(code: Yeastar.Code) {
    #expect(!code.entry.remedy.lowercased().contains("blocked ips"))
    #expect(!code.entry.remedy.lowercased().contains("failed"))
  }

  @Test("PARTIAL SUCCESS is partial and PROCESSING is pending, not failures")
  func partialAndPending() throws {
    let partial = Yeastar.classify(status: 200, body: #"{"errcode":1,"errmsg":"PARTIAL SUCCESS"}"#)
    guard case .partial(let partialError) = partial else {
      Issue.record("expected partial, got \(partial.outcome)")
      return
    }
    #expect(partialError.code == .partialSuccess)
    #expect(partialError.outcome == .partial)

    let pending = Yeastar.classify(status: 200, body: #"{"errcode":"2","errmsg":"PROCESSING"}"#)
    guard case .pending(let pendingError) = pending else {
      Issue.record("expected pending, got \(pending.outcome)")
      return
    }
    #expect(pendingError.code == .processing)
    #expect(pendingError.retry == .notNeeded)
  }

  @Test("invalid_param_list is kept item by item, with a summary that leaves values out")
  func invalidParamListIsKept() throws {
    let body = #"""
      {"errcode":40002,"errmsg":"PARAMETER ERROR","invalid_param_list":[
        {"field":"name","validation_type":"required"},
        {"field":"email","value":"bob@example","validation_type":"format"},
        {"field":"number","value":1011}]}
      """#
    let error = try #require(failure(200, body))
    #expect(error.code == .parameterError)
    #expect(error.parameters["errmsg"] == "PARAMETER ERROR")
    #expect(error.parameters["invalidParam.0.field"] == "name")
    #expect(error.parameters["invalidParam.0.validationType"] == "required")
    #expect(error.parameters["invalidParam.0.value"] == nil)
    #expect(error.parameters["invalidParam.1.field"] == "email")
    #expect(error.parameters["invalidParam.1.value"] == "bob@example")
    #expect(error.parameters["invalidParam.1.validationType"] == "format")
    #expect(error.parameters["invalidParam.2.value"] == "1011")
    #expect(error.parameters["invalidParams"] == "name (required); email (format); number")
    #expect(!(error.parameters["invalidParams"] ?? "").contains("bob@example"))
  }

  @Test("A failed login keeps the rejected field")
  func failedLoginKeepsField() throws {
    let error = try #require(failure(200, Yeastar.Code.failure.sample.body))
    #expect(error.code == .failure)
    #expect(error.parameters["invalidParam.0.field"] == "username or password")
    #expect(error.parameters["invalidParam.0.value"] == "error")
    #expect(error.parameters["invalidParams"] == "username or password")
  }

  @Test("duplicate_field_list and submsg are kept")
  func duplicateFieldListIsKept() throws {
    let body = #"""
      {"errcode":40003,"errmsg":"DUPLICATE KEY VALUE","submsg":"Extension create fail for duplicate fields",
       "duplicate_field_list":[{"field":"email_addr","value":"example@126.com","external_source":"extension",
       "external_source_name":"1011"},{"field":"caller_id","value":"5550100"},
       {"field":"number","external_source_name":"1012"}]}
      """#
    let error = try #require(failure(200, body))
    #expect(error.code == .duplicateKeyValue)
    #expect(error.category == .conflict)
    #expect(error.parameters["submsg"] == "Extension create fail for duplicate fields")
    #expect(error.parameters["duplicateField.0.field"] == "email_addr")
    #expect(error.parameters["duplicateField.0.value"] == "example@126.com")
    #expect(error.parameters["duplicateField.0.externalSource"] == "extension")
    #expect(error.parameters["duplicateField.0.externalSourceName"] == "1011")
    #expect(error.parameters["duplicateField.1.field"] == "caller_id")
    #expect(error.parameters["duplicateField.1.externalSource"] == nil)
    // Only the owner's parts that are there go in brackets.
    #expect(error.parameters["duplicateFields"] == "email_addr (extension 1011); caller_id; number (1012)")
  }

  @Test("The body's errcode is read whatever the HTTP status")
  func errcodeWinsOverStatus() throws {
    let error = try #require(failure(500, #"{"errcode":10004,"errmsg":"TOKEN EXPIRED"}"#))
    #expect(error.code == .tokenExpired)
    #expect(error.status == 500)
  }

  @Test(
    "Bodies without a P-Series errcode are never success, even with HTTP 200",
    arguments: [
      ("\u{0}\u{0}\u{0}\u{1C}ftypM4A \u{0}\u{0}\u{0}\u{0}", ResponseBody.Shape.binary),
      ("<html><head><title>Welcome</title></head><body>Login</body></html>", .html),
      ("", .empty),
      (#"{"data":[],"total_number":0}"#, .json),
      (#"{"data":{"errcode":0,"errmsg":"SUCCESS"}}"#, .json),
      (#"[{"errcode":0}]"#, .json),
      (#"{"errcode":null,"errmsg":"SUCCESS"}"#, .json),
      (#"{"errcode":0,"errmsg":"SUC"#, .text),
    ])
  func noErrcodeIsNotSuccess(body: String, shape: ResponseBody.Shape) throws {
    let result = Yeastar.classify(status: 200, body: body)
    #expect(result.outcome == .failure)
    let error = try #require(result.error)
    #expect(!error.isRecognized)
    #expect(error.code == nil)
    #expect(error.category == .unknown)
    #expect(error.body.bytes == Array(body.utf8))
    #expect(error.body.shape == shape)
  }

  @Test("A recording download's raw bytes (invalid UTF-8) with HTTP 200 is not success")
  func binaryBytesAreNotSuccess() throws {
    let bytes: [UInt8] = [0x49, 0x44, 0x33, 0x04, 0x00, 0xFF, 0xFB, 0x90, 0x64, 0x00, 0xC3, 0x28]
    let result = Yeastar.classify(status: 200, headers: ["Content-Type": "audio/wav"], body: bytes)
    let error = try #require(result.error)
    #expect(result.outcome == .failure)
    #expect(!error.isRecognized)
    #expect(error.body.bytes == bytes)
    #expect(error.body.shape == .binary)
  }

  @Test(
    "Unrecognized answers keep their data and are classified from the status",
    arguments: [
      (200, #"{"errcode":99999,"errmsg":"SOMETHING NEW"}"#, ErrorCategory.unknown, Retry.afterFix, "99999"),
      (503, #"{"errcode":99999,"errmsg":"SOMETHING NEW"}"#, .provider, .backoff, "99999"),
      (200, #"{"errcode":"E_NOPE"}"#, .unknown, .afterFix, "E_NOPE"),
      (502, "<html><title>502 Bad Gateway</title></html>", .provider, .backoff, nil),
      (429, "", .rateLimit, .backoff, nil),
      (401, "Unauthorized", .authentication, .afterReauth, nil),
      (500, #"{"errcode":-2,"errmsg":"#, .provider, .backoff, nil),
      (404, #"{"status":"Failed","errno":"10001"}"#, .notFound, .afterFix, nil),
    ] as [(Int, String, ErrorCategory, Retry, String?)])
  func unrecognizedAnswers(status: Int, body: String, category: ErrorCategory, retry: Retry, rawCode: String?) throws {
    let error = try #require(failure(status, body))
    #expect(error.code == nil)
    #expect(!error.isRecognized)
    #expect(error.outcome == .failure)
    #expect(error.category == category)
    #expect(error.retry == retry)
    #expect(error.status == status)
    #expect(error.rawCode == rawCode)
    #expect(error.body.bytes == Array(body.utf8))
  }

  @Test("The S-Series errno shape is not read with the P-Series table")
  func sSeriesErrnoIsUnrecognized() throws {
    for body in [#"{"status":"Failed","errno":"10003"}"#, #"{"status":"Failed","errno":10004}"#] {
      let error = try #require(failure(200, body))
      #expect(error.code != .apiVersionUnsupported)
      #expect(error.code != .tokenExpired)
      #expect(!error.isRecognized)
      #expect(error.rawCode == nil)
      #expect(error.category == .unknown)
    }
  }

  @Test("Retry-After is read as seconds")
  func retryAfterSeconds() throws {
    let error = try #require(
      failure(200, #"{"errcode":70082,"errmsg":"OVERLOAD_TASK_RUNNING"}"#, headers: ["retry-after": "30"]))
    #expect(error.code == .overloadTaskRunning)
    #expect(error.retryAfterSeconds == 30)
  }

  @Test("An error's description never contains the body or the raw message")
  func descriptionHidesBody() throws {
    let secret = "ys-token-5f2b9c1e8d7a6f3b"
    let bodies = [
      #"{"errcode":10004,"errmsg":"TOKEN EXPIRED \#(secret)"}"#,
      #"{"errcode":"\#(secret)","errmsg":"\#(secret)"}"#,
      #"{"errcode":40002,"invalid_param_list":[{"field":"token","value":"\#(secret)"}]}"#,
      "<html>\(secret)</html>",
    ]
    for body in bodies {
      let error = try #require(failure(200, body))
      #expect(!error.description.contains(secret))
      #expect(!(error.errorDescription ?? "").contains(secret))
    }
  }

  @Test("lookup finds an entry by code or by message")
  func lookupByCodeOrMessage() {
    #expect(Yeastar.lookup("10004").map(\.entry.name) == ["tokenExpired"])
    #expect(Yeastar.lookup("-2").map(\.entry.name) == ["internalServerError"])
    #expect(Yeastar.lookup("token expired").map(\.entry.name) == ["tokenExpired"])
    #expect(Yeastar.lookup("CAHNNEL ID NOT FOUND").map(\.entry.name) == ["channelIDNotFound"])
    #expect(Yeastar.lookup("99999").isEmpty)
  }

  @Test("Integration code can switch on the typed code and on the classification")
  func switchOnTypedCode() throws {
    guard case .failure(let error) = Yeastar.classify(status: 200, body: #"{"errcode":10004,"errmsg":"TOKEN EXPIRED"}"#)
    else {
      Issue.record("expected a failure")
      return
    }
    let action: String
    switch error.code {
    case .tokenExpired?: action = "refresh token"
    case .accountIPBlocked?, .ipForbidden?: action = "ask an administrator"
    default: action = error.retry == .backoff ? "retry" : "give up"
    }
    #expect(action == "refresh token")
  }

  @Test(
    "Every row of the Yeastar seed is in the catalog, verbatim",
    .enabled(if: PackagePaths.seed("003_88c959788cb6b217.txt") != nil, PackagePaths.seedsAbsent))
  func seedRowsArePresent() throws {
    let seed = try #require(PackagePaths.seed("003_88c959788cb6b217.txt"))
    let rows = seed.split(separator: "\n").filter { line in
      line.range(of: #"^\| -?\d+ \| "#, options: .regularExpression) != nil
    }
    #expect(rows.count == PackagePaths.seedEntryCount(Yeastar.tables, provider: .yeastar))
    let catalogued = Yeastar.Code.table.entries
    for row in rows {
      let cells = row.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      try #require(cells.count >= 3, "malformed seed row: \(row.prefix(80))")
      let (code, message) = (cells[1], cells[2])
      let found = catalogued.contains { $0.code == code && $0.message == message }
      #expect(found, "missing seed row: \(code) \(message)")
    }
  }
}
