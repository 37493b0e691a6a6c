import ErrorCatalog
import Foundation
import Testing
import Wolkvox

@Suite("Wolkvox")
struct WolkvoxTests {
  func failure(_ status: Int?, _ body: String, headers: [String: String] = [:]) -> Wolkvox.Error? {
    Wolkvox.classify(status: status, headers: headers, body: body).error
  }

  @Test("Every catalog sample classifies back to its own code and outcome", arguments: Wolkvox.Code.allCases)
  func sampleClassifiesToItsCode(code: Wolkvox.Code) throws {
    let sample = code.sample
    let result = Wolkvox.classify(status: sample.status, headers: sample.headers, body: sample.body)
    #expect(result.outcome == code.entry.outcome)
    if case .success(let success) = result {
      #expect(success.entry == code.entry)
      return
    }
    let error = try #require(result.error)
    #expect(error.code == code)
  }

  @Test("NO DATA FOUND is an empty result, not a failure; a partly added batch is partial")
  func emptyAndPartialResults() throws {
    let empty = Wolkvox.classify(status: 404, body: #"{"code":404,"error":"NOT FOUND","msg":"NO DATA FOUND"}"#)
    guard case .success(let success) = empty else {
      Issue.record("expected success, got \(empty.outcome)")
      return
    }
    #expect(success.entry == Wolkvox.Code.noDataFound.entry)
    let partialBody = #"{"code":404,"error":"NOT FOUND","msg":"37 RECORDS HAS BEEN ADDED, PLEASE VALIDATE THE DATA"}"#
    let partial = Wolkvox.classify(status: 404, body: partialBody)
    #expect(partial.outcome == .partial)
    #expect(partial.error?.code == .recordsPartiallyAdded)
    #expect(partial.error?.parameters["recordsAdded"] == "37")
  }

  @Test("The daily token quota waits for the reset; the concurrency limit backs off")
  func tokenQuotaAndConcurrencyDiffer() throws {
    let quota = try #require(failure(403, #"{"code":403,"error":"FORBIDDEN","msg":"TOKEN LIMIT EXCEEDED"}"#))
    #expect(quota.code == .tokenLimitExceeded)
    #expect(quota.retry == .afterReset)
    #expect(quota.category == .quota)
    let concurrent = try #require(
      failure(
        403, #"{"code":"403","error":"FORBIDDEN","msg":"EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN (3)"}"#))
    #expect(concurrent.code == .tooManySimultaneousRequests)
    #expect(concurrent.retry == .backoff)
    #expect(concurrent.parameters["limit"] == "3")
  }

  @Test(
    "The inverted 'has not been' wording means nothing needs doing",
    arguments: ["STARTED", "STOPPED", "UPDATED"])
  func invertedWordingIsNotNeeded(verb: String) throws {
    let error = try #require(
      failure(
        404, #"{"code":404,"error":"NOT FOUND","msg":"THE CAMPAIGN HAS NOT BEEN \#(verb), PLEASE VALIDATE THE DATA"}"#))
    #expect(error.retry == .notNeeded)
    #expect(error.category == .conflict)
  }

  @Test("Values inside messages are captured as named parameters")
  func parametersAreCaptured() throws {
    let skill = try #require(
      failure(404, #"{"code":404,"error":"NOT FOUND","msg":"SKILL_ID 7781 DOES NOT EXIST IN YOUR OPERATION."}"#))
    #expect(skill.code == .skillNotFound)
    #expect(skill.parameters["skillID"] == "7781")

    let campaign = try #require(
      failure(404, #"{"code":404,"error":"NOT FOUND","msg":"CAMPAING_ID 99 DOES NOT EXIST IN YOUR OPERATION."}"#))
    #expect(campaign.code == .campaignNotFound)
    #expect(campaign.parameters["campaignID"] == "99")

    let upload = try #require(
      failure(
        404,
        #"{"code":404,"error":"NOT FOUND","msg":"YOU ARE UPLOADING (1500) RECORDS TO THE SYSTEM. ACCORDING TO QUANTITY ACTIVE LICENSES, YOU CAN UPLOAD 1200. TRY AGAIN."}"#
      ))
    #expect(upload.code == .uploadExceedsLicenses)
    #expect(upload.parameters["recordsUploaded"] == "1500")
    #expect(upload.parameters["recordsAllowed"] == "1200")

    let added = try #require(
      failure(404, #"{"code":404,"error":"NOT FOUND","msg":"37 RECORDS HAS BEEN ADDED, PLEASE VALIDATE THE DATA"}"#))
    #expect(added.code == .recordsPartiallyAdded)
    #expect(added.parameters["recordsAdded"] == "37")

    let variables = try #require(
      failure(
        417, #"{"code":417,"error":"EXPECTATION FAILED","msg":"NOT SENT MESSAGE: THE NUMBER OF VARIABLES IS: 4"}"#))
    #expect(variables.code == .variableCountMismatch)
    #expect(variables.parameters["variableCount"] == "4")
  }

  @Test("Limits inside messages still match when the limit changes")
  func limitsAreParameters() throws {
    let records = try #require(
      failure(
        412,
        #"{"code":412,"error":"PRECONDITION FAILED","msg":"YOUR QUERY EXCEEDS THE RECORDS LIMIT (80000), PLEASE DECREASES THE RANGE OF DATES"}"#
      ))
    #expect(records.code == .queryRecordsLimitExceeded)
    #expect(records.parameters["limit"] == "80000")
    let days = try #require(
      failure(
        416,
        #"{"code":416,"error":"REQUESTED RANGE NOT SATISFIABLE","msg":"YOU CAN ONLY MAKE INQUIRIES FOR A MAXIMUM OF 7 DAYS"}"#
      ))
    #expect(days.code == .rangeExceedsMaximumDays)
    #expect(days.parameters["days"] == "7")
  }

  @Test("Transient 417s back off; permanent ones need a fix")
  func expectationFailedSplits() throws {
    for message in ["UNABLE TO CONNECT", "NO RECORD INSERTED", "MESSAGE COULD NOT BE SENT"] {
      let error = try #require(failure(417, #"{"code":417,"error":"EXPECTATION FAILED","msg":"\#(message)"}"#))
      #expect(error.retry == .backoff, "\(message)")
    }
    let window = try #require(
      failure(
        417,
        #"{"code":417,"error":"EXPECTATION FAILED","msg":"IT WAS NOT POSSIBLE TO SEND THE MESSAGE MORE THAN 24 HOURS HAVE PASSED"}"#
      ))
    #expect(window.category == .conversationWindow)
    #expect(window.retry == .afterFix)
    let template = try #require(
      failure(417, #"{"code":417,"error":"EXPECTATION FAILED","msg":"ERROR NO FOUND TEMPLATE WHATSAPP"}"#))
    #expect(template.category == .template)
    #expect(template.retry == .afterFix)
  }

  @Test("404 carries business rules: a duplicate is a conflict, licences are a quota")
  func notFoundBusinessRules() throws {
    let duplicate = try #require(failure(404, #"{"code":404,"error":"NOT FOUND","msg":"THIS CODE ALREADY EXISTS"}"#))
    #expect(duplicate.category == .conflict)
    let licences = try #require(
      failure(404, #"{"code":404,"error":"NOT FOUND","msg":"AGENTS EXCEED ASSIGNED LICENSES"}"#))
    #expect(licences.category == .quota)
  }

  @Test("Messages match regardless of case, spacing and trailing punctuation")
  func messagesAreNormalised() throws {
    let error = try #require(failure(403, #"{"code":403,"error":"FORBIDDEN","msg":"  token   limit exceeded. "}"#))
    #expect(error.code == .tokenLimitExceeded)
  }

  @Test("A known message followed by details still matches, with the details kept")
  func appendedDetails() throws {
    let error = try #require(
      failure(400, #"{"code":400,"error":"BAD REQUEST","msg":"SOME PARAMETERS ARE REQUIRED: date_ini, date_end"}"#))
    #expect(error.code == .parametersRequired)
    #expect(error.parameters["detail"] == "date_ini, date_end")
    #expect(failure(403, #"{"code":403,"msg":"TOKEN"}"#)?.code == nil)
  }

  @Test("The body's code is trusted over the HTTP status, and codes may be strings")
  func bodyCodeWins() throws {
    let error = try #require(failure(200, #"{"code":"403","error":"FORBIDDEN","msg":"INVALID TOKEN"}"#))
    #expect(error.code == .invalidToken)
    #expect(error.status == 200)
    #expect(error.rawCode == "403")
  }

  @Test(
    "2xx answers are success",
    arguments: [
      #"{"code": 202, "error": null, "msg": "The xxxxx campaign_id has been started successfully"}"#,
      #"{"code": "200", "error": "null", "msg": "Information found for the current month", "data": []}"#,
      "",
    ])
  func successIsNotAnError(body: String) {
    #expect(Wolkvox.classify(status: 200, body: body).outcome == .success)
  }

  @Test(
    "Unrecognized answers keep their data and are classified from the status",
    arguments: [
      (503, "<html><title>503 Service Temporarily Unavailable</title></html>", ErrorCategory.provider, Retry.backoff),
      (429, "", ErrorCategory.rateLimit, Retry.backoff),
      (401, "not json at all", ErrorCategory.authentication, Retry.afterReauth),
      (
        403, #"{"code":403,"error":"FORBIDDEN","msg":"SYSTEM UNDER MAINTENANCE"}"#, ErrorCategory.permission,
        Retry.afterFix
      ),
      (500, #"{"code":500,"msg":"#, ErrorCategory.provider, Retry.backoff),
      (400, #"{"code":406,"error":"NOT ACCEPTABLE","msg":"INVALID IP"}"#, ErrorCategory.invalidRequest, Retry.afterFix),
    ])
  func unrecognizedAnswers(status: Int, body: String, category: ErrorCategory, retry: Retry) throws {
    let error = try #require(failure(status, body))
    #expect(error.code == nil)
    #expect(!error.isRecognized)
    #expect(error.category == category)
    #expect(error.retry == retry)
    #expect(error.status == status)
    #expect(error.body.bytes == Array(body.utf8))
  }

  @Test("Retry-After is read as seconds")
  func retryAfterSeconds() throws {
    let error = try #require(failure(503, "", headers: ["retry-after": "120"]))
    #expect(error.retryAfterSeconds == 120)
  }

  @Test("An error's description never contains the body or the raw message")
  func descriptionHidesBody() throws {
    let secret = "wvx-token-5f2b9c1e8d7a6f3b"
    let bodies = [
      #"{"code":403,"error":"FORBIDDEN","msg":"INVALID TOKEN \#(secret)"}"#,
      #"{"code":"\#(secret)","msg":"\#(secret)"}"#,
      "<html>\(secret)</html>",
    ]
    for body in bodies {
      let error = try #require(failure(403, body))
      #expect(!error.description.contains(secret))
      #expect(!String(describing: error).contains(secret))
      #expect(!(error.errorDescription ?? "").contains(secret))
    }
  }

  @Test("A 403 that is not the daily quota comes back as its own typed code")
  func switchOnTypedCode() throws {
    let body = #"{"code":403,"error":"FORBIDDEN","msg":"PLEASE VALIDATE TOKEN"}"#
    guard case .failure(let error) = Wolkvox.classify(status: 403, body: body) else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.code == .tokenNotValidated)
  }

  @Test(
    "Every row of the Wolkvox seed is in the catalog, verbatim",
    .enabled(if: PackagePaths.seed("000_f745e0fca91102e5.txt") != nil, PackagePaths.seedsAbsent))
  func seedRowsArePresent() throws {
    let seed = try #require(PackagePaths.seed("000_f745e0fca91102e5.txt"))
    let statusNames = [
      "BAD REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT FOUND", "METHOD NOT ALLOWED", "PRECONDITION FAILED",
      "REQUESTED RANGE NOT SATISFIABLE", "EXPECTATION FAILED",
    ]
    let rows = seed.split(separator: "\n").filter { line in
      line.range(of: #"^4\d\d – [A-Z ]+ "#, options: .regularExpression) != nil
    }
    #expect(rows.count == PackagePaths.seedEntryCount(Wolkvox.tables, provider: .wolkvox))
    let catalogued = Wolkvox.Code.table.entries
    for row in rows {
      let code = String(row.prefix(3))
      var rest = row.dropFirst(6)
      let name = try #require(statusNames.first { rest.hasPrefix($0 + " ") })
      rest = rest.dropFirst(name.count + 1)
      let found = catalogued.contains { $0.code == code && rest.hasPrefix($0.message + " ") }
      #expect(found, "missing seed row: \(row.prefix(80))")
    }
  }
}
