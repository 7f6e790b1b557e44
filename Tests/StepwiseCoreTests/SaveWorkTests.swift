import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// What a screen's save (`ChangeSave`) costs, counted rather than timed: it makes no JSON
/// encoder (one per kind serves the whole process), and its log lines read back as they were.
final class SaveWorkTests: XCTestCase {
    let anna = Identity(coach: "Anna", user: "anna", host: "h", pid: 1)
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    private func version(_ number: Int, of participant: Participant) -> PlanVersion {
        let editor = PlanEditor(author: .citizen, name: "Vera", now: t0, today: day("2026-01-05"))
        var plan = participant.plan
        let change = editor.addGoal(kind: .job, text: "Warehouse work, \(number)", in: &plan)
        plan.version = number
        return PlanVersion(version: number, stamp: Stamp(by: "Anna", at: t0), author: .citizen, change: change, plan: plan)
    }

    func testSavesMakeNoEncoder() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try temp.store.prepare()
        var participant = Participant(id: "p-a", name: "Vera", language: "da", courseStart: day("2026-01-05"), by: Stamp(by: "A", at: t0))
        try temp.store.save(participant)
        func save(_ number: Int) throws {
            participant.name = "Vera \(number)"
            participant = try ChangeSave.save(
                participant, version: version(number, of: participant), audit: .changed, in: temp.store, as: anna, at: t0, lockTimeout: 1
            ).participant
        }
        try save(1)
        let made = RecordCodec.Encoders.made
        for number in 2...6 { try save(number) }
        XCTAssertEqual(RecordCodec.Encoders.made - made, 0, "five saves (record, lock claims, audit and history lines) make no encoder")
        XCTAssertEqual(AuditLog(store: temp.store).entries(for: "p-a").count, 6)
        XCTAssertEqual(temp.store.loadHistory(participant: "p-a").map(\.version), Array(1...6))
    }

    /// One encoder serves threads that encode at once: every line is the one it would be alone,
    /// and a JSON parser reads back the entry it was made from.
    func testLinesEncodedOnSeveralThreadsAtOnceReadBackAsTheyWere() throws {
        let entries = (0..<400).map { index in
            AuditEntry(
                at: t0.addingTimeInterval(Double(index)), action: AuditAction.allCases[index % AuditAction.allCases.count],
                participant: "p-\(index)", coach: "Anna \"\(index)\" / Åse", user: "anna", host: "h")
        }
        let lines = Guarded([Data?](repeating: nil, count: entries.count))
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            let line = try? AuditLog.encodeLine(entries[index])
            lines.withLock { $0[index] = line }
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        for (entry, line) in zip(entries, lines.withLock { $0 }) {
            let line = try XCTUnwrap(line)
            XCTAssertEqual(line.last, 0x0A)
            XCTAssertEqual(line.filter { $0 == 0x0A }.count, 1, "one line each")
            XCTAssertEqual(try decoder.decode(AuditEntry.self, from: line), entry)
            XCTAssertEqual(line, try AuditLog.encodeLine(entry))
        }
    }
}
