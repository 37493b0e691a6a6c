import FuzzSupport
import Wolkvox
import Yeastar

@testable import ErrorCatalog

// Bodies beyond the 1 MiB bound (`ResponseBody.storedLimit`), which libFuzzer's inputs (at most 64 KiB in
// Scripts/fuzz.sh) never reach on their own: the decoded body is repeated, then padded with its last byte,
// until it is longer than the bound by 0 to 255 KiB (the mode byte's spare bits pick how much), and
// classified by Wolkvox and Yeastar with every invariant checked (the error keeps the first 1 MiB and the
// full length, the body is not parsed, the answer comes from the status).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = inputBytes(data, size)
  let input = ResponseInput(bytes)
  let extra = (bytes.count > 2 ? Int(bytes[2] >> 2) : 0) * 4096
  let target = ResponseBody.storedLimit + 1 + extra
  var body: [UInt8] = []
  body.reserveCapacity(target)
  if !input.body.isEmpty {
    while body.count + input.body.count <= target { body += input.body }
  }
  body += [UInt8](repeating: input.body.last ?? 0x20, count: target - body.count)

  let kept = ResponseBody(body)
  guard kept.isTruncated, kept.totalCount == body.count, kept.bytes.count == ResponseBody.storedLimit,
    kept.json == nil
  else { violated("a body over the bound was kept or parsed") }

  var wolkvox = Expectation(
    provider: .wolkvox, kind: .response, status: input.status, headers: input.headers, body: body,
    fallback: .fromStatusOrBody)
  let wolkvoxAnswer = wolkvox.stamp { Wolkvox.classify(status: input.status, headers: input.headers, body: body) }
  check(wolkvoxAnswer, wolkvox) { Wolkvox.classify(status: input.status, headers: input.headers, body: body) }
  if let error = wolkvoxAnswer.error, error.isRecognized { violated("a body over the bound was recognized") }

  var yeastar = Expectation(
    provider: .yeastar, kind: .response, status: input.status, headers: input.headers, body: body,
    fallback: .fromStatus)
  let yeastarAnswer = yeastar.stamp { Yeastar.classify(status: input.status, headers: input.headers, body: body) }
  check(yeastarAnswer, yeastar) { Yeastar.classify(status: input.status, headers: input.headers, body: body) }
  if let error = yeastarAnswer.error, error.isRecognized { violated("a body over the bound was recognized") }
  return 0
}
