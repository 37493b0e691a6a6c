import Testing

@testable import ErrorCatalog
@testable import GENIQ

/// GENIQ's delivery reports as query strings are read twice over: the fast path that decides a report
/// (`ReportKey.readQuery`, on the core's `QueryString.lastValues`) and the general reader whose fields a
/// user reads (`DeliveryReport.queryFields`). They must agree on every ASCII query, or a report would be
/// classified from values its own fields do not show.
@Suite("Query strings: the deciding read agrees with the fields")
struct QueryStringTests {
  /// Keys spelt as gateways and hand-written tests spell them, and some that only look alike.
  static let keys = [
    "status", "STATUS", "Status", " status", "sta tus", "st%61tus", "reasonCode", "reasoncode", "REASONCODE",
    "reason_code", "Reason_Code", "reason code", "reason+Code", "%72easonCode", "reasonCodes", "reason", "id",
    "", "status%00",
  ]
  static let values = ["1", " 2 ", "null", "NULL", "", "+", "%20", "undeliverable", "Exceeded-Retry", "a%2Bb", "%"]
  static let separators = ["&", "\n", "\r\n", "&&"]

  @Test("Every random ASCII query gives the same status and reason both ways")
  func agrees() throws {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<5_000 {
      var query = next(4) == 0 ? "https://gateway.example/report?" : ""
      for pair in 0..<(1 + next(5)) {
        if pair > 0 { query += Self.separators[next(Self.separators.count)] }
        query += Self.keys[next(Self.keys.count)] + "=" + Self.values[next(Self.values.count)]
      }
      if next(8) == 0 { query += "#fragment&status=ignored" }
      let body = ResponseBody(Array(query.utf8))
      let fast = try #require(GENIQ.ReportKey.readQuery(body), "\(query)")
      let fields = GENIQ.DeliveryReport.queryFields(body)
      let names = GENIQ.reportShape
      #expect(fast.status == fields?.member(names.status)?.trimmedText, "\(query)")
      #expect(fast.reason == fields?.member(names.reason)?.scalarText, "\(query)")
    }
  }

  @Test("The fast path reads any two members of up to three names between them, with the JSON lookup's precedence")
  func namesFromTheShape() throws {
    let read = { (query: String, first: WireShape.Names, second: WireShape.Names) in
      QueryString.lastValues(in: Array(query.utf8), of: first, second).map { ($0.0?.text, $0.1?.text) }
    }
    // A name spelt exactly wins over one that differs in case, an earlier name over a later one.
    let exact = try #require(read("B=1&a=2&C=3&c=4", WireShape.Names("a"), WireShape.Names("b", "c")))
    #expect(exact.0 == "2" && exact.1 == "4")
    let folded = try #require(read("B=1&A=2&C=3", WireShape.Names("a"), WireShape.Names("b", "c")))
    #expect(folded.0 == "2" && folded.1 == "1")
    // More than three names: the general reader's work, as for text outside ASCII.
    #expect(read("a=1", WireShape.Names("a", "b"), WireShape.Names("c", "d")) == nil)
  }

  @Test("Text outside ASCII, or a key that decodes to it, is left to the general reader")
  func nonASCII() {
    #expect(GENIQ.ReportKey.readQuery(ResponseBody(Array("status=entregado&reasonCode=é".utf8))) == nil)
    #expect(GENIQ.ReportKey.readQuery(ResponseBody(Array("st%C3%A1tus=1".utf8))) == nil)
    #expect(GENIQ.ReportKey.readQuery(ResponseBody(Array("status=%C3%A9".utf8))) != nil)
  }

  @Test("Each pair is read once, in order, decoded")
  func pairs() {
    var seen: [String] = []
    QueryString.forEachPair(in: Array("?a=1&b+c=%41%2&noequals&=empty\u{2028}d=x=y".utf8)) { key, value in
      seen.append("\(key)|\(value())")
      return true
    }
    #expect(seen == ["a|1", "b c|A%2", "|empty", "d|x=y"])
  }
}
