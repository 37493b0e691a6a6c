import CatalogGenerator
import ErrorCatalog
import Foundation
import Testing
import Wolkvox

@testable import ErrcatCommand

@Suite("errcat")
struct ErrcatTests: ErrcatJSONReading {
  @Test("classify --json follows the contract")
  func classifyContract() throws {
    let output = Errcat.run(arguments: [
      "classify", "wolkvox", "--status", "403", "--body",
      #"{"code":403,"error":"FORBIDDEN","msg":"TOKEN LIMIT EXCEEDED"}"#,
      "--json",
    ])
    #expect(output.status == 0)
    let object = try json(output)
    #expect(object["provider"] as? String == "wolkvox")
    #expect(object["outcome"] as? String == "failure")
    let errors = try #require(object["errors"] as? [[String: Any]])
    let error = try #require(errors.first)
    #expect(error["recognized"] as? Bool == true)
    #expect(error["name"] as? String == "tokenLimitExceeded")
    #expect(error["table"] as? String == "api")
    #expect(error["code"] as? String == "403")
    #expect(error["status"] as? Int == 403)
    #expect(error["message"] as? String == "TOKEN LIMIT EXCEEDED")
    #expect(error["category"] as? String == "quota")
    #expect(error["retry"] as? String == "afterReset")
    #expect(error["fault"] as? String == "account")
    #expect(error["parameters"] is [String: Any])
    #expect(error["retryAfterSeconds"] is NSNull)
    #expect(error["explanation"] is String)
    #expect(error["remedy"] is String)
  }

  @Test("An unrecognized answer has recognized false, name null, and a status-based classification")
  func unrecognizedContract() throws {
    let output = Errcat.run(
      arguments: ["classify", "wolkvox", "--status", "503", "--header", "Retry-After: 30", "--json"],
      standardInput: { Array("<html><title>503 Service Temporarily Unavailable</title></html>".utf8) })
    let error = try #require((try json(output)["errors"] as? [[String: Any]])?.first)
    #expect(error["recognized"] as? Bool == false)
    #expect(error["name"] is NSNull)
    #expect(error["retry"] as? String == "backoff")
    #expect(error["category"] as? String == "provider")
    #expect(error["retryAfterSeconds"] as? Int == 30)
  }

  @Test("Success prints an empty error list")
  func success() throws {
    let output = Errcat.run(arguments: [
      "classify", "yeastar", "--body", #"{"errcode":0,"errmsg":"SUCCESS"}"#, "--json",
    ])
    let object = try json(output)
    #expect(object["outcome"] as? String == "success")
    #expect((object["errors"] as? [Any])?.isEmpty == true)
  }

  @Test("GENIQ template answers are looked up in the template table, where 0 is a revoked token")
  func geniqTemplates() throws {
    let body = #"{"reference":"t1","responseMessage":"Access token expired/revoked","responseCode":"0"}"#
    let template = try #require(
      (try json(Errcat.run(arguments: ["classify", "geniq", "--kind", "template", "--body", body, "--json"]))["errors"]
        as? [[String: Any]])?.first)
    #expect(template["table"] as? String == "template")
    // Meta's token held by GENIQ: renewing the integration's GENIQ token does not help (issue 22).
    #expect(template["retry"] as? String == "afterFix")
    #expect(template["fault"] as? String == "provider")
    let api = try json(Errcat.run(arguments: ["classify", "geniq", "--body", body, "--json"]))
    #expect(api["outcome"] as? String == "success")
  }

  @Test("A webhook with several failed statuses lists several errors")
  func webhookErrors() throws {
    let body =
      #"{"statuses":[{"id":"a","status":"failed","errors":[{"code":470}]},{"id":"b","status":"failed","errors":[{"code":471}]},{"id":"c","status":"read"}]}"#
    let output = Errcat.run(arguments: ["classify", "360dialog", "--kind", "webhook", "--body", body, "--json"])
    let errors = try #require(try json(output)["errors"] as? [[String: Any]])
    #expect(errors.compactMap { $0["code"] as? String } == ["470", "471"])
  }

  @Test(
    "Bad usage prints one line and exits 2",
    arguments: [
      [], ["frobnicate"], ["classify"], ["classify", "nosuch"], ["classify", "wolkvox", "--status", "abc"],
      ["classify", "wolkvox", "--kind", "report"], ["classify", "yeastar", "--kind", "template"],
      ["classify", "wolkvox", "--bogus"], ["explain", "wolkvox"],
      ["list", "a", "b"], ["classify", "wolkvox", "--body"],
    ])
  func badUsage(arguments: [String]) {
    let output = Errcat.run(arguments: arguments)
    #expect(output.status == 2)
    #expect(output.standardOutput.isEmpty)
    #expect(output.standardError.split(separator: "\n").count == 1)
  }

  @Test("list --json lists every entry of every catalog with the contract's fields")
  func listEverything() throws {
    let entries = try #require(try json(Errcat.run(arguments: ["list", "--json"]))["entries"] as? [[String: Any]])
    let expected = try Generator.loadCatalogs(in: PackagePaths.catalogs).count
    #expect(Set(entries.compactMap { $0["provider"] as? String }).count == expected)
    for key in [
      "provider", "table", "name", "code", "status", "message", "category", "retry", "fault", "explanation", "remedy",
    ] {
      #expect(entries.allSatisfy { $0[key] != nil }, "\(key)")
    }
  }

  @Test("explain finds a code in every table that has it, and a message with its values")
  func explain() throws {
    let byCode = try #require(
      try json(Errcat.run(arguments: ["explain", "wolkvox", "403", "--json"]))["entries"] as? [[String: Any]])
    #expect(byCode.count == Wolkvox.Code.table.entries(forCode: "403").count)
    #expect(byCode.count > 1)
    let byMessage = try #require(
      try json(
        Errcat.run(arguments: ["explain", "wolkvox", "CAMPAING_ID 77 DOES NOT EXIST IN YOUR OPERATION.", "--json"]))[
          "entries"] as? [[String: Any]])
    #expect(byMessage.first?["name"] as? String == "campaignNotFound")
    #expect((byMessage.first?["parameters"] as? [String: String])?["campaignID"] == "77")
  }

  @Test("Text output never shows a token from the body")
  func textHidesSecrets() {
    let token = "sk_live_51HxYzAbCdEf0123456789abcdef"
    let body = #"{"code":"\#(token)","error":"\#(token)","msg":"\#(token)"}"#
    let output = Errcat.run(arguments: ["classify", "wolkvox", "--status", "401", "--body", body])
    #expect(output.status == 0)
    #expect(!output.standardOutput.contains(token))
  }

  @Test(
    "Text output hides a token inside a provider's message, for every provider",
    arguments: ProviderAdapter.all.map(\.id))
  func textHidesEmbeddedSecrets(provider: ProviderID) {
    let token = "EAAGm0PX4ZCpsBAKZCZBq7x2sSECRETz9ZA"
    let bodies = [
      #"{"error":{"message":"Malformed access token \#(token)","type":"OAuthException","code":190,"fbtrace_id":"A"}}"#,
      #"{"code":401,"error":"UNAUTHORIZED","msg":"token \#(token) is not valid"}"#,
      #"{"errcode":-1,"errmsg":"FAILURE","invalid_param_list":[{"field":"token","value":"\#(token)"}]}"#,
      #"{"replyCode":1,"replyMessage":"TOKEN","error":{"status":401,"description":"bad \#(token)"}}"#,
      #"{"responseCode":"20","responseMessage":"Invalid Token \#(token)","reference":"r"}"#,
    ]
    for body in bodies {
      let output = Errcat.run(arguments: ["classify", provider.rawValue, "--status", "401", "--body", body])
      #expect(output.status == 0)
      #expect(!output.standardOutput.contains(token), "\(provider): \(output.standardOutput)")
    }
  }
}
