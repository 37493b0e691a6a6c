import FuzzSupport

@testable import ErrorCatalog

// errcat's masking, compiled from the tool's sources (the other files here are links to
// Sources/ErrcatCommand): a secret is planted in the free text of a provider's body, between fuzzed filler,
// and must not appear in `errcat classify`'s text output nor in its `--json` output.
//
// Input: one byte picks the body's shape, one the kind of secret, one its spelling; then the secret's
// material up to a NUL byte (made letters or digits), then the filler (made printable ASCII without `"` and
// `\`, so the body stays JSON).

/// Bodies with a slot for free text (`@@`), and the provider and kind to classify them as.
let shapes: [(provider: String, kind: String, body: String)] = [
  ("wolkvox", "response", #"{"code":400,"error":"@@","msg":"BAD"}"#),
  (
    "whatsapp", "response",
    #"{"error":{"message":"@@","type":"OAuthException","code":100,"error_data":{"messaging_product":"whatsapp","details":"@@"},"fbtrace_id":"A"}}"#
  ),
  (
    "whatsapp", "webhook",
    #"{"entry":[{"changes":[{"value":{"statuses":[{"id":"w","status":"failed","errors":[{"code":131047,"title":"@@","error_data":{"details":"@@"}}]}]}}]}]}"#
  ),
  ("yeastar", "response", #"{"errcode":40002,"errmsg":"@@","invalid_param_list":[{"field":"x","value":"@@"}]}"#),
  (
    "yeastar", "response",
    #"{"errcode":40003,"errmsg":"DUPLICATE","duplicate_field_list":[{"field":"f","value":"@@"}]}"#
  ),
  ("geniq", "response", #"{"responseCode":"20","responseMessage":"@@","reference":"r"}"#),
  ("cequens", "response", #"{"replyCode":1,"replyMessage":"@@","error":{"status":401,"description":"@@"}}"#),
  ("360dialog", "response", #"{"meta":{"success":false,"httpCode":400,"developerMessage":"@@"}}"#),
  ("360dialog", "response", #"{"errors":[{"code":1014,"title":"@@","details":"@@"}]}"#),
]

let secretNames = [
  "token", "api_key", "Password", "access_token", "client_secret", "X-Api-Key", "id_token", "passwd", "apiKey",
  "pin", "SESSION", "auth",
]
let separators = ["=", ": ", " = ", ":", "\t:\t", "%3D", "%3a", " => "]

/// The secret to plant and the text that must never be printed.
func planted(kind: UInt8, variant: UInt8, material: [UInt8]) -> (text: String, secret: String) {
  let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
  // A marker around the value makes it stand out from catalog text; the value may still be one character.
  let value = "Zq" + String(material.prefix(40).map { alphabet[Int($0) % alphabet.count] }) + "qZ"
  let digits = material.map { Character(String($0 % 10)) } + Array("98765432109876")
  func d(_ range: Range<Int>) -> String { String(digits[range]) }
  let name = secretNames[Int(variant) % secretNames.count]
  let separator = separators[Int(variant / 16) % separators.count]
  switch kind % 12 {
  case 0: return ("\(name)\(separator)\(value)", value)
  case 1:
    return (
      "Authorization:\(variant % 2 == 0 ? " " : "")\(["Bearer", "Basic", "Token"][Int(variant / 2) % 3]) \(value)",
      value
    )
  case 2: return ("\(variant % 2 == 0 ? "Bearer" : "bearer") \(value)", value)
  case 3:
    let formats = [
      "+\(d(0..<2)) \(d(2..<4)) 9\(d(4..<8)) \(d(8..<12))", "(\(d(0..<2))) 9\(d(2..<6))-\(d(6..<10))",
      "+1 (\(d(0..<3))) \(d(3..<6))-\(d(6..<10))", "0\(d(0..<2))-9\(d(2..<6))-\(d(6..<10))",
      "+\(d(0..<13))", "\(d(0..<3)).\(d(3..<6)).\(d(6..<10))", "+\(d(0..<2))-\(d(2..<5))-\(d(5..<9))",
      "07\(d(0..<3)) 9\(d(3..<8))", "0044 20 9\(d(0..<3)) \(d(3..<7))",
    ]
    let phone = formats[Int(variant) % formats.count]
    // Sentence punctuation after the number does not let it through.
    return (variant % 3 == 0 ? phone + ": not a WhatsApp user" : phone, phone)
  case 4:
    let email = "\(value.lowercased())@ex\(d(0..<2)).example.com"
    return (variant % 2 == 0 ? email : email.replacingOccurrences(of: "@", with: "%40"), value.lowercased())
  case 5: return (#"{'\#(name)'\#(separator)'\#(value)'}"#, value)
  case 6: return ("https://h.example/cb#\(name)=\(value)&state=1", value)
  case 7: return ("Set-Cookie: sid=\(value); Path=/", value)
  case 9: return (["https", "redis", "postgres"][Int(variant) % 3] + "://app:\(value)@db.example:5432/x", value)
  case 10: return ("Bearer\(["\u{A0}", "\n", " \"", "="][Int(variant) % 4])\(value)", value)
  case 11: return ("<p>\(["pincode", "hmac", "passwd"][Int(variant) % 3])=\(value)</p>", value)
  default: return ("Cookie: a=1; \(name)=\(value)", value)
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let input = inputBytes(data, size)
  guard input.count >= 3 else { return 0 }
  let shape = shapes[Int(input[0]) % shapes.count]
  let rest = input.dropFirst(3)
  let split = rest.firstIndex(of: 0) ?? rest.endIndex
  let (text, secret) = planted(kind: input[1], variant: input[2], material: Array(rest[..<split]))
  // Printable ASCII without `"` and `\`.
  let filler = rest[split...].dropFirst().prefix(2000).map { byte -> Character in
    let scalar = Unicode.Scalar(0x20 + byte % 95)
    return scalar == "\"" || scalar == "\\" ? " " : Character(scalar)
  }
  let half = filler.count / 2
  let freeText = String(filler[..<half]) + " " + text + " " + String(filler[half...])
  let body = shape.body.split(separator: "@@", omittingEmptySubsequences: false).joined(separator: freeText)
  for extra in [[], ["--json"]] {
    let output = Errcat.run(arguments: ["classify", shape.provider, "--kind", shape.kind, "--body", body] + extra)
    guard output.status == 0 else { violated("errcat exited \(output.status): \(output.standardError)") }
    if output.standardOutput.contains(secret) {
      violated("\(secret.debugDescription) printed from \(text.debugDescription):\n\(output.standardOutput)")
    }
  }
  return 0
}
