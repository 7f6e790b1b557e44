import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Issue 3: the plan in the citizen's own words. A goal and steps typed as the citizen says
/// them, a step suggested by the coach and accepted by the citizen, the change marks against
/// the first conversation, the history of versions, and undo that only reaches this session.
final class PlanJourneyTests: EndToEndTestCase {
    private let citizen = "Lena Groß"
    private let query = "lena"
    private let goal = "Få et job i en børnehave, 25 timer om ugen – æøå"
    private let firstStep = "Ringe til børnehaven Æblehaven"
    private let secondStep = "Skrive en ansøgning på dansk – blåbær"
    private let coachStep = "Besøge en børnehave sammen med Anna"

    func testGoalAndStepsInCitizensWordsSuggestionAcceptedMarksHistoryAndUndoPerSession() throws {
        try makeDemo()
        guard let before = participantFile(named: citizen) else { return XCTFail("the demo data has no \(citizen)") }
        let id = before.url.deletingPathExtension().lastPathComponent
        let conversations = before.object["conversations"] as? [[String: Any]] ?? []
        XCTAssertEqual(conversations.first?["status"] as? String, "held", "\(citizen)'s first conversation is held in the demo data")
        XCTAssertEqual(historyLines(id).count, 1, "the demo plan is version 1")

        // A tall window: the whole plan is on screen at once.
        let first = try startTUI(width: 100, height: 60)
        let tmux = first.tmux
        tmux.waitFor(participantsLine())
        var screen = openParticipant(in: tmux)
        XCTAssertTrue(screen.contains("version 1 · 0 new or changed since v1"), "nothing is new yet:\n\(screen)")
        XCTAssertTrue(screen.contains("Writing: [Citizen]"), "the citizen writes unless switched:\n\(screen)")

        // g: a goal in the citizen's words, of the kind Education (one step right of Job).
        tmux.send("g")
        tmux.waitFor("A new goal")
        tmux.type(goal)
        tmux.waitFor(goal)
        tmux.send("Tab")
        tmux.waitFor("› Kind")
        tmux.waitFor("‹ Job ›")
        tmux.send("Right")
        tmux.waitFor("‹ Education ›")
        tmux.send("Enter")
        screen = tmux.waitForSettled("version 2 · 1 new or changed since v1")
        XCTAssertFalse(screen.contains("A new goal"), "the form is closed:\n\(screen)")
        XCTAssertTrue(line(containing: goal, in: screen).contains("Education: “\(goal)”  ★ new"),
                      "the goal is the citizen's, quoted, and marked new:\n\(screen)")
        XCTAssertTrue(line(containing: goal, in: screen).hasPrefix("›"), "the new goal is selected:\n\(screen)")

        // a: a step with a due date typed as "+2w" (Step, Who, Name, By when, Status).
        tmux.send("a")
        tmux.waitFor("A new step")
        tmux.type(firstStep)
        tmux.waitFor(firstStep)
        tmux.send("Tab", "Tab", "Tab")
        tmux.waitFor("› By when")
        tmux.type("+2w")
        tmux.waitFor("+2w")
        tmux.send("Enter")
        screen = tmux.waitForSettled("version 3 · 2 new or changed since v1")
        let due = Self.dayWithWeekday(addingDays: 14)
        XCTAssertTrue(Tmux.flat(screen).contains("“\(firstStep)” · me · by \(due) · planned ★ new"),
                      "the step is quoted, due in two weeks (\(due)) and new:\n\(screen)")

        // a again: the new step is selected, so the second step goes to the same goal.
        tmux.send("a")
        tmux.waitFor("A new step")
        tmux.type(secondStep)
        tmux.waitFor(secondStep)
        tmux.send("Enter")
        screen = tmux.waitForSettled("version 4 · 3 new or changed since v1")
        XCTAssertTrue(Tmux.flat(screen).contains("“\(secondStep)” · me · planned ★ new"), screen)

        // w: the coach writes; the coach's step is a suggestion.
        tmux.send("w")
        tmux.waitFor("Writing:  Citizen [Coach] Peer worker")
        tmux.send("a")
        tmux.waitFor("A new step")
        tmux.type(coachStep)
        tmux.waitFor(coachStep)
        tmux.send("Tab")
        tmux.waitFor("‹ me ›")
        tmux.send("Right")
        tmux.waitFor("‹ my coach ›")
        tmux.send("Enter")
        screen = tmux.waitForSettled("version 5 · 4 new or changed since v1")
        let suggested = line(containing: coachStep, in: screen)
        XCTAssertTrue(suggested.contains("? suggestion · \(coachStep)  (Coach)"),
                      "the coach's words are a suggestion, unquoted, with who wrote them:\n\(screen)")
        XCTAssertFalse(suggested.contains("“\(coachStep)”"), "only the citizen's words are quoted:\n\(screen)")
        XCTAssertTrue(suggested.hasPrefix("›"), "the suggestion is selected:\n\(screen)")

        // w twice: peer worker, then the citizen again.
        tmux.send("w")
        tmux.waitFor("Writing:  Citizen  Coach [Peer worker]")
        tmux.send("w")
        tmux.waitFor("Writing: [Citizen] Coach  Peer worker")

        // y: the citizen accepts the suggestion.
        tmux.send("y")
        screen = tmux.waitForSettled("version 6 · 4 new or changed since v1")
        assertPlanAsSaved(screen, when: "after accepting")

        // Esc to the caseload (the search is kept), Esc clears it, q quits.
        closeParticipant(in: tmux)
        tmux.send("q")
        XCTAssertEqual(first.waitForExit(), 0)
        XCTAssertEqual(historyLines(id).count, 6, "one history line per saved version")

        // A new start: everything is there with the same marks.
        let second = try startTUI(width: 100, height: 60)
        let again = second.tmux
        again.waitFor(participantsLine())
        screen = openParticipant(in: again)
        XCTAssertTrue(screen.contains("version 6 · 4 new or changed since v1"), "the marks compare with v1 again:\n\(screen)")
        assertPlanAsSaved(screen, when: "after a restart")

        // h: the history, newest first.
        again.send("h")
        screen = again.waitForSettled("History of the plan")
        let v6 = "accepted “" + String(coachStep.prefix(20))
        let v5 = "added step “" + String(coachStep.prefix(20))
        let v4 = "added step “" + String(secondStep.prefix(20))
        let v3 = "added step “" + String(firstStep.prefix(20))
        let v2 = "added goal “" + String(goal.prefix(20))
        let me = citizen + " (Citizen)"
        let expected: [(version: String, who: String, change: String)] = [
            ("v6", me, v6), ("v5", "Anna (Coach)", v5), ("v4", me, v4), ("v3", me, v3), ("v2", me, v2), ("v1", me, "added goal “"),
        ]
        var lastRow = -1
        let rows = screen.components(separatedBy: "\n")
        for entry in expected {
            guard let row = rows.firstIndex(where: { $0.contains(" \(entry.version) ") }) else {
                XCTFail("\(entry.version) is not in the history:\n\(screen)")
                continue
            }
            XCTAssertGreaterThan(row, lastRow, "\(entry.version) comes after the newer versions:\n\(screen)")
            lastRow = row
            XCTAssertTrue(rows[row].contains(entry.who), "\(entry.version) was saved by \(entry.who):\n\(rows[row])")
            XCTAssertTrue(rows[row].contains(entry.change), "\(entry.version) says \(entry.change):\n\(rows[row])")
        }
        XCTAssertTrue(rows.contains { $0.contains("› v6 ") }, "the newest version is selected:\n\(screen)")

        // u: nothing to undo, since undo reaches only what this session changed.
        again.send("Escape")
        again.waitForGone("History of the plan")
        again.send("u")
        screen = again.waitForSettled("Nothing to undo in this session.")
        XCTAssertTrue(screen.contains("version 6 · 4 new or changed since v1"), "the plan is unchanged:\n\(screen)")
        assertPlanAsSaved(screen, when: "after u in a new session")
        closeParticipant(in: again)
        again.send("q")
        XCTAssertEqual(second.waitForExit(), 0)

        // On disk: the words and who wrote them, and one history line per version.
        guard let saved = participantFile(named: citizen) else { return XCTFail("\(citizen) is gone from disk") }
        let plan = saved.object["plan"] as? [String: Any] ?? [:]
        XCTAssertEqual(plan["version"] as? Int, 6)
        let goals = plan["goals"] as? [[String: Any]] ?? []
        guard let newGoal = goals.first(where: { (($0["text"] as? [String: Any])?["text"] as? String) == goal }) else {
            return XCTFail("the goal is not saved: \(goals.map { ($0["text"] as? [String: Any])?["text"] ?? "?" })")
        }
        XCTAssertEqual(newGoal["kind"] as? String, "education")
        XCTAssertEqual(newGoal["isSuggestion"] as? Bool, false)
        XCTAssertEqual((newGoal["text"] as? [String: Any])?["author"] as? String, "citizen")
        XCTAssertEqual((newGoal["text"] as? [String: Any])?["by"] as? String, citizen)
        let steps = newGoal["steps"] as? [[String: Any]] ?? []
        XCTAssertEqual(steps.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }, [firstStep, secondStep, coachStep])
        if steps.count == 3 {
            let dueDays = [E2E.isoDay(addingDays: 14), E2E.isoDay(addingDays: 14, to: Date().addingTimeInterval(-120))]
            XCTAssertTrue(dueDays.contains(steps[0]["due"] as? String ?? ""), "due \(steps[0]["due"] ?? "missing"), expected \(dueDays[0])")
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
            XCTAssertNotNil(accepted, "the acceptance is stamped")
            XCTAssertEqual(accepted?["by"] as? String, citizen, "the citizen accepted it")
            XCTAssertNotNil(accepted?["at"] as? String)
        }

        let history = historyLines(id)
        XCTAssertEqual(history.count, 6, "one line per saved version; the empty undo saved nothing")
        XCTAssertEqual(history.map { $0["version"] as? Int ?? -1 }, [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(history.map { ($0["change"] as? [String: Any])?["kind"] as? String ?? "?" },
                       ["addGoal", "addGoal", "addStep", "addStep", "addStep", "accept"])
        XCTAssertEqual(history.map { $0["author"] as? String ?? "?" }, ["citizen", "citizen", "citizen", "citizen", "coach", "citizen"])
        XCTAssertEqual(history.dropFirst().map { ($0["change"] as? [String: Any])?["subject"] as? String ?? "?" },
                       [goal, firstStep, secondStep, coachStep, coachStep])
        let lastPlan = history.last?["plan"] as? [String: Any]
        XCTAssertEqual(lastPlan?["version"] as? Int, 6, "the last history line holds the plan as saved")
        let raw = (try? String(contentsOf: historyURL(id), encoding: .utf8)) ?? ""
        XCTAssertTrue(raw.contains(goal), "the history keeps the goal as UTF-8 text")
    }

    /// The change marks compare with the plan as it stood when the last conversation was
    /// held. A goal written after today's conversation 1 began is new since then, even on the
    /// same day: the comparison must not move along with every change made that day.
    func testAGoalWrittenAfterTodaysConversationIsMarkedNew() throws {
        try makeDemo()
        let grace = "Grace O'Neill"
        let conversations = participantFile(named: grace)?.object["conversations"] as? [[String: Any]] ?? []
        XCTAssertEqual(conversations.first?["status"] as? String, "planned", "\(grace)'s conversation 1 is still to be held")
        let run = try startTUI(width: 100, height: 45)
        let tmux = run.tmux
        tmux.waitFor(participantsLine())
        tmux.send("/")
        tmux.waitFor("Search:")
        tmux.type("grace")
        tmux.waitFor(oneMatch())
        tmux.send("Enter")
        var screen = tmux.waitForSettled("version 1")
        XCTAssertFalse(screen.contains("new or changed since"), "no conversation is held yet, so nothing is compared:\n\(screen)")

        // Conversation 1 starts today: it is held, and the plan as it stands is what was agreed.
        tmux.send("s")
        screen = tmux.waitForSettled("Start a session")
        for _ in 0..<6 where !screen.contains("‹ Conversation 1 ›") {
            tmux.send("Right")
            screen = tmux.settle(tmux.waitUntil("the kind changes") { $0.contains("‹ ") && $0 != screen })
        }
        tmux.send("Enter")
        tmux.waitFor("Session running: Conversation 1")
        screen = tmux.waitForSettled("version 2 · 0 new or changed since v2")

        // A goal written after that is new.
        let newGoal = "Lære dansk på arbejdspladsen – æøå"
        tmux.send("g")
        tmux.waitFor("A new goal")
        tmux.type(newGoal)
        tmux.waitFor(newGoal)
        tmux.send("Enter")
        screen = tmux.waitForSettled("version 3 · ")
        XCTAssertTrue(screen.contains("version 3 · 1 new or changed since v2"),
                      "the new goal counts as a change since conversation 1 (v2), not since itself:\n\(screen)")
        XCTAssertTrue(line(containing: newGoal, in: screen).contains("“\(newGoal)”  ★ new"), "the goal is marked new:\n\(screen)")

        tmux.send("Escape")
        tmux.waitFor("Search: grace")
        tmux.send("Escape")
        tmux.waitFor(participantsLine())
        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0)
    }

    // MARK: - Helpers


    /// What the plan must show after the suggestion was accepted.
    private func assertPlanAsSaved(_ screen: String, when: String, file: StaticString = #filePath, line lineNumber: UInt = #line) {
        let flat = Tmux.flat(screen)
        XCTAssertTrue(flat.contains("Education: “\(goal)” ★ new"), "\(when): the goal, quoted and new:\n\(screen)", file: file, line: lineNumber)
        XCTAssertTrue(flat.contains("“\(firstStep)” · me · by \(Self.dayWithWeekday(addingDays: 14)) · planned ★ new"),
                      "\(when): the first step:\n\(screen)", file: file, line: lineNumber)
        XCTAssertTrue(flat.contains("“\(secondStep)” · me · planned ★ new"), "\(when): the second step:\n\(screen)", file: file, line: lineNumber)
        XCTAssertTrue(flat.contains("\(coachStep) (Coach) · my coach · planned ★ new"),
                      "\(when): the accepted step keeps the coach's words and is new:\n\(screen)", file: file, line: lineNumber)
        XCTAssertFalse(screen.contains("? suggestion"), "\(when): nothing is a suggestion any more:\n\(screen)", file: file, line: lineNumber)
        XCTAssertEqual(flat.components(separatedBy: "★ new").count - 1, 4, "\(when): the goal and its three steps are new:\n\(screen)",
                       file: file, line: lineNumber)
        XCTAssertFalse(screen.contains("✎ changed"), "\(when): nothing old was changed:\n\(screen)", file: file, line: lineNumber)
        XCTAssertTrue(flat.contains("Conversation 1 "), "\(when): the course frame is shown:\n\(screen)", file: file, line: lineNumber)
    }

    /// Searches for the participant and opens them; returns the screen.
    @discardableResult
    private func openParticipant(in tmux: Tmux, file: StaticString = #filePath, line: UInt = #line) -> String {
        tmux.send("/")
        tmux.waitFor("Search:", file: file, line: line)
        tmux.type(query)
        tmux.waitFor(oneMatch(), file: file, line: line)
        tmux.send("Enter")
        let opened = tmux.waitUntil("\(citizen) is open on the plan tab", file: file, line: line) { screen in
            screen.contains("[1 Plan]") && (screen.components(separatedBy: "\n").first ?? "").contains(citizen)
                && screen.contains("Writing:")
        }
        return tmux.settle(opened)
    }

    /// Esc back to the caseload, Esc again clears the search.
    private func closeParticipant(in tmux: Tmux, file: StaticString = #filePath, line: UInt = #line) {
        tmux.send("Escape")
        tmux.waitFor("Search: \(query)", file: file, line: line)
        tmux.send("Escape")
        tmux.waitFor(participantsLine(), file: file, line: line)
    }

    /// The first screen line that contains `text`, or "".
    private func line(containing text: String, in screen: String) -> String {
        screen.components(separatedBy: "\n").first { $0.contains(text) } ?? ""
    }

    private func historyURL(_ id: String) -> URL {
        data.appendingPathComponent("history").appendingPathComponent(id + ".jsonl")
    }

    /// The history file's lines as JSON objects (a line that does not parse fails the test).
    private func historyLines(_ id: String, file: StaticString = #filePath, line: UInt = #line) -> [[String: Any]] {
        guard let text = try? String(contentsOf: historyURL(id), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { row in
            guard let object = try? JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any] else {
                XCTFail("a history line is not JSON: \(row.prefix(200))", file: file, line: line)
                return nil
            }
            return object
        }
    }

    /// Today plus `days` as the plan writes it: "Sun 6 Dec 2026".
    static func dayWithWeekday(addingDays days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let day = calendar.date(byAdding: .day, value: days, to: Date())!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = .current
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE d MMM yyyy"
        return formatter.string(from: day)
    }
}
