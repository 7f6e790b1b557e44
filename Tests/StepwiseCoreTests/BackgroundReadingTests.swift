import Foundation
import XCTest

@testable import StepwiseCore

/// `BackgroundReading`, which the offer catalogue and the placement counts share: one reading
/// per stamp, the value kept while the stamp stays, the last reading started kept.
final class BackgroundReadingTests: XCTestCase {
    /// A counter the reading thread and the test share.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { value += 1; return value } }
    }

    func testAStampBeingReadIsNotReadAgainAndTheValueIsKeptWhileTheStampStays() throws {
        let calls = Counter()
        let held = DispatchSemaphore(value: 0)
        let gates = Counter()
        let reading = BackgroundReading<Int, Int> { calls.next() }
        reading.gate = { if gates.next() == 1 { held.wait() } }
        XCTAssertNil(reading.request(at: 1), "nothing read yet")
        XCTAssertNil(reading.request(at: 1), "the same stamp asked again while it is read")
        XCTAssertTrue(reading.isReading)
        held.signal()
        XCTAssertEqual(reading.take(wait: true), 1)
        XCTAssertEqual(reading.count, 1, "one reading for two requests of one stamp")
        reading.gate = {}
        XCTAssertEqual(reading.request(at: 1)?.value, 1)
        XCTAssertEqual(reading.request(at: 1)?.current, true)
        XCTAssertNil(reading.take(wait: true), "nothing was read again")
        XCTAssertFalse(reading.isReading)
        let stale = try XCTUnwrap(reading.request(at: 2), "the value as last read while the new stamp is read")
        XCTAssertEqual(stale.value, 1)
        XCTAssertFalse(stale.current)
        XCTAssertEqual(reading.take(wait: true), 2)
        XCTAssertEqual(reading.count, 2)
    }

    func testAnOlderReadingFinishingLastIsNotKept() throws {
        let calls = Counter()
        let first = DispatchSemaphore(value: 0)
        let order = Counter()
        let reading = BackgroundReading<Int, Int> { calls.next() }
        reading.gate = { if order.next() == 1 { first.wait() } }
        XCTAssertNil(reading.request(at: 1))
        XCTAssertNil(reading.request(at: 2), "another stamp: a second reading is started")
        XCTAssertEqual(reading.take(wait: true), 1, "the second reading, which ran first, read once")
        first.signal()
        let deadline = Date().addingTimeInterval(10)
        while reading.count < 2 && Date() < deadline { usleep(1_000) }
        XCTAssertEqual(reading.count, 2)
        XCTAssertNil(reading.take(wait: false), "the older reading is not given")
        XCTAssertEqual(reading.request(at: 2)?.value, 1, "the newer value is kept, at its stamp")
        XCTAssertEqual(reading.request(at: 2)?.current, true)
    }
}
