import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The `URLProtocol` behind ``MockTransport``.
///
/// A session's protocol only sees the request, never the session, and URLSession on Linux does not show a
/// protocol the configuration's extra headers. So each transport gets a class of its own: `Slot` is a
/// type built from the transport's number, bit by bit, and the class answers for that transport only.
final class MockURLProtocol<Slot>: URLProtocol {
  override class func canInit(with request: URLRequest) -> Bool {
    true
  }

  override class func canonicalRequest(for request: URLRequest) -> URLRequest {
    request
  }

  override func startLoading() {
    guard let state = MockTransportRegistry.state(for: ObjectIdentifier(Self.self)) else {
      client?.urlProtocol(self, didFailWithError: URLError(.cannotConnectToHost))
      return
    }
    var seen = request
    if seen.httpBody == nil, let stream = request.httpBodyStream { seen.httpBody = Self.read(stream) }
    state.record(seen)
    switch state.answer(seen).content {
    case .failure(let code):
      client?.urlProtocol(self, didFailWithError: URLError(code))
    case .response(let status, let headers, let body):
      let url = request.url ?? URL(fileURLWithPath: "/")
      let response = CatalogSamples.httpResponse(status: status, headers: headers, url: url)
      client?.urlProtocol(self, didReceive: response, cacheStoragePolicy: .notAllowed)
      client?.urlProtocol(self, didLoad: body)
      client?.urlProtocolDidFinishLoading(self)
    }
  }

  override func stopLoading() {}

  private static func read(_ stream: InputStream) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 16_384)
    stream.open()
    defer { stream.close() }
    while true {
      let count = stream.read(&buffer, maxLength: buffer.count)
      if count <= 0 { break }
      data.append(buffer, count: count)
    }
    return data
  }
}

/// The type-level bits that make each transport's protocol class distinct.
private enum SlotEnd {}
private enum SlotBit0<Rest> {}
private enum SlotBit1<Rest> {}

/// Every transport made, by its protocol class. Entries are never removed: a session may outlive the
/// transport that made it, and a test process makes few transports.
enum MockTransportRegistry {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var transports: [ObjectIdentifier: MockTransportState] = [:]
  nonisolated(unsafe) private static var count = 0

  /// Registers a transport and returns the protocol class that answers for it.
  static func register(_ state: MockTransportState) -> URLProtocol.Type {
    let number = lock.withLock {
      count += 1
      return count
    }
    let type = protocolClass(number, SlotEnd.self)
    lock.withLock { transports[ObjectIdentifier(type)] = state }
    return type
  }

  static func state(for type: ObjectIdentifier) -> MockTransportState? {
    lock.withLock { transports[type] }
  }

  /// `MockURLProtocol<SlotBit…<SlotEnd>>` spelling `number` in binary: a distinct class for every number.
  private static func protocolClass<Built>(_ number: Int, _ built: Built.Type) -> URLProtocol.Type {
    if number == 0 { return MockURLProtocol<Built>.self }
    return number & 1 == 0
      ? protocolClass(number >> 1, SlotBit0<Built>.self) : protocolClass(number >> 1, SlotBit1<Built>.self)
  }
}
