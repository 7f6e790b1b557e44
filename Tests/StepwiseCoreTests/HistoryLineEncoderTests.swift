import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// A plan history line made by splicing the goals (`HistoryLineEncoder`) is byte for byte the
/// line `JSONEncoder` writes for the whole version, and encodes only the goals that changed.
final class HistoryLineEncoderTests: XCTestCase {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func testEveryChangeOfAPlanGivesTheLineJSONEncoderGivesAndEncodesOnlyTheGoalItChanged() throws {
        let editor = PlanEditor(author: .citizen, name: "Vera", now: t0, today: day("2026-01-05"))
        var plan = Plan()
        var number = 0
        let id = "p-history-line"
        /// The line of the version `change` made, checked against the whole encoding; the
        /// goals encoded for it.
        func line(_ change: PlanChange?) throws -> Int {
            number += 1
            plan.version = number
            let version = PlanVersion(
                version: number, stamp: Stamp(by: "Anna", at: t0), author: .citizen, coach: "Anna", change: try XCTUnwrap(change), plan: plan)
            let before = HistoryLineEncoder.goalsEncoded
            let spliced = try HistoryLineEncoder.line(version, participant: id)
            XCTAssertEqual(spliced, try RecordCodec.line(version), "version \(number)")
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            XCTAssertEqual(try decoder.decode(PlanVersion.self, from: spliced), version)
            return HistoryLineEncoder.goalsEncoded - before
        }
        let texts = ["Warehouse work", "Køkken \"goals\":[] / café", "Lager, 3 dage", "Büro 🙂\nzweite Zeile", "Sjuksköterska"]
        for text in texts {
            XCTAssertEqual(try line(editor.addGoal(kind: .job, text: text, in: &plan)), 1, "an added goal is the one encoded")
        }
        let second = plan.goals[1].id
        XCTAssertEqual(try line(editor.addStep(to: second, text: "Ring til \"Netto\"", who: .me, due: day("2026-02-01"), in: &plan)), 1)
        XCTAssertEqual(try line(editor.editGoal(second, kind: .education, text: "Kok", in: &plan)), 1)
        XCTAssertLessThanOrEqual(try line(editor.moveGoal(second, by: 2, in: &plan)), 2, "a goal moved")
        XCTAssertEqual(try line(editor.dropGoal(plan.goals[0].id, in: &plan)), 1)
        XCTAssertEqual(try line(editor.approve(conversation: nil, in: &plan)), 0, "a change beside the goals encodes none")
    }

    func testAPlanWithoutGoalsAndAnotherParticipantsPlanAreEncodedWhole() throws {
        let editor = PlanEditor(author: .coach, name: "Anna", now: t0, today: day("2026-01-05"))
        var plan = Plan()
        let empty = PlanVersion(version: 1, stamp: Stamp(by: "Anna", at: t0), author: .coach, change: editor.approve(conversation: 2, in: &plan), plan: plan)
        XCTAssertEqual(try HistoryLineEncoder.line(empty, participant: "p-one"), try RecordCodec.line(empty))
        let change = editor.addGoal(kind: .job, text: "Lager", in: &plan)
        let version = PlanVersion(version: 2, stamp: Stamp(by: "Anna", at: t0), author: .coach, change: change, plan: plan)
        XCTAssertEqual(try HistoryLineEncoder.line(version, participant: "p-one"), try RecordCodec.line(version))
        XCTAssertEqual(try HistoryLineEncoder.line(version, participant: "p-two"), try RecordCodec.line(version))
    }
}
