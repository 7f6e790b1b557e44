import Foundation
import StepwiseCore
import StepwiseUI
import XCTest

/// Opening a record reads its plan history back only to the version the change marks need;
/// the marks are the same as from the whole history, and `h` shows every version.
final class RecentHistoryTests: XCTestCase {
    /// Gives the participant `id` six more plan versions, the fifth approved, saved as the
    /// program saves them.
    @discardableResult
    private func lengthen(_ h: AppHarness, _ id: String) throws -> Participant {
        var participant = try h.store.loadParticipant(id)
        for n in 1...6 {
            participant.plan.version += 1
            let at = AppHarness.start.addingTimeInterval(Double(n) * 60)
            let stamp = Stamp(by: "Anna", at: at)
            if n == 5 {
                participant.plan.approvals.append(
                    Approval(day: Day(at, timeZone: .gmt), version: participant.plan.version, conversation: nil, stamp: stamp))
            }
            let version = PlanVersion(
                version: participant.plan.version, stamp: stamp, author: .coach,
                change: PlanChange(n == 5 ? .approve : .editStep, "step \(n)"), plan: participant.plan)
            try h.store.appendHistory(version, participant: id)
        }
        try h.store.save(participant)
        return participant
    }

    func testTheNewestVersionsGiveTheSameBaselineAsTheWholeHistory() throws {
        let h = try AppHarness()
        for id in h.store.participantIDs().prefix(5) { try lengthen(h, id) }
        var shorter = 0
        for id in h.store.participantIDs() {
            let participant = try h.store.loadParticipant(id)
            let whole = h.store.loadHistory(participant: id)
            let recent = h.store.loadRecentHistory(participant: id) { PlanChanges.reaches($0, for: participant, timeZone: .gmt) }
            let full = PlanChanges.baseline(participant, history: whole, timeZone: .gmt)
            let fromRecent = PlanChanges.baseline(participant, history: recent.versions, timeZone: .gmt)
            XCTAssertEqual(full?.version, fromRecent?.version, participant.name)
            XCTAssertEqual(full?.plan, fromRecent?.plan, participant.name)
            XCTAssertEqual(Array(whole.suffix(recent.versions.count)), recent.versions, participant.name)
            XCTAssertEqual(recent.complete, recent.versions.count == whole.count, participant.name)
            if recent.versions.count < whole.count { shorter += 1 }
        }
        XCTAssertGreaterThan(shorter, 0, "some demo participant has versions before the one the marks need")
    }

    func testBrowsingTheHistoryReadsAllOfIt() throws {
        let h = try AppHarness()
        guard let id = h.id(of: "Lena Groß") else { return XCTFail("no Lena in the demo data") }
        let partial = try lengthen(h, id)
        h.open("lena")
        XCTAssertEqual(h.state.open?.historyComplete, false)
        let whole = h.store.loadHistory(participant: partial.id)
        XCTAssertLessThan(h.state.open?.history.count ?? 0, whole.count)
        h.press(.char("h"))
        XCTAssertEqual(h.state.open?.historyComplete, true)
        XCTAssertEqual(h.state.open?.history, whole)
        XCTAssertTrue(h.screen.contains("History of the plan"), h.screen)
    }
}
