import Foundation
import Testing
import Wolkvox

@testable import ErrorCatalog

/// What makes two errors the same error, and what comparing, hashing and encoding them costs.
@Suite("Error identity")
struct ErrorIdentityTests {
  static func error(_ body: String, status: Int = 400) throws -> Wolkvox.Error {
    try #require(Wolkvox.classify(status: status, body: body).error)
  }

  @Test("One error with other details is equal; another code, status or classification is not")
  func sameErrorSameIdentity() throws {
    let skill4512 = try Self.error(
      #"{"code":400,"error":"BAD REQUEST","msg":"SKILL_ID 4512 DOES NOT EXIST IN YOUR OPERATION."}"#)
    let skill77 = try Self.error(
      #"{"code":400,"error":"BAD REQUEST","msg":"SKILL_ID 77 DOES NOT EXIST IN YOUR OPERATION."}"#)
    #expect(skill4512.parameters != skill77.parameters)
    #expect(skill4512 == skill77)
    #expect(skill4512.hashValue == skill77.hashValue)
    #expect(Set([skill4512, skill77]).count == 1)

    let limit = try Self.error(#"{"code":403,"error":"FORBIDDEN","msg":"TOKEN LIMIT EXCEEDED"}"#, status: 403)
    #expect(limit != skill4512)
    // The same unrecognized body under two statuses: two errors (the status is what classified them).
    let page = "<html>bad gateway</html>"
    #expect(try Self.error(page, status: 502) != Self.error(page, status: 503))
    #expect(try Self.error(page, status: 502) == Self.error("<html>other page</html>", status: 502))
  }

  @Test("Comparing and hashing read no body; the body's fields are read once, by whichever copy asks first")
  func costs() throws {
    let errors = try (0..<50).map {
      try Self.error(#"{"code":400,"error":"BAD REQUEST","msg":"SKILL_ID \#($0) DOES NOT EXIST IN YOUR OPERATION."}"#)
    }
    let compared = WebhookGrowthTests.parsedBytes {
      #expect(Set(errors).count == 1)
      #expect(errors.allSatisfy { $0 == errors[0] })
    }
    #expect(compared == 0)
    let one = errors[7]
    let copy = one
    let firstRead = WebhookGrowthTests.parsedBytes { #expect(one.parameters["skillID"] == "7") }
    let laterReads = WebhookGrowthTests.parsedBytes {
      #expect(copy.parameters["skillID"] == "7")
      #expect(one.rawMessage == "SKILL_ID 7 DOES NOT EXIST IN YOUR OPERATION.")
      _ = copy.references
      _ = try? JSONEncoder().encode(copy)
    }
    let other = errors[8]
    let encoded = WebhookGrowthTests.parsedBytes { _ = try? JSONEncoder().encode(other) }
    if JSONReader.observesParsing {
      #expect(firstRead > 0)
      // Kept: the copy and every later field read nothing but the body's shape for the encoding's
      // `"body": {"shape": "json"}`.
      #expect(laterReads <= one.body.totalCount, "later reads parsed \(laterReads) bytes")
      #expect(
        encoded <= firstRead + other.body.totalCount,
        "encoding parsed \(encoded) bytes; one field read parses \(firstRead), the body is \(other.body.totalCount)")
    }
    // The fields read are the same, whichever copy reads first and however many threads ask at once.
    let fresh = try (0..<8).map {
      try Self.error(#"{"code":400,"error":"BAD REQUEST","msg":"SKILL_ID \#($0) DOES NOT EXIST IN YOUR OPERATION."}"#)
    }
    DispatchQueue.concurrentPerform(iterations: 64) { index in
      let error = fresh[index % fresh.count]
      #expect(error.parameters["skillID"] == String(index % fresh.count))
    }
  }

  @Test("An error is one pointer wide: a copy is one retain, whatever the error carries")
  func onePointerWide() {
    #expect(MemoryLayout<Wolkvox.Error>.size == MemoryLayout<AnyObject>.size)
  }
}
