import ErrorCatalog
import Foundation
import Testing

@testable import ErrcatCommand

/// Issue 21, the second attack's findings: credentials in URLs, schemes after quotes or line breaks, phone
/// numbers followed by punctuation or written with a trunk prefix, invisible characters, and phone masking in
/// bounded work.
@Suite("errcat redaction: the second attack")
struct RedactionSecondAttackTests {
  /// `text` as a WhatsApp error's message and details, through `errcat classify` in text and JSON.
  func outputs(_ text: String) throws -> [String] { try RedactionTests().outputs(text) }

  @Test(
    "Passwords and users in URLs are masked, whatever the scheme",
    arguments: [
      ("https://admin:opensesame@10.0.0.5/x", ["opensesame", "admin"]), ("http://bob:pw@localhost/", ["bob:pw"]),
      ("redis://:pw1@cache:6379", [":pw1@"]), ("postgres://app:pw2@db:5432/x", ["app:pw2", "pw2"]),
      ("see https://u:p%40ss@host.example/path?q=1 now", ["p%40ss", "u:p"]),
    ])
  func urlCredentials(text: String, secrets: [String]) throws {
    for output in try outputs(text) {
      for secret in secrets { #expect(!output.contains(secret), "\(text): \(output)") }
      #expect(output.contains("@"), "the host stays: \(output)")
    }
  }

  @Test(
    "The credential after Bearer is masked after quotes, any space, a line break or a backslash",
    arguments: [
      #"Bearer "qq1""#, "Bearer\u{A0}qq1", "Bearer\nqq1", #"Bearer \"qq1\""#, "Basic=qq1", "bearer: qq1",
    ])
  func schemes(text: String) throws {
    for output in try outputs("header \(text) end") { #expect(!output.contains("qq1"), "\(text): \(output)") }
  }

  @Test(
    "Phone numbers before a colon, and national numbers with a trunk prefix, are masked",
    arguments: [
      ("Recipient +5511987654321: not a WhatsApp user", "98765"), ("call +55 11 98765-4321: now", "98765"),
      ("07700 900123", "900123"), ("020 7946 0958", "7946"), ("0044 20 7946 0958", "7946"),
      ("(+52) 55 1234 5678", "1234"),
    ])
  func phones(text: String, hidden: String) throws {
    for output in try outputs(text) { #expect(!output.contains(hidden), "\(text): \(output)") }
  }

  @Test(
    "Times, dates, paths and versions next to a colon or slash stay readable",
    arguments: ["at 10:30 on 2024-01-15", "2024-01-15 10:15:04", "order 01.02.2024", "v0.9.1 and 0.12.3", "12/05/2024"])
  func stillReadable(text: String) {
    #expect(Redaction.redactedText(text) == text)
  }

  @Test("Invisible formatting characters are escaped in text and JSON alike")
  func invisibleCharacters() throws {
    let text = "pass\u{200B}word=x \u{FEFF}a\u{00AD}b \u{E0041}"
    let (plain, json) = try { () throws -> (String, String) in
      let both = try outputs(text)
      return (both[0], both[1])
    }()
    for scalar in ["\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{E0041}"] {
      #expect(!plain.contains(scalar), "text output passes U+\(String(scalar.unicodeScalars.first!.value, radix: 16))")
      #expect(!json.contains(scalar), "JSON output passes U+\(String(scalar.unicodeScalars.first!.value, radix: 16))")
    }
    #expect(plain.contains("\\u{200b}"))
    #expect(json.contains("\\u200b"))
    // The JSON stays valid, and a character beyond U+FFFF is written as its surrogate pair.
    #expect(json.contains("\\udb40\\udc41"))
    #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
  }

  @Test("A long run of digit groups is read a bounded number of groups from each start")
  func phoneWorkIsBounded() {
    for pattern in ["1 ", "12 ", "(11) ", "1-", "1.", "1\u{A0}"] {
      let text = String(repeating: pattern, count: 4_000)
      let units = TextRedaction.units(Array(text.unicodeScalars))
      // Work for one start is the groups read from it: at most 16 (no phone number has more than 15 digits),
      // so the whole text is linear in its length.
      for start in stride(from: 0, to: units.count, by: 997) where units[start].decoded.properties.numericType != nil {
        #expect(TextRedaction.phoneGroups(units, from: start).groups.count <= 16, "\(pattern)")
      }
      // And the whole text is masked, in work proportional to it (this ran for minutes before).
      _ = Redaction.redactedText(text)
    }
  }

  @Test("A rate-limit header's wait written with an exponent is that wait, never a shorter one")
  func rateLimitExponents() {
    let usage = { (value: String) in
      #"{"1":[{"type":"whatsapp","estimated_time_to_regain_access":\#(value)}]}"#
    }
    #expect(RateLimitHeaders.wait(in: ["X-Business-Use-Case-Usage": usage("1e1")])?.seconds == 600)
    #expect(RateLimitHeaders.wait(in: ["X-Business-Use-Case-Usage": usage("1.5E+1")])?.seconds == 900)
    #expect(RateLimitHeaders.wait(in: ["X-Business-Use-Case-Usage": usage("1e308")])?.seconds == Int(Int32.max))
    #expect(
      RateLimitHeaders.wait(in: ["X-Ad-Account-Usage": #"{"reset_time_duration":1e400}"#])?.seconds == Int(Int32.max))
    #expect(RateLimitHeaders.wait(in: ["X-Ad-Account-Usage": #"{"reset_time_duration":5e-1}"#])?.seconds == 1)
    #expect(RateLimitHeaders.wait(in: ["X-Ad-Account-Usage": #"{"reset_time_duration":0}"#]) == nil)
  }

  @Test("Yeastar's personal fields (PIN code, caller id name, IBAN) show their name, not their value")
  func yeastarPersonalFields() throws {
    for (field, value) in [("pincode", "4321"), ("cid_name", "Maria Silva"), ("iban", "DE89 3704"), ("ssn", "078-05")] {
      let body =
        #"{"errcode":60002,"errmsg":"PARAMETER ERROR","invalid_param_list":[{"field":"\#(field)","value":"\#(value)"}]}"#
      for arguments in [
        ["classify", "yeastar", "--status", "200", "--body", body],
        ["classify", "yeastar", "--status", "200", "--body", body, "--json"],
      ] {
        let output = Errcat.run(arguments: arguments).standardOutput
        #expect(output.contains(field), "\(field): \(output)")
        #expect(!output.contains(value), "\(field): \(output)")
      }
    }
  }

  @Test("E-mail addresses whose local part has RFC 5322's other characters are masked; a name before = stays")
  func emailForms() throws {
    for output in try outputs("mail a!b#c$d/e?f^g|h~i*j@example.com and email=bob@example.com") {
      #expect(!output.contains("b#c$d"), "\(output)")
      #expect(!output.contains("bob@"), "\(output)")
      #expect(output.contains("email=b"), "\(output)")
    }
  }

  @Test("A credential in an XML element, or written in fullwidth forms, is masked; fullwidth digits too")
  func elementsAndFullwidth() throws {
    for output in try outputs("<token>abc123xyz</token> <password>hunter2</password> ｔｏｋｅｎ＝qq9 ＋５５ １１ ９８７６５ ４３２１") {
      for secret in ["abc123xyz", "hunter2", "qq9", "９８７６５"] { #expect(!output.contains(secret), "\(output)") }
      #expect(output.contains("<token>"), "\(output)")
    }
  }

  @Test(
    "Third pass: encoded or escaped URL passwords, namespaced XML elements, bracketed values, schemes before brackets",
    arguments: [
      ("https://bob:p%40ssword@10.0.0.5/", "ssword"), ("https://bob:p%2Fw'rd@h.example/", "w'rd"),
      (#"https:\/\/bob:pw9@h.example\/x"#, "pw9"), ("//bob:pw8@h.example/x", "pw8"),
      (#"<wsse:Password Type="PasswordText">s3cr3t</wsse:Password>"#, "s3cr3t"), ("password=<hunter2>", "hunter2"),
      ("password=(hunter3)", "hunter3"), ("password:: hunter4", "hunter4"), ("Bearer+tok5", "tok5"),
      ("Bearer <tok6>", "tok6"), ("Bearer (tok7)", "tok7"), ("Bearer [tok8]", "tok8"),
      ("bob@example.xn--p1ai", "bob"), ("key qWzXkPmR84736251940 here", "84736251940"), ("pass12345678", "12345678"),
      ("bob\u{200B}@example.com", "bob"), ("5511987\u{00AD}654321 now", "987"),
    ])
  func thirdPass(text: String, secret: String) throws {
    for output in try outputs("see \(text) now") { #expect(!output.contains(secret), "\(text): \(output)") }
  }

  @Test("A trace id is shown as it is only when it has a trace id's shape")
  func traceIDs() {
    #expect(Redaction.redactedIdentifier("AbC_12-xyz", name: "fbtrace_id") == "AbC_12-xyz")
    for value in ["+5511987654321", "bob@example.com", "token=abc", "5511987654321"] {
      #expect(!Redaction.redactedIdentifier(value, name: "fbtrace_id").contains(value), "\(value)")
    }
  }

  @Test("Masking many values in one text keeps the text's other characters and order")
  func manyMaskedValues() {
    let text = String(repeating: "pin=x; ", count: 20_000)
    let result = Redaction.redactedText(text)
    #expect(!result.contains("pin=x;"))
    #expect(result.hasPrefix("pin=\(Redaction.masked("x")); pin="))
    #expect(result.components(separatedBy: "pin=").count == 20_001)
  }
}
