import ErrorCatalog
import Foundation
import Testing

@testable import ErrcatCommand

/// Issue 21: every form of credential the README says is masked is masked, in free text as in values, and
/// personal data (phone numbers in any spelling, e-mail addresses, duplicate values) is not printed by
/// default; dates, times, codes and versions stay readable.
@Suite("errcat redaction")
struct RedactionTests {
  /// Runs `errcat classify` on a WhatsApp error whose message and details hold `text`, in text and JSON.
  func outputs(_ text: String) throws -> [String] {
    let body = try JSONSerialization.data(withJSONObject: [
      "error": [
        "message": "(#100) Invalid parameter \(text)", "type": "OAuthException", "code": 100,
        "error_data": ["messaging_product": "whatsapp", "details": text], "fbtrace_id": "A",
      ]
    ])
    let arguments = ["classify", "whatsapp", "--status", "400", "--body", String(decoding: body, as: UTF8.self)]
    return [
      Errcat.run(arguments: arguments).standardOutput, Errcat.run(arguments: arguments + ["--json"]).standardOutput,
    ]
  }

  @Test(
    "A credential assignment in free text is masked whatever its form, spacing, quoting or encoding",
    arguments: [
      ("token: abcdefgh", "abcdefgh"), ("api_key: x", ": x"), ("Password: hunter2", "hunter2"),
      (#"see {"token": "q"} here"#, #""q""#), ("Authorization:Bearer z", "Bearer z"),
      ("https://a.example/cb#access_token=qqq&state=1", "qqq"),
      ("cb#id_token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "eyJ"), ("PASSWORD=p", "=p"),
      ("password = hunter2", "hunter2"), ("password   :\t hunter2", "hunter2"), ("'secret': 'w'", "'w'"),
      (#"{\"token\":\"v\"}"#, #"\"v\""#), (#"{\\\"token\\\":\\\"v\\\"}"#, #"v\\\"}"#),
      ("token%3Dvvv%26user%3Dbob", "vvv"), ("access%5Ftoken%3Dvvv", "vvv"), ("?a=1;session=sss,b=2", "sss"),
      ("&quot;token&quot;:&quot;vvv&quot;", "vvv"), (#"\u0022token\u0022:\u0022vvv\u0022"#, "vvv"),
      ("Set-Cookie: sid=sss; Path=/", "sss"), ("Cookie: a=1; sid=sss", "sss"),
      ("Authorization: Basic dXNlcjpwdw==", "dXNlcjpwdw"), ("Authorization: Token ttt", "ttt"),
      ("authorization=Bearer%20ttt&x=1", "ttt"), ("Bearer ttt, then", "ttt"), ("x-api-key => k1", "k1"),
      ("client_secret:=s1", "s1"), ("pin: 7", ": 7"), (#""auth": {"user": "bob"}"#, "bob"),
      ("passwd:\"a b c\"", "a b c"), ("JWT=j", "=j"), ("JSESSIONID=jjj; sid=sss", "sss"), ("JSESSIONID=jjj", "jjj"),
      ("token:\n  multiline", "multiline"), ("Authorization%3A%20Bearer%20xyz", "xyz"), ("refresh_token=r1&a=1", "r1"),
      ("`token`: `bq`", "bq"), ("Token=\"tt\"", "tt"), ("X-Amz-Signature=abc", "abc"), ("PRIVATE-KEY: pk", "pk"),
    ])
  func assignments(text: String, secret: String) throws {
    for output in try outputs(text) {
      #expect(!output.contains(secret), "\(text): \(output)")
    }
    #expect(!Redaction.redactedText(text).contains(secret))
  }

  @Test("The name, the separator and the text around a masked value are kept")
  func assignmentShape() {
    #expect(Redaction.redactedText("token: abcdefgh ok") == "token: \(Redaction.masked("abcdefgh")) ok")
    #expect(Redaction.redactedText(#"{"token": "x"}"#) == #"{"token": "\#(Redaction.masked("x"))"}"#)
    #expect(Redaction.redactedText("Authorization:Bearer x") == "Authorization:Bearer \(Redaction.masked("x"))")
    #expect(Redaction.redactedText("a#access_token=t&b=2") == "a#access_token=\(Redaction.masked("t"))&b=2")
    #expect(Redaction.redactedText("token expired, retry") == "token expired, retry")
    #expect(Redaction.redactedText("Invalid api_key or token expired") == "Invalid api_key or token expired")
  }

  @Test(
    "Phone numbers are masked in every usual spelling",
    arguments: [
      ("+55 11 98765 4321", "+55 ** ***** **21"), ("(11) 98765-4321", "(11) *****-**21"),
      ("+1 (650) 555-1234", "+1 (***) ***-**34"), ("011-98765-4321", "011-*****-**21"),
      ("650.555.1234", "650.***.**34"), ("+5511987654321", "+55*********21"), ("5511987654321", "551********21"),
      ("555-1234", "555-**34"), ("06 12 34 56 78", "06 ** ** ** 78"), ("+44 (0) 20 7946 0958", "+44 (*) ** **** **58"),
      ("%2B5511987654321", "%2B55*********21"),
      ("+55\u{A0}11\u{A0}98765\u{A0}4321", "+55\u{A0}**\u{A0}*****\u{A0}**21"),
      ("+55 (11) 98765-4321", "+55 (**) *****-**21"), ("11 98765-4321", "11 *****-**21"),
      ("1-650-555-1234", "1-6**-***-**34"), ("tel:+5511987654321", "tel:+55*********21"),
    ])
  func phones(phone: String, masked: String) throws {
    #expect(Redaction.redactedText("call \(phone).") == "call \(masked).")
    for output in try outputs("call \(phone) now") {
      #expect(!output.contains(phone), "\(output)")
    }
  }

  @Test(
    "Dates, times, codes, versions and addresses that look like digit groups stay readable",
    arguments: [
      "131047", "2024-01-15", "10:15:04", "2024-01-15 10:15:04", "2024-01-15T10:15:04Z", "HTTP/1.1", "v2.0",
      "10.15.7", "4.0.30319.42000", "15.01.2024", "192.168.10.20", "17-Jun-25 04:00:00 PDT", "(#131026)",
      "131047 131026", "1.2.3", "TLSv1.3", "(60000)", "2494055", "error 404", "10.0.0.1", "2024 01 15",
      "2024/01/15", "15-01-2024 23:59",
    ])
  func notPhones(text: String) {
    #expect(Redaction.redactedText(text) == text)
    #expect(Redaction.redacted(text, name: "message") == text)
  }

  @Test("E-mail addresses keep their first character and top-level domain")
  func emails() throws {
    #expect(Redaction.redactedText("to john.smith@example.com.") == "to j*********@*******.com.")
    #expect(Redaction.redactedText("a+b@mail.co.uk") == "a**@****.**.uk")
    #expect(Redaction.redactedText("mail=j%40x.example.org&a=1") == "mail=j%40*.*******.org&a=1")
    #expect(Redaction.redactedText("user@host is not an address") == "user@host is not an address")
    for output in try outputs("John Smith <john.smith@example.com>") {
      #expect(!output.contains("john.smith@example.com"))
      #expect(!output.contains("example"))
    }
  }

  @Test("WhatsApp error_data.details is checked like any value: e-mail addresses and phone numbers are masked")
  func whatsAppDetails() throws {
    let details = "Recipient Maria (maria.silva@example.com, +55 11 98765 4321) opted out"
    for output in try outputs(details) {
      #expect(!output.contains("maria.silva@"))
      #expect(!output.contains("98765"))
      #expect(output.contains("opted out"))
    }
  }

  @Test("Yeastar duplicate values are masked whole; a value beside a personal field is too")
  func yeastarDuplicates() throws {
    let body = #"""
      {"errcode": 40003, "errmsg": "DUPLICATE KEY VALUE", "submsg": "Extension create fail for duplicate fields",
       "duplicate_field_list": [{"field": "email_addr", "value": "example@126.com", "external_source": "extension",
       "external_source_name": "1011"}, {"field": "caller_id", "value": "Alice 2001"}]}
      """#
    for extra in [[], ["--json"]] {
      let output = Errcat.run(arguments: ["classify", "yeastar", "--body", body] + extra).standardOutput
      #expect(!output.contains("example@126.com"))
      #expect(!output.contains("Alice"))
      #expect(output.contains("email_addr"))
      #expect(output.contains(Redaction.masked("example@126.com")))
    }
    let revealed = Errcat.run(arguments: ["classify", "yeastar", "--body", body, "--reveal"]).standardOutput
    #expect(revealed.contains("example@126.com"))
    let invalid = Redaction.redacted(parameters: [
      "invalidParam.0.field": "mobile_number", "invalidParam.0.value": "not a number",
      "invalidParam.1.field": "extension", "invalidParam.1.value": "abc",
    ])
    #expect(invalid["invalidParam.0.value"] == Redaction.masked("not a number"))
    #expect(invalid["invalidParam.1.value"] == "abc")
  }
}
