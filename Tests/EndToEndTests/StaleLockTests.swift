import Foundation
import StepwiseCore
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Locks left behind by processes killed with SIGKILL are recognised and taken over; a lock
/// held by a live process is respected: the record reads only, a booking waits for it.
final class StaleLockTests: EndToEndTestCase {
    private var helpers: [pid_t] = []

    override func tearDownWithError() throws {
        for pid in helpers {
            kill(pid, SIGKILL)
            Spawn.wait(pid)
        }
        helpers = []
        try super.tearDownWithError()
    }

    /// A process that lives until it is killed, to stand for a colleague's program.
    private func livingProcess() throws -> pid_t {
        let pid = try Spawn.start(["600"], executable: "/bin/sleep")
        helpers.append(pid)
        return pid
    }

    private func killHelper(_ pid: pid_t) {
        kill(pid, SIGKILL)
        Spawn.wait(pid)
        helpers.removeAll { $0 == pid }
    }

    private var locks: URL { data.appendingPathComponent("locks") }
    private var host: String { ProcessInfo.processInfo.hostName }

    private func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// Writes an edit lock (as RecordLock writes it) for `id`, held by `pid` on `host`.
    private func writeEditLock(_ id: String, pid: pid_t, host: String, since: Date = Date()) throws {
        try FileManager.default.createDirectory(at: locks, withIntermediateDirectories: true)
        let text = #"{"identity":{"coach":"Bo","host":"\#(host)","pid":\#(pid),"user":"bo"},"since":"\#(iso(since))"}"#
        try Data(text.utf8).write(to: locks.appendingPathComponent(id + ".lock"))
    }

    /// Writes a short lock (as ExclusiveLock writes it) at `name` in the locks folder.
    private func writeShortLock(_ name: String, pid: pid_t, host: String, since: Date = Date()) throws {
        try FileManager.default.createDirectory(at: locks, withIntermediateDirectories: true)
        let text = #"{"identity":{"coach":"Bo","host":"\#(host)","pid":\#(pid),"user":"bo"},"since":"\#(iso(since))","token":"k-test"}"#
        try Data(text.utf8).write(to: locks.appendingPathComponent(name))
    }

    private func holder(of id: String) -> pid_t? {
        guard let bytes = FileManager.default.contents(atPath: locks.appendingPathComponent(id + ".lock").path),
            let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any],
            let identity = object["identity"] as? [String: Any]
        else { return nil }
        return (identity["pid"] as? NSNumber).map { pid_t($0.int32Value) }
    }

    private func firstParticipant() -> (id: String, name: String) {
        let first = store.loadCaseload().compactMap { row -> (String, String)? in
            if case .participant(let entry) = row { return (entry.id, entry.name) }
            return nil
        }.first
        return first ?? ("", "")
    }

    private var store: DataStore { DataStore(root: data) }

    func testTheEditLockOfATerminalKilledWithSIGKILLIsTakenOver() throws {
        try makeDemo()
        let (id, name) = firstParticipant()
        let first = try startTUI()
        let pid = try first.waitForPID()
        first.tmux.waitFor(participantsLine())
        first.tmux.send("Enter")
        first.tmux.waitFor(name)
        first.tmux.waitFor("[1 Plan]")
        XCTAssertEqual(holder(of: id), pid, "the first terminal holds the record")

        kill(pid, SIGKILL)
        XCTAssertTrue(E2E.poll(timeout: 10) { !E2E.isRunning(pid) })
        XCTAssertEqual(holder(of: id), pid, "SIGKILL leaves the lock behind")

        let second = try startTUI()
        let secondPID = try second.waitForPID()
        second.tmux.waitFor(participantsLine())
        second.tmux.send("Enter")
        let screen = second.tmux.waitFor("[1 Plan]")
        XCTAssertTrue(screen.contains(name), screen)
        XCTAssertFalse(screen.contains("Read only"), "a lock of a process that is gone is taken over:\n\(screen)")
        XCTAssertEqual(holder(of: id), secondPID, "the lock now names the second terminal")
        second.tmux.send("Escape")
        second.tmux.waitFor(participantsLine())
        second.tmux.send("q")
        XCTAssertEqual(second.waitForExit(), 0)
        XCTAssertNil(holder(of: id), "and it is given back")
    }

    func testTheEditLockOfALiveProcessIsRespectedUntilThatProcessIsKilled() throws {
        try makeDemo()
        let (id, name) = firstParticipant()
        let colleague = try livingProcess()
        try writeEditLock(id, pid: colleague, host: host)

        let run = try startTUI()
        run.tmux.waitFor(participantsLine())
        run.tmux.send("Enter")
        var screen = run.tmux.waitFor("[1 Plan]")
        XCTAssertTrue(screen.contains(name), screen)
        XCTAssertTrue(screen.contains("Read only: Bo (user bo) has this record open"), "a live holder is respected:\n\(screen)")
        XCTAssertEqual(holder(of: id), colleague)

        // Erasing a record open elsewhere is refused too.
        let erase = try stepwise(["erase", id, "--yes"])
        XCTAssertEqual(erase.status, 1)
        XCTAssertTrue(erase.stderr.contains("open at another terminal (Bo, user bo"), erase.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: try store.participantFile(id).path))

        // The colleague's program is killed: its lock is left behind, and taken over.
        killHelper(colleague)
        run.tmux.send("Escape")
        run.tmux.waitFor(participantsLine())
        run.tmux.send("Enter")
        screen = run.tmux.waitFor("[1 Plan]")
        XCTAssertFalse(screen.contains("Read only"), "the lock of the killed process is taken over:\n\(screen)")
        XCTAssertEqual(holder(of: id), try run.waitForPID())
        run.tmux.send("Escape")
        run.tmux.waitFor(participantsLine())
        run.tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
    }

    func testALiveEditLockOnAnotherMachineIsRespected() throws {
        try makeDemo()
        let (id, _) = firstParticipant()
        // On a shared network folder the holder may run on another machine: its process cannot be checked.
        try writeEditLock(id, pid: 1, host: "another-machine.example", since: Date().addingTimeInterval(-3600))
        let run = try startTUI()
        run.tmux.waitFor(participantsLine())
        run.tmux.send("Enter")
        let screen = run.tmux.waitFor("[1 Plan]")
        XCTAssertTrue(screen.contains("Read only: Bo (user bo)"), screen)
        run.tmux.send("Escape")
        run.tmux.waitFor(participantsLine())
        run.tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
    }

    func testABookingWaitsForALiveOfferLockAndTakesOverOneLeftByAKilledProcess() throws {
        try makeDemo()
        let people = store.participantIDs()
        let csv = root.appendingPathComponent("locks.csv")
        try "id,title,kind,capacity\r\no-locked,Locked,workshop,5\r\n".write(to: csv, atomically: true, encoding: .utf8)
        XCTAssertEqual(try stepwise(["offers", "import", csv.path]).status, 0)

        // A live holder: the booking waits.
        let colleague = try livingProcess()
        try writeShortLock("offer-o-locked.lock", pid: colleague, host: host)
        let started = Date()
        let booking = try Spawn.start(["book", people[0], "o-locked", "--data", data.path])
        usleep(1_500_000)
        var status: Int32 = 0
        XCTAssertFalse(Spawn.hasEnded(booking, status: &status), "the booking waits while the lock's holder lives")
        XCTAssertEqual(try store.loadOffer("o-locked").booked, [], "nothing is booked while it waits")

        // The holder is killed with SIGKILL: the booking takes the lock over and finishes.
        killHelper(colleague)
        XCTAssertTrue(E2E.poll(timeout: 10) { Spawn.hasEnded(booking, status: &status) }, "the booking finishes")
        XCTAssertEqual(status, 0)
        let waited = Date().timeIntervalSince(started)
        XCTAssertGreaterThan(waited, 1.4)
        XCTAssertLessThan(waited, 10)
        XCTAssertEqual(try store.loadOffer("o-locked").booked.map(\.participantId), [people[0]])

        // A lock left by a killed process, found at once.
        let gone = try livingProcess()
        killHelper(gone)
        try writeShortLock("offer-o-locked.lock", pid: gone, host: host)
        try writeShortLock("journal-\(people[1]).lock", pid: gone, host: host)
        var clock = Date()
        var result = try stepwise(["book", people[1], "o-locked"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("journal entry could not be written"), result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(clock), 5)
        XCTAssertEqual(try store.loadParticipant(people[1]).journal.last?.offerId, "o-locked", "the journal lock was taken over too")

        // A lock on another machine, older than any booking takes (2 minutes): its machine crashed.
        try writeShortLock("offer-o-locked.lock", pid: 1, host: "another-machine.example", since: Date().addingTimeInterval(-600))
        clock = Date()
        result = try stepwise(["book", people[2], "o-locked"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(clock), 5)

        let leftovers = try FileManager.default.contentsOfDirectory(atPath: locks.path)
        XCTAssertEqual(leftovers, [], "every lock taken over is given back")
    }
}
