import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

final class RecordLockTests: XCTestCase {
    var temp = TempStore()

    override func setUp() { temp = TempStore() }
    override func tearDown() { temp.cleanUp() }

    func testSecondHolderSeesWhoHasIt() throws {
        try temp.store.prepare()
        guard case .acquired(let lock) = try temp.store.lockParticipant("p-abc", as: anna) else { return XCTFail() }
        XCTAssertEqual(mode(URL(fileURLWithPath: lock.path)), 0o600)
        // Another live process (this test's parent) on the same host.
        let bo = Identity(coach: "Bo", user: "bo", host: anna.host, pid: getppid())
        guard case .heldBy(let holder) = try temp.store.lockParticipant("p-abc", as: bo) else { return XCTFail() }
        XCTAssertEqual(holder.identity.coach, "Anna")
        lock.release()
        guard case .acquired = try temp.store.lockParticipant("p-abc", as: bo) else { return XCTFail("free after release") }
    }

    func testLockOfADeadProcessIsTakenOver() throws {
        try temp.store.prepare()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let gone = Identity(coach: "Gone", user: "gone", host: anna.host, pid: process.processIdentifier)
        guard case .acquired = try temp.store.lockParticipant("p-abc", as: gone) else { return XCTFail() }
        guard case .acquired = try temp.store.lockParticipant("p-abc", as: anna) else { return XCTFail("stale lock taken over") }
    }

    func testLockFromAnotherMachineIsRespected() throws {
        try temp.store.prepare()
        let remote = Identity(coach: "Remote", user: "r", host: "other-host", pid: 1)
        guard case .acquired = try temp.store.lockParticipant("p-abc", as: remote) else { return XCTFail() }
        guard case .heldBy = try temp.store.lockParticipant("p-abc", as: anna) else { return XCTFail() }
    }
}
