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
    case .notAnAnswer(let explanation):
      client?.urlProtocol(
        self, didFailWithError: URLError(.cannotParseResponse, userInfo: [NSLocalizedDescriptionKey: explanation]))
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

/// The transports alive, by protocol class. Each transport gets a number, which names its class; a number
/// is given again once its transport's state is gone, so the classes made stay as few as the most
/// transports alive at once, and the registry holds no answers: only weak references, which a state's
/// `deinit` removes.
///
/// A session made from a configuration of a gone transport can only exist when the code under test
/// replaced the configuration's `urlCache`; its requests then fail with `cannotConnectToHost`, or, once the
/// number is given again, are answered by the newer transport.
package enum MockTransportRegistry {
  private struct Entry {
    weak var state: MockTransportState?
  }

  private static let lock = NSLock()
  nonisolated(unsafe) private static var entries: [ObjectIdentifier: Entry] = [:]
  nonisolated(unsafe) private static var freeNumbers: [Int] = []
  nonisolated(unsafe) private static var numbersMade = 0
  nonisolated(unsafe) private static var serials = 0

  /// Registers a new transport's answers under a free number and returns its state, which holds the
  /// protocol class that answers for it.
  static func register(_ answer: @escaping @Sendable (URLRequest) -> MockTransport.Answer) -> MockTransportState {
    let (number, serial) = lock.withLock {
      serials += 1
      if let number = freeNumbers.popLast() { return (number, serials) }
      numbersMade += 1
      return (numbersMade, serials)
    }
    let state = MockTransportState(
      answer: answer, number: number, serial: serial, protocolClass: protocolClass(number, SlotEnd.self))
    lock.withLock { entries[ObjectIdentifier(state.protocolClass)] = Entry(state: state) }
    return state
  }

  /// The state of the transport that this protocol class answers for, while it is alive. (The reference
  /// is returned, and released by the caller, after the lock.)
  static func state(for protocolClass: ObjectIdentifier) -> MockTransportState? {
    lock.withLock { entries[protocolClass]?.state }
  }

  /// Removes a gone transport's entry and frees its number.
  static func forget(_ protocolClass: URLProtocol.Type, number: Int) {
    lock.withLock {
      entries[ObjectIdentifier(protocolClass)] = nil
      freeNumbers.append(number)
    }
  }

  /// The serial numbers of the transports registered now.
  package static var registeredSerials: Set<Int> {
    // The states are released after the lock: releasing the last reference runs `deinit`, which takes it.
    let states = lock.withLock { entries.values.compactMap(\.state) }
    return Set(states.map(\.serial))
  }

  /// How many entries the registry holds.
  package static var count: Int { lock.withLock { entries.count } }

  /// How many protocol classes were made: the most transports alive at once so far.
  package static var classesMade: Int { lock.withLock { numbersMade } }

  /// `MockURLProtocol<SlotBit…<SlotEnd>>` spelling `number` in binary: a distinct class for every number.
  private static func protocolClass<Built>(_ number: Int, _ built: Built.Type) -> URLProtocol.Type {
    if number == 0 { return MockURLProtocol<Built>.self }
    return number & 1 == 0
      ? protocolClass(number >> 1, SlotBit0<Built>.self) : protocolClass(number >> 1, SlotBit1<Built>.self)
  }
}
