import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// A screen's save (`ChangeSave`): the record, its audit line and its history line are all
/// durable when it returns, with as few fsyncs as that needs; at every step of it, what is on
/// disk never holds a change without its audit line, nor a history version the record never had.
final class ChangeSaveTests: XCTestCase {
    let anna = Identity(coach: "Anna", user: "anna", host: "h", pid: 1)
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// Every step a save makes, in order, and at each step what the files hold.
    final class Steps: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var steps: [AtomicFile.Step] = []
        private(set) var states: [(step: AtomicFile.Step, record: Bool, audited: Int, versions: Int)] = []
        let look: @Sendable () -> (Bool, Int, Int)
        /// Throws at the rename of this path, as a failed rename would.
        var failRename: String?

        init(look: @escaping @Sendable () -> (Bool, Int, Int)) { self.look = look }

        func note(_ step: AtomicFile.Step) throws {
            let (record, audited, versions) = look()
            lock.withLock {
                steps.append(step)
                states.append((step, record, audited, versions))
            }
            if case .renaming(let path) = step, path == failRename { throw AtomicFile.WriteError(path: path, reason: "injected", code: EIO) }
        }

        var fsyncs: [AtomicFile.Step] {
            lock.withLock {
                steps.filter {
                    if case .renaming = $0 { return false }
                    return true
                }
            }
        }
    }

    private func version(_ number: Int) -> PlanVersion {
        let editor = PlanEditor(author: .citizen, name: "Vera", now: t0, today: day("2026-01-05"))
        var plan = Plan()
        let change = editor.addGoal(kind: .job, text: "Warehouse work, \(number)", in: &plan)
        plan.version = number
        return PlanVersion(version: number, stamp: Stamp(by: "Anna", at: t0), author: .citizen, change: change, plan: plan)
    }

    /// A store with one participant, and a way to see what its files hold: whether the
    /// record has the name `changed`, how many audit lines name it, how many history versions.
    private func setUp(_ temp: TempStore, changed: String) throws -> (Participant, @Sendable () -> (Bool, Int, Int)) {
        try temp.store.prepare()
        try temp.store.save(Participant(id: "p-a", name: "Vera", language: "da", courseStart: day("2026-01-05"), by: Stamp(by: "A", at: t0)))
        let store = temp.store
        let look: @Sendable () -> (Bool, Int, Int) = {
            let record = (try? store.loadParticipant("p-a").name) == changed
            return (record, AuditLog(store: store).entries(for: "p-a").count, store.loadHistory(participant: "p-a").count)
        }
        return (try ParticipantJournal.read("p-a", in: temp.store), look)
    }

    func testAPlanChangeIsDurableWithFourFsyncsAndItsAuditLineBeforeTheRename() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        var (participant, look) = try setUp(temp, changed: "Vera Vang")
        participant.name = "Vera Vang"
        let record = try temp.store.participantFile("p-a").path
        let audit = AuditLog(store: temp.store).url.path
        let history = temp.store.root.appendingPathComponent("history/p-a.jsonl").path
        let steps = Steps(look: look)
        let outcome = try AtomicFile.tracing({ try steps.note($0) }) {
            try ChangeSave.save(participant, version: version(1), audit: .changed, in: temp.store, as: anna, at: t0, lockTimeout: 1)
        }
        XCTAssertNil(outcome.audit)
        XCTAssertNil(outcome.history)
        XCTAssertEqual(outcome.participant.name, "Vera Vang")

        // One fsync each: the record's temp file, its folder, the audit line, the history line.
        XCTAssertEqual(steps.fsyncs.count, 4, "\(steps.steps)")
        let participants = temp.store.root.appendingPathComponent("participants").path
        for step in [AtomicFile.Step.tempFile(record), .folder(participants), .appended(audit), .appended(history)] {
            XCTAssertEqual(steps.fsyncs.filter { $0 == step }.count, 1, "\(step) in \(steps.steps)")
        }
        // At every step (a power loss right after it): a changed record has its audit line,
        // and the history holds no version of a record not yet changed.
        for state in steps.states {
            if state.record { XCTAssertEqual(state.audited, 1, "change on disk without its audit line at \(state.step)") }
            if !state.record { XCTAssertEqual(state.versions, 0, "history version of an unsaved change at \(state.step)") }
        }
        // The audit line is durable before the record can be in place; the history line only
        // once it is (never a version the record never had).
        let order = steps.steps
        guard let rename = order.firstIndex(of: .renaming(record)), let audited = order.firstIndex(of: .appended(audit)),
            let versioned = order.firstIndex(of: .appended(history))
        else { return XCTFail("\(order)") }
        XCTAssertLessThan(audited, rename, "\(order)")
        XCTAssertGreaterThan(versioned, rename, "\(order)")
        // Returned: all three are on disk.
        XCTAssertEqual(look().0, true)
        XCTAssertEqual(look().1, 1)
        XCTAssertEqual(look().2, 1)

        // A change without a plan version: three fsyncs (no history line).
        participant = outcome.participant
        participant.name = "Vera V."
        let second = Steps(look: look)
        _ = try AtomicFile.tracing({ try second.note($0) }) {
            try ChangeSave.save(participant, version: nil, audit: .changed, in: temp.store, as: anna, at: t0, lockTimeout: 1)
        }
        XCTAssertEqual(second.fsyncs.count, 3, "\(second.steps)")
    }

    func testARecordThatCannotBePutInPlaceLeavesItsOldContentAndNoHistoryLine() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        var (participant, look) = try setUp(temp, changed: "Vera Vang")
        participant.name = "Vera Vang"
        let steps = Steps(look: look)
        steps.failRename = try temp.store.participantFile("p-a").path
        XCTAssertThrowsError(
            try AtomicFile.tracing({ try steps.note($0) }) {
                try ChangeSave.save(participant, version: version(1), audit: .changed, in: temp.store, as: anna, at: t0, lockTimeout: 1)
            })
        let (changed, audited, versions) = look()
        XCTAssertFalse(changed, "the record keeps its old content")
        XCTAssertEqual(versions, 0, "no history version of a change that did not land")
        // The audit line was written before the rename was tried: it notes the attempt.
        XCTAssertEqual(audited, 1)
        XCTAssertEqual(try temp.store.loadParticipant("p-a").name, "Vera")
        // No temp file is left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: temp.store.root.appendingPathComponent("participants").path)
        XCTAssertEqual(names, ["p-a.json"])
    }

    /// The participant's name changed and saved while another process holds the lock that
    /// `lockPath` names in the store: what the save gave (or threw), and what the files hold then.
    private func saveWhileHeldElsewhere(_ lockPath: (DataStore) -> String) throws -> (Result<ChangeSave.Outcome, Error>, (Bool, Int, Int)) {
        let temp = TempStore()
        defer { temp.cleanUp() }
        var (participant, look) = try setUp(temp, changed: "Vera Vang")
        participant.name = "Vera Vang"
        let other = Identity(coach: "Bo", user: "bo", host: "elsewhere", pid: 2)
        let held = try ExclusiveLock.acquire(path: lockPath(temp.store), as: other)
        defer { held.release() }
        let result = Result {
            try ChangeSave.save(participant, version: version(1), audit: .changed, in: temp.store, as: anna, at: t0, lockTimeout: 0.02)
        }
        return (result, look())
    }

    func testAJournalLockHeldElsewhereWritesNoLine() throws {
        let (result, (changed, audited, versions)) = try saveWhileHeldElsewhere { ParticipantJournal.lockPath("p-a", in: $0) }
        XCTAssertThrowsError(try result.get()) { XCTAssertTrue($0 is ExclusiveLock.Busy, "\($0)") }
        XCTAssertEqual([changed ? 1 : 0, audited, versions], [0, 0, 0], "a save kept to be made again has written nothing yet")
    }

    func testAnAuditLogLockedElsewhereIsReportedAndTheRecordIsSaved() throws {
        let (result, (changed, audited, versions)) = try saveWhileHeldElsewhere { AuditLog(store: $0).lockPath }
        let outcome = try result.get()
        XCTAssertTrue(outcome.audit is ExclusiveLock.Busy, "\(String(describing: outcome.audit))")
        XCTAssertNil(outcome.history)
        XCTAssertEqual([changed ? 1 : 0, audited, versions], [1, 0, 1])
    }
}
