import Foundation
import StepwiseCore
import StepwiseUI
import XCTest

/// The plan in the citizen's own words, driven in process: a goal and steps typed as the
/// citizen says them, a step suggested by the coach and accepted by the citizen, the change
/// marks against the first conversation, the history of versions, and undo that only reaches
/// this session.
final class PlanJourneyTests: XCTestCase {
    private let citizen = "Lena Groß"
    private let goal = "Få et job i en børnehave, 25 timer om ugen – æøå"
    private let firstStep = "Ringe til børnehaven Æblehaven"
    private let secondStep = "Skrive en ansøgning på dansk – blåbær"
    private let coachStep = "Besøge en børnehave sammen med Anna"

    func testGoalAndStepsInCitizensWordsSuggestionAcceptedMarksHistoryAndUndoPerSession() throws {
        let h = try AppHarness()
        guard let id = h.id(of: citizen) else { return XCTFail("the demo data has no \(citizen)") }
        let conversations = h.participantJSON(id)["conversations"] as? [[String: Any]] ?? []
        XCTAssertEqual(conversations.first?["status"] as? String, "held", "\(citizen)'s first conversation is held in the demo data")
        XCTAssertEqual(h.historyLines(id).count, 1, "the demo plan is version 1")

        h.open("lena")
        XCTAssertEqual(h.state.open?.tab, .plan)
        XCTAssertTrue(h.screen.contains("version 1 · 0 changes since version 1"), "nothing is new yet:\n\(h.screen)")
        XCTAssertTrue(h.screen.contains("Writing: [Citizen]"), "the citizen writes unless switched:\n\(h.screen)")

        // g: a goal in the citizen's words, of the kind Education (one step right of Job).
        h.press(.char("g"))
        XCTAssertTrue(h.screen.contains("A new goal"), h.screen)
        h.type(goal)
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("‹ Job ›"), h.screen)
        h.press(.right)
        XCTAssertTrue(h.screen.contains("‹ Education ›"), h.screen)
        h.press(.enter)
        XCTAssertNil(h.state.form, "the form is closed")
        XCTAssertTrue(h.screen.contains("version 2 · 1 change since version 1"), h.screen)
        XCTAssertTrue(
            h.row(containing: goal).contains("Education: “\(goal)”  ★ new"), "the goal is the citizen's, quoted, and new:\n\(h.screen)")
        XCTAssertTrue(h.row(containing: goal).hasPrefix("›"), "the new goal is selected:\n\(h.screen)")
        XCTAssertEqual(h.state.open?.participant.plan.goals.last?.id, "g-1", "the new goal's id comes from the environment")

        // a: a step with a due date typed as "+2w" (Step, Who, Name, By when, Status).
        h.press(.char("a"))
        XCTAssertTrue(h.screen.contains("A new step"), h.screen)
        h.type(firstStep)
        h.press(.tab, .tab, .tab)
        h.type("+2w")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("version 3 · 2 changes since version 1"), h.screen)
        let due = h.dayWithWeekday(addingDays: 14)
        XCTAssertTrue(
            h.flatScreen.contains("“\(firstStep)” · me · by \(due) · planned ★ new"),
            "the step is quoted, due in two weeks (\(due)) and new:\n\(h.screen)")

        // a again: the new step is selected, so the second step goes to the same goal.
        h.press(.char("a"))
        h.type(secondStep)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("version 4 · 3 changes since version 1"), h.screen)
        XCTAssertTrue(h.flatScreen.contains("“\(secondStep)” · me · planned ★ new"), h.screen)

        // w: the coach writes; the coach's step is a suggestion.
        h.press(.char("w"))
        XCTAssertTrue(h.screen.contains("Writing:  Citizen [Coach] Peer worker"), h.screen)
        h.press(.char("a"))
        h.type(coachStep)
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("‹ me ›"), h.screen)
        h.press(.right)
        XCTAssertTrue(h.screen.contains("‹ my coach ›"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("version 5 · 4 changes since version 1"), h.screen)
        let suggested = h.row(containing: coachStep)
        XCTAssertTrue(
            suggested.contains("? suggestion · \(coachStep)  (Coach)"),
            "the coach's words are a suggestion, unquoted, with who wrote them:\n\(h.screen)")
        XCTAssertFalse(suggested.contains("“\(coachStep)”"), "only the citizen's words are quoted:\n\(h.screen)")
        XCTAssertTrue(suggested.hasPrefix("›"), "the suggestion is selected:\n\(h.screen)")

        // w twice: peer worker, then the citizen again.
        h.press(.char("w"))
        XCTAssertTrue(h.screen.contains("Writing:  Citizen  Coach [Peer worker]"), h.screen)
        h.press(.char("w"))
        XCTAssertTrue(h.screen.contains("Writing: [Citizen] Coach  Peer worker"), h.screen)

        // y: the citizen is asked, and accepts the suggestion.
        h.press(.char("y"))
        XCTAssertEqual(h.state.confirm?.question, "Does \(citizen) accept “\(coachStep)” as part of their own plan?")
        h.press(.char("y"))
        XCTAssertTrue(h.screen.contains("version 6 · 4 changes since version 1"), h.screen)
        assertPlanAsSaved(h, when: "after accepting")

        // Esc back to the caseload, which lists everyone again (the search ends with the participant).
        h.press(.escape)
        XCTAssertNil(h.state.open)
        XCTAssertEqual(h.historyLines(id).count, 6, "one history line per saved version")

        // A new start: everything is there with the same marks.
        try h.restart()
        h.open("lena")
        XCTAssertTrue(h.screen.contains("version 6 · 4 changes since version 1"), "the marks compare with v1 again:\n\(h.screen)")
        assertPlanAsSaved(h, when: "after a restart")

        // h: the history, newest first.
        h.press(.char("h"))
        XCTAssertTrue(h.screen.contains("History of the plan"), h.screen)
        let me = citizen + " (Citizen)"
        let expected: [(version: String, who: String, change: String)] = [
            ("v6", me, "accepted “" + String(coachStep.prefix(20))), ("v5", "Anna (Coach)", "added step “" + String(coachStep.prefix(20))),
            ("v4", me, "added step “" + String(secondStep.prefix(20))), ("v3", me, "added step “" + String(firstStep.prefix(20))),
            ("v2", me, "added goal “" + String(goal.prefix(20))), ("v1", me, "added goal “"),
        ]
        let rows = h.screen.components(separatedBy: "\n")
        var lastRow = -1
        for entry in expected {
            guard let row = rows.firstIndex(where: { $0.contains(" \(entry.version) ") }) else {
                XCTFail("\(entry.version) is not in the history:\n\(h.screen)")
                continue
            }
            XCTAssertGreaterThan(row, lastRow, "\(entry.version) comes after the newer versions:\n\(h.screen)")
            lastRow = row
            XCTAssertTrue(rows[row].contains(entry.who), "\(entry.version) was saved by \(entry.who):\n\(rows[row])")
            XCTAssertTrue(rows[row].contains(entry.change), "\(entry.version) says \(entry.change):\n\(rows[row])")
        }
        XCTAssertTrue(rows.contains { $0.contains("› v6 ") }, "the newest version is selected:\n\(h.screen)")

        // u: nothing to undo, since undo reaches only what this session changed.
        h.press(.escape)
        XCTAssertNil(h.state.historyBrowser)
        h.press(.char("u"))
        XCTAssertTrue(h.screen.contains("Nothing to undo since Stepwise was opened."), h.screen)
        XCTAssertTrue(h.screen.contains("version 6 · 4 changes since version 1"), "the plan is unchanged:\n\(h.screen)")
        assertPlanAsSaved(h, when: "after u in a new session")
        h.press(.escape, .char("q"))
        XCTAssertTrue(h.state.quitting)

        // On disk: the words and who wrote them, and one history line per version.
        let plan = h.participantJSON(id)["plan"] as? [String: Any] ?? [:]
        XCTAssertEqual(plan["version"] as? Int, 6)
        let goals = plan["goals"] as? [[String: Any]] ?? []
        guard let newGoal = goals.first(where: { (($0["text"] as? [String: Any])?["text"] as? String) == goal }) else {
            return XCTFail("the goal is not saved")
        }
        XCTAssertEqual(newGoal["id"] as? String, "g-1")
        XCTAssertEqual(newGoal["kind"] as? String, "education")
        XCTAssertEqual(newGoal["isSuggestion"] as? Bool, false)
        XCTAssertEqual((newGoal["text"] as? [String: Any])?["author"] as? String, "citizen")
        XCTAssertEqual((newGoal["text"] as? [String: Any])?["by"] as? String, citizen)
        let steps = newGoal["steps"] as? [[String: Any]] ?? []
        XCTAssertEqual(steps.compactMap { $0["id"] as? String }, ["s-1", "s-2", "s-3"])
        XCTAssertEqual(steps.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }, [firstStep, secondStep, coachStep])
        guard steps.count == 3 else { return }
        XCTAssertEqual(steps[0]["due"] as? String, "2026-12-14")
        XCTAssertNil(steps[1]["due"], "the second step has no date")
        for step in steps.prefix(2) {
            XCTAssertEqual((step["text"] as? [String: Any])?["author"] as? String, "citizen")
            XCTAssertEqual(step["isSuggestion"] as? Bool, false)
            XCTAssertEqual((step["who"] as? [String: Any])?["role"] as? String, "me")
            XCTAssertEqual(step["status"] as? String, "planned")
        }
        let coach = steps[2]
        XCTAssertEqual((coach["text"] as? [String: Any])?["author"] as? String, "coach", "the coach's words stay the coach's")
        XCTAssertEqual((coach["text"] as? [String: Any])?["by"] as? String, "Anna")
        XCTAssertEqual((coach["who"] as? [String: Any])?["role"] as? String, "coach")
        XCTAssertEqual(coach["isSuggestion"] as? Bool, false, "accepted, so no longer a suggestion")
        let accepted = coach["accepted"] as? [String: Any]
        XCTAssertEqual(accepted?["by"] as? String, citizen, "the citizen accepted it")
        XCTAssertNotNil(accepted?["at"] as? String)

        let history = h.historyLines(id)
        XCTAssertEqual(history.count, 6, "one line per saved version; the empty undo saved nothing")
        XCTAssertEqual(history.map { $0["version"] as? Int ?? -1 }, [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(
            history.map { ($0["change"] as? [String: Any])?["kind"] as? String ?? "?" },
            ["addGoal", "addGoal", "addStep", "addStep", "addStep", "accept"])
        XCTAssertEqual(history.map { $0["author"] as? String ?? "?" }, ["citizen", "citizen", "citizen", "citizen", "coach", "citizen"])
        XCTAssertEqual(
            history.dropFirst().map { ($0["change"] as? [String: Any])?["subject"] as? String ?? "?" },
            [goal, firstStep, secondStep, coachStep, coachStep])
        XCTAssertEqual((history.last?["plan"] as? [String: Any])?["version"] as? Int, 6, "the last history line holds the plan as saved")
    }

    /// The change marks compare with the plan as it stood when the last conversation was
    /// held. A goal written after today's conversation 1 began is new since then, even on the
    /// same day: the comparison must not move along with every change made that day.
    func testAGoalWrittenAfterTodaysConversationIsMarkedNew() throws {
        let h = try AppHarness()
        let grace = "Grace O'Neill"
        guard let id = h.id(of: grace) else { return XCTFail("the demo data has no \(grace)") }
        let conversations = h.participantJSON(id)["conversations"] as? [[String: Any]] ?? []
        XCTAssertEqual(conversations.first?["status"] as? String, "planned", "\(grace)'s conversation 1 is still to be held")
        h.open("grace")
        XCTAssertTrue(h.screen.contains("version 1"), h.screen)
        XCTAssertFalse(h.screen.contains("changes since"), "no conversation is held yet, so nothing is compared:\n\(h.screen)")

        // Conversation 1 starts today: it is held, and the plan as it stands is what was agreed.
        h.press(.char("s"))
        for _ in 0..<6 where !h.screen.contains("‹ Conversation 1 ›") { h.press(.right) }
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Session running: Conversation 1"), h.screen)
        XCTAssertTrue(h.screen.contains("version 2 · 0 changes since version 2"), h.screen)

        // A goal written after that is new.
        let newGoal = "Lære dansk på arbejdspladsen – æøå"
        h.press(.char("g"))
        h.type(newGoal)
        h.press(.enter)
        XCTAssertTrue(
            h.screen.contains("version 3 · 1 change since version 2"),
            "the new goal counts as a change since conversation 1 (v2), not since itself:\n\(h.screen)")
        XCTAssertTrue(h.row(containing: newGoal).contains("“\(newGoal)”  ★ new"), "the goal is marked new:\n\(h.screen)")
    }

    /// What the plan must show after the suggestion was accepted.
    private func assertPlanAsSaved(_ h: AppHarness, when: String, file: StaticString = #filePath, line: UInt = #line) {
        let flat = h.flatScreen
        let screen = h.screen
        XCTAssertTrue(flat.contains("Education: “\(goal)” ★ new"), "\(when): the goal, quoted and new:\n\(screen)", file: file, line: line)
        XCTAssertTrue(
            flat.contains("“\(firstStep)” · me · by \(h.dayWithWeekday(addingDays: 14)) · planned ★ new"),
            "\(when): the first step:\n\(screen)", file: file, line: line)
        XCTAssertTrue(flat.contains("“\(secondStep)” · me · planned ★ new"), "\(when): the second step:\n\(screen)", file: file, line: line)
        XCTAssertTrue(
            flat.contains("\(coachStep) (Coach) · my coach · planned ★ new"),
            "\(when): the accepted step keeps the coach's words and is new:\n\(screen)", file: file, line: line)
        XCTAssertFalse(screen.contains("? suggestion"), "\(when): nothing is a suggestion any more:\n\(screen)", file: file, line: line)
        XCTAssertEqual(
            flat.components(separatedBy: "★ new").count - 1, 4, "\(when): the goal and its three steps are new:\n\(screen)",
            file: file, line: line)
        XCTAssertFalse(screen.contains("✎ changed"), "\(when): nothing old was changed:\n\(screen)", file: file, line: line)
        XCTAssertTrue(flat.contains("Conversation 1 "), "\(when): the course frame is shown:\n\(screen)", file: file, line: line)
    }
}
